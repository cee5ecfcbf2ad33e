package dev.mlops.monitor.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.monitor.capture.CaptureStage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WindowingTest {
    private static final Instant ORIGIN = Instant.parse("2026-12-07T00:00:00Z");

    @Nested
    class ByTime {
        private final Windowing hourly = Windowing.byTime(Duration.ofHours(1), ORIGIN);

        @Test
        void indexIsTheFloorOfTheWidthsFromTheOrigin() {
            assertThat(hourly.index(ORIGIN)).isZero();
            assertThat(hourly.index(ORIGIN.plusSeconds(3599))).isZero();
            assertThat(hourly.index(ORIGIN.plusSeconds(3600))).isEqualTo(1);
            assertThat(hourly.index(ORIGIN.minusNanos(1))).isEqualTo(-1);
            assertThat(hourly.index(ORIGIN.minusSeconds(3600))).isEqualTo(-1);
            assertThat(hourly.index(ORIGIN.minusSeconds(3601))).isEqualTo(-2);
            assertThat(hourly.start(-2)).isEqualTo(ORIGIN.minusSeconds(7200));
            assertThat(hourly.start(3)).isEqualTo(ORIGIN.plusSeconds(10800));
        }

        @Test
        void settings() {
            Windowing late = hourly.withLateness(Duration.ofSeconds(5)).onlyStage(CaptureStage.AFTER_MODEL);
            assertThat(late.duration()).contains(Duration.ofHours(1));
            assertThat(late.count()).isEmpty();
            assertThat(late.origin()).isEqualTo(ORIGIN);
            assertThat(late.lateness()).isEqualTo(Duration.ofSeconds(5));
            assertThat(late.stage()).contains(CaptureStage.AFTER_MODEL);
            assertThat(hourly.stage()).isEmpty();
            assertThat(hourly.lateness()).isZero();
            assertThat(hourly.withLateness(Duration.ZERO)).isEqualTo(hourly);
            assertThat(late.toString())
                    .isEqualTo("time(PT1H, origin=2026-12-07T00:00:00Z, lateness=PT5S, stage=after-model)");
        }

        @Test
        void badArguments() {
            assertThatThrownBy(() -> Windowing.byTime(Duration.ZERO, ORIGIN))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("size must be positive but was PT0S");
            assertThatThrownBy(() -> Windowing.byTime(Duration.ofSeconds(-1), ORIGIN))
                    .hasMessage("size must be positive but was PT-1S");
            assertThatThrownBy(() -> hourly.withLateness(Duration.ofSeconds(-1)))
                    .hasMessage("lateness must not be negative but was PT-1S");
        }
    }

    @Nested
    class ByCount {
        @Test
        void settings() {
            Windowing thousands = Windowing.byCount(1000);
            assertThat(thousands.count()).contains(1000);
            assertThat(thousands.duration()).isEmpty();
            assertThat(thousands.lateness()).isZero();
            assertThat(thousands.origin()).isEqualTo(Instant.EPOCH);
            assertThat(thousands.toString()).isEqualTo("count(1000)");
            assertThat(thousands.onlyStage(CaptureStage.AFTER_MODEL).toString())
                    .isEqualTo("count(1000, stage=after-model)");
        }

        @Test
        void badArguments() {
            assertThatThrownBy(() -> Windowing.byCount(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("size must be positive but was 0");
            assertThat(Windowing.byCount(1).count()).as("one record a window is the least").hasValue(1);
            assertThatThrownBy(() -> Windowing.byCount(10).withLateness(Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("lateness applies to windows by time, not to count(10)");
        }
    }

    @Test
    void equality() {
        Windowing a = Windowing.byTime(Duration.ofHours(1), ORIGIN);
        assertThat(a).isEqualTo(Windowing.byTime(Duration.ofHours(1), ORIGIN))
                .hasSameHashCodeAs(Windowing.byTime(Duration.ofHours(1), ORIGIN));
        assertThat(a).isNotEqualTo(Windowing.byTime(Duration.ofHours(2), ORIGIN));
        assertThat(a.hashCode()).isNotEqualTo(Windowing.byCount(2).hashCode());
        assertThat(a).isNotEqualTo(Windowing.byTime(Duration.ofHours(1), ORIGIN.plusSeconds(1)));
        assertThat(a).isNotEqualTo(a.withLateness(Duration.ofSeconds(1)));
        assertThat(a).isNotEqualTo(a.onlyStage(CaptureStage.AFTER_MODEL));
        assertThat(Windowing.byCount(2)).isNotEqualTo(Windowing.byCount(3)).isNotEqualTo("count(2)");
    }
}
