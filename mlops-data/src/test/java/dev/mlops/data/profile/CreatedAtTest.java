package dev.mlops.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.MlopsException;
import dev.mlops.core.json.Json;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CreatedAtTest {
    private static final Instant EARLY = Instant.parse("2026-03-01T08:15:30.123Z");
    private static final Instant LATE = Instant.parse("2026-03-02T00:00:00Z");

    private static DatasetProfile at(Table table, Instant instant) {
        return DatasetProfile.of(table, ProfileOptions.defaults(), Runnable::run, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void theClockStampsTheProfileAndJsonKeepsItAsIso8601() {
        Table table = DatasetProfileTest.randomTable(new SplittableRandom(3), 200, 10);
        // a clock in another zone still gives the same instant, written in UTC
        DatasetProfile profile = DatasetProfile.of(table, ProfileOptions.defaults(), Runnable::run,
                Clock.fixed(EARLY, ZoneId.of("Asia/Kolkata")));
        assertThat(profile.createdAt()).contains(EARLY);
        String json = profile.toJson();
        assertThat(json).contains("\"createdAt\": \"2026-03-01T08:15:30.123Z\"", "\"formatVersion\": 2");
        DatasetProfile back = DatasetProfile.fromJson(json);
        assertThat(back.createdAt()).contains(EARLY);
        assertThat(back.toJson()).isEqualTo(json);
        assertThat(DatasetProfile.of(table).createdAt()).isPresent();
    }

    @Test
    void mergeKeepsTheLaterInstant() {
        Table table = DatasetProfileTest.randomTable(new SplittableRandom(4), 300, 10);
        DatasetProfile early = at(table.rows(IntStream.range(0, 100).toArray()), EARLY);
        DatasetProfile late = at(table.rows(IntStream.range(100, 300).toArray()), LATE);
        assertThat(early.merge(late).createdAt()).contains(LATE);
        assertThat(late.merge(early).createdAt()).contains(LATE);
    }

    /** The version 1 document of a profile: no createdAt, no numeric distinct state, no type shares. */
    private static String asVersion1(DatasetProfile profile) throws Exception {
        ObjectNode root = (ObjectNode) Json.reader().readTree(profile.toJson());
        root.put("formatVersion", 1);
        root.remove("createdAt");
        for (JsonNode column : root.get("columns")) {
            ((ObjectNode) column).remove(java.util.List.of("distinct", "distinctLowerBound", "distinctUpperBound",
                    "distinctMethod", "distinctValues", "hll", "typeShares"));
        }
        return Json.prettyWriter().writeValueAsString(root);
    }

    @Test
    void version1DocumentsAreReadWithoutCreatedAtAndWithDerivedStatistics() throws Exception {
        Table table = DatasetProfileTest.randomTable(new SplittableRandom(5), 500, 20);
        DatasetProfile profile = at(table, EARLY);
        DatasetProfile old = DatasetProfile.fromJson(asVersion1(profile));
        assertThat(old.createdAt()).isEmpty();
        NumericProfile amount = (NumericProfile) old.column("amount");
        assertThat(amount.distinct()).isEqualTo(((NumericProfile) profile.column("amount")).distinct());
        for (String name : java.util.List.of("city", "note", "flag")) {
            assertThat(((CategoricalProfile) old.column(name)).typeShares())
                    .isEqualTo(((CategoricalProfile) profile.column(name)).typeShares());
        }
        // a profile without an instant merges with one that has it, and writes no instant of its own
        assertThat(old.merge(profile).createdAt()).contains(EARLY);
        assertThat(DatasetProfile.fromJson(old.merge(old).toJson()).createdAt()).isEmpty();
    }

    @Test
    void aVersion1SketchedNumericColumnIsRefusedByName() throws Exception {
        double[] values = new SplittableRandom(6).doubles(3000).toArray();
        DatasetProfile sketched = DatasetProfile.of(Table.of(NumericColumn.of("score", values)),
                ProfileOptions.defaults().withExactQuantileLimit(100).withExactDistinctLimit(100));
        String old = asVersion1(sketched);
        assertThatThrownBy(() -> DatasetProfile.fromJson(old)).isInstanceOf(MlopsException.class)
                .hasMessageContaining("column 'score'").hasMessageContaining("format version 1");
        assertThatThrownBy(() -> DatasetProfile.fromJson(old.replace("\"formatVersion\" : 1", "\"formatVersion\" : 3")
                .replace("\"formatVersion\": 1", "\"formatVersion\": 3")))
                .isInstanceOf(MlopsException.class).hasMessageContaining("format version 3");
    }
}
