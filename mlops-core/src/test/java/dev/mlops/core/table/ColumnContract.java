package dev.mlops.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link Column} implementation guarantees: size and missing bookkeeping, views
 * (repeats, reordering, views of views), renaming, cell equality and hashing, and the errors for
 * bad rows. Each column type's test extends this class and adds its own typed cases.
 *
 * @param <C> the column type under test
 */
abstract class ColumnContract<C extends Column> {

    /** Builds a column through the type's public factory; a {@code null} element is missing. */
    protected abstract C column(String name, @Nullable Object... values);

    /** Three present values of the type; the first two differ. */
    protected abstract Object[] samples();

    /** Reads a present row through the column's typed getter, boxed. */
    protected abstract Object value(C column, int row);

    /** The type the implementation reports. */
    protected abstract ColumnType expectedType();

    /** A column of another type, for the type check of {@link Column#valueEquals}. */
    protected abstract Column otherTypeColumn();

    /** Rows: s0, missing, s1, missing, s2. */
    private C fixture() {
        Object[] s = samples();
        return column("x", s[0], null, s[1], null, s[2]);
    }

    private @Nullable Object cell(C column, int row) {
        return column.isMissing(row) ? null : value(column, row);
    }

    private List<@Nullable Object> cells(C column) {
        List<@Nullable Object> cells = new ArrayList<>();
        for (int row = 0; row < column.size(); row++) {
            cells.add(cell(column, row));
        }
        return cells;
    }

    /** 130 rows, rows 0, 63, 64, 100 and 129 missing: the bitmap crosses two word boundaries. */
    private C longFixture() {
        Object[] s = samples();
        Object[] values = new Object[130];
        for (int row = 0; row < values.length; row++) {
            values[row] = row == 0 || row == 63 || row == 64 || row == 100 || row == 129 ? null : s[row % 3];
        }
        return column("x", values);
    }

    @Test
    void copyMissingWritesOneBitPerRowFromAnyRow() {
        C column = longFixture();
        long[] words = {-1L, -1L, -1L, 7L};

        column.copyMissing(0, words, 130);

        assertThat(words).containsExactly(1L | 1L << 63, 1L | 1L << (100 - 64), 1L << (129 - 128), 7L);

        column.copyMissing(63, words, 67);

        assertThat(words).containsExactly(0b11L | 1L << (100 - 63), 1L << (129 - 63 - 64), 1L << (129 - 128), 7L);
    }

    @Test
    void copyMissingOfAViewFollowsTheView() {
        Column view = longFixture().select(new int[] {5, 64, 64, 129, 1});
        long[] words = {-1L};

        view.copyMissing(1, words, 3);

        assertThat(words).containsExactly(0b111L);

        view.copyMissing(0, words, 5);

        assertThat(words).containsExactly(0b01110L);
    }

    @Test
    void copyMissingOfAColumnWithoutMissingValuesClearsTheWords() {
        Object[] s = samples();
        long[] words = {-1L, -1L};

        column("x", s[0], s[1], s[2]).copyMissing(1, words, 2);

        assertThat(words).containsExactly(0L, -1L);
    }

    @Test
    void copyMissingRejectsRowsOutsideTheColumnAndTooFewWords() {
        C column = fixture();
        long[] words = new long[1];

        assertThatThrownBy(() -> column.copyMissing(3, words, 3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("rows [3, 6) are outside column 'x' of 5 rows");
        assertThatThrownBy(() -> column.copyMissing(-1, words, 1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("rows [-1, 0) are outside column 'x' of 5 rows");
        assertThatThrownBy(() -> column.copyMissing(0, words, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("length must not be negative but was -1");
        assertThatThrownBy(() -> longFixture().copyMissing(0, words, 65))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("words of length 1 cannot hold the 65 bits of rows [0, 65); that needs 2");
        assertThatThrownBy(() -> column.copyMissing(0, null, 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("words");
        column.copyMissing(5, words, 0);
        assertThat(words).containsExactly(0L);
    }

    @Test
    void reportsNameTypeSizeAndMissing() {
        C column = fixture();

        assertThat(column.name()).isEqualTo("x");
        assertThat(column.type()).isEqualTo(expectedType());
        assertThat(column.size()).isEqualTo(5);
        assertThat(column.missingCount()).isEqualTo(2);
        assertThat(List.of(column.isMissing(0), column.isMissing(1), column.isMissing(2), column.isMissing(3),
                column.isMissing(4))).containsExactly(false, true, false, true, false);
    }

    @Test
    void readsPresentValuesInRowOrder() {
        Object[] s = samples();
        assertThat(cells(fixture())).containsExactly(s[0], null, s[1], null, s[2]);
    }

    @Test
    void formatsMissingAsEmptyText() {
        C column = fixture();

        assertThat(column.format(1)).isEmpty();
        assertThat(column.format(3)).isEmpty();
        assertThat(column.format(0)).isNotEmpty();
    }

    @Test
    void aColumnWithoutValuesIsEmpty() {
        C column = column("x");

        assertThat(column.size()).isZero();
        assertThat(column.missingCount()).isZero();
    }

    @Test
    void aColumnOfOnlyMissingValuesCountsThemAll() {
        C column = column("x", null, null, null);

        assertThat(column.size()).isEqualTo(3);
        assertThat(column.missingCount()).isEqualTo(3);
        assertThat(column.isMissing(2)).isTrue();
    }

    @ParameterizedTest(name = "row {0}")
    @ValueSource(ints = {-1, 5, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void rowsOutsideTheColumnAreRejected(int row) {
        C column = fixture();

        assertThatThrownBy(() -> column.isMissing(row)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> column.format(row)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest(name = "row {0}")
    @ValueSource(ints = {-1, 3})
    void rowsOutsideAColumnWithoutMissingValuesAreRejected(int row) {
        Object[] s = samples();
        C column = column("x", s[0], s[1], s[2]);

        assertThatThrownBy(() -> column.isMissing(row)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest(name = "name ''{0}''")
    @ValueSource(strings = {"", " ", "\t"})
    void blankNamesAreRejected(String name) {
        assertThatThrownBy(() -> column(name, samples()[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column name must not be blank but was '" + name + "'");
    }

    @Test
    void toStringShowsKindNameSizeAndMissing() {
        C column = fixture();

        assertThat(column.toString())
                .isEqualTo(column.getClass().getSimpleName() + "[x, 5 rows, 2 missing]");
    }

    @Test
    void selectReordersAndRepeatsRows() {
        Object[] s = samples();
        C column = fixture();

        Column view = column.select(new int[] {4, 1, 0, 4, 1});

        assertThat(view.name()).isEqualTo("x");
        assertThat(view.type()).isEqualTo(expectedType());
        assertThat(view.size()).isEqualTo(5);
        assertThat(view.missingCount()).as("a repeated missing row counts each time").isEqualTo(2);
        @SuppressWarnings("unchecked")
        C typed = (C) view;
        assertThat(cells(typed)).containsExactly(s[2], null, s[0], s[2], null);
    }

    @Test
    void aViewReadsTheSourceRowsItSelects() {
        C column = fixture();
        int[] rows = {3, 2, 2, 0, 4, 1};

        Column view = column.select(rows);

        for (int i = 0; i < rows.length; i++) {
            assertThat(view.isMissing(i)).as("isMissing of view row %d", i).isEqualTo(column.isMissing(rows[i]));
            assertThat(view.format(i)).as("format of view row %d", i).isEqualTo(column.format(rows[i]));
            assertThat(view.valueEquals(i, column, rows[i])).as("view row %d equals source row", i).isTrue();
        }
    }

    @Test
    void aViewOfAViewComposesTheSelections() {
        Object[] s = samples();
        C column = fixture();

        Column outer = column.select(new int[] {4, 3, 2, 1, 0}).select(new int[] {0, 0, 2, 3});

        @SuppressWarnings("unchecked")
        C typed = (C) outer;
        assertThat(cells(typed)).containsExactly(s[2], s[2], s[1], null);
        assertThat(outer.missingCount()).isEqualTo(1);
    }

    @Test
    void anEmptySelectionHasNoRows() {
        Column view = fixture().select(new int[0]);

        assertThat(view.size()).isZero();
        assertThat(view.missingCount()).isZero();
    }

    @Test
    void aSelectionWithoutMissingRowsHasNone() {
        Column view = fixture().select(new int[] {0, 2, 4});

        assertThat(view.missingCount()).isZero();
        assertThat(view.isMissing(1)).isFalse();
    }

    @ParameterizedTest(name = "row {0}")
    @ValueSource(ints = {5, -1, 1000})
    void selectionOutsideTheColumnNamesThePosition(int bad) {
        C column = fixture();

        assertThatThrownBy(() -> column.select(new int[] {0, 1, bad}))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("rows[2] = " + bad + " is outside column 'x' of 5 rows");
    }

    @Test
    void selectionOutsideAViewNamesTheViewsSize() {
        Column view = fixture().select(new int[] {0, 1});

        assertThatThrownBy(() -> view.select(new int[] {2}))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("rows[0] = 2 is outside column 'x' of 2 rows");
    }

    @Test
    void selectRejectsNull() {
        C column = fixture();

        assertThatThrownBy(() -> column.select(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void renameKeepsValuesAndLeavesTheSourceAlone() {
        C column = fixture();

        Column renamed = column.rename("y");

        assertThat(renamed.name()).isEqualTo("y");
        assertThat(column.name()).isEqualTo("x");
        assertThat(renamed.type()).isEqualTo(expectedType());
        assertThat(renamed.missingCount()).isEqualTo(2);
        @SuppressWarnings("unchecked")
        C typed = (C) renamed;
        assertThat(cells(typed)).isEqualTo(cells(column));
    }

    @Test
    void renameOfAViewKeepsTheSelection() {
        Object[] s = samples();
        Column renamed = fixture().select(new int[] {4, 1}).rename("y");

        @SuppressWarnings("unchecked")
        C typed = (C) renamed;
        assertThat(renamed.size()).isEqualTo(2);
        assertThat(cells(typed)).containsExactly(s[2], null);
    }

    @Test
    void renameRejectsABlankName() {
        C column = fixture();

        assertThatThrownBy(() -> column.rename(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be blank");
    }

    @Test
    void valueEqualsComparesCellsAcrossColumns() {
        Object[] s = samples();
        C left = fixture();
        C right = column("y", s[0], null, s[0], s[1], null);

        assertThat(left.valueEquals(0, right, 0)).as("equal present values").isTrue();
        assertThat(left.valueEquals(1, right, 1)).as("both missing").isTrue();
        assertThat(left.valueEquals(1, right, 4)).as("both missing, other rows").isTrue();
        assertThat(left.valueEquals(2, right, 2)).as("different values").isFalse();
        assertThat(left.valueEquals(3, right, 3)).as("missing vs present").isFalse();
        assertThat(left.valueEquals(0, right, 1)).as("present vs missing").isFalse();
        assertThat(left.valueEquals(2, right, 3)).as("same value in other rows").isTrue();
    }

    @Test
    void valueHashAgreesWithValueEquals() {
        Object[] s = samples();
        C left = fixture();
        C right = column("y", null, s[2], s[1], s[0]);

        for (int row = 0; row < left.size(); row++) {
            for (int other = 0; other < right.size(); other++) {
                if (left.valueEquals(row, right, other)) {
                    assertThat(left.valueHash(row))
                            .as("hash of equal cells %d and %d", row, other)
                            .isEqualTo(right.valueHash(other));
                }
            }
        }
        assertThat(left.valueHash(1)).isEqualTo(right.valueHash(0));
    }

    @Test
    void valueEqualsRejectsAColumnOfAnotherType() {
        C column = fixture();
        Column other = otherTypeColumn();

        assertThatThrownBy(() -> column.valueEquals(0, other, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot compare column 'x' (" + expectedType() + ") with column '" + other.name() + "' ("
                        + other.type() + ")");
    }

    @Test
    void aLargeColumnKeepsEveryValue() {
        Object[] s = samples();
        int size = 1000;
        Object[] values = new Object[size];
        for (int i = 0; i < size; i++) {
            values[i] = i % 7 == 0 ? null : s[i % 3];
        }

        C column = column("x", values);

        assertThat(column.size()).isEqualTo(size);
        assertThat(column.missingCount()).isEqualTo(143);
        for (int i = 0; i < size; i++) {
            assertThat(cell(column, i)).as("row %d", i).isEqualTo(values[i]);
        }
    }
}
