package dev.mlops.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.monitor.drift.DriftDetectors;
import dev.mlops.monitor.drift.DriftResult;
import dev.mlops.monitor.drift.ShiftMeasure;
import dev.mlops.monitor.drift.TableDrift;
import dev.mlops.monitor.drift.TableDriftReport;
import dev.mlops.monitor.report.Bin;
import dev.mlops.monitor.report.FeatureDrift;
import dev.mlops.monitor.report.Finding;
import dev.mlops.monitor.report.MonitoringReport;
import dev.mlops.monitor.report.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MonitoringReportsTest {
    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** 40 rows: age 20..39 twice, city alternating, and a column the current table lacks. */
    private static final Table REFERENCE = Table.of(
            NumericColumn.of("age", IntStream.range(0, 40).mapToDouble(i -> 20 + i % 20).toArray()),
            CategoricalColumn.of("city", IntStream.range(0, 40).mapToObj(i -> i % 2 == 0 ? "a" : "b")
                    .toArray(String[]::new)),
            NumericColumn.of("income", IntStream.range(0, 40).mapToDouble(i -> 1000 + i).toArray()));
    /** The same city shares; ages 10 years younger. */
    private static final Table CURRENT = Table.of(
            NumericColumn.of("age", IntStream.range(0, 40).mapToDouble(i -> 10 + i % 20).toArray()),
            CategoricalColumn.of("city", IntStream.range(0, 40).mapToObj(i -> i % 2 == 0 ? "a" : "b")
                    .toArray(String[]::new)));

    private static TableDriftReport drift() {
        return TableDrift.builder().clock(CLOCK).build().compare(CURRENT, REFERENCE);
    }

    @Test
    void eachComparedColumnIsAFeatureWithItsBinsAndEachProblemAFinding() {
        MonitoringReport report = MonitoringReports.of(drift(), "Drift of batch.csv", "batch.csv");

        assertThat(report.title()).isEqualTo("Drift of batch.csv");
        assertThat(report.subject()).isEqualTo("batch.csv");
        assertThat(report.createdAt()).isEqualTo(NOW);
        assertThat(report.features()).extracting(FeatureDrift::feature).containsExactly("age", "city");
        FeatureDrift age = report.features().get(0);
        assertThat(age.verdict()).isEqualTo(Verdict.DRIFT);
        assertThat(age.statistic()).isEqualTo("ks");
        assertThat(age.bins()).isNotEmpty();
        assertThat(age.bins().stream().mapToDouble(Bin::referenceShare).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(age.bins().stream().mapToDouble(Bin::currentShare).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(report.features().get(1).bins()).extracting(Bin::label).containsExactlyInAnyOrder("a", "b");
        assertThat(report.features().get(1).verdict()).isEqualTo(Verdict.OK);

        assertThat(report.findings()).extracting(Finding::scope).containsExactly("age", "income");
        Finding drifted = report.findings().get(0);
        DriftResult ageResult = drift().column("age").result().orElseThrow();
        assertThat(drifted.severity()).isEqualTo(Severity.ERROR);
        assertThat(drifted.measured()).hasValue(ageResult.adjustedPValue().getAsDouble());
        assertThat(drifted.threshold()).hasValue(0.05);
        Finding missing = report.findings().get(1);
        assertThat(missing.severity()).isEqualTo(Severity.ERROR);
        assertThat(missing.measured()).isEmpty();
        assertThat(missing.message()).contains("income");
    }

    @Test
    void aTestIsDrawnByItsAdjustedPValueAndADistanceByItsAbsoluteStatistic() {
        DriftResult test = drift().column("age").result().orElseThrow();
        assertThat(MonitoringReports.plotted(test)).isEqualTo(test.adjustedPValue().getAsDouble())
                .isNotEqualTo(test.pValue().getAsDouble());
        assertThat(MonitoringReports.plottedName(test)).isEqualTo("ks p-value");

        DriftResult unadjusted = test.withAdjustedPValue(0.5);
        assertThat(MonitoringReports.plotted(unadjusted)).isEqualTo(0.5);

        DriftResult distance = TableDrift.builder().clock(CLOCK)
                .detector("age", DriftDetectors.shift(ShiftMeasure.MEAN, 0.1)).build()
                .compare(CURRENT, REFERENCE).column("age").result().orElseThrow();
        assertThat(distance.value()).isNegative();
        assertThat(MonitoringReports.plotted(distance)).isEqualTo(Math.abs(distance.value()));
        assertThat(MonitoringReports.plottedName(distance)).isEqualTo(distance.statistic());
    }
}
