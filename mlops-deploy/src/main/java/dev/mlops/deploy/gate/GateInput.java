package dev.mlops.deploy.gate;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link QualityGate} compares: the candidate's evaluation on the fixed validation set,
 * production's on the same set (absent for the first model), a baseline's (the reference when
 * there is no production model, and what a significance rule against the baseline reads), and
 * optionally both models' evaluations on a recent set.
 *
 * <pre>{@code
 * GateInput input = GateInput.of(Evaluation.of("candidate", candidate, validation))
 *         .withProduction(Evaluation.of("production", production, validation))
 *         .withRecent(Evaluation.of("candidate", candidate, recent), Evaluation.of("production", production, recent));
 * }</pre>
 *
 * @param candidate the candidate on the validation set
 * @param production production on the validation set, or null for the first model
 * @param baseline a baseline on the validation set, or null
 * @param recentCandidate the candidate on the recent set, or null
 * @param recentReference the reference on the recent set (production's evaluation or, when
 *     there is no production model, the baseline's), or null; given with the recent candidate
 */
public record GateInput(Evaluation candidate, @Nullable Evaluation production, @Nullable Evaluation baseline,
        @Nullable Evaluation recentCandidate, @Nullable Evaluation recentReference) {
    /** The scope name of the validation set. */
    public static final String VALIDATION = "validation";
    /** The scope name of the recent set. */
    public static final String RECENT = "recent";

    /**
     * Checks the parts.
     *
     * @param candidate the candidate on the validation set
     * @param production production, or null
     * @param baseline a baseline, or null
     * @param recentCandidate the candidate on the recent set, or null
     * @param recentReference the reference on the recent set, or null
     * @throws IllegalArgumentException if only one of the recent evaluations is given
     */
    public GateInput {
        Objects.requireNonNull(candidate, "candidate");
        if ((recentCandidate == null) != (recentReference == null)) {
            throw new IllegalArgumentException("the recent set needs both the candidate's and the reference's"
                    + " evaluation, but only the " + (recentCandidate == null ? "reference's" : "candidate's")
                    + " was given");
        }
    }

    /**
     * @param candidate the candidate's evaluation on the validation set
     * @return an input with the candidate alone
     */
    public static GateInput of(Evaluation candidate) {
        return new GateInput(candidate, null, null, null, null);
    }

    /**
     * @param evaluation production's evaluation on the validation set
     * @return this input with production
     */
    public GateInput withProduction(Evaluation evaluation) {
        return new GateInput(candidate, Objects.requireNonNull(evaluation, "evaluation"), baseline, recentCandidate,
                recentReference);
    }

    /**
     * @param evaluation a baseline's evaluation on the validation set
     * @return this input with the baseline
     */
    public GateInput withBaseline(Evaluation evaluation) {
        return new GateInput(candidate, production, Objects.requireNonNull(evaluation, "evaluation"),
                recentCandidate, recentReference);
    }

    /**
     * @param candidateOnRecent the candidate's evaluation on the recent set
     * @param referenceOnRecent production's evaluation on the recent set or, when there is no
     *     production model, the baseline's
     * @return this input with the recent set
     */
    public GateInput withRecent(Evaluation candidateOnRecent, Evaluation referenceOnRecent) {
        Objects.requireNonNull(candidateOnRecent, "candidateOnRecent");
        Objects.requireNonNull(referenceOnRecent, "referenceOnRecent");
        return new GateInput(candidate, production, baseline, candidateOnRecent, referenceOnRecent);
    }
}
