package dev.mlops.deploy.gate;

import dev.mlops.core.Seed;
import dev.mlops.core.report.ReportHeader;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.significance.PairedBootstrap;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The CI quality gate: compares a candidate model with the production model on the same fixed
 * validation set, its named slices and, if given, a recent set, by a list of {@link GateRule}s,
 * and reports each rule's values, difference, interval and verdict in a {@link GateReport}.
 *
 * <pre>{@code
 * ValidationSet validation = ValidationSet.of("validation", rows, "class", List.of(Slice.of("young", "age < 25")));
 * GateReport report = QualityGate.defaults(Clock.systemUTC()).check(
 *         GateInput.of(Evaluation.of("candidate", candidate, validation))
 *                 .withProduction(Evaluation.of("production", production, validation)));
 * report.passed();
 * }</pre>
 *
 * <p>The reference the rules compare with is production's evaluation; the first model, which has
 * no production model, is compared with the baseline's instead, and a gate given neither refuses
 * to run. The gate refuses to compare evaluations made on different rows: production's, the
 * baseline's and the candidate's on the validation set must share one fingerprint, and the two
 * recent evaluations another; the message names both fingerprints.
 *
 * <p>The defaults ({@link #defaults(Clock)}): macro-F1 no lower than the reference's by more than
 * {@value #DEFAULT_METRIC_MARGIN}, no slice's accuracy lower by more than
 * {@value #DEFAULT_SLICE_MARGIN}, differences' intervals from a paired bootstrap of
 * {@value PairedBootstrap#DEFAULT_RESAMPLES} resamples at level 0.95 seeded with
 * {@value #DEFAULT_SEED}. Latency and significance rules are added with {@link #withRule}, since
 * their limits depend on the deployment. Immutable and thread-safe.
 */
public final class QualityGate {
    /** The default margin of the macro-F1 rule. */
    public static final double DEFAULT_METRIC_MARGIN = 0.01;
    /** The default margin of the slice accuracy rule. */
    public static final double DEFAULT_SLICE_MARGIN = 0.03;
    /** The default bootstrap seed. */
    public static final long DEFAULT_SEED = 42L;

    private final List<GateRule> rules;
    private final PairedBootstrap bootstrap;
    private final Clock clock;

    private QualityGate(List<GateRule> rules, PairedBootstrap bootstrap, Clock clock) {
        this.rules = List.copyOf(rules);
        this.bootstrap = Objects.requireNonNull(bootstrap, "bootstrap");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A gate of the given rules.
     *
     * @param rules the rules, in the order the report lists them
     * @param bootstrap the seeded bootstrap of the differences' intervals
     * @param clock the clock that stamps reports
     * @return the gate
     */
    public static QualityGate of(List<GateRule> rules, PairedBootstrap bootstrap, Clock clock) {
        return new QualityGate(rules, bootstrap, clock);
    }

    /**
     * The default gate for a classifier: macro-F1 within 0.01 of the reference's, no slice's
     * accuracy lower by more than 0.03, a bootstrap of 1000 resamples at level 0.95 seeded with 42.
     *
     * @param clock the clock that stamps reports
     * @return the gate
     */
    public static QualityGate defaults(Clock clock) {
        return new QualityGate(List.of(new MetricRule(Metrics.macroF1(), DEFAULT_METRIC_MARGIN),
                new SliceRule(Metrics.accuracy(), DEFAULT_SLICE_MARGIN)), PairedBootstrap.of(Seed.of(DEFAULT_SEED)),
                clock);
    }

    /**
     * @param rule a rule to add after the others
     * @return a gate with the rule added
     */
    public QualityGate withRule(GateRule rule) {
        List<GateRule> more = new ArrayList<>(rules);
        more.add(Objects.requireNonNull(rule, "rule"));
        return new QualityGate(more, bootstrap, clock);
    }

    /** @return the rules, in order */
    public List<GateRule> rules() {
        return rules;
    }

    /** @return the bootstrap of the intervals */
    public PairedBootstrap bootstrap() {
        return bootstrap;
    }

    /**
     * Checks every rule.
     *
     * @param input the evaluations to compare
     * @return the report, with every rule's findings in order
     * @throws IllegalArgumentException if there is neither a production nor a baseline evaluation,
     *     if two evaluations compared were made on different rows (the message names both
     *     fingerprints), or if a rule needs an evaluation the input lacks
     */
    public GateReport check(GateInput input) {
        Objects.requireNonNull(input, "input");
        Evaluation candidate = input.candidate();
        Evaluation production = input.production();
        Evaluation baseline = input.baseline();
        Evaluation reference = production != null ? production : baseline;
        if (reference == null) {
            throw new IllegalArgumentException("the gate has nothing to compare candidate '" + candidate.model()
                    + "' with: there is no production model, so give a baseline's evaluation"
                    + " (GateInput.withBaseline), such as the most-frequent-class baseline's");
        }
        requireSameRows(candidate, production, "production");
        requireSameRows(candidate, baseline, "baseline");
        Evaluation recentCandidate = input.recentCandidate();
        if (recentCandidate != null) {
            requireSameRows(recentCandidate, input.recentReference(), "the reference on the recent set");
        }
        GateEvidence evidence = new GateEvidence(input, reference, bootstrap);
        List<RuleResult> results = new ArrayList<>();
        for (GateRule rule : rules) {
            results.addAll(rule.check(evidence));
        }
        ReportHeader header = new ReportHeader(GateReport.KIND, GateReport.FORMAT_VERSION, clock.instant(),
                candidate.fingerprint());
        return new GateReport(header, candidate.model(), reference.model(),
                production != null ? GateReport.PRODUCTION : GateReport.BASELINE, candidate.set().toString(),
                Optional.ofNullable(recentCandidate).map(recent -> recent.set().toString()),
                rules.stream().map(GateRule::toString).toList(), results);
    }

    private static void requireSameRows(Evaluation candidate, @Nullable Evaluation other, String role) {
        if (other != null && !other.fingerprint().equals(candidate.fingerprint())) {
            throw new IllegalArgumentException("refusing to compare evaluations made on different data: candidate '"
                    + candidate.model() + "' was evaluated on '" + candidate.set().name() + "' (fingerprint "
                    + candidate.fingerprint().sha256() + ") but " + role + " '" + other.model() + "' on '"
                    + other.set().name() + "' (fingerprint " + other.fingerprint().sha256()
                    + "); evaluate both on the same fixed validation set");
        }
    }

    /** @return the rules in words */
    @Override
    public String toString() {
        return "QualityGate" + rules;
    }
}
