package dev.mlops.examples.lifecycle;

import dev.mlops.core.table.Table;
import dev.mlops.data.leakage.LeakageReport;
import dev.mlops.data.slice.Slice;
import dev.mlops.data.split.Split;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What step 3 made: the recent set of the newest applications, and the stratified split of the
 * older ones into training (to train), validation (to rank the experiments) and test sets (with
 * the recent set, for the gates), with the slices of interest and the leakage report over all
 * four sets.
 *
 * @param older the applications before the recent set: the table {@code split} splits
 * @param split train, validation and test of {@code older}, stratified by the label
 * @param recent the newest applications, held out of the split
 * @param recentFrom the earliest date in the recent set
 * @param heldOut the test set's rows followed by the recent set's: rows no model trained on and
 *     no ranking read; the gates judge on them, and operations draws its request streams from them
 * @param slices the named slices the gate and the slice report read
 * @param leakage the leakage report over train, validation, test and recent
 * @param file {@code split.json} in the output directory
 */
public record SplitOutcome(Table older, Split split, Table recent, Instant recentFrom, Table heldOut, List<Slice> slices,
        LeakageReport leakage, Path file) {

    /** Checks that nothing is missing and copies the slices. */
    public SplitOutcome {
        Objects.requireNonNull(older, "older");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(recent, "recent");
        Objects.requireNonNull(recentFrom, "recentFrom");
        Objects.requireNonNull(heldOut, "heldOut");
        slices = List.copyOf(slices);
        Objects.requireNonNull(leakage, "leakage");
        Objects.requireNonNull(file, "file");
    }

    /**
     * One of the split's sets.
     *
     * @param name {@code train}, {@code validation} or {@code test}
     * @return its rows of {@link #older()}
     */
    public Table set(String name) {
        return split.set(older, name);
    }
}
