package dev.mlops.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureRecordTest {

    static final Instant T = Instant.parse("2026-11-30T00:00:00Z");

    @Test
    void valuesAreCopiedInTheirOrderAndMayBeNull() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("b", 1.0);
        values.put("a", null);
        FeatureRecord record = FeatureRecord.of("c-17", T, values);
        values.put("c", "late");
        assertThat(record.entity()).isEqualTo("c-17");
        assertThat(record.eventTime()).isEqualTo(T);
        assertThat(record.values()).containsExactly(Map.entry("b", 1.0), new java.util.AbstractMap.SimpleEntry<>("a", null));
        assertThatThrownBy(() -> record.values().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBlankEntityIsRefused() {
        assertThatThrownBy(() -> FeatureRecord.of(" ", T, new HashMap<>()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a feature record's entity key must not be blank");
    }
}
