package dev.mlops.examples.lifecycle;

import dev.mlops.data.check.CheckReport;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What step 2 found: a check suite suggested from the oldest applications and run on the rest.
 *
 * @param firstBatchRows how many of the oldest applications the suite was suggested from
 * @param checks how many checks the suite holds
 * @param report the suite's report on the other applications (its {@code rowCount} is how many)
 * @param suite the suite's JSON file in the output directory
 * @param checked the applications the suite ran on, as CSV in the output directory
 */
public record ChecksOutcome(int firstBatchRows, int checks, CheckReport report, Path suite, Path checked) {

    /** Checks that nothing is missing. */
    public ChecksOutcome {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(checked, "checked");
    }
}
