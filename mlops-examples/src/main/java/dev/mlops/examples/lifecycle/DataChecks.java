package dev.mlops.examples.lifecycle;

import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckReport;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.CheckSuggester;
import dev.mlops.data.check.SuggestedSuite;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.profile.DatasetProfile;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Step 2 of the walk: data checks suggested from a first batch and run on the next. The oldest
 * {@value #FIRST_BATCH} applications by date stand for the batch known to be good;
 * {@link CheckSuggester} proposes a suite from their profile (schema, completeness, ranges,
 * allowed values, uniqueness; Deequ's constraint suggestion), and the suite is run on the other
 * applications as a pipeline would run it on each new batch. Those applications are written as
 * {@value #CHECKED_FILE}, with their dates, so that {@code mlops check} reruns the suite on them.
 */
final class DataChecks {
    /** How many of the oldest applications the suite is suggested from. */
    static final int FIRST_BATCH = 300;
    /** The suite's file name in the output directory. */
    static final String SUITE_FILE = "credit-checks.json";
    /** The applications the suite ran on, written as CSV so that {@code mlops check} can run it again. */
    static final String CHECKED_FILE = "next-applications.csv";

    private DataChecks() {
    }

    /**
     * Suggests the suite, saves it and runs it on the later applications.
     *
     * @param applications the applications with their dates
     * @param directory the output directory
     * @param console where the findings go
     * @return the suite's size, its report and the files written
     */
    static ChecksOutcome run(Table applications, Path directory, Console console) {
        int[] order = CreditApplications.oldestFirst(applications);
        Table firstBatch = applications.rows(Arrays.copyOfRange(order, 0, FIRST_BATCH));
        Table later = applications.rows(Arrays.copyOfRange(order, FIRST_BATCH, order.length));
        SuggestedSuite suggested = CheckSuggester.defaults().suggest(DatasetProfile.of(firstBatch), "credit-applications");
        Path file = directory.resolve(SUITE_FILE);
        suggested.suite().save(file);
        CheckReport report = suggested.suite().run(later);
        Path checked = directory.resolve(CHECKED_FILE);
        AtomicFiles.write(checked, out -> CsvFormat.defaults().write(later, out));
        console.detail("%d checks suggested from the oldest %d applications, run on the next %d: %s (%d errors, %d warnings)",
                suggested.suite().checks().size(), FIRST_BATCH, later.rowCount(), report.passed() ? "passed" : "FAILED",
                report.errors().size(), report.warnings().size());
        for (CheckResult failure : report.errors()) {
            console.detail("  error: %s", failure.message());
        }
        return new ChecksOutcome(FIRST_BATCH, suggested.suite().checks().size(), report, file, checked);
    }
}
