package dev.mlops.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.RowBuilder;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A column whose field is sensitive leaves the process sketch-only (DESIGN.md, "Raw values in profiles"). */
class SensitiveProfileTest {
    private static final Schema SCHEMA = Schema.of(
            Field.sensitive("ssn", ColumnType.TEXT),
            Field.sensitive("salary", ColumnType.NUMERIC),
            Field.of("age", ColumnType.NUMERIC));

    /** Rows {@code from} (inclusive) to {@code to} (exclusive): a distinct SSN-like text each, a salary, an age. */
    private static Table rows(int from, int to) {
        RowBuilder builder = Table.rowBuilder(SCHEMA);
        for (int i = from; i < to; i++) {
            builder.addRow(String.format(Locale.ROOT, "SSN-%06d-X", i), 30_000.0 + 7.25 * i, (double) (18 + i % 60));
        }
        return builder.build();
    }

    private static JsonNode column(String json, String name) {
        for (JsonNode column : Documents.parse(json, "p.json").node().path("columns")) {
            if (column.path("name").asText().equals(name)) {
                return column;
            }
        }
        throw new AssertionError("no column " + name);
    }

    @Nested
    class Writing {

        @Test
        void aSensitiveColumnIsWrittenSketchOnlyAndSaysSo() {
            DatasetProfile profile = DatasetProfile.of(rows(0, 300));
            String json = profile.toJson();

            assertThat(profile.sensitiveColumns()).containsExactly("salary", "ssn");
            assertThat(json).doesNotContain("SSN-000123-X").doesNotContain("SSN-");
            JsonNode ssn = column(json, "ssn");
            assertThat(ssn.path("sensitive").asBoolean()).isTrue();
            assertThat(ssn.path("distinctMethod").asText()).isEqualTo("SKETCH");
            assertThat(ssn.has("counts")).isFalse();
            assertThat(ssn.has("topK")).isFalse();
            JsonNode salary = column(json, "salary");
            assertThat(salary.path("sensitive").asBoolean()).isTrue();
            assertThat(salary.path("quantileMethod").asText()).isEqualTo("SKETCH");
            assertThat(salary.has("exactValues")).isFalse();
            assertThat(salary.has("distinctValues")).isFalse();
        }

        @Test
        void aColumnThatIsNotSensitiveKeepsItsExactQuantiles() {
            JsonNode age = column(DatasetProfile.of(rows(0, 300)).toJson(), "age");

            assertThat(age.has("sensitive")).isFalse();
            assertThat(age.path("quantileMethod").asText()).isEqualTo("EXACT");
            assertThat(age.path("exactValues").size()).isEqualTo(300);
        }

        @Test
        void inMemoryTheProfileStaysExact() {
            DatasetProfile profile = DatasetProfile.of(rows(0, 300));

            assertThat(((NumericProfile) profile.column("salary")).quantileMethod()).isEqualTo(Method.EXACT);
            assertThat(((CategoricalProfile) profile.column("ssn")).exactCounts()).isPresent();
        }
    }

    @Nested
    class ReadingBack {

        @Test
        void theLoadedProfileIsSketchOnlyAndStillSensitive() {
            DatasetProfile back = DatasetProfile.fromJson(DatasetProfile.of(rows(0, 300)).toJson(), "p.json");

            assertThat(back.sensitiveColumns()).containsExactly("salary", "ssn");
            assertThat(((NumericProfile) back.column("salary")).quantileMethod()).isEqualTo(Method.SKETCH);
            assertThat(((CategoricalProfile) back.column("ssn")).exactCounts()).isEmpty();
            assertThat(((NumericProfile) back.column("age")).quantileMethod()).isEqualTo(Method.EXACT);
            assertThat(back.toJson()).isEqualTo(DatasetProfile.fromJson(back.toJson(), "again.json").toJson());
        }

        @Test
        void mergingALoadedSensitiveProfileStaysWithinTheSketchesErrors() {
            DatasetProfile loaded = DatasetProfile.fromJson(DatasetProfile.of(rows(0, 3000)).toJson(), "p.json");
            DatasetProfile merged = loaded.merge(DatasetProfile.of(rows(3000, 5000)));

            assertThat(merged.sensitiveColumns()).containsExactly("salary", "ssn");
            assertThat(merged.rowCount()).isEqualTo(5000);
            NumericProfile salary = (NumericProfile) merged.column("salary");
            double[] all = new double[5000];
            Arrays.setAll(all, i -> 30_000.0 + 7.25 * i);
            for (double p : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) {
                double estimate = salary.quantile(p).orElseThrow();
                double rank = (double) Arrays.stream(all).filter(v -> v <= estimate).count() / all.length;
                assertThat(rank).as("p=%s", p).isCloseTo(p, within(salary.rankError() + 1.0 / all.length));
            }
            assertThat(salary.mean()).hasValueCloseTo(30_000.0 + 7.25 * 4999 / 2, within(1e-6));
            CategoricalProfile ssn = (CategoricalProfile) merged.column("ssn");
            assertThat(ssn.distinctLowerBound()).isLessThanOrEqualTo(5000);
            assertThat(ssn.distinctUpperBound()).isGreaterThanOrEqualTo(5000);
            assertThat(merged.toJson()).doesNotContain("SSN-");
        }

        @Test
        void aColumnSensitiveInEitherProfileIsSensitiveAfterAMerge() {
            Table plain = Table.of(rows(0, 10).columns().stream().map(c -> c.withSensitive(false)).toList());
            DatasetProfile merged = DatasetProfile.of(plain).merge(DatasetProfile.of(rows(10, 20)));

            assertThat(merged.sensitiveColumns()).containsExactly("salary", "ssn");
            assertThat(merged.toJson()).doesNotContain("SSN-");
        }
    }
}
