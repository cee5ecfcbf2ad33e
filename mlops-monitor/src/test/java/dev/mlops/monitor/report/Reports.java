package dev.mlops.monitor.report;

import dev.mlops.core.report.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Reports for the tests: a full one with every awkward case in it, and small pieces. */
final class Reports {
    static final Instant CREATED = Instant.parse("2026-03-22T18:30:00Z");
    static final Instant START = Instant.parse("2026-03-16T00:00:00Z");
    static final String SCRIPT = "<script>document.title='pwned'</script>";

    private Reports() {
    }

    /**
     * A report with: findings of each severity (one with markup in its text); a numeric feature
     * with 10 bins that drifted; a categorical one with non-ASCII categories; a feature named like
     * a script tag; a feature with no current rows; a feature with 40 bins; timelines with a NaN
     * window, with one point and with only NaN; quality with and without a baseline.
     */
    static MonitoringReport full() {
        return MonitoringReport.builder("Churn model — week 12 <b>bold?</b>", "churn v3 on captures of São Paulo & München",
                        CREATED)
                .finding(Finding.of(Severity.ERROR, "age", "age drifted: KS p-value below 0.05", 1.234567e-7, 0.05))
                .finding(Finding.of(Severity.WARNING, "city", "unseen categories \"Köln\" & 'Bonn' <i>2.5%</i>",
                        0.025, 0.01))
                .finding(Finding.of(Severity.INFO, "report", "1 of 5 features has no current rows"))
                .feature(new FeatureDrift("age", "ks", 0.3123456, OptionalDouble.of(1.234567e-7), 0.05, Verdict.DRIFT,
                        12_000, 1_500, numericBins()))
                .feature(new FeatureDrift("city", "chi-square", 2.5, OptionalDouble.of(0.4765), 0.05, Verdict.OK, 12_000,
                        1_500, Bin.fromCounts(List.of("München", "São Paulo", "Hamburg"), new long[] {5000, 4000, 3000},
                                new long[] {600, 500, 400})))
                .feature(new FeatureDrift(SCRIPT, "psi", Double.POSITIVE_INFINITY, OptionalDouble.empty(), 0.2,
                        Verdict.DRIFT, 100, 10, Bin.fromCounts(List.of("<b>", "\"q\"&'s'"), new long[] {100, 0},
                                new long[] {0, 10})))
                .feature(new FeatureDrift("income", "wasserstein", Double.NaN, OptionalDouble.empty(), 0.1,
                        Verdict.NO_DATA, 12_000, 0, Bin.fromCounts(List.of("[0, 1000)", "[1000, 5000)", "[5000, ∞)"),
                                new long[] {3000, 6000, 3000}, new long[] {0, 0, 0})))
                .feature(new FeatureDrift("score", "jensen-shannon", 0.0123, OptionalDouble.empty(), 0.1, Verdict.OK,
                        4000, 4000, manyBins(40)))
                .timeline(new Timeline("age", "psi", 0.2, List.of(
                        new Timeline.Point(START, 0.05, Verdict.OK),
                        new Timeline.Point(START.plus(Duration.ofDays(1)), 0.08, Verdict.OK),
                        new Timeline.Point(START.plus(Duration.ofDays(2)), Double.NaN, Verdict.NO_DATA),
                        new Timeline.Point(START.plus(Duration.ofDays(3)), 0.15, Verdict.OK),
                        new Timeline.Point(START.plus(Duration.ofDays(4)), 0.31, Verdict.DRIFT),
                        new Timeline.Point(START.plus(Duration.ofDays(5)), 0.42, Verdict.DRIFT),
                        new Timeline.Point(START.plus(Duration.ofDays(6)), 0.45, Verdict.DRIFT))))
                .timeline(new Timeline("city", "p-value", 0.05, List.of(new Timeline.Point(START, 0.5, Verdict.OK))))
                .timeline(new Timeline("income", "wasserstein", 0.1, List.of(
                        new Timeline.Point(START, Double.NaN, Verdict.NO_DATA),
                        new Timeline.Point(START.plus(Duration.ofHours(6)), Double.NaN, Verdict.NO_DATA))))
                .quality(new QualitySeries("accuracy", OptionalDouble.of(0.91), List.of(
                        new QualitySeries.Point(START, 0.905),
                        new QualitySeries.Point(START.plus(Duration.ofDays(1)), 0.899),
                        new QualitySeries.Point(START.plus(Duration.ofDays(2)), 0.87),
                        new QualitySeries.Point(START.plus(Duration.ofDays(3)), 0.8412345))))
                .quality(new QualitySeries("rmse", OptionalDouble.empty(), List.of(
                        new QualitySeries.Point(START, 1234.5678),
                        new QualitySeries.Point(START.plus(Duration.ofMinutes(30)), Double.NaN),
                        new QualitySeries.Point(START.plus(Duration.ofMinutes(60)), 1302.25))))
                .build();
    }

    static List<Bin> numericBins() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            labels.add("[" + (18 + 7 * i) + ", " + (25 + 7 * i) + ")");
        }
        return Bin.fromCounts(labels, new long[] {600, 1200, 1800, 2100, 2000, 1600, 1200, 800, 500, 200},
                new long[] {20, 40, 70, 110, 160, 220, 280, 300, 200, 100});
    }

    static List<Bin> manyBins(int count) {
        List<String> labels = new ArrayList<>();
        long[] reference = new long[count];
        long[] current = new long[count];
        for (int i = 0; i < count; i++) {
            labels.add("bin number " + i + " of the score");
            reference[i] = 100;
            current[i] = 100 + (i % 3);
        }
        return Bin.fromCounts(labels, reference, current);
    }
}
