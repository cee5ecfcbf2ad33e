package dev.mlops.deploy.registry;

import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.train.experiment.ExperimentRunner;
import dev.mlops.train.tracking.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a model version came from: the build and code commit that made it, the fingerprint of its
 * training data, the training run, the split, and the {@link LineageInput}s the run recorded.
 * Every tag is optional; {@link #none()} has none.
 *
 * <pre>{@code
 * LineageTags tags = LineageTags.builder()
 *         .fromRun(tracking.require(runId))       // run id, commit and inputs of the run
 *         .buildId("ci-1234")
 *         .dataFingerprint(Fingerprint.of(train))
 *         .split("stratified(label=class, seed=42)", Fingerprint.of(test))
 *         .build();
 * }</pre>
 *
 * @param buildId the CI build's id
 * @param commit the code commit (a git hash, or any version text)
 * @param dataFingerprint the fingerprint of the training data
 * @param runId the id of the tracking run that trained the model
 * @param split the split's name or spec
 * @param splitFingerprint the fingerprint of the split's held-out part
 * @param inputs the lineage inputs (data sets, feature groups and their windows); unmodifiable
 */
public record LineageTags(Optional<String> buildId, Optional<String> commit, Optional<Fingerprint> dataFingerprint,
        Optional<String> runId, Optional<String> split, Optional<Fingerprint> splitFingerprint,
        List<LineageInput> inputs) {

    private static final LineageTags NONE = builder().build();

    /**
     * Checks the parts and copies the inputs.
     *
     * @param buildId the build id
     * @param commit the commit
     * @param dataFingerprint the data fingerprint
     * @param runId the run id
     * @param split the split
     * @param splitFingerprint the split's fingerprint
     * @param inputs the inputs
     * @throws IllegalArgumentException if a present text is blank
     */
    public LineageTags {
        checkText("buildId", buildId);
        checkText("commit", commit);
        Objects.requireNonNull(dataFingerprint, "dataFingerprint");
        checkText("runId", runId);
        checkText("split", split);
        Objects.requireNonNull(splitFingerprint, "splitFingerprint");
        inputs = List.copyOf(inputs);
    }

    /** @return tags with nothing recorded */
    public static LineageTags none() {
        return NONE;
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    private static void checkText(String name, Optional<String> value) {
        Objects.requireNonNull(value, name);
        if (value.isPresent() && value.get().isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank when given but was '" + value.get() + "'");
        }
    }

    /** Builds {@link LineageTags}. Not thread-safe. */
    public static final class Builder {
        private @Nullable String buildId;
        private @Nullable String commit;
        private @Nullable Fingerprint dataFingerprint;
        private @Nullable String runId;
        private @Nullable String split;
        private @Nullable Fingerprint splitFingerprint;
        private final List<LineageInput> inputs = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param id the CI build's id
         * @return this builder
         */
        public Builder buildId(String id) {
            this.buildId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * @param version the code commit
         * @return this builder
         */
        public Builder commit(String version) {
            this.commit = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * @param fingerprint the training data's fingerprint
         * @return this builder
         */
        public Builder dataFingerprint(Fingerprint fingerprint) {
            this.dataFingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
            return this;
        }

        /**
         * @param id the tracking run's id
         * @return this builder
         */
        public Builder runId(String id) {
            this.runId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * @param name the split's name or spec
         * @return this builder
         */
        public Builder split(String name) {
            this.split = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param name the split's name or spec
         * @param heldOut the fingerprint of the split's held-out part
         * @return this builder
         */
        public Builder split(String name, Fingerprint heldOut) {
            this.splitFingerprint = Objects.requireNonNull(heldOut, "heldOut");
            return split(name);
        }

        /**
         * @param input a lineage input, added after those already given
         * @return this builder
         */
        public Builder input(LineageInput input) {
            inputs.add(Objects.requireNonNull(input, "input"));
            return this;
        }

        /**
         * Takes from a tracking run, for each tag not given already: its id; its code version as the
         * commit; the fingerprint of its one {@code table} input as the data fingerprint (a run that
         * read several tables leaves the choice to the caller); and the split the
         * {@link ExperimentRunner} logged as the artifact {@value ExperimentRunner#SPLIT_ARTIFACT},
         * named by the run and the artifact's content hash. Its lineage inputs are added after those
         * already given.
         *
         * @param run a tracking run
         * @return this builder
         */
        public Builder fromRun(RunRecord run) {
            Objects.requireNonNull(run, "run");
            runId = run.id();
            if (commit == null) {
                commit = run.info().codeVersion().orElse(null);
            }
            List<Fingerprint> tables = run.inputs().stream().filter(input -> input.kind().equals("table"))
                    .flatMap(input -> input.fingerprint().stream()).distinct().toList();
            if (dataFingerprint == null && tables.size() == 1) {
                dataFingerprint = tables.get(0);
            }
            if (split == null) {
                run.artifacts().stream().filter(artifact -> artifact.path().equals(ExperimentRunner.SPLIT_ARTIFACT))
                        .findFirst().ifPresent(artifact -> split = "run " + run.id() + " artifact "
                                + artifact.path() + " sha256:" + artifact.content().sha256());
            }
            inputs.addAll(run.inputs());
            return this;
        }

        /** @return the tags */
        public LineageTags build() {
            return new LineageTags(Optional.ofNullable(buildId), Optional.ofNullable(commit),
                    Optional.ofNullable(dataFingerprint), Optional.ofNullable(runId), Optional.ofNullable(split),
                    Optional.ofNullable(splitFingerprint), inputs);
        }
    }
}
