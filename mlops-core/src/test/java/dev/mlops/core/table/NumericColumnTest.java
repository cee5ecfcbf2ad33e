package dev.mlops.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumericColumnTest extends ColumnContract<NumericColumn> {

    @Override
    protected NumericColumn column(String name, @Nullable Object... values) {
        NumericColumn.Builder builder = NumericColumn.builder(name);
        for (Object value : values) {
            if (value == null) {
                builder.addMissing();
            } else {
                builder.add((Double) value);
            }
        }
        return builder.build();
    }

    @Override
    protected Object[] samples() {
        return new Object[] {1.5, -2.0, 1e300};
    }

    @Override
    protected Object value(NumericColumn column, int row) {
        return column.get(row);
    }

    @Override
    protected ColumnType expectedType() {
        return ColumnType.NUMERIC;
    }

    @Override
    protected Column otherTypeColumn() {
        return TextColumn.of("t", "a");
    }

    @Nested
    class MissingIsNotNaN {

        private final NumericColumn column = NumericColumn.builder("income")
                .add(Double.NaN)
                .addMissing()
                .add(3.0)
                .add(Double.POSITIVE_INFINITY)
                .add(Double.NEGATIVE_INFINITY)
                .build();

        @Test
        void aNaNValueIsNotMissing() {
            assertThat(column.isMissing(0)).isFalse();
            assertThat(column.get(0)).isNaN();
            assertThat(column.format(0)).isEqualTo("NaN");
        }

        @Test
        void aMissingValueReadsAsNaNButIsMissing() {
            assertThat(column.isMissing(1)).isTrue();
            assertThat(column.get(1)).isNaN();
            assertThat(column.format(1)).isEmpty();
        }

        @Test
        void infinitiesAreValues() {
            assertThat(column.isMissing(3)).isFalse();
            assertThat(column.isMissing(4)).isFalse();
            assertThat(column.get(3)).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(column.format(3)).isEqualTo("Infinity");
            assertThat(column.format(4)).isEqualTo("-Infinity");
        }

        @Test
        void missingCountCountsOnlyMissing() {
            assertThat(column.missingCount()).isEqualTo(1);
        }

        @Test
        void ofNeverMarksMissing() {
            NumericColumn of = NumericColumn.of("x", Double.NaN, Double.NaN);

            assertThat(of.missingCount()).isZero();
            assertThat(of.isMissing(0)).isFalse();
        }

        @Test
        void missingAndNaNAreNotEqualCells() {
            assertThat(column.valueEquals(0, column, 1)).isFalse();
            assertThat(column.valueEquals(1, column, 0)).isFalse();
        }

        @Test
        void nanEqualsNaNWhateverItsBits() {
            double otherNaN = Double.longBitsToDouble(0x7ff8_0000_0000_0001L);
            NumericColumn other = NumericColumn.of("y", otherNaN);

            assertThat(column.valueEquals(0, other, 0)).isTrue();
            assertThat(column.valueHash(0)).isEqualTo(other.valueHash(0));
        }

        @Test
        void positiveAndNegativeZeroAreDifferentCells() {
            NumericColumn zeros = NumericColumn.of("z", 0.0, -0.0);

            assertThat(zeros.valueEquals(0, zeros, 1)).isFalse();
            assertThat(zeros.format(1)).isEqualTo("-0.0");
        }
    }

    @Nested
    class Values {

        @Test
        void ofCopiesTheArray() {
            double[] values = {1.0, 2.0};
            NumericColumn column = NumericColumn.of("x", values);

            values[0] = 99.0;

            assertThat(column.get(0)).isEqualTo(1.0);
        }

        @Test
        void ofRejectsNull() {
            assertThatThrownBy(() -> NumericColumn.of("x", (double[]) null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void toArrayIsACopyInRowOrderWithMissingAsNaN() {
            NumericColumn column = NumericColumn.builder("x").add(1.0).addMissing().add(3.0).build();

            double[] array = column.toArray();
            array[0] = 42.0;

            assertThat(column.toArray()).containsExactly(1.0, Double.NaN, 3.0);
            assertThat(column.get(0)).isEqualTo(1.0);
        }

        @Test
        void toArrayOfAViewFollowsTheView() {
            NumericColumn view = NumericColumn.of("x", 10.0, 20.0, 30.0).select(new int[] {2, 0, 2});

            assertThat(view.toArray()).containsExactly(30.0, 10.0, 30.0);
        }

        @Test
        void copyValuesCopiesARangeWithMissingAsNaN() {
            NumericColumn column = NumericColumn.builder("x").add(1.0).addMissing().add(Double.NaN).add(-0.0)
                    .add(5.0).build();
            double[] target = {9, 9, 9, 9, 9};

            column.copyValues(1, target, 2, 3);

            assertThat(target).containsExactly(9.0, 9.0, Double.NaN, Double.NaN, -0.0);
        }

        @Test
        void copyValuesOfAViewFollowsTheView() {
            NumericColumn view = NumericColumn.of("x", 10.0, 20.0, 30.0).select(new int[] {2, 0, 2, 1});
            double[] target = new double[3];

            view.copyValues(1, target, 0, 3);

            assertThat(target).containsExactly(10.0, 30.0, 20.0);
        }

        @Test
        void copyValuesRejectsRowsOutsideTheColumnAndATooSmallTarget() {
            NumericColumn column = NumericColumn.of("x", 1.0, 2.0, 3.0);

            assertThatThrownBy(() -> column.copyValues(2, new double[5], 0, 2))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("rows [2, 4) are outside column 'x' of 3 rows");
            assertThatThrownBy(() -> column.copyValues(0, new double[5], 4, 2))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("a target of length 5 cannot hold 2 values from offset 4");
            assertThatThrownBy(() -> column.copyValues(0, new double[5], -1, 2))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("a target of length 5 cannot hold 2 values from offset -1");
            assertThatThrownBy(() -> column.copyValues(0, new double[5], 0, -2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("length must not be negative but was -2");
            assertThatThrownBy(() -> column.copyValues(0, null, 0, 1)).isInstanceOf(NullPointerException.class)
                    .hasMessage("target");
        }

        @Test
        void getOutsideTheColumnIsRejected() {
            NumericColumn column = NumericColumn.of("x", 1.0);

            assertThatThrownBy(() -> column.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> column.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        }

        @Test
        void builderReportsItsSizeAndGrows() {
            NumericColumn.Builder builder = NumericColumn.builder("x");
            for (int i = 0; i < 100; i++) {
                builder.add(i);
            }
            builder.addMissing();

            assertThat(builder.size()).isEqualTo(101);
            NumericColumn column = builder.build();
            assertThat(column.size()).isEqualTo(101);
            assertThat(column.get(99)).isEqualTo(99.0);
            assertThat(column.isMissing(100)).isTrue();
        }

        @Test
        void aBuiltColumnDoesNotChangeWhenTheBuilderGoesOn() {
            NumericColumn.Builder builder = NumericColumn.builder("x").add(1.0);
            NumericColumn first = builder.build();

            builder.addMissing().add(2.0);

            assertThat(first.size()).isEqualTo(1);
            assertThat(first.missingCount()).isZero();
            assertThat(builder.build().size()).isEqualTo(3);
        }

        @Test
        void addingABufferAppendsItsRemainingValuesAndMovesItsPositionToItsLimit() {
            DoubleBuffer buffer = DoubleBuffer.wrap(new double[] {9.0, 1.5, Double.NaN, -0.0, 8.0}, 1, 3);

            NumericColumn column = NumericColumn.builder("x").add(buffer).build();

            assertThat(column.toArray()).containsExactly(1.5, Double.NaN, -0.0);
            assertThat(column.missingCount()).as("NaN is a value").isZero();
            assertThat(buffer.position()).isEqualTo(4);
            assertThat(buffer.limit()).isEqualTo(4);
        }

        @Test
        void addingALittleEndianByteBuffersDoubleViewReadsItsDoubles() {
            ByteBuffer bytes = ByteBuffer.allocate(3 * Double.BYTES + 1).order(ByteOrder.LITTLE_ENDIAN);
            bytes.put((byte) 7).putDouble(2.5).putDouble(-1e300).putDouble(Double.POSITIVE_INFINITY).position(1);

            NumericColumn column = NumericColumn.builder("x").add(bytes.asDoubleBuffer()).build();

            assertThat(column.toArray()).containsExactly(2.5, -1e300, Double.POSITIVE_INFINITY);
        }

        @Test
        void addingAnEmptyBufferAddsNothing() {
            NumericColumn.Builder builder = NumericColumn.builder("x").add(1.0);

            builder.add(DoubleBuffer.allocate(0)).add(DoubleBuffer.wrap(new double[] {2.0}, 1, 0));

            assertThat(builder.size()).isEqualTo(1);
            assertThat(builder.build().toArray()).containsExactly(1.0);
        }

        @ParameterizedTest(name = "{0} values, then {1} at once")
        @CsvSource({"0, 17", "15, 1", "15, 2", "16, 1", "3, 100", "40, 25", "0, 70000"})
        void addingBuffersGrowsPastTheCapacityAndKeepsEveryValue(int before, int count) {
            NumericColumn.Builder builder = NumericColumn.builder("x");
            for (int i = 0; i < before; i++) {
                builder.add(i);
            }
            double[] added = new double[count];
            for (int i = 0; i < count; i++) {
                added[i] = -i - 0.5;
            }

            builder.add(DoubleBuffer.wrap(added)).add(DoubleBuffer.wrap(added, 0, 1));

            NumericColumn column = builder.build();
            assertThat(column.size()).isEqualTo(before + count + 1);
            for (int i = 0; i < before; i++) {
                assertThat(column.get(i)).isEqualTo(i);
            }
            for (int i = 0; i < count; i++) {
                assertThat(column.get(before + i)).isEqualTo(added[i]);
            }
            assertThat(column.get(before + count)).isEqualTo(-0.5);
        }

        @ParameterizedTest(name = "capacity {0}, {1} values built")
        @CsvSource({"4, 4", "70000, 69000", "70000, 70000"})
        void aBuiltColumnDoesNotChangeWhenBuffersAreAddedAfterwards(int capacity, int built) {
            double[] values = new double[built];
            java.util.Arrays.setAll(values, i -> i * 0.25);
            NumericColumn.Builder builder = NumericColumn.builder("x").ensureCapacity(capacity).add(DoubleBuffer.wrap(values));
            NumericColumn first = builder.build();

            builder.add(DoubleBuffer.wrap(new double[] {-1.0, -2.0})).addMissing();
            NumericColumn second = builder.build();
            builder.add(DoubleBuffer.wrap(new double[] {-3.0}));

            assertThat(first.toArray()).containsExactly(values);
            assertThat(second.size()).isEqualTo(built + 3);
            assertThat(second.get(built)).isEqualTo(-1.0);
            assertThat(second.get(built + 1)).isEqualTo(-2.0);
            assertThat(second.isMissing(built + 2)).isTrue();
            assertThat(builder.build().get(built + 3)).isEqualTo(-3.0);
        }

        @ParameterizedTest(name = "{0} values, then a builder of {1}")
        @CsvSource({"16, 6", "16, 40", "10, 40", "3, 2"})
        void addingABuilderGrowsPastTheCapacityAndLeavesABuiltColumnAlone(int before, int count) {
            NumericColumn.Builder builder = NumericColumn.builder("x");
            for (int i = 0; i < before; i++) {
                builder.add(i);
            }
            NumericColumn first = builder.build();
            NumericColumn.Builder other = NumericColumn.builder("y").addMissing();
            for (int i = 1; i < count; i++) {
                other.add(-i);
            }

            NumericColumn column = builder.addAll(other).build();

            assertThat(first.size()).isEqualTo(before);
            assertThat(column.size()).isEqualTo(before + count);
            assertThat(column.isMissing(before)).isTrue();
            assertThat(column.missingCount()).isEqualTo(1);
            for (int i = 0; i < before; i++) {
                assertThat(column.get(i)).isEqualTo(i);
            }
            for (int i = 1; i < count; i++) {
                assertThat(column.get(before + i)).isEqualTo(-i);
            }
        }

        @Test
        void buffersMixWithSingleAndMissingValuesInOrder() {
            NumericColumn column = NumericColumn.builder("x").add(1.0).add(DoubleBuffer.wrap(new double[] {2.0, 3.0}))
                    .addMissing().add(DoubleBuffer.wrap(new double[] {4.0})).add(5.0).addMissing().build();

            assertThat(column.size()).isEqualTo(7);
            assertThat(column.toArray()).containsExactly(1.0, 2.0, 3.0, Double.NaN, 4.0, 5.0, Double.NaN);
            assertThat(column.isMissing(3)).isTrue();
            assertThat(column.isMissing(6)).isTrue();
            assertThat(column.missingCount()).isEqualTo(2);
            assertThat(Table.of(column)).isEqualTo(Table.of(column("x", 1.0, 2.0, 3.0, null, 4.0, 5.0, null)));
        }

        @Test
        void builderRejectsANullName() {
            assertThatThrownBy(() -> NumericColumn.builder(null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class Format {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "42.0, 42",
            "-7.0, -7",
            "0.0, 0",
            "-0.0, -0.0",
            "1.5, 1.5",
            "0.1, 0.1",
            "1e20, 1.0E20",
            "NaN, NaN",
            "Infinity, Infinity",
            "-Infinity, -Infinity"
        })
        void formatsLikeNumberText(double value, String text) {
            assertThat(NumericColumn.of("x", value).format(0)).isEqualTo(text);
        }
    }
}
