package dev.mlops.train.tracking.mlflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What an export into an {@code mlruns} directory wrote.
 *
 * @param root the {@code mlruns} directory (absolute)
 * @param experimentId MLflow's id of the experiment the runs went to (a numeric string, the name of
 *     its directory under the root); an experiment of the same name already in the root is reused
 * @param experimentDirectory the experiment's directory, {@code root/experimentId}
 * @param runDirectories the directory written for each exported run ({@code experimentDirectory/<run id>}),
 *     in the order exported
 * @param files how many files were written, {@code meta.yaml} files and artifacts included
 */
public record ExportResult(Path root, String experimentId, Path experimentDirectory, List<Path> runDirectories,
        int files) {
    /**
     * Checks the fields.
     *
     * @param root the {@code mlruns} directory
     * @param experimentId MLflow's experiment id
     * @param experimentDirectory the experiment's directory
     * @param runDirectories the run directories written
     * @param files how many files were written
     * @throws IllegalArgumentException if {@code files} is negative
     */
    public ExportResult {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(experimentDirectory, "experimentDirectory");
        runDirectories = List.copyOf(runDirectories);
        if (files < 0) {
            throw new IllegalArgumentException("files must not be negative but was " + files);
        }
    }

    /** @return how many runs were exported */
    public int runs() {
        return runDirectories.size();
    }
}
