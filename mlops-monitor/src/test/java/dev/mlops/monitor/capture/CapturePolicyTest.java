package dev.mlops.monitor.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.Seed;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CapturePolicyTest {

    static final Schema SCHEMA = Schema.of(Field.of("age", ColumnType.NUMERIC),
            Field.sensitive("name", ColumnType.TEXT), Field.sensitive("zip", ColumnType.CATEGORICAL));
    static final Map<String, Object> ROW = Map.of("age", 41.0, "name", "Zoë", "zip", "80331",
            "extra", true);

    @Nested
    class Sensitive {
        @Test
        void omitsSensitiveColumnsByDefault() {
            CapturePolicy policy = CapturePolicy.builder(SCHEMA).build();
            assertThat(policy.apply(ROW)).containsOnly(Map.entry("age", 41.0),
                    Map.entry("extra", true));
            assertThat(policy.hiddenColumns()).containsExactlyInAnyOrder("name", "zip");
            assertThat(policy.sensitive()).isEqualTo(CapturePolicy.Sensitive.OMIT);
        }

        @Test
        void masksWithTheStatedMask() {
            CapturePolicy policy = CapturePolicy.builder(SCHEMA)
                    .sensitive(CapturePolicy.Sensitive.MASK).build();
            assertThat(CapturePolicy.MASK).isEqualTo("***");
            assertThat(policy.apply(ROW)).containsOnly(Map.entry("age", 41.0),
                    Map.entry("extra", true), Map.entry("name", "***"), Map.entry("zip", "***"));
        }

        @Test
        void allowedColumnsPassRaw() {
            CapturePolicy policy = CapturePolicy.builder(SCHEMA).allow("zip").build();
            assertThat(policy.apply(ROW)).containsOnly(Map.entry("age", 41.0),
                    Map.entry("extra", true), Map.entry("zip", "80331"));
        }

        @Test
        void aRowWithoutHiddenColumnsIsReturnedAsItIs() {
            Map<String, Object> row = Map.of("age", 1.0);
            assertThat(CapturePolicy.builder(SCHEMA).build().apply(row)).isSameAs(row);
            assertThat(CapturePolicy.keepAll().apply(ROW)).isSameAs(ROW);
        }

        @Test
        void columnsTheCallerMarksSensitiveAreHiddenThoughTheSchemaDoesNotListThem() {
            Map<String, Object> row = Map.of("age", 41.0, "income", 52_000.0, "name", "Zoë");
            assertThat(CapturePolicy.builder(SCHEMA).build().apply(row, Set.of("income")))
                    .containsOnly(Map.entry("age", 41.0));
            assertThat(CapturePolicy.keepAll().apply(row, Set.of("income")))
                    .containsOnly(Map.entry("age", 41.0), Map.entry("name", "Zoë"));
            assertThat(CapturePolicy.builder(SCHEMA).sensitive(CapturePolicy.Sensitive.MASK).build()
                    .apply(row, Set.of("income")))
                    .containsOnly(Map.entry("age", 41.0), Map.entry("income", "***"), Map.entry("name", "***"));
        }

        @Test
        void aColumnTheCallerMarksSensitiveIsKeptWhenThePolicyAllowsItByName() {
            Schema withIncome = Schema.of(Field.of("age", ColumnType.NUMERIC),
                    Field.of("income", ColumnType.NUMERIC));
            Map<String, Object> row = Map.of("age", 41.0, "income", 52_000.0);
            assertThat(CapturePolicy.builder(withIncome).allow("income").build().apply(row, Set.of("income")))
                    .isSameAs(row);
            assertThat(CapturePolicy.builder(withIncome).build().apply(row, Set.of("income")))
                    .containsOnly(Map.entry("age", 41.0));
        }

        @Test
        void aRowWithoutMarkedColumnsIsReturnedAsItIs() {
            Map<String, Object> row = Map.of("age", 1.0);
            assertThat(CapturePolicy.builder(SCHEMA).build().apply(row, Set.of("income"))).isSameAs(row);
        }

        @Test
        void allowingAnUnknownColumnIsNamed() {
            assertThatThrownBy(() -> CapturePolicy.builder(SCHEMA).allow("ssn"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("allowed column \"ssn\" is not in the schema; expected one of"
                            + " [age, name, zip]");
        }
    }

    @Nested
    class Sampling {
        @Test
        void keepsAllAtHundredAndNoneAtZero() {
            CapturePolicy all = CapturePolicy.builder(SCHEMA).samplingPercentage(100).build();
            CapturePolicy none = CapturePolicy.builder(SCHEMA).samplingPercentage(0).build();
            assertThat(all.sampled("a")).isTrue();
            assertThat(none.sampled("a")).isFalse();
            assertThat(all.samplingPercentage()).isEqualTo(100.0);
        }

        @ParameterizedTest
        @ValueSource(doubles = {1.0, 10.0, 50.0, 90.0})
        void keepsAboutThePercentage(double percentage) {
            CapturePolicy policy = CapturePolicy.builder(SCHEMA).samplingPercentage(percentage)
                    .seed(Seed.of(11)).build();
            int n = 20_000;
            long kept = IntStream.range(0, n).filter(i -> policy.sampled("req-" + i)).count();
            double expected = n * percentage / 100.0;
            double sd = Math.sqrt(n * percentage / 100.0 * (1 - percentage / 100.0));
            assertThat((double) kept).as("kept at %s %%", percentage)
                    .isBetween(expected - 5 * sd, expected + 5 * sd);
        }

        @Test
        void theDecisionDependsOnlyOnSeedAndId() {
            CapturePolicy a = CapturePolicy.builder(SCHEMA).samplingPercentage(30)
                    .seed(Seed.of(5)).build();
            CapturePolicy b = CapturePolicy.builder(Schema.of()).samplingPercentage(30)
                    .seed(Seed.of(5)).build();
            CapturePolicy other = CapturePolicy.builder(SCHEMA).samplingPercentage(30)
                    .seed(Seed.of(6)).build();
            int differ = 0;
            for (int i = 0; i < 1000; i++) {
                String id = "req-" + i;
                assertThat(a.sampled(id)).isEqualTo(b.sampled(id)).isEqualTo(a.sampled(id));
                if (a.sampled(id) != other.sampled(id)) {
                    differ++;
                }
            }
            assertThat(differ).as("another seed samples other ids").isGreaterThan(100);
        }

        @Test
        void aBlankIdIsRefused() {
            assertThatThrownBy(() -> CapturePolicy.keepAll().sampled(" "))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inferenceId must be non-blank but was \" \"");
        }

        @ParameterizedTest
        @ValueSource(doubles = {-0.1, 100.1, Double.NaN})
        void aPercentageOutsideTheRangeIsNamed(double percentage) {
            assertThatThrownBy(() -> CapturePolicy.builder(SCHEMA).samplingPercentage(percentage))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("samplingPercentage must be in [0, 100] but was " + percentage);
        }
    }

    @Test
    void describesItself() {
        assertThat(CapturePolicy.builder(SCHEMA).samplingPercentage(5).seed(Seed.of(3)).build())
                .hasToString("CapturePolicy[samplingPercentage=5.0, seed=3, sensitive=OMIT,"
                        + " hidden=[name, zip]]");
    }
}
