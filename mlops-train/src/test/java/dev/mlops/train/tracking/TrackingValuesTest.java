package dev.mlops.train.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The value types of tracking: their rules and their messages. */
class TrackingValuesTest {
    private static final Instant T = Instant.parse("2026-03-01T09:00:00.123456Z");
    private static final ExperimentInfo EXPERIMENT = new ExperimentInfo("e1", "credit", T);

    @Nested
    class Statuses {
        @Test
        void onlyARunningRunMovesAndOnlyToAnEnd() {
            for (RunStatus from : RunStatus.values()) {
                for (RunStatus to : RunStatus.values()) {
                    assertThat(from.canMoveTo(to)).as("%s -> %s", from, to)
                            .isEqualTo(from == RunStatus.RUNNING && to != RunStatus.RUNNING);
                }
            }
            assertThat(RunStatus.RUNNING.isTerminal()).isFalse();
            assertThat(RunStatus.KILLED.isTerminal()).isTrue();
        }

        @Test
        void labelsRoundTripInAnyCase() {
            for (RunStatus status : RunStatus.values()) {
                assertThat(RunStatus.ofLabel(" " + status.label().toUpperCase(java.util.Locale.ROOT) + " ")).isEqualTo(status);
            }
            assertThat(RunStatus.FAILED.label()).isEqualTo("failed");
            assertThatThrownBy(() -> RunStatus.ofLabel("done")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown run status 'done'; expected running, finished, failed or killed");
        }
    }

    @Nested
    class KeysFollowMlflowsPathRules {
        @ParameterizedTest
        @ValueSource(strings = {"lr", "train/loss", "val auc", "a.b-c_d", "Größe", "x"})
        void goodKeysPass(String key) {
            assertThat(Keys.check("param", key)).isEqualTo(key);
        }

        @Test
        void badCharactersAreNamedWithTheirPosition() {
            assertThatThrownBy(() -> Keys.check("metric", "auc:val"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("metric key 'auc:val' has ':' at position 4; keys use letters, digits, '_', '-', '.', ' ' and '/'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/a", "a/", "a//b", "a/./b", "../a", ".", ".."})
        void emptyAndDotSegmentsAreRefused(String key) {
            assertThatThrownBy(() -> Keys.check("tag", key))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tag key '" + key + "' has an empty, '.' or '..' part between slashes");
        }

        @Test
        void lengthIsOneTo250() {
            assertThat(Keys.check("param", "k".repeat(250))).hasSize(250);
            assertThatThrownBy(() -> Keys.check("param", "k".repeat(251)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("param key must have 1 to 250 characters but had 251: '" + "k".repeat(40) + "...'");
            assertThatThrownBy(() -> Keys.check("param", ""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("param key must have 1 to 250 characters but had 0");
        }
    }

    @Nested
    class Records {
        @Test
        void aMetricPointKeepsMillisecondsAndRefusesANegativeStep() {
            assertThat(new MetricPoint("m", 1.0, 0, T).timestamp()).isEqualTo(Instant.parse("2026-03-01T09:00:00.123Z"));
            assertThatThrownBy(() -> new MetricPoint("m", 1.0, -1, T)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("metric 'm': step must not be negative but was -1");
            assertThatThrownBy(() -> new MetricPoint("a:b", 1.0, 0, T)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aRunsEndTimeAgreesWithItsStatus() {
            assertThatThrownBy(() -> info(RunStatus.FINISHED, Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("run r1 is finished but has no end time");
            assertThatThrownBy(() -> info(RunStatus.RUNNING, Optional.of(T))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("run r1 is running but has an end time");
            assertThat(info(RunStatus.KILLED, Optional.of(T)).endTime()).contains(T);
        }

        @Test
        void aRecordSortsAndFreezesWhatItHolds() {
            RunRecord record = new RunRecord(info(RunStatus.RUNNING, Optional.empty()),
                    new java.util.HashMap<>(Map.of("b", "2", "a", "1")),
                    Map.of("auc", new MetricPoint("auc", 0.8, 3, T)), Map.of("z", "1", "y", "2"), List.of(), List.of());
            assertThat(record.params().keySet()).containsExactly("a", "b");
            assertThat(record.tags().keySet()).containsExactly("y", "z");
            assertThat(record.metric("auc")).contains(0.8);
            assertThat(record.metric("loss")).isEmpty();
            assertThat(record.id()).isEqualTo("r1");
            assertThatThrownBy(() -> record.params().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void aBatchChecksEveryKey() {
            assertThatThrownBy(() -> new RunBatch(Map.of("a:b", "1"), List.of(), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("param key 'a:b'");
            assertThatThrownBy(() -> new RunBatch(Map.of(), List.of(), Map.of("", "1")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tag key must have");
            assertThat(new RunBatch(Map.of(), List.of(), Map.of()).isEmpty()).isTrue();
            assertThat(RunBatch.ofMetrics(List.of(new MetricPoint("m", 1, 0, T))).isEmpty()).isFalse();
            assertThat(new RunBatch(Map.of("p", "1"), List.of(), Map.of()).isEmpty()).isFalse();
            assertThat(new RunBatch(Map.of(), List.of(), Map.of("t", "1")).isEmpty()).isFalse();
        }

        private RunInfo info(RunStatus status, Optional<Instant> end) {
            return new RunInfo("r1", EXPERIMENT, "run", status, T, end, OptionalLong.empty(), Optional.empty(), "u");
        }
    }

    @Nested
    class Specs {
        @Test
        void aSpecHoldsWhatItWasGiven() {
            RunSpec spec = RunSpec.builder().name("n").seed(7).codeVersion("c").user("u").tag("t", "1").param("p", "2").build();
            assertThat(spec.name()).contains("n");
            assertThat(spec.seed()).isEqualTo(OptionalLong.of(7));
            assertThat(spec.codeVersion()).contains("c");
            assertThat(spec.user()).contains("u");
            assertThat(spec.tags()).containsExactly(Map.entry("t", "1"));
            assertThat(spec.params()).containsExactly(Map.entry("p", "2"));
            RunSpec empty = RunSpec.defaults();
            assertThat(empty.name()).isEmpty();
            assertThat(empty.seed()).isEmpty();
            assertThat(empty.codeVersion()).isEmpty();
            assertThat(empty.user()).isEmpty();
        }

        @Test
        void blankValuesAndBadKeysAreRefused() {
            assertThatThrownBy(() -> RunSpec.builder().name(" ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("name must not be blank");
            assertThatThrownBy(() -> RunSpec.builder().codeVersion("")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("codeVersion must not be blank");
            assertThatThrownBy(() -> RunSpec.builder().user("")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("user must not be blank");
            assertThatThrownBy(() -> RunSpec.builder().tag("a:b", "1")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> RunSpec.builder().param("/a", "1")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Queries {
        @Test
        void aQueryHoldsItsConditionsOrderAndLimit() {
            RunQuery query = RunQuery.in("credit").experiment("other").status(RunStatus.FINISHED).param("lr", "0.1")
                    .tag("team", "risk").metric("auc", RunQuery.Comparison.GREATER, 0.5).orderByMetric("auc", true)
                    .limit(10).build();
            assertThat(query.experiments()).containsExactly("credit", "other");
            assertThat(query.statuses()).containsExactly(RunStatus.FINISHED);
            assertThat(query.params()).containsExactly(new RunQuery.Equals("lr", "0.1"));
            assertThat(query.tags()).containsExactly(new RunQuery.Equals("team", "risk"));
            assertThat(query.metrics()).containsExactly(new RunQuery.MetricCondition("auc", RunQuery.Comparison.GREATER, 0.5));
            assertThat(query.orderMetric()).contains("auc");
            assertThat(query.descending()).isTrue();
            assertThat(query.limit()).isEqualTo(10);
            RunQuery all = RunQuery.all().build();
            assertThat(all.experiments()).isEmpty();
            assertThat(all.statuses()).isEmpty();
            assertThat(all.orderMetric()).isEmpty();
            assertThat(all.limit()).isEqualTo(RunQuery.DEFAULT_LIMIT);
        }

        @Test
        void comparisonsAreTheSqlOperators() {
            assertThat(RunQuery.Comparison.values()).extracting(RunQuery.Comparison::symbol)
                    .containsExactly("<", "<=", "=", ">=", ">");
        }

        @Test
        void aNonFiniteValueAndALimitBelowOneAreRefused() {
            assertThatThrownBy(() -> RunQuery.all().metric("auc", RunQuery.Comparison.LESS, Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("metric 'auc': the value to compare with must be finite but was NaN");
            assertThatThrownBy(() -> RunQuery.all().limit(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("limit must be at least 1 but was 0");
            assertThat(RunQuery.all().limit(1).build().limit()).isEqualTo(1);
        }
    }

    @Nested
    class Retention {
        @Test
        void aPolicyKeepsTheNewestTheYoungOrBoth() {
            RetentionPolicy both = RetentionPolicy.keepLast(5).orYoungerThan(Duration.ofDays(30));
            assertThat(both.keepLast()).hasValue(5);
            assertThat(both.maxAge()).contains(Duration.ofDays(30));
            assertThat(both).hasToString("RetentionPolicy[keep last 5 or younger than PT720H]");
            RetentionPolicy young = RetentionPolicy.youngerThan(Duration.ofHours(1)).orLast(2);
            assertThat(young.keepLast()).hasValue(2);
            assertThat(RetentionPolicy.youngerThan(Duration.ofHours(1)).keepLast()).isEmpty();
            assertThat(RetentionPolicy.keepLast(1).maxAge()).isEmpty();
            assertThat(RetentionPolicy.keepLast(1)).hasToString("RetentionPolicy[keep last 1]");
            assertThat(RetentionPolicy.youngerThan(Duration.ofHours(1))).hasToString("RetentionPolicy[younger than PT1H]");
        }

        @Test
        void nothingOrNegativeIsRefused() {
            assertThatThrownBy(() -> RetentionPolicy.keepLast(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the number of runs to keep must be at least 1 but was 0");
            assertThatThrownBy(() -> RetentionPolicy.youngerThan(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the age to keep must be positive but was PT0S");
            assertThatThrownBy(() -> RetentionPolicy.keepLast(1).orYoungerThan(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> RetentionPolicy.youngerThan(Duration.ofDays(1)).orLast(-3))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
