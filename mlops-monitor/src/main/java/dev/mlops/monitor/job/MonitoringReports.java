package dev.mlops.monitor.job;

import dev.mlops.core.report.Severity;
import dev.mlops.monitor.drift.ColumnDrift;
import dev.mlops.monitor.drift.DriftResult;
import dev.mlops.monitor.drift.Histogram;
import dev.mlops.monitor.drift.TableDriftReport;
import dev.mlops.monitor.report.Bin;
import dev.mlops.monitor.report.FeatureDrift;
import dev.mlops.monitor.report.Finding;
import dev.mlops.monitor.report.MonitoringReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Maps drift results into the {@link MonitoringReport} model that the HTML report draws.
 *
 * <pre>{@code
 * TableDriftReport drift = TableDrift.defaults().compare(batch, baseline.profile());
 * ReportFiles.write(MonitoringReports.of(drift, "Drift of batch.csv", "batch.csv"), Path.of("report"));
 * }</pre>
 *
 * <p>Each compared column becomes a {@link FeatureDrift} with its histogram's bins; every column
 * that drifted, is missing, changed type or could not be compared becomes a {@link Finding}
 * of the column's severity.
 */
public final class MonitoringReports {

    private MonitoringReports() {
        throw new AssertionError("no instances");
    }

    /**
     * Returns the report of one table-drift comparison.
     *
     * @param drift the comparison
     * @param title the report's title
     * @param subject what was compared, such as the current file's name
     * @return the report, created at the comparison's time
     */
    public static MonitoringReport of(TableDriftReport drift, String title, String subject) {
        Objects.requireNonNull(drift, "drift");
        Instant createdAt = drift.header().createdAt();
        MonitoringReport.Builder report = MonitoringReport.builder(title, subject, createdAt);
        findings(drift).forEach(report::finding);
        features(drift).forEach(report::feature);
        return report.build();
    }

    /**
     * Returns a feature drift for each compared column, in the report's column order.
     *
     * @param drift the comparison
     * @return the features' drift, with their bins
     */
    public static List<FeatureDrift> features(TableDriftReport drift) {
        List<FeatureDrift> features = new ArrayList<>();
        for (ColumnDrift column : drift.columns()) {
            column.result().ifPresent(result -> features.add(
                    FeatureDrift.of(column.column(),
                    column.histogram().map(MonitoringReports::bins).orElse(List.of()), result)));
        }
        return features;
    }

    /**
     * Returns a finding for each column that drifted, is missing, changed type or was not
     * compared, with the column's severity, the statistic and its threshold where there is one.
     *
     * @param drift the comparison
     * @return the findings, in the report's column order
     */
    public static List<Finding> findings(TableDriftReport drift) {
        List<Finding> findings = new ArrayList<>();
        for (ColumnDrift column : drift.columns()) {
            if (column.status() == ColumnDrift.Status.NO_DRIFT) {
                continue;
            }
            Severity severity = column.severity();
            findings.add(column.result()
                    .map(result -> Finding.of(severity, column.column(), column.message(), plotted(result),
                            result.threshold()))
                    .orElseGet(() -> Finding.of(severity, column.column(), column.message())));
        }
        return findings;
    }

    /**
     * Returns the number a timeline draws for a result against its threshold: the p-value (the
     * adjusted one if there is one) of a test, else the absolute statistic.
     *
     * @param result a detector's result
     * @return the value to draw
     */
    static double plotted(DriftResult result) {
        if (result.rule() == DriftResult.Rule.P_VALUE_BELOW) {
            return result.adjustedPValue().orElse(result.pValue().orElseThrow());
        }
        return Math.abs(result.value());
    }

    /**
     * Returns the name of what {@link #plotted} draws: {@code "<statistic> p-value"} for a test,
     * else the statistic's name.
     *
     * @param result a detector's result
     * @return the name
     */
    static String plottedName(DriftResult result) {
        return result.rule() == DriftResult.Rule.P_VALUE_BELOW ? result.statistic() + " p-value" : result.statistic();
    }

    private static List<Bin> bins(Histogram histogram) {
        List<Bin> bins = new ArrayList<>(histogram.labels().size());
        for (int i = 0; i < histogram.labels().size(); i++) {
            bins.add(new Bin(histogram.labels().get(i), histogram.reference().get(i), histogram.current().get(i)));
        }
        return bins;
    }
}
