package dev.mlops.monitor.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricIdTest {
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    @Nested
    class Names {

        @ParameterizedTest
        @ValueSource(strings = {"drift", "drift.statistic", "quality.f1_macro", "a1.b2.c_3", "x"})
        void wellFormed(String name) {
            assertThat(MetricId.of(name).name()).isEqualTo(name);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "Drift", "drift.", ".drift", "drift..statistic", "drift-statistic", "1drift",
            "drift.Statistic", "drift statistic", "drift._x"})
        void malformed(String name) {
            assertThatThrownBy(() -> MetricId.of(name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("metric name must be dot-separated segments of a lower-case letter followed by"
                            + " lower-case letters, digits or '_' (such as 'drift.statistic') but was '" + name + "'");
        }
    }

    @Nested
    class TagRules {

        @Test
        void sortedByKeyAndUnmodifiable() {
            MetricId id = MetricId.of("drift.statistic", "feature", "München", "detector", "ks");

            assertThat(id.tags()).containsExactly(Map.entry("detector", "ks"), Map.entry("feature", "München"));
            assertThat(id).isEqualTo(MetricId.of("drift.statistic", "detector", "ks", "feature", "München"));
            assertThat(id.toString()).isEqualTo("drift.statistic{detector=ks, feature=München}");
            assertThatThrownBy(() -> id.tags().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void aCopyIsKept() {
            Map<String, String> tags = new HashMap<>(Map.of("feature", "age"));
            MetricId id = new MetricId("drift.statistic", tags);
            tags.put("feature", "income");
            assertThat(id.tags()).containsExactly(Map.entry("feature", "age"));
        }

        @Test
        void withTagAddsOrReplaces() {
            MetricId id = MetricId.of("drift.statistic", "feature", "age");
            assertThat(id.withTag("detector", "ks")).isEqualTo(MetricId.of("drift.statistic", "feature", "age",
                    "detector", "ks"));
            assertThat(id.withTag("feature", "income").tags()).containsExactly(Map.entry("feature", "income"));
            assertThat(id.tags()).containsExactly(Map.entry("feature", "age"));
        }

        @Test
        void badKeys() {
            assertThatThrownBy(() -> MetricId.of("drift", "Feature", "age"))
                    .hasMessage("tag key of metric 'drift' must be a lower-case letter followed by lower-case letters,"
                            + " digits or '_' (such as 'feature') but was 'Feature'");
            assertThatThrownBy(() -> MetricId.of("drift", "model.variant", "a"))
                    .hasMessageContaining("but was 'model.variant'");
            assertThat(MetricId.of("drift", "model_variant2", "a").tags()).containsKey("model_variant2");
        }

        @Test
        void badValues() {
            assertThatThrownBy(() -> MetricId.of("drift", "feature", " "))
                    .hasMessage("tag 'feature' of metric 'drift' must have a value that is not blank and at most 256"
                            + " characters long but was ' '");
            assertThatThrownBy(() -> MetricId.of("drift", "feature", "x".repeat(257)))
                    .hasMessageStartingWith("tag 'feature' of metric 'drift' must have a value");
            assertThat(MetricId.of("drift", "feature", "x".repeat(256)).tags().get("feature")).hasSize(256);
        }

        @Test
        void pairs() {
            assertThatThrownBy(() -> MetricId.of("drift", "feature"))
                    .hasMessage("tags must be given as key, value pairs but 1 strings were given");
            assertThatThrownBy(() -> MetricId.of("drift", "feature", "a", "feature", "b"))
                    .hasMessage("tag key 'feature' must be given once but was repeated");
        }
    }

    @Nested
    class Observations {

        @Test
        void carryIdTimeAndValue() {
            MetricObservation o = MetricObservation.of(MetricNames.DRIFT_STATISTIC, T, 0.31, MetricNames.FEATURE, "age",
                    MetricNames.DETECTOR, "ks");

            assertThat(o.name()).isEqualTo("drift.statistic");
            assertThat(o.tags()).containsExactly(Map.entry("detector", "ks"), Map.entry("feature", "age"));
            assertThat(o.id()).isEqualTo(MetricId.of("drift.statistic", "feature", "age", "detector", "ks"));
            assertThat(o.time()).isEqualTo(T);
            assertThat(o.value()).isEqualTo(0.31);
        }

        @Test
        void nonFiniteValuesAreKept() {
            assertThat(MetricObservation.of("drift.statistic", T, Double.NaN).value()).isNaN();
            assertThat(MetricObservation.of("drift.statistic", T, Double.POSITIVE_INFINITY).value()).isInfinite();
        }

        @Test
        void wellKnownNames() {
            assertThat(MetricNames.quality("accuracy")).isEqualTo("quality.accuracy");
            assertThat(MetricNames.quality("f1_macro")).isEqualTo("quality.f1_macro");
            assertThatThrownBy(() -> MetricNames.quality("F1")).isInstanceOf(IllegalArgumentException.class);
            assertThat(MetricNames.verdict(true)).isEqualTo(1.0);
            assertThat(MetricNames.verdict(false)).isEqualTo(0.0);
            assertThat(List.of(MetricNames.DRIFT_STATISTIC, MetricNames.DRIFT_P_VALUE, MetricNames.DRIFT_VERDICT))
                    .allSatisfy(name -> assertThat(MetricId.of(name, MetricNames.FEATURE, "f", MetricNames.DETECTOR,
                            "ks", MetricNames.VARIANT, "blue", MetricNames.STAGE, "input").name()).isEqualTo(name));
        }
    }

    @Nested
    class Filters {

        @Test
        void matchTheNameAndEveryRequiredTag() {
            MetricFilter age = MetricFilter.of("drift.statistic", "feature", "age");

            assertThat(age.matches(MetricId.of("drift.statistic", "feature", "age", "detector", "ks"))).isTrue();
            assertThat(age.matches(MetricId.of("drift.statistic", "feature", "age"))).isTrue();
            assertThat(age.matches(MetricId.of("drift.statistic", "feature", "income"))).isFalse();
            assertThat(age.matches(MetricId.of("drift.statistic", "detector", "ks"))).isFalse();
            assertThat(age.matches(MetricId.of("drift.p_value", "feature", "age"))).isFalse();
            assertThat(MetricFilter.of("drift.statistic").matches(MetricId.of("drift.statistic", "feature", "x")))
                    .isTrue();
            assertThat(age.toString()).isEqualTo("drift.statistic{feature=age}");
            assertThat(age.tags()).containsExactly(Map.entry("feature", "age"));
        }

        @Test
        void followTheNamingRules() {
            assertThatThrownBy(() -> MetricFilter.of("Drift")).hasMessageContaining("but was 'Drift'");
            assertThatThrownBy(() -> MetricFilter.of("drift", "feature")).hasMessageContaining("pairs");
        }
    }

    @Test
    void allSinksHearEveryObservationInOrder() {
        List<String> heard = new ArrayList<>();
        MetricSink sink = MetricSink.all(o -> heard.add("a " + o.value()), o -> heard.add("b " + o.value()));
        sink.accept(MetricObservation.of("quality.accuracy", T, 0.9));
        sink.accept(MetricObservation.of("quality.accuracy", T, 0.8));

        assertThat(heard).containsExactly("a 0.9", "b 0.9", "a 0.8", "b 0.8");
        assertThatThrownBy(() -> sink.accept(null)).isInstanceOf(NullPointerException.class);
    }
}
