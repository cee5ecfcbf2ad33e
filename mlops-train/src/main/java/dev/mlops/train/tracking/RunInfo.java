package dev.mlops.train.tracking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What identifies a run and where it stands, without what it logged (see {@link RunRecord}).
 *
 * @param id the run's id: 32 lower-case hex digits, unique in the store
 * @param experiment the experiment it belongs to
 * @param name its name (given, or made from the experiment's name and the start time)
 * @param status where it is in its life
 * @param startTime when it started
 * @param endTime when it ended, empty while it runs
 * @param seed the seed it ran with, if it said
 * @param codeVersion the code it ran (a git commit, or a version), if known
 * @param user who ran it
 */
public record RunInfo(String id, ExperimentInfo experiment, String name, RunStatus status, Instant startTime,
        Optional<Instant> endTime, OptionalLong seed, Optional<String> codeVersion, String user) {
    /**
     * Checks the fields.
     *
     * @param id the run's id
     * @param experiment its experiment
     * @param name its name
     * @param status its status
     * @param startTime when it started
     * @param endTime when it ended
     * @param seed its seed
     * @param codeVersion its code version
     * @param user who ran it
     * @throws IllegalArgumentException if the end time and the status disagree
     */
    public RunInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(codeVersion, "codeVersion");
        Objects.requireNonNull(user, "user");
        if (status.isTerminal() != endTime.isPresent()) {
            throw new IllegalArgumentException("run " + id + " is " + status.label() + (endTime.isPresent()
                    ? " but has an end time" : " but has no end time"));
        }
    }
}
