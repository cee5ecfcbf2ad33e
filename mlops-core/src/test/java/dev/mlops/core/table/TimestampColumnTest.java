package dev.mlops.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampColumnTest extends ColumnContract<TimestampColumn> {

    @Override
    protected TimestampColumn column(String name, @Nullable Object... values) {
        Instant[] typed = new Instant[values.length];
        for (int i = 0; i < values.length; i++) {
            typed[i] = (Instant) values[i];
        }
        return TimestampColumn.of(name, typed);
    }

    @Override
    protected Object[] samples() {
        return new Object[] {
            Instant.parse("2024-03-31T00:30:00Z"),
            Instant.parse("1969-12-31T23:59:59.999999999Z"),
            Instant.parse("2024-03-31T00:30:00.000000001Z")
        };
    }

    @Override
    protected Object value(TimestampColumn column, int row) {
        return column.get(row);
    }

    @Override
    protected ColumnType expectedType() {
        return ColumnType.TIMESTAMP;
    }

    @Override
    protected Column otherTypeColumn() {
        return NumericColumn.of("n", 1.0);
    }

    @Nested
    class Values {

        private final TimestampColumn column = TimestampColumn.of("at",
                Instant.parse("2024-01-01T00:00:00Z"),
                null,
                Instant.parse("1969-12-31T23:59:59.5Z"),
                Instant.parse("2024-01-01T00:00:00.000000001Z"));

        @Test
        void keepsSecondsAndNanoseconds() {
            assertThat(column.epochSecond(0)).isEqualTo(1_704_067_200L);
            assertThat(column.nano(0)).isZero();
            assertThat(column.epochSecond(2)).isEqualTo(-1L);
            assertThat(column.nano(2)).isEqualTo(500_000_000);
            assertThat(column.nano(3)).isEqualTo(1);
            assertThat(column.get(3)).isEqualTo(Instant.parse("2024-01-01T00:00:00.000000001Z"));
        }

        @Test
        void formatsAsIsoInstantsInUtcWhateverTheDefaultZone() {
            TimeZone before = TimeZone.getDefault();
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            try {
                assertThat(column.format(0)).isEqualTo("2024-01-01T00:00:00Z");
                assertThat(column.format(2)).isEqualTo("1969-12-31T23:59:59.500Z");
                assertThat(column.format(3)).isEqualTo("2024-01-01T00:00:00.000000001Z");
                assertThat(column.format(1)).isEmpty();
            } finally {
                TimeZone.setDefault(before);
            }
        }

        @Test
        void aNanosecondApartIsAnotherValue() {
            assertThat(column.valueEquals(0, column, 3)).isFalse();
        }

        @Test
        void extremeInstantsRoundTrip() {
            TimestampColumn extremes = TimestampColumn.of("at", Instant.MIN, Instant.MAX, Instant.EPOCH);

            assertThat(extremes.get(0)).isEqualTo(Instant.MIN);
            assertThat(extremes.get(1)).isEqualTo(Instant.MAX);
            assertThat(extremes.format(2)).isEqualTo("1970-01-01T00:00:00Z");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"get", "epochSecond", "nano"})
        void readingAMissingValueNamesRowAndColumn(String reader) {
            assertThatThrownBy(() -> {
                switch (reader) {
                    case "get" -> column.get(1);
                    case "epochSecond" -> column.epochSecond(1);
                    default -> column.nano(1);
                }
            })
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("row 1 of column 'at' is missing; check isMissing(row) first");
        }

        @Test
        void builderRejectsANullInstant() {
            TimestampColumn.Builder builder = TimestampColumn.builder("at");

            assertThatThrownBy(() -> builder.add(null)).isInstanceOf(NullPointerException.class);
            assertThat(builder.size()).isZero();
        }

        @Test
        void builderGrowsBothArrays() {
            TimestampColumn.Builder builder = TimestampColumn.builder("at");
            for (int i = 0; i < 50; i++) {
                builder.add(Instant.ofEpochSecond(i, i));
            }
            TimestampColumn built = builder.build();

            assertThat(built.size()).isEqualTo(50);
            assertThat(built.get(49)).isEqualTo(Instant.ofEpochSecond(49, 49));
        }
    }
}
