package dev.mlops.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetFingerprintTest {

    /** Four rows: every type, a missing row, NaN, -0.0, non-ASCII text and a timestamp before the epoch. */
    private static Table fixture() {
        NumericColumn.Builder x = NumericColumn.builder("x");
        x.add(1.5).addMissing();
        x.add(Double.NaN).add(-0.0);
        CategoricalColumn.Builder city = CategoricalColumn.builder("city");
        city.add("München").addMissing();
        city.add("São Paulo").add("München");
        BooleanColumn.Builder ok = BooleanColumn.builder("ok");
        ok.add(true).addMissing();
        ok.add(false).add(true);
        return Table.of(x.build(), city.build(), ok.build(),
                TimestampColumn.of("at", Instant.ofEpochSecond(1_700_000_000L, 123_000), null,
                        Instant.ofEpochSecond(-1, 999_999_000), Instant.EPOCH),
                TextColumn.of("note", "a", null, "", "a"));
    }

    private static Fingerprint of(Table table) {
        return new DatasetFingerprint().add(table).finish(table.schema());
    }

    @Test
    void matchesAnIndependentImplementation() {
        // src/test/resources/dataset_fingerprint_oracle.py (hashlib, struct) on the same four rows
        assertThat(of(fixture()).sha256())
                .isEqualTo("f6b7d46cad67b4810241bc97253020e7ccec459e57cf61b862e5ea244a3807b0");
    }

    @Test
    void rowOrderAndPartsDoNotMatterButContentDoes() {
        Table table = SparkProfilerTest.randomTable(new SplittableRandom(3), 300, 10);
        int[] reversed = IntStream.range(0, 300).map(i -> 299 - i).toArray();
        DatasetFingerprint parts = new DatasetFingerprint().add(table.rows(IntStream.range(0, 100).toArray()))
                .merge(new DatasetFingerprint().add(table.rows(IntStream.range(100, 300).toArray())));

        assertThat(of(table.rows(reversed))).isEqualTo(of(table));
        assertThat(parts.finish(table.schema())).isEqualTo(of(table));
        assertThat(of(table.rows(IntStream.range(0, 299).toArray()))).isNotEqualTo(of(table));
        assertThat(of(table.rows(IntStream.range(0, 300).map(i -> i == 7 ? 8 : i).toArray())))
                .as("a changed row").isNotEqualTo(of(table));
        Table renamed = Table.of(table.columns().stream().map(c -> c.name().equals("city") ? c.rename("town") : c)
                .toList());
        assertThat(of(renamed)).isNotEqualTo(of(table));
        assertThat(new DatasetFingerprint().finish(table.schema())).isNotEqualTo(of(table))
                .isEqualTo(of(table.rows()));
    }

    @Test
    void longTextGrowsTheRowBuffer() {
        String longText = "ü".repeat(400);
        Table table = Table.of(TextColumn.of("t", longText, "short"), NumericColumn.of("x", 1, 2));
        Table swapped = Table.of(TextColumn.of("t", "short", longText), NumericColumn.of("x", 2, 1));

        assertThat(of(table)).isEqualTo(of(swapped));
        assertThat(of(Table.of(TextColumn.of("t", "short", longText), NumericColumn.of("x", 1, 2))))
                .isNotEqualTo(of(table));
    }
}
