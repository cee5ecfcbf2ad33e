package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BatchTest {
    private static final Table TWO_ROWS = Table.of(List.of(NumericColumn.of("x", 1, 2)));

    @Nested
    class Batches {
        @Test
        void aStrictlyReadTableHasNoOriginsAndNoProblems() {
            Batch batch = Batch.of(TWO_ROWS);

            assertThat(batch.origins()).isEmpty();
            assertThat(batch.problems()).isEmpty();
        }

        @Test
        void keepsACopyOfTheProblems() {
            List<CellProblem> problems = new ArrayList<>(List.of(new CellProblem(3, 4, 8, "x", 1, "abc", "expected a number")));

            Batch batch = Batch.of(TWO_ROWS, RowOrigins.builder(2).add(2, 2, 4).add(4, 8, 10).build(), problems);
            problems.clear();

            assertThat(batch.problems()).hasSize(1);
            assertThatThrownBy(() -> batch.problems().clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void refusesOriginsThatDoNotCoverTheRowsOneToOne() {
            RowOrigins one = RowOrigins.builder(0).add(1, 0, 2).build();

            assertThatThrownBy(() -> Batch.of(TWO_ROWS, one, List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("origins of 1 rows for a table of 2 rows");
        }

        @Test
        void unknownOriginsAreEmpty() {
            assertThat(Batch.of(TWO_ROWS, null, List.of()).origins()).isEmpty();
        }
    }

    @Nested
    class CellProblems {
        @Test
        void refusesALineOrPositionBelowOneAndEmptyOrNegativeBytes() {
            assertThatThrownBy(() -> new CellProblem(0, 0, 1, "x", 1, "a", "p"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("line must be at least 1 but was 0");
            assertThatThrownBy(() -> new CellProblem(1, 0, 1, "x", 0, "a", "p"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("position must be at least 1 but was 0");
            assertThatThrownBy(() -> new CellProblem(1, 2, 2, "x", 1, "a", "p"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a row's bytes must not be empty or negative: start 2, end 2");
            assertThatThrownBy(() -> new CellProblem(1, -1, 2, "x", 1, "a", "p"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a row's bytes must not be empty or negative: start -1, end 2");
        }

        @Test
        void keepsWhatItIsGiven() {
            CellProblem problem = new CellProblem(1, 0, 1, "x", 1, "", "expected a number");

            assertThat(problem.text()).isEmpty();
            assertThat(problem.end()).isEqualTo(1);
        }
    }
}
