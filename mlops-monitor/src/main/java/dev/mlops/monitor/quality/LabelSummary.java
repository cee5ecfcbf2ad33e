package dev.mlops.monitor.quality;

import java.util.List;

/**
 * What happened to the ground truth in a quality run.
 *
 * @param lines the lines read ({@link GroundTruth#lines()})
 * @param labels the labels kept, one per inference id
 * @param badLines lines that were not a label
 * @param duplicates second labels for an inference id, skipped
 * @param joined labels whose inference was found among the captured predictions
 * @param unknownIds labels whose inference id no captured prediction of the stage has (or whose
 *     record came too late for its window)
 * @param badValues labels the task cannot read (not a finite number for regression)
 * @param problems the first {@value GroundTruth#MAX_PROBLEMS} bad lines and duplicates, then the
 *     first unknown ids and bad values, each with its source and line; unmodifiable
 */
public record LabelSummary(long lines, long labels, long badLines, long duplicates, long joined, long unknownIds,
        long badValues, List<LabelProblem> problems) {

    /**
     * Keeps an unmodifiable copy of the problems.
     *
     * @param lines the lines read
     * @param labels the labels kept
     * @param badLines the bad lines
     * @param duplicates the duplicates
     * @param joined the labels joined
     * @param unknownIds the labels for unknown inferences
     * @param badValues the labels the task cannot read
     * @param problems the first problems, named
     */
    public LabelSummary {
        problems = List.copyOf(problems);
    }
}
