package dev.mlops.monitor.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.json.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CaptureRecordTest {

    static final Instant T0 = Instant.parse("2026-12-07T00:49:30.123Z");

    static CaptureRecord record(String id) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("city", "München");
        input.put("age", 41.0);
        return new CaptureRecord(id, T0, "churn-v3", CaptureStage.AFTER_MODEL, input,
                Map.of("score", 0.82));
    }

    @Nested
    class Shape {
        @Test
        void writesTheDocumentedShapeWithSortedRowKeys() throws Exception {
            assertThat(Json.writer().writeValueAsString(record("req-42"))).isEqualTo(
                    "{\"inferenceId\":\"req-42\",\"time\":\"2026-12-07T00:49:30.123Z\","
                            + "\"modelVariant\":\"churn-v3\",\"stage\":\"after-model\","
                            + "\"input\":{\"age\":41.0,\"city\":\"München\"},"
                            + "\"output\":{\"score\":0.82}}");
        }

        @Test
        void readsBackEqual() throws Exception {
            CaptureRecord record = record("req-42");
            String json = Json.writer().writeValueAsString(record);
            assertThat(Json.reader().forType(CaptureRecord.class).<CaptureRecord>readValue(json))
                    .isEqualTo(record);
        }

        @Test
        void rowsAreUnmodifiableCopiesAndKeepNulls() {
            Map<String, Object> input = new HashMap<>();
            input.put("b", null);
            input.put("a", 1.0);
            CaptureRecord record = new CaptureRecord("x", T0, "v", CaptureStage.AFTER_MODEL,
                    input, Map.of());
            input.put("c", 2.0);
            assertThat(record.input()).containsExactly(Map.entry("a", 1.0),
                    new java.util.AbstractMap.SimpleEntry<>("b", null));
            assertThatThrownBy(() -> record.input().put("d", 1.0))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class BadArguments {
        @Test
        void blankIdOrVariantIsNamed() {
            assertThatThrownBy(() -> new CaptureRecord(" ", T0, "v", CaptureStage.AFTER_MODEL,
                    Map.of(), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inferenceId must be non-blank but was \" \"");
            assertThatThrownBy(() -> new CaptureRecord("x", T0, "", CaptureStage.AFTER_MODEL,
                    Map.of(), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("modelVariant must be non-blank but was \"\"");
        }

        @Test
        void nullColumnNameIsNamed() {
            Map<String, Object> input = new HashMap<>();
            input.put(null, 1.0);
            assertThatThrownBy(() -> new CaptureRecord("x", T0, "v", CaptureStage.AFTER_MODEL,
                    Map.of(), input))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("output has a null column name");
        }
    }
}
