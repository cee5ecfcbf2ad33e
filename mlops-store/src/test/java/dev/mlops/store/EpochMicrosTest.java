package dev.mlops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EpochMicrosTest {

    // 2026-12-01T00:00:00Z is 1,796,083,200 s after the epoch (/usr/bin/python3: datetime difference .total_seconds())
    @Test
    void anInstantIsItsEpochMicrosecondsWithTheFinerPartDropped() {
        assertThat(EpochMicros.of(Instant.parse("2026-12-01T00:00:00.123456789Z"))).isEqualTo(1_796_083_200_123_456L);
        assertThat(EpochMicros.of(Instant.EPOCH)).isZero();
        assertThat(EpochMicros.of(1, 999)).isEqualTo(1_000_000L);
        assertThat(EpochMicros.of(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1L);
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, -1L, 1_796_083_200_123_456L, -62_135_596_800_000_000L, Long.MAX_VALUE, -9_000_000_000_000_000_000L})
    void microsecondsReadBackToTheSameInstant(long micros) {
        assertThat(EpochMicros.of(EpochMicros.instant(micros))).isEqualTo(micros);
    }

    @Test
    void beforeTheEpochTheMicrosecondsCountDownward() {
        assertThat(EpochMicros.instant(-1L)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
        assertThat(EpochMicros.instant(1_500_000L)).isEqualTo(Instant.parse("1970-01-01T00:00:01.5Z"));
    }

    @Test
    void anInstantBeyondALongsMicrosecondsIsRefused() {
        assertThatThrownBy(() -> EpochMicros.of(Instant.parse("+300000-01-01T00:00:00Z")))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> EpochMicros.of(Long.MAX_VALUE / 1_000_000L, 999_999_999))
                .isInstanceOf(ArithmeticException.class);
    }
}
