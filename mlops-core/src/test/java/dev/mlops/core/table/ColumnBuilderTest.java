package dev.mlops.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ColumnBuilderTest {

    /** Appends row {@code row}'s value of a sample column of the builder's type; every third row is missing. */
    private static ColumnBuilder fill(ColumnBuilder builder, int from, int to) {
        for (int row = from; row < to; row++) {
            if (row % 3 == 2) {
                builder.addMissing();
            } else if (builder instanceof NumericColumn.Builder numbers) {
                numbers.add(row * 1.5);
            } else if (builder instanceof CategoricalColumn.Builder categories) {
                // the later rows meet the levels in another order than the earlier ones
                categories.add("level" + (row < 5 ? row % 4 : 3 - row % 4));
            } else if (builder instanceof BooleanColumn.Builder booleans) {
                booleans.add(row % 2 == 0);
            } else if (builder instanceof TimestampColumn.Builder instants) {
                instants.add(Instant.ofEpochSecond(row, row));
            } else {
                ((TextColumn.Builder) builder).add("text" + row);
            }
        }
        return builder;
    }

    private static Table table(Column column) {
        return Table.of(List.of(column));
    }

    @Nested
    class EnsureCapacity {

        @ParameterizedTest
        @EnumSource(ColumnType.class)
        void aNegativeRowCountIsRefusedByName(ColumnType type) {
            ColumnBuilder builder = ColumnBuilder.of("c", type);

            assertThatThrownBy(() -> builder.ensureCapacity(-1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rows must be at least 0 but was -1");
        }

        @ParameterizedTest
        @EnumSource(ColumnType.class)
        void aFullBuilderHandsItsArraysOverAndCopiesThemOnTheNextAppend(ColumnType type) {
            ColumnBuilder builder = fill(ColumnBuilder.of("c", type).ensureCapacity(7), 0, 7);

            Column built = builder.build();
            fill(builder, 7, 12);

            assertThat(table(built)).isEqualTo(table(fill(ColumnBuilder.of("c", type), 0, 7).build()));
            assertThat(table(builder.build())).isEqualTo(table(fill(ColumnBuilder.of("c", type), 0, 12).build()));
        }

        @ParameterizedTest
        @EnumSource(ColumnType.class)
        void aSmallerCapacityThanTheRowsKeepsThem(ColumnType type) {
            ColumnBuilder builder = fill(ColumnBuilder.of("c", type), 0, 9).ensureCapacity(2);

            assertThat(table(builder.build())).isEqualTo(table(fill(ColumnBuilder.of("c", type), 0, 9).build()));
        }
    }

    @Nested
    class AddAll {

        @ParameterizedTest
        @EnumSource(ColumnType.class)
        void appendsAsIfEachRowWereAddedAndLeavesTheOtherBuilderAlone(ColumnType type) {
            ColumnBuilder first = fill(ColumnBuilder.of("c", type), 0, 5);
            ColumnBuilder next = fill(ColumnBuilder.of("c", type), 5, 12);

            first.addAll(next);

            assertThat(first.size()).isEqualTo(12);
            assertThat(table(first.build())).isEqualTo(table(fill(ColumnBuilder.of("c", type), 0, 12).build()));
            assertThat(table(next.build())).isEqualTo(table(fill(ColumnBuilder.of("c", type), 5, 12).build()));
        }

        @ParameterizedTest
        @EnumSource(ColumnType.class)
        void appendsABuilderToItself(ColumnType type) {
            ColumnBuilder builder = fill(ColumnBuilder.of("c", type), 0, 3);

            builder.addAll(builder);

            assertThat(builder.size()).isEqualTo(6);
            Column twice = builder.build();
            for (int row = 0; row < 3; row++) {
                assertThat(twice.valueEquals(row + 3, twice, row)).as("row %d", row).isTrue();
                assertThat(twice.isMissing(row + 3)).isEqualTo(twice.isMissing(row));
            }
        }

        @ParameterizedTest
        @EnumSource(ColumnType.class)
        void anEmptyBuilderAddsNothing(ColumnType type) {
            ColumnBuilder builder = fill(ColumnBuilder.of("c", type), 0, 4);

            builder.addAll(ColumnBuilder.of("other", type));

            assertThat(table(builder.build())).isEqualTo(table(fill(ColumnBuilder.of("c", type), 0, 4).build()));
        }

        @Test
        void aBuilderOfAnotherTypeIsRefusedNamingBoth() {
            ColumnBuilder numbers = NumericColumn.builder("n");

            assertThatThrownBy(() -> numbers.addAll(TextColumn.builder("t")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("other must be a NumericColumn.Builder but was a TextColumn.Builder");
        }

        @Test
        void nullIsRefusedByName() {
            ColumnBuilder categories = CategoricalColumn.builder("c");

            assertThatThrownBy(() -> categories.addAll(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("other");
        }

        @Test
        void categoriesKeepTheirLevelsInTheOrderFirstSeen() {
            CategoricalColumn.Builder first = CategoricalColumn.builder("city").add("Köln").add("München");
            CategoricalColumn.Builder next = CategoricalColumn.builder("city").add("São Paulo").add("Köln").addMissing();

            CategoricalColumn built = first.addAll(next).build();

            assertThat(built.levels()).containsExactly("Köln", "München", "São Paulo");
            assertThat(List.of(built.code(0), built.code(1), built.code(2), built.code(3), built.code(4)))
                    .containsExactly(0, 1, 2, 0, CategoricalColumn.MISSING_CODE);
        }
    }

    /** A large array at most an eighth unused is handed over rather than trimmed. */
    @Nested
    class SlackArrays {
        private static final int ROWS = 70_000;
        private static final int CAPACITY = 75_000;

        @Test
        void aNumericColumnKeepsItsRowsWhileTheBuilderGoesOn() {
            NumericColumn.Builder builder = NumericColumn.builder("x").ensureCapacity(CAPACITY);
            for (int row = 0; row < ROWS; row++) {
                builder.add(row);
            }

            NumericColumn built = builder.build();
            builder.add(-1.0).addMissing();

            assertThat(built.size()).isEqualTo(ROWS);
            assertThat(built.get(ROWS - 1)).isEqualTo(ROWS - 1.0);
            assertThat(built.toArray()).hasSize(ROWS);
            assertThat(built.rename("y").size()).isEqualTo(ROWS);
            assertThat(built.withSensitive(true).toArray()).hasSize(ROWS);
            assertThatThrownBy(() -> built.get(ROWS)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(builder.build().get(ROWS)).isEqualTo(-1.0);
            assertThat(builder.build().isMissing(ROWS + 1)).isTrue();
        }

        @Test
        void aCategoricalColumnKeepsItsRowsWhileTheBuilderGoesOn() {
            CategoricalColumn.Builder builder = CategoricalColumn.builder("c").ensureCapacity(CAPACITY);
            for (int row = 0; row < ROWS; row++) {
                builder.add(row % 2 == 0 ? "even" : "odd");
            }

            CategoricalColumn built = builder.build();
            builder.add("new").addAll(builder);

            assertThat(built.size()).isEqualTo(ROWS);
            assertThat(built.levels()).containsExactly("even", "odd");
            assertThat(built.get(ROWS - 1)).isEqualTo("odd");
            assertThat(built.rename("d").size()).isEqualTo(ROWS);
            assertThatThrownBy(() -> built.code(ROWS)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(builder.size()).isEqualTo(2 * (ROWS + 1));
            assertThat(builder.build().get(ROWS)).isEqualTo("new");
        }
    }
}
