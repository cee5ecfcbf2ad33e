package dev.mlops.examples.lifecycle;

import dev.mlops.deploy.strategy.RolloutStatus;
import dev.mlops.deploy.strategy.RolloutTransition;
import dev.mlops.monitor.alarm.AlarmEvent;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the operations half of the walk did and found: the canary's course and how it ended, the
 * windows of the simulated request stream with the drift found in each, the alarms raised, the
 * quality measured from late labels, and where the artifacts are.
 *
 * @param finalStatus the rollout's status at the end (for this walk, {@code rolled back})
 * @param history every move of the rollout, oldest first, each with its time and cause
 * @param windows the stream's windows, oldest first
 * @param alarms every alarm event raised or cleared while the stream ran, in order
 * @param quality per variant and kind of traffic (production's, then the candidate's; normal, then
 *     drifted), the accuracy of its served predictions from the labels that arrived
 * @param labelsDelivered how many labels were delivered in all (late, on the simulated clock)
 * @param captureDirectory the capture files (JSON Lines) of every request and answer
 * @param baseline the training baseline's directory (baseline.json, profile.json, suite.json)
 * @param labels the late labels as they arrived (CSV: inferenceId, label, arrivedAt)
 * @param report the HTML monitoring report
 */
public record OperationsOutcome(RolloutStatus finalStatus, List<RolloutTransition> history,
        List<StreamWindow> windows, List<AlarmEvent> alarms, List<VariantQuality> quality, long labelsDelivered,
        Path captureDirectory, Path baseline, Path labels, Path report) {
    /** The stage a canary ends in when it is rolled back ({@code CanaryStrategy}'s name for it). */
    public static final String ROLLED_BACK = "rolled back";

    /**
     * Checks the fields and keeps unmodifiable copies.
     *
     * @param finalStatus the final status
     * @param history the transitions
     * @param windows the windows
     * @param alarms the alarm events
     * @param quality the quality per variant
     * @param labelsDelivered the labels delivered
     * @param captureDirectory the capture directory
     * @param baseline the baseline directory
     * @param labels the labels file
     * @param report the report file
     */
    public OperationsOutcome {
        Objects.requireNonNull(finalStatus, "finalStatus");
        Objects.requireNonNull(captureDirectory, "captureDirectory");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(report, "report");
        history = List.copyOf(history);
        windows = List.copyOf(windows);
        alarms = List.copyOf(alarms);
        quality = List.copyOf(quality);
        if (labelsDelivered < 0) {
            throw new IllegalArgumentException("labelsDelivered must not be negative but was " + labelsDelivered);
        }
    }

    /** @return the stages the rollout was in, in the order it reached them, the first one included */
    public List<String> stagesReached() {
        Set<String> stages = new LinkedHashSet<>();
        if (history.isEmpty()) {
            stages.add(finalStatus.stage());
        }
        for (RolloutTransition transition : history) {
            stages.add(transition.from().stage());
            stages.add(transition.to().stage());
        }
        return List.copyOf(stages);
    }

    /** @return the transition that rolled the canary back, if it was */
    public Optional<RolloutTransition> rollback() {
        return history.stream().filter(t -> t.to().stage().equals(ROLLED_BACK)).findFirst();
    }

    /** @return the columns found drifted in any window, each once, in the order first found */
    public List<String> driftedColumns() {
        Set<String> columns = new LinkedHashSet<>();
        windows.forEach(window -> columns.addAll(window.driftedColumns()));
        return List.copyOf(columns);
    }

    /** @return the alarm events that raised an alarm */
    public List<AlarmEvent> raisedAlarms() {
        return alarms.stream().filter(AlarmEvent::raised).toList();
    }
}
