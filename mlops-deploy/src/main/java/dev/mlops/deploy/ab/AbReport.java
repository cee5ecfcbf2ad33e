package dev.mlops.deploy.ab;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.Documents;
import dev.mlops.core.json.Json;
import dev.mlops.core.report.ReportHeader;
import dev.mlops.deploy.ab.OutcomeLog.MetricKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link AbTest} found on one metric of one experiment, in the report envelope every
 * mlops-java report shares ({@link ReportHeader}; the fingerprint is that of the table of
 * (arm, outcome) rows analysed, arms in the strategy's order, each arm's outcomes sorted): each
 * arm's units, outcomes and mean, the sample-ratio check, and for each treatment its comparison
 * with the control and the decision. Immutable.
 *
 * @param header kind {@value #KIND}, format version, creation time, fingerprint
 * @param experiment the experiment's name (the strategy's salt)
 * @param metric the metric analysed
 * @param kind conversion or value
 * @param alpha the level of the tests
 * @param mixingVariance the mSPRT's {@code tau2}
 * @param plannedUnitsPerArm the planned horizon
 * @param minUnitsPerArm the units per arm before the always-valid test starts and a decision is made
 * @param arms each arm, the control first
 * @param srm the sample-ratio-mismatch check
 * @param comparisons each treatment against the control, in the arms' order
 */
public record AbReport(ReportHeader header, String experiment, String metric, MetricKind kind, double alpha,
        double mixingVariance, long plannedUnitsPerArm, long minUnitsPerArm, List<Arm> arms, Srm srm, List<Comparison> comparisons) {
    /** The {@code kind} of the JSON document. */
    public static final String KIND = "ab-report";
    /** The version of {@link #toJson()}'s format (2: {@code minUnitsPerArm}, the carried confidence sequence). */
    public static final int FORMAT_VERSION = 2;

    /**
     * Keeps unmodifiable copies.
     *
     * @param header the envelope
     * @param experiment the experiment
     * @param metric the metric
     * @param kind its kind
     * @param alpha the level
     * @param mixingVariance tau2
     * @param plannedUnitsPerArm the horizon
     * @param minUnitsPerArm the minimum before a decision
     * @param arms the arms
     * @param srm the mismatch check
     * @param comparisons the comparisons
     */
    public AbReport {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(srm, "srm");
        arms = List.copyOf(arms);
        comparisons = List.copyOf(comparisons);
    }

    /** What to do about a treatment; {@link AbTest} defines when each applies. */
    public enum Decision {
        /** Not enough evidence yet, and the planned horizon not reached. */
        KEEP_RUNNING,
        /** The treatment's mean is higher: the carried always-valid interval lies above 0. */
        TREATMENT_BETTER,
        /** The control's mean is higher: the carried always-valid interval lies below 0. */
        CONTROL_BETTER,
        /** The planned horizon passed without the always-valid test finding a difference. */
        NO_DIFFERENCE,
        /** The units per arm do not match the configured shares: the experiment is broken. */
        SAMPLE_RATIO_MISMATCH;

        /** @return the lower-case name with dashes used in JSON and text, such as {@code keep-running} */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One arm.
     *
     * @param name the arm
     * @param share its configured share of units
     * @param units the units assigned to it
     * @param outcomes its conversions (units that converted) or the sum of its values
     * @param mean the conversion rate or mean value per unit; NaN with no unit
     */
    public record Arm(String name, double share, long units, double outcomes, double mean) {
    }

    /**
     * The sample-ratio-mismatch check.
     *
     * @param chiSquare Pearson's chi-square of the units per arm against the shares
     * @param pValue its p-value
     * @param threshold the p-value below which a mismatch is flagged
     * @param mismatch true if flagged
     */
    public record Srm(double chiSquare, double pValue, double threshold, boolean mismatch) {
    }

    /**
     * A treatment against the control; NaN where an arm has fewer than 2 units.
     *
     * @param treatment the treatment arm
     * @param control the control arm
     * @param effect {@code mean_treatment - mean_control}
     * @param relativeEffect the effect over the control's mean; NaN when that mean is 0
     * @param lower the fixed-horizon confidence interval's lower end
     * @param upper its upper end
     * @param statistic z (conversions) or Welch's t (values)
     * @param fixedP the fixed-horizon two-sided p-value
     * @param alwaysValidP the mSPRT's always-valid p-value, the running minimum over the looks
     * @param alwaysValidLower the lower end of the running intersection of the confidence sequence
     *     over the looks (the one the decision reads); minus infinity before the test started
     * @param alwaysValidUpper its upper end; plus infinity before the test started
     * @param decision what to do
     */
    public record Comparison(String treatment, String control, double effect, double relativeEffect, double lower,
            double upper, double statistic, double fixedP, double alwaysValidP, double alwaysValidLower,
            double alwaysValidUpper, Decision decision) {
    }

    /**
     * A treatment's comparison.
     *
     * @param treatment a treatment arm
     * @return its comparison with the control
     * @throws IllegalArgumentException if the arm is not a treatment of this report
     */
    public Comparison comparison(String treatment) {
        for (Comparison comparison : comparisons) {
            if (comparison.treatment().equals(treatment)) {
                return comparison;
            }
        }
        throw new IllegalArgumentException("'" + treatment + "' is not a treatment arm of experiment '" + experiment
                + "'");
    }

    /**
     * Writes the report as a JSON document: the envelope's fields, the settings, the arms, the
     * mismatch check and the comparisons; non-finite numbers as strings ({@code "NaN"}).
     *
     * @return the JSON text
     */
    public String toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("experiment", experiment);
        document.put("metric", metric);
        document.put("metricKind", kind.name().toLowerCase(Locale.ROOT));
        document.put("alpha", alpha);
        document.put("mixingVariance", mixingVariance);
        document.put("plannedUnitsPerArm", plannedUnitsPerArm);
        document.put("minUnitsPerArm", minUnitsPerArm);
        document.put("arms", arms);
        document.put("srm", srm);
        List<Map<String, Object>> written = new ArrayList<>();
        for (Comparison comparison : comparisons) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("treatment", comparison.treatment());
            entry.put("control", comparison.control());
            entry.put("effect", comparison.effect());
            entry.put("relativeEffect", comparison.relativeEffect());
            entry.put("interval", List.of(comparison.lower(), comparison.upper()));
            entry.put("statistic", comparison.statistic());
            entry.put("fixedHorizonP", comparison.fixedP());
            entry.put("alwaysValidP", comparison.alwaysValidP());
            entry.put("confidenceSequence", List.of(comparison.alwaysValidLower(), comparison.alwaysValidUpper()));
            entry.put("decision", comparison.decision().label());
            written.add(entry);
        }
        document.put("comparisons", written);
        ObjectNode root = header.toDocument();
        root.setAll((ObjectNode) Json.toTree(document));
        return Documents.write(root);
    }

    /**
     * Writes the report for people: the experiment, the mismatch check, a line per arm and per
     * comparison.
     *
     * @return the text, lines ending in {@code \n}
     */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "A/B test '%s', metric '%s' (%s), alpha %s, tau^2 %s, planned %d units"
                + " per arm, decisions from %d\n", experiment, metric, kind.name().toLowerCase(Locale.ROOT), alpha,
                mixingVariance, plannedUnitsPerArm, minUnitsPerArm));
        text.append(String.format(Locale.ROOT, "sample ratio: chi-square %.3f, p = %.4g%s\n", srm.chiSquare(),
                srm.pValue(), srm.mismatch() ? " < " + srm.threshold() + ": MISMATCH" : " (ok)")
                );
        for (Arm arm : arms) {
            text.append(String.format(Locale.ROOT, "  %-12s share %.3f  units %d  outcomes %.6g  mean %.6g\n",
                    arm.name(), arm.share(), arm.units(), arm.outcomes(), arm.mean())
                    );
        }
        for (Comparison c : comparisons) {
            text.append(String.format(Locale.ROOT, "%s vs %s: effect %+.6g (%+.2f %%), CI [%.6g, %.6g], fixed p = %.4g,"
                    + " always-valid p = %.4g, CS [%.6g, %.6g] -> %s\n", c.treatment(), c.control(), c.effect(),
                    100 * c.relativeEffect(), c.lower(), c.upper(), c.fixedP(), c.alwaysValidP(), c.alwaysValidLower(),
                    c.alwaysValidUpper(), c.decision().label()));
        }
        return text.toString();
    }
}
