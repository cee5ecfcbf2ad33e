package dev.mlops.examples.extension;

import dev.mlops.data.check.CheckReport;
import dev.mlops.monitor.drift.TableDriftReport;
import dev.mlops.train.experiment.Leaderboard;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ExtensionPoints#run} found and wrote: the user's three components at work in the
 * library, and the files the {@code mlops} command reads.
 *
 * @param leaderboard the runner's leaderboard: baselines, logistic regression and nearest neighbours, on the test rows
 * @param heldOutDrift the rows no model trained on against the training rows (one population: no drift expected)
 * @param olderApplicantsDrift the held-out applicants aged {@value ExtensionPoints#OLDER_FROM} or more against the
 *     training rows (a shifted population)
 * @param checks the saved suite's report on credit-g
 * @param data the copy of credit-g the command checks
 * @param trainingRows the training rows as CSV, the reference of {@code mlops drift}
 * @param olderRows the held-out applicants aged {@value ExtensionPoints#OLDER_FROM} or more as CSV, a current
 *     batch for {@code mlops drift}
 * @param suite the saved suite, holding the instalment check
 * @param plugins the plugin directory, holding the jar of the three components
 * @param tracking the tracking store's directory (its SQLite file {@code mlops.db})
 * @param command the {@code mlops check} command line that runs the suite with the plugin
 */
public record ExtensionRun(Leaderboard leaderboard, TableDriftReport heldOutDrift, TableDriftReport olderApplicantsDrift,
        CheckReport checks, Path data, Path trainingRows, Path olderRows, Path suite, Path plugins, Path tracking,
        List<String> command) {
    /** Checks that nothing is missing and copies the command. */
    public ExtensionRun {
        Objects.requireNonNull(leaderboard, "leaderboard");
        Objects.requireNonNull(heldOutDrift, "heldOutDrift");
        Objects.requireNonNull(olderApplicantsDrift, "olderApplicantsDrift");
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(trainingRows, "trainingRows");
        Objects.requireNonNull(olderRows, "olderRows");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(plugins, "plugins");
        Objects.requireNonNull(tracking, "tracking");
        command = List.copyOf(command);
    }
}
