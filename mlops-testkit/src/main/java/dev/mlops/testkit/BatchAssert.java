package dev.mlops.testkit;

import dev.mlops.core.text.ReadableText;
import dev.mlops.data.io.Batch;
import dev.mlops.data.io.CellProblem;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a {@link Batch} read against what is expected of it, from
 * {@link DataAssertions#assertThat(Batch)}:
 * <pre>{@code
 * Batch batch = DataSuites.readBatch(Path.of("customers.csv"), suite.schema());
 * assertThat(batch).hasNoBadCells();
 * assertThat(batch).hasBadCellsOnLines(3, 7).table().hasRowCount(98);
 * }</pre>
 * A failure message names each bad cell by its line, column name and index, and text. Not
 * thread-safe.
 */
public final class BatchAssert extends AbstractAssert<BatchAssert, Batch> {
    /** How many bad cells a message names. */
    private static final int CELLS_SHOWN = 10;

    BatchAssert(@Nullable Batch actual) {
        super(actual, BatchAssert.class);
    }

    /**
     * Verifies that every cell fit its column's type, so that every row was read.
     *
     * @return this assertion
     */
    public BatchAssert hasNoBadCells() {
        isNotNull();
        if (!actual.problems().isEmpty()) {
            throw failure("%s", "Expecting every cell of the batch to fit its column's type, but "
                    + describe(actual.problems()));
        }
        return myself;
    }

    /**
     * Verifies the lines of the rows that could not be read, exactly and in input order: a row
     * with several bad cells is named once.
     *
     * @param lines the physical lines on which the rows with bad cells start
     * @return this assertion
     */
    public BatchAssert hasBadCellsOnLines(long... lines) {
        isNotNull();
        List<Long> actualLines = actual.problems().stream().map(CellProblem::line).distinct().toList();
        List<Long> expected = Arrays.stream(lines).boxed().toList();
        if (!actualLines.equals(expected)) {
            throw failure("%s", "Expecting the rows with bad cells to start on the lines " + expected + " but they start on "
                    + actualLines + ": " + describe(actual.problems()));
        }
        return myself;
    }

    /**
     * Starts assertions on the rows that were read.
     *
     * @return the table's assertions
     */
    public TableAssert table() {
        isNotNull();
        return DataAssertions.inherit(info, new TableAssert(actual.table()));
    }

    /** @return how many cells did not fit and, for up to ten, line, column, index and text */
    private static String describe(List<CellProblem> problems) {
        StringBuilder text = new StringBuilder().append(problems.size())
                .append(problems.size() == 1 ? " cell did not:" : " cells did not:");
        for (CellProblem problem : problems.subList(0, Math.min(CELLS_SHOWN, problems.size()))) {
            text.append("\n  line ").append(problem.line()).append(", column '")
                    .append(ReadableText.name(problem.column())).append("' (").append(problem.position()).append("): ")
                    .append(problem.problem()).append(" but found ").append(ReadableText.value(problem.text()));
        }
        if (problems.size() > CELLS_SHOWN) {
            text.append("\n  ... and ").append(problems.size() - CELLS_SHOWN).append(" more");
        }
        return text.toString();
    }
}
