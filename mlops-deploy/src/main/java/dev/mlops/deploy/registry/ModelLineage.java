package dev.mlops.deploy.registry;

import dev.mlops.core.report.ReportHeader;
import dev.mlops.train.tracking.RunRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything behind one model version, in one value and one report: the version (its artifact,
 * format, provenance, metrics and lineage tags: build, commit, data fingerprint, split, run id and
 * lineage inputs), the training run as the tracking store holds it (params, seed, code and data
 * versions), the quality gate's verdict and rules, the approvals, and every stage transition.
 *
 * <p>The report uses the shared envelope ({@link ReportHeader}, kind {@value #KIND}); its
 * fingerprint is the training data's when the version records one, else the artifact's content
 * hash. Immutable.
 *
 * @param header the envelope
 * @param version the version, with its lineage tags and approvals
 * @param run the training run, when the version names one and the registry has the tracking store
 *     that holds it
 * @param gate the registered gate report's verdict and rules, if one was registered
 * @param transitions every stage transition of the version, oldest first; unmodifiable
 */
public record ModelLineage(ReportHeader header, ModelVersion version, Optional<RunRecord> run,
        Optional<GateSummary> gate, List<Transition> transitions) {
    /** The {@code kind} of the JSON report. */
    public static final String KIND = "model-lineage";
    /** The version of {@link #toJson()}'s format. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Checks the parts.
     *
     * @param header the envelope
     * @param version the version
     * @param run the run, if known
     * @param gate the gate summary, if any
     * @param transitions the transitions
     */
    public ModelLineage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(gate, "gate");
        transitions = List.copyOf(transitions);
    }

    /**
     * Writes the report as a JSON document: the envelope's fields, the version, its lineage tags,
     * the run, the gate, the approvals and the transitions, keys sorted as in every house document.
     *
     * @return the JSON text
     */
    public String toJson() {
        return LineageReports.json(this);
    }

    /**
     * Writes the report for people, one fact per line.
     *
     * @return the text, lines ending in {@code \n}
     */
    public String toText() {
        return LineageReports.text(this);
    }
}
