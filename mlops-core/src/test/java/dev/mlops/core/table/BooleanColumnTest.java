package dev.mlops.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BooleanColumnTest extends ColumnContract<BooleanColumn> {

    @Override
    protected BooleanColumn column(String name, @Nullable Object... values) {
        Boolean[] typed = new Boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            typed[i] = (Boolean) values[i];
        }
        return BooleanColumn.of(name, typed);
    }

    @Override
    protected Object[] samples() {
        return new Object[] {true, false, true};
    }

    @Override
    protected Object value(BooleanColumn column, int row) {
        return column.get(row);
    }

    @Override
    protected ColumnType expectedType() {
        return ColumnType.BOOLEAN;
    }

    @Override
    protected Column otherTypeColumn() {
        return NumericColumn.of("n", 1.0);
    }

    @Nested
    class Values {

        private final BooleanColumn column = BooleanColumn.of("member", true, null, false);

        @Test
        void formatsAsTrueAndFalse() {
            assertThat(column.format(0)).isEqualTo("true");
            assertThat(column.format(2)).isEqualTo("false");
            assertThat(column.format(1)).isEmpty();
        }

        @Test
        void getOfAMissingValueNamesRowAndColumn() {
            assertThatThrownBy(() -> column.get(1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("row 1 of column 'member' is missing; check isMissing(row) first");
        }

        @Test
        void getOfAMissingValueInAViewNamesTheViewsRow() {
            BooleanColumn view = column.select(new int[] {0, 2, 1});

            assertThatThrownBy(() -> view.get(2))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("row 2 of column 'member' is missing; check isMissing(row) first");
        }

        @Test
        void builderAppendsValuesAndMissing() {
            BooleanColumn built = BooleanColumn.builder("b").add(false).addMissing().add(true).build();

            assertThat(built.size()).isEqualTo(3);
            assertThat(built.get(0)).isFalse();
            assertThat(built.isMissing(1)).isTrue();
            assertThat(built.get(2)).isTrue();
        }

        @Test
        void trailingFalseValuesKeepTheirRows() {
            BooleanColumn built = BooleanColumn.of("b", false, false, false);

            assertThat(built.size()).isEqualTo(3);
            assertThat(built.get(2)).isFalse();
            assertThat(built.missingCount()).isZero();
        }

        @Test
        void getOutsideTheColumnIsRejected() {
            assertThatThrownBy(() -> column.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }
}
