package dev.mlops.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CategoricalColumnTest extends ColumnContract<CategoricalColumn> {

    @Override
    protected CategoricalColumn column(String name, @Nullable Object... values) {
        String[] typed = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            typed[i] = (String) values[i];
        }
        return CategoricalColumn.of(name, typed);
    }

    @Override
    protected Object[] samples() {
        return new Object[] {"München", "São Paulo", "Hamburg"};
    }

    @Override
    protected Object value(CategoricalColumn column, int row) {
        return column.get(row);
    }

    @Override
    protected ColumnType expectedType() {
        return ColumnType.CATEGORICAL;
    }

    @Override
    protected Column otherTypeColumn() {
        return BooleanColumn.of("flag", true);
    }

    @Nested
    class Dictionary {

        private final CategoricalColumn column = CategoricalColumn.of("city", "Hamburg", "München", null, "Hamburg",
                "São Paulo");

        @Test
        void levelsAreInOrderOfFirstAppearance() {
            assertThat(column.levels()).containsExactly("Hamburg", "München", "São Paulo");
        }

        @Test
        void codesIndexTheLevels() {
            assertThat(column.code(0)).isZero();
            assertThat(column.code(1)).isEqualTo(1);
            assertThat(column.code(3)).isZero();
            assertThat(column.code(4)).isEqualTo(2);
        }

        @Test
        void copyCodesCopiesARangeWithTheMissingCode() {
            int[] target = {9, 9, 9, 9};

            column.copyCodes(1, target, 1, 3);

            assertThat(target).containsExactly(9, 1, CategoricalColumn.MISSING_CODE, 0);
        }

        @Test
        void copyCodesOfAViewFollowsTheView() {
            int[] target = new int[3];

            column.select(new int[] {4, 2, 1}).copyCodes(0, target, 0, 3);

            assertThat(target).containsExactly(2, CategoricalColumn.MISSING_CODE, 1);
        }

        @Test
        void copyCodesRejectsRowsOutsideTheColumnAndATooSmallTarget() {
            assertThatThrownBy(() -> column.copyCodes(4, new int[5], 0, 2))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("rows [4, 6) are outside column 'city' of 5 rows");
            assertThatThrownBy(() -> column.copyCodes(0, new int[1], 0, 2))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("a target of length 1 cannot hold 2 values from offset 0");
            assertThatThrownBy(() -> column.copyCodes(0, null, 0, 1)).isInstanceOf(NullPointerException.class)
                    .hasMessage("target");
        }

        @Test
        void aMissingValueHasTheMissingCode() {
            assertThat(column.code(2)).isEqualTo(CategoricalColumn.MISSING_CODE).isEqualTo(-1);
            assertThat(column.isMissing(2)).isTrue();
        }

        @Test
        void levelsAreUnmodifiable() {
            assertThatThrownBy(() -> column.levels().add("Berlin")).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void aViewSharesTheDictionaryAndMayNameLevelsItDoesNotHold() {
            CategoricalColumn view = column.select(new int[] {4, 4});

            assertThat(view.levels()).isSameAs(column.levels());
            assertThat(view.levels()).contains("Hamburg");
            assertThat(view.get(0)).isEqualTo("São Paulo");
            assertThat(view.code(1)).isEqualTo(2);
        }

        @Test
        void codeOutsideTheColumnIsRejected() {
            assertThatThrownBy(() -> column.code(5)).isInstanceOf(IndexOutOfBoundsException.class);
        }

        @Test
        void getOfAMissingValueNamesRowAndColumn() {
            assertThatThrownBy(() -> column.get(2))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("row 2 of column 'city' is missing; check isMissing(row) first");
        }

        @Test
        void builderRejectsANullLevel() {
            CategoricalColumn.Builder builder = CategoricalColumn.builder("c");

            assertThatThrownBy(() -> builder.add(null)).isInstanceOf(NullPointerException.class);
            assertThat(builder.size()).isZero();
        }

        @Test
        void addLevelTellsTheCodeThatAddCodeAppendsAgain() {
            CategoricalColumn.Builder builder = CategoricalColumn.builder("c");

            int hamburg = builder.addLevel("Hamburg");
            int munich = builder.addLevel("München");
            builder.addMissing().addCode(munich).addCode(hamburg);
            assertThat(builder.addLevel("Hamburg")).isEqualTo(hamburg);

            CategoricalColumn built = builder.build();
            assertThat(new int[] {hamburg, munich}).containsExactly(0, 1);
            assertThat(built.levels()).containsExactly("Hamburg", "München");
            assertThat(built.size()).isEqualTo(6);
            assertThat(built.get(3)).isEqualTo("München");
            assertThat(built.get(4)).isEqualTo("Hamburg");
            assertThat(built.isMissing(2)).isTrue();
        }

        @Test
        void addCodeRejectsACodeNoLevelHas() {
            CategoricalColumn.Builder builder = CategoricalColumn.builder("c");
            builder.addLevel("a");

            assertThatThrownBy(() -> builder.addCode(1)).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("code 1 names no level of column 'c', which has 1 levels so far");
            assertThatThrownBy(() -> builder.addCode(-1)).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("code -1 names no level of column 'c', which has 1 levels so far");
            assertThat(builder.size()).isEqualTo(1);
        }

        @Test
        void theEmptyStringIsALevelNotMissing() {
            CategoricalColumn withEmpty = CategoricalColumn.of("c", "", "a");

            assertThat(withEmpty.isMissing(0)).isFalse();
            assertThat(withEmpty.levels()).containsExactly("", "a");
        }
    }

    @Nested
    class EqualityAcrossDictionaries {

        private final CategoricalColumn abc = CategoricalColumn.of("c", "a", "b", "c");
        private final CategoricalColumn cba = CategoricalColumn.of("c", "c", "b", "a");

        @Test
        void levelsCompareAsStringsNotCodes() {
            assertThat(abc.code(0)).isNotEqualTo(cba.code(2));
            assertThat(abc.valueEquals(0, cba, 2)).isTrue();
            assertThat(abc.valueEquals(0, cba, 0)).isFalse();
        }

        @Test
        void equalLevelsHashAlikeUnderAnyDictionary() {
            assertThat(abc.valueHash(0)).isEqualTo(cba.valueHash(2));
            assertThat(abc.valueHash(1)).isEqualTo(cba.valueHash(1));
        }

        @Test
        void missingEqualsMissingUnderAnyDictionary() {
            CategoricalColumn left = CategoricalColumn.of("c", "x", null);
            CategoricalColumn right = CategoricalColumn.of("c", null, "y");

            assertThat(left.valueEquals(1, right, 0)).isTrue();
            assertThat(left.valueEquals(1, right, 1)).isFalse();
            assertThat(left.valueEquals(0, right, 0)).isFalse();
        }

        @Test
        void aViewComparesWithItsSourceByCode() {
            CategoricalColumn view = abc.select(new int[] {2, 1, 0});

            assertThat(view.valueEquals(0, abc, 2)).isTrue();
            assertThat(view.valueEquals(0, abc, 0)).isFalse();
        }
    }
}
