package dev.mlops.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TextColumnTest extends ColumnContract<TextColumn> {

    @Override
    protected TextColumn column(String name, @Nullable Object... values) {
        String[] typed = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            typed[i] = (String) values[i];
        }
        return TextColumn.of(name, typed);
    }

    @Override
    protected Object[] samples() {
        return new Object[] {"München", "São Paulo", "a longer free text, with a comma"};
    }

    @Override
    protected Object value(TextColumn column, int row) {
        return column.get(row);
    }

    @Override
    protected ColumnType expectedType() {
        return ColumnType.TEXT;
    }

    @Override
    protected Column otherTypeColumn() {
        return CategoricalColumn.of("c", "a");
    }

    @Nested
    class Values {

        private final TextColumn column = TextColumn.of("note", "Grüße aus München", null, "", "日本語");

        @Test
        void keepsNonAsciiTextAsIs() {
            assertThat(column.get(0)).isEqualTo("Gr\u00fc\u00dfe aus M\u00fcnchen");
            assertThat(column.get(3)).isEqualTo("\u65e5\u672c\u8a9e");
            assertThat(column.format(0)).isEqualTo("Grüße aus München");
        }

        @Test
        void theEmptyStringIsAValueNotMissing() {
            assertThat(column.isMissing(2)).isFalse();
            assertThat(column.get(2)).isEmpty();
            assertThat(column.missingCount()).isEqualTo(1);
        }

        @Test
        void getOfAMissingValueNamesRowAndColumn() {
            assertThatThrownBy(() -> column.get(1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("row 1 of column 'note' is missing; check isMissing(row) first");
        }

        @Test
        void builderRejectsNullText() {
            TextColumn.Builder builder = TextColumn.builder("t");

            assertThatThrownBy(() -> builder.add(null)).isInstanceOf(NullPointerException.class);
            assertThat(builder.size()).isZero();
        }

        @Test
        void builderAppendsValuesAndMissing() {
            TextColumn.Builder builder = TextColumn.builder("t");
            for (int i = 0; i < 40; i++) {
                builder.add("v" + i);
            }
            TextColumn built = builder.addMissing().build();

            assertThat(built.size()).isEqualTo(41);
            assertThat(built.get(39)).isEqualTo("v39");
            assertThat(built.isMissing(40)).isTrue();
        }
    }
}
