package dev.mlops.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.json.Json;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.ProfileOptions;
import dev.mlops.data.stat.TestMethod;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TableDriftTest {
    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final double[] X = {0.61, -1.32, 2.05, 0.17, -0.44, 1.28, 0.93, -0.08, 1.71, 0.35};
    private static final double[] Y = {-0.92, 0.12, -1.75, 0.48, -0.63, -0.21, 0.77, -1.18, 0.05, -0.37, 1.02, -0.55,
        -1.46, 0.29};

    /** 60 rows: x holds X and 50 missing values; c counts a 22, b 20, c 18. */
    private static final Table REFERENCE = Table.of(numbers("x", X, 60), categories("c", 22, 20, 18));
    /** 50 rows: x holds Y and 36 missing values; c counts a 30, b 12, c 8. */
    private static final Table CURRENT = Table.of(numbers("x", Y, 50), categories("c", 30, 12, 8));

    private static NumericColumn numbers(String name, double[] values, int rows) {
        NumericColumn.Builder column = NumericColumn.builder(name);
        for (int row = 0; row < rows; row++) {
            if (row < values.length) {
                column.add(values[row]);
            } else {
                column.addMissing();
            }
        }
        return column.build();
    }

    private static CategoricalColumn categories(String name, int a, int b, int c) {
        List<String> values = new ArrayList<>();
        values.addAll(Collections.nCopies(a, "a"));
        values.addAll(Collections.nCopies(b, "b"));
        values.addAll(Collections.nCopies(c, "c"));
        return CategoricalColumn.of(name, values.toArray(String[]::new));
    }

    private static TableDrift.Builder builder() {
        return TableDrift.builder().clock(CLOCK);
    }

    @Nested
    class DefaultsAndCorrection {
        @Test
        void smallReferencesAreTestedAndBenjaminiHochbergAdjustsThePValues() {
            // from scipy.stats import ks_2samp, chi2_contingency
            // ks_2samp(Y, X).pvalue -> 0.20557234751608155
            // chi2_contingency([[30, 12, 8], [22, 20, 18]], correction=False)[1] -> 0.04461811285317712
            // from statsmodels.stats.multitest import multipletests
            // multipletests([0.20557234751608155, 0.04461811285317712], method='fdr_bh')[1]
            //   -> [0.20557235 0.08923623]
            TableDriftReport report = builder().build().compare(CURRENT, REFERENCE);
            ColumnDrift x = report.column("x");
            assertThat(x.detector().orElseThrow().type()).isEqualTo("ks");
            assertThat(x.result().orElseThrow().pValue().getAsDouble()).isCloseTo(0.20557234751608155, within(1e-9));
            assertThat(x.result().orElseThrow().adjustedPValue().getAsDouble()).isCloseTo(0.20557235, within(1e-8));
            ColumnDrift c = report.column("c");
            assertThat(c.detector().orElseThrow().type()).isEqualTo("chi-square");
            assertThat(c.result().orElseThrow().pValue().getAsDouble()).isCloseTo(0.04461811285317712, within(1e-9));
            assertThat(c.result().orElseThrow().adjustedPValue().getAsDouble()).isCloseTo(0.08923623, within(1e-8));
            assertThat(c.status()).isEqualTo(ColumnDrift.Status.NO_DRIFT);
            assertThat(c.severity()).isEqualTo(Severity.INFO);
            assertThat(c.message()).isEqualTo("column 'c': chi-square p-value 0.0446181 (adjusted 0.0892362) >= alpha"
                    + " 0.05: no drift");
            assertThat(report.passed()).isTrue();
            assertThat(report.drifted()).isEmpty();
            assertThat(report.errors()).isEmpty();
            assertThat(report.correction()).isEqualTo(Correction.BENJAMINI_HOCHBERG);
            assertThat(report.referenceKind()).isEqualTo(TableDriftReport.ReferenceKind.TABLE);
            assertThat(report.referenceRows()).isEqualTo(60);
            assertThat(report.currentRows()).isEqualTo(50);
            assertThat(report.header().createdAt()).isEqualTo(NOW);
            assertThat(report.header().kind()).isEqualTo("drift-report");
            assertThat(report.header().fingerprint()).isEqualTo(Fingerprint.of(CURRENT));
        }

        @Test
        void withoutACorrectionTheChiSquareColumnDriftsAtErrorSeverity() {
            TableDrift drift = builder().correction(Correction.NONE).build();
            assertThat(drift.correction()).isEqualTo(Correction.NONE);
            assertThat(drift.driftSeverity()).isEqualTo(Severity.ERROR);
            TableDriftReport report = drift.compare(CURRENT, REFERENCE);
            ColumnDrift c = report.column("c");
            assertThat(c.status()).isEqualTo(ColumnDrift.Status.DRIFT);
            assertThat(c.drift()).isTrue();
            assertThat(c.severity()).isEqualTo(Severity.ERROR);
            assertThat(c.message()).isEqualTo("column 'c': chi-square p-value 0.0446181 (adjusted 0.0446181) < alpha"
                    + " 0.05: drift");
            assertThat(report.passed()).isFalse();
            assertThat(report.drifted()).extracting(ColumnDrift::column).containsExactly("c");
            assertThat(report.errors()).extracting(ColumnDrift::column).containsExactly("c");
        }

        @Test
        void holmGivesStatsmodelsValues() {
            // multipletests([0.20557234751608155, 0.04461811285317712], method='holm')[1] -> [0.20557235 0.08923623]
            TableDriftReport report = builder().correction(Correction.HOLM).build().compare(CURRENT, REFERENCE);
            assertThat(report.column("c").result().orElseThrow().adjustedPValue().getAsDouble())
                    .isCloseTo(0.08923623, within(1e-8));
        }

        @Test
        void aDriftSeverityOfWarningLetsTheReportPass() {
            TableDriftReport report = builder().correction(Correction.NONE).driftSeverity(Severity.WARNING).build()
                    .compare(CURRENT, REFERENCE);
            assertThat(report.column("c").severity()).isEqualTo(Severity.WARNING);
            assertThat(report.warnings()).extracting(ColumnDrift::column).containsExactly("c");
            assertThat(report.passed()).isTrue();
        }

        @Test
        void aStoredProfileWithExactValuesGivesTheSameTests() {
            DatasetProfile baseline = DatasetProfile.fromJson(DatasetProfile.of(REFERENCE).toJson());
            TableDriftReport fromProfile = builder().build().compare(CURRENT, baseline);
            TableDriftReport fromTable = builder().build().compare(CURRENT, REFERENCE);
            assertThat(fromProfile.referenceKind()).isEqualTo(TableDriftReport.ReferenceKind.PROFILE);
            assertThat(fromProfile.columns()).extracting(ColumnDrift::message)
                    .isEqualTo(fromTable.columns().stream().map(ColumnDrift::message).toList());
            assertThat(fromProfile.column("x").result().orElseThrow().method()).isEqualTo(TestMethod.EXACT);
        }

        @Test
        void largeReferencesGetDistancesAndAProfileGetsJensenShannonForNumbers() {
            SplittableRandom random = new SplittableRandom(7);
            double[] before = new double[1500];
            double[] after = new double[1500];
            String[] levels = new String[1500];
            String[] later = new String[1500];
            for (int i = 0; i < before.length; i++) {
                before[i] = random.nextGaussian();
                after[i] = random.nextGaussian() + 1.0;
                levels[i] = i % 3 == 0 ? "a" : "b";
                later[i] = i % 2 == 0 ? "a" : "b";
            }
            Table reference = Table.of(NumericColumn.of("x", before), CategoricalColumn.of("c", levels));
            Table current = Table.of(NumericColumn.of("x", after), CategoricalColumn.of("c", later));
            TableDriftReport raw = builder().build().compare(current, reference);
            assertThat(raw.column("x").detector().orElseThrow().type()).isEqualTo("wasserstein");
            assertThat(raw.column("c").detector().orElseThrow().type()).isEqualTo("jensen-shannon");
            assertThat(raw.column("x").drift()).isTrue();
            assertThat(raw.column("x").message()).startsWith("column 'x': normalized-wasserstein ").endsWith(" >= threshold 0.1:"
                    + " drift");
            TableDriftReport profiled = builder().build().compare(current, DatasetProfile.of(reference));
            assertThat(profiled.column("x").detector().orElseThrow().type()).isEqualTo("jensen-shannon");
            assertThat(profiled.column("x").drift()).isTrue();
            TableDriftReport same = builder().build().compare(reference, reference);
            assertThat(same.column("x").message()).endsWith(" < threshold 0.1: no drift");
            assertThat(same.drifted()).isEmpty();
        }
    }

    @Nested
    class ConfiguredDetectors {
        @Test
        void oneDetectorForEveryColumnAndOneForAColumnByName() {
            TableDriftReport report = builder().detector(DriftDetectors.psi(0.1, 4))
                    .detector("x", DriftDetectors.shift(ShiftMeasure.MEAN, 0.1)).build().compare(CURRENT, REFERENCE);
            assertThat(report.column("x").detector().orElseThrow().toString()).startsWith("shift(");
            assertThat(report.column("x").result().orElseThrow().statistic()).isEqualTo("mean-shift");
            assertThat(report.column("c").detector().orElseThrow().type()).isEqualTo("psi");
            assertThat(report.column("c").result().orElseThrow().adjustedPValue()).isEmpty();
        }

        @Test
        void aDetectorThatCannotCompareAColumnLeavesItNotComparedWithItsReason() {
            TableDriftReport report = builder().detector(DriftDetectors.ks(0.05)).build().compare(CURRENT, REFERENCE);
            ColumnDrift c = report.column("c");
            assertThat(c.status()).isEqualTo(ColumnDrift.Status.NOT_COMPARED);
            assertThat(c.severity()).isEqualTo(Severity.WARNING);
            assertThat(c.message()).isEqualTo("column 'c' was not compared: detector 'ks' compares numeric columns but"
                    + " the sample is categorical");
            assertThat(c.result()).isEmpty();
            assertThat(c.detector()).isEmpty();
            assertThat(c.histogram()).isEmpty();
            assertThat(report.warnings()).containsExactly(c);
            assertThat(report.passed()).isTrue();
        }

        @Test
        void aDetectorThatNeedsRawValuesIsRefusedAProfile() {
            TableDriftReport report = builder().detector("x", DriftDetectors.wasserstein(0.1)).build()
                    .compare(CURRENT, DatasetProfile.of(REFERENCE));
            assertThat(report.column("x").message()).isEqualTo("column 'x' was not compared: detector 'wasserstein'"
                    + " needs the raw reference values and cannot compare with a numeric profile; give it"
                    + " Reference.of(Sample)");
        }

        @Test
        void oneBinAndOneCategoryAreEnough() {
            TableDriftReport report = builder().histogramBins(1).histogramCategories(1).build()
                    .compare(CURRENT, REFERENCE);
            assertThat(report.column("x").histogram().orElseThrow().reference()).containsExactly(1.0);
            assertThat(report.column("c").histogram().orElseThrow().labels()).containsExactly("a", "(other)");
        }

        @Test
        void histogramSettingsAreChecked() {
            assertThatThrownBy(() -> TableDrift.builder().histogramBins(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("histogramBins must be at least 1 but was 0");
            assertThatThrownBy(() -> TableDrift.builder().histogramCategories(0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("histogramCategories must be at least 1 but was 0");
        }
    }

    @Nested
    class ColumnsThatAreNotCompared {
        @Test
        void missingChangedTimestampAndEmptyColumnsAreFindingsInReferenceOrder() {
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            Table reference = Table.of(NumericColumn.of("gone", 1, 2), NumericColumn.of("kind", 1, 2),
                    TimestampColumn.of("when", t, t), NumericColumn.of("empty", 1, 2),
                    NumericColumn.of("inf", 1, 2), TimestampColumn.of("stamp", t, t));
            Table current = Table.of(CategoricalColumn.of("kind", "a", "b"), TimestampColumn.of("when", t, t),
                    NumericColumn.of("empty", Double.NaN, Double.NaN), NumericColumn.of("inf", 1,
                            Double.POSITIVE_INFINITY), NumericColumn.of("stamp", 1, 2), NumericColumn.of("extra", 1, 2));
            TableDriftReport report = builder().build().compare(current, reference);
            assertThat(report.columns()).extracting(ColumnDrift::column)
                    .containsExactly("gone", "kind", "when", "empty", "inf", "stamp");
            assertThat(report.columns()).extracting(ColumnDrift::status).containsExactly(ColumnDrift.Status.MISSING,
                    ColumnDrift.Status.TYPE_CHANGED, ColumnDrift.Status.NOT_COMPARED, ColumnDrift.Status.NOT_COMPARED,
                    ColumnDrift.Status.NOT_COMPARED, ColumnDrift.Status.TYPE_CHANGED);
            assertThat(report.columns()).extracting(ColumnDrift::severity).containsExactly(Severity.ERROR,
                    Severity.ERROR, Severity.INFO, Severity.WARNING, Severity.WARNING, Severity.ERROR);
            assertThat(report.columns()).extracting(ColumnDrift::message).containsExactly(
                    "column 'gone' of the reference is missing from the current table",
                    "column 'kind' changed type from numeric to categorical",
                    "column 'when' holds timestamps, which drift does not compare",
                    "column 'empty' was not compared: current must hold at least 2 values but held 0",
                    "column 'inf' was not compared: column 'inf': values must be finite or NaN (missing) but values[1]"
                            + " was Infinity",
                    "column 'stamp' changed type from timestamp to numeric");
            assertThat(report.passed()).isFalse();
            assertThat(report.errors()).hasSize(3);
        }

        @Test
        void aCurrentTableWithNoRowsIsAReportNotAnException() {
            TableDriftReport report = builder().build().compare(Table.of(NumericColumn.of("x"),
                    CategoricalColumn.of("c")), REFERENCE);
            assertThat(report.columns()).extracting(ColumnDrift::status).containsOnly(ColumnDrift.Status.NOT_COMPARED);
            assertThat(report.currentRows()).isZero();
            assertThat(report.passed()).isTrue();
        }

        @Test
        void anUnknownColumnIsRefusedListingTheColumns() {
            TableDriftReport report = builder().build().compare(CURRENT, REFERENCE);
            assertThatThrownBy(() -> report.column("y")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no column named 'y' in the drift report; the columns are: x, c");
        }
    }

    @Nested
    class Histograms {
        @Test
        void aColumnMarkedSensitiveOnEitherSideIsComparedButGetsNoHistogram() {
            Table reference = Table.of(NumericColumn.of("x", 0, 1, 2, 3), CategoricalColumn.of("zip", "1", "2", "1",
                    "2"));
            Table current = Table.of(NumericColumn.of("x", 2, 3, 4, 5), CategoricalColumn.of("zip", "1", "1", "3",
                    "3"));
            Table sensitiveReference = Table.of(reference.column("x").withSensitive(true),
                    reference.column("zip").withSensitive(true));
            Table sensitiveCurrent = Table.of(current.column("x").withSensitive(true),
                    current.column("zip").withSensitive(true));
            for (TableDriftReport report : List.of(builder().build().compare(sensitiveCurrent, reference),
                    builder().build().compare(current, sensitiveReference),
                    builder().build().compare(current, DatasetProfile.of(sensitiveReference)))) {
                for (String column : List.of("x", "zip")) {
                    assertThat(report.column(column).result()).as(column).isPresent();
                    assertThat(report.column(column).histogram()).as(column).isEmpty();
                }
            }
            TableDriftReport plain = builder().build().compare(current, reference);
            assertThat(plain.column("x").histogram()).isPresent();
            assertThat(plain.column("zip").histogram()).isPresent();
        }

        @Test
        void numbersShareEqualWidthBinsOverBothRanges() {
            Table reference = Table.of(NumericColumn.of("x", 0, 1, 2, 3));
            Table current = Table.of(NumericColumn.of("x", 2, 3, 4, 5));
            for (TableDriftReport report : List.of(builder().histogramBins(5).build().compare(current, reference),
                    builder().histogramBins(5).build().compare(current, DatasetProfile.of(reference)))) {
                Histogram h = report.column("x").histogram().orElseThrow();
                assertThat(h.kind()).isEqualTo(Sample.Kind.NUMERIC);
                assertThat(h.edges()).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0);
                assertThat(h.labels()).containsExactly("[0, 1]", "(1, 2]", "(2, 3]", "(3, 4]", "(4, 5]");
                assertThat(h.reference()).containsExactly(0.5, 0.25, 0.25, 0.0, 0.0);
                assertThat(h.current()).containsExactly(0.0, 0.25, 0.25, 0.25, 0.25);
                assertThat(h.other()).isFalse();
                assertThat(h.referenceError()).isZero();
            }
        }

        @Test
        void valuesOnAnEdgeFallInTheBinBelowItAndAConstantColumnHasOneBin() {
            Table reference = Table.of(NumericColumn.of("x", 0.1, 0.2, 0.3, 0.7));
            Table current = Table.of(NumericColumn.of("x", 0.3, 0.4, 0.5, 0.6, 0.7, 0.7));
            Histogram h = builder().histogramBins(6).build().compare(current, reference).column("x").histogram()
                    .orElseThrow();
            // edges 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7 (within rounding): every value on an edge
            assertThat(h.reference()).containsExactly(0.5, 0.25, 0.0, 0.0, 0.0, 0.25);
            assertThat(h.current().get(1)).isCloseTo(1.0 / 6, within(1e-12));
            assertThat(h.current().get(5)).isCloseTo(2.0 / 6, within(1e-12));
            Table constant = Table.of(NumericColumn.of("x", 4, 4, 4));
            Histogram one = builder().build().compare(constant, constant).column("x").histogram().orElseThrow();
            assertThat(one.edges()).containsExactly(4.0, 4.0);
            assertThat(one.reference()).containsExactly(1.0);
            assertThat(one.current()).containsExactly(1.0);
        }

        @Test
        void aSketchedProfileStatesItsRankError() {
            SplittableRandom random = new SplittableRandom(3);
            double[] values = new double[3000];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextGaussian();
            }
            Table table = Table.of(NumericColumn.of("x", values));
            DatasetProfile sketched = DatasetProfile.of(table, ProfileOptions.defaults().withExactQuantileLimit(0));
            Histogram h = builder().build().compare(table, sketched).column("x").histogram().orElseThrow();
            assertThat(h.referenceError()).isPositive();
            assertThat(h.reference().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
            for (int i = 0; i < h.reference().size(); i++) {
                assertThat(h.reference().get(i)).isCloseTo(h.current().get(i), within(2 * h.referenceError()));
            }
        }

        @Test
        void categoriesComeLargestShareFirstAndTheRestInOneBin() {
            Table reference = Table.of(categories("c", 22, 20, 18));
            Table current = Table.of(categories("c", 30, 12, 8));
            Histogram all = builder().build().compare(current, reference).column("c").histogram().orElseThrow();
            assertThat(all.kind()).isEqualTo(Sample.Kind.CATEGORICAL);
            assertThat(all.labels()).containsExactly("a", "b", "c");
            assertThat(all.edges()).isEmpty();
            assertThat(all.reference()).containsExactly(22.0 / 60, 20.0 / 60, 18.0 / 60);
            assertThat(all.current()).containsExactly(30.0 / 50, 12.0 / 50, 8.0 / 50);
            assertThat(all.other()).isFalse();
            Histogram two = builder().histogramCategories(2).build().compare(current, reference).column("c")
                    .histogram().orElseThrow();
            assertThat(two.labels()).containsExactly("a", "b", "(other)");
            assertThat(two.reference().get(2)).isCloseTo(18.0 / 60, within(1e-12));
            assertThat(two.current().get(2)).isCloseTo(8.0 / 50, within(1e-12));
            assertThat(two.other()).isTrue();
            Histogram three = builder().histogramCategories(3).build().compare(current, reference).column("c")
                    .histogram().orElseThrow();
            assertThat(three.labels()).containsExactly("a", "b", "c");
            assertThat(three.other()).isFalse();
        }

        @Test
        void aCategoricalProfilesSharesAreOfItsPresentValues() {
            Table reference = Table.of(CategoricalColumn.of("c", "a", "a", "b", null));
            Histogram h = builder().build().compare(Table.of(CategoricalColumn.of("c", "a", "b")),
                    DatasetProfile.of(reference)).column("c").histogram().orElseThrow();
            assertThat(h.reference()).containsExactly(2.0 / 3, 1.0 / 3);
            assertThat(h.current()).containsExactly(0.5, 0.5);
        }

        @Test
        void aSideWithoutPresentValuesHasNoHistogram() {
            TableDrift missingShare = builder().detector(DriftDetectors.shift(ShiftMeasure.MISSING_SHARE, 0.5)).build();
            Table empty = Table.of(NumericColumn.of("x", Double.NaN, Double.NaN), CategoricalColumn.of("c", null, null));
            Table full = Table.of(NumericColumn.of("x", 1, 2), CategoricalColumn.of("c", "a", "b"));
            TableDriftReport current = missingShare.compare(empty, full);
            assertThat(current.column("x").drift()).isTrue();
            assertThat(current.column("x").histogram()).isEmpty();
            assertThat(current.column("c").histogram()).isEmpty();
            TableDriftReport reference = missingShare.compare(full, DatasetProfile.of(empty));
            assertThat(reference.column("x").histogram()).isEmpty();
            assertThat(reference.column("c").histogram()).isEmpty();
        }

        @Test
        void everyValueFallsInTheFirstBinWhoseUpperEdgeItDoesNotExceed() {
            SplittableRandom random = new SplittableRandom(20_261_207L);
            for (int round = 0; round < 20; round++) {
                int bins = 1 + random.nextInt(30);
                double low = random.nextDouble() * 10 - 5;
                double high = low + 0.001 + random.nextDouble() * 100;
                double[] reference = new double[50];
                for (int i = 0; i < reference.length; i++) {
                    reference[i] = low + (high - low) * random.nextDouble();
                }
                reference[0] = low;
                reference[1] = high;
                List<Double> current = new ArrayList<>();
                for (int i = 0; i <= bins; i++) {
                    double edge = i == bins ? high : low + (high - low) * i / bins;
                    current.add(edge);
                    current.add(Math.max(low, Math.nextDown(edge)));
                    current.add(Math.min(high, Math.nextUp(edge)));
                }
                double[] now = current.stream().mapToDouble(Double::doubleValue).toArray();
                Histogram h = builder().histogramBins(bins).detector(DriftDetectors.linf(0.5)).build()
                        .compare(Table.of(NumericColumn.of("x", now)), Table.of(NumericColumn.of("x", reference)))
                        .column("x").histogram().orElseThrow();
                assertThat(h.current()).as("round %d, %d bins", round, bins).containsExactly(naive(now, h.edges()));
                assertThat(h.reference()).as("round %d, %d bins", round, bins)
                        .containsExactly(naive(reference, h.edges()));
            }
        }

        /** The shares by a linear scan: a value's bin is the first whose upper edge it does not exceed. */
        private Double[] naive(double[] values, List<Double> edges) {
            int k = edges.size() - 1;
            long[] counts = new long[k];
            for (double x : values) {
                int bin = 0;
                while (bin < k - 1 && x > edges.get(bin + 1)) {
                    bin++;
                }
                counts[bin]++;
            }
            Double[] shares = new Double[k];
            for (int i = 0; i < k; i++) {
                shares[i] = (double) counts[i] / values.length;
            }
            return shares;
        }

        @Test
        void tiesAreOrderedByNameAndTextAndBooleanColumnsAreCategories() {
            Table reference = Table.of(TextColumn.of("t", "y", "x", "z", "z"), BooleanColumn.of("b", true, false,
                    true, true));
            Table current = Table.of(TextColumn.of("t", "x", "y", "z", "z"), BooleanColumn.of("b", true, true,
                    true, true));
            TableDriftReport report = builder().build().compare(current, reference);
            assertThat(report.column("t").histogram().orElseThrow().labels()).containsExactly("z", "x", "y");
            assertThat(report.column("b").histogram().orElseThrow().labels()).containsExactly("true", "false");
            assertThat(report.column("b").histogram().orElseThrow().current()).containsExactly(1.0, 0.0);
        }

        @Test
        void aSketchedCategoricalProfileShowsItsFrequentValuesAndTheRest() {
            String[] values = new String[2000];
            for (int i = 0; i < values.length; i++) {
                values[i] = i % 2 == 0 ? "common" : "rare-" + i;
            }
            Table table = Table.of(CategoricalColumn.of("c", values));
            DatasetProfile sketched = DatasetProfile.of(table, ProfileOptions.defaults().withExactDistinctLimit(10));
            Histogram h = builder().histogramCategories(1).build().compare(table, sketched).column("c").histogram()
                    .orElseThrow();
            assertThat(h.labels()).containsExactly("common", "(other)");
            assertThat(h.reference().get(0)).isCloseTo(0.5, within(h.referenceError() + 1e-12));
            dev.mlops.data.profile.CategoricalProfile column = (dev.mlops.data.profile.CategoricalProfile) sketched
                    .column("c");
            assertThat(h.referenceError()).isPositive().isEqualTo((double) column.frequencyError() / 2000);
            assertThat(h.current()).containsExactly(0.5, 0.5);
            assertThat(h.other()).isTrue();
        }

        @Test
        void aHistogramChecksItsBins() {
            assertThatThrownBy(() -> new Histogram(Sample.Kind.NUMERIC, List.of("a"), List.of(0.0), List.of(1.0),
                    List.of(1.0), false, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a numeric histogram needs shares for each of its 1 labels and 2 edges but had 1"
                            + " reference shares, 1 current shares and 1 edges");
            assertThatThrownBy(() -> new Histogram(Sample.Kind.CATEGORICAL, List.of(), List.of(), List.of(), List.of(),
                    false, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Histogram(Sample.Kind.CATEGORICAL, List.of("a"), List.of(), List.of(1.0),
                    List.of(0.5, 0.5), false, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Histogram(Sample.Kind.CATEGORICAL, List.of("a"), List.of(), List.of(1.0),
                    List.of(1.0), false, 1.5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("referenceError must be in [0, 1] but was 1.5");
            assertThatThrownBy(() -> new Histogram(Sample.Kind.CATEGORICAL, List.of("a"), List.of(), List.of(1.0),
                    List.of(1.0), false, -0.1)).isInstanceOf(IllegalArgumentException.class);
            assertThat(new Histogram(Sample.Kind.CATEGORICAL, List.of("a"), List.of(), List.of(1.0), List.of(1.0),
                    false, 1.0).referenceError()).isEqualTo(1.0);
        }
    }

    @Nested
    class CurrentElsewhere {
        /** A current side held elsewhere: samples given by the caller, counting each call. */
        private TableDrift.Current elsewhere(Table table, Fingerprint fingerprint, List<String> asked) {
            return new TableDrift.Current() {
                @Override
                public dev.mlops.core.table.Schema schema() {
                    return table.schema();
                }

                @Override
                public long rowCount() {
                    return table.rowCount();
                }

                @Override
                public Fingerprint fingerprint() {
                    return fingerprint;
                }

                @Override
                public Sample sample(String column) {
                    synchronized (asked) {
                        asked.add(column);
                    }
                    return Sample.of(table.column(column));
                }
            };
        }

        @Test
        void currentDataHeldElsewhereGetsTheReportOfTheSameTable() {
            Table current = Table.of(CURRENT.column("x"), CURRENT.column("c"),
                    TimestampColumn.of("at", new Instant[50]), NumericColumn.of("extra", new double[50]));
            Table reference = Table.of(REFERENCE.column("x"), REFERENCE.column("c"),
                    TimestampColumn.of("at", new Instant[60]), numbers("gone", X, 60));
            List<String> asked = new ArrayList<>();
            TableDrift drift = builder().build();

            TableDriftReport fromTable = drift.compare(current, reference);
            TableDriftReport fromElsewhere = drift.compare(elsewhere(current, Fingerprint.of(current), asked),
                    reference);
            TableDriftReport fromProfile = drift.compare(current, DatasetProfile.of(reference));
            TableDriftReport elsewhereProfile = drift.compare(elsewhere(current, Fingerprint.of(current), asked),
                    DatasetProfile.of(reference));

            assertThat(fromElsewhere).isEqualTo(fromTable);
            assertThat(elsewhereProfile).isEqualTo(fromProfile);
            assertThat(asked).as("only compared columns are sampled").containsExactlyInAnyOrder("x", "c", "x", "c");
            Fingerprint stated = new Fingerprint("ab".repeat(32));
            assertThat(drift.compare(elsewhere(current, stated, asked), reference).header().fingerprint())
                    .isEqualTo(stated);
            assertThatThrownBy(() -> drift.compare((TableDrift.Current) null, reference))
                    .isInstanceOf(NullPointerException.class).hasMessage("current");
            assertThatThrownBy(() -> drift.compare((Table) null, DatasetProfile.of(reference)))
                    .isInstanceOf(NullPointerException.class).hasMessage("current");
            assertThatThrownBy(() -> drift.compare(current, (DatasetProfile) null))
                    .isInstanceOf(NullPointerException.class).hasMessage("reference");
        }
    }

    @Nested
    class Findings {
        private final DriftResult noDrift = new DriftResult("linf", "linf", 0.05, OptionalDouble.empty(),
                TestMethod.EXACT, 0, DriftResult.Rule.STATISTIC_AT_LEAST, 0.1, OptionalDouble.empty(), 10, 10);

        @Test
        void aFindingsStatusAgreesWithItsResult() {
            assertThatThrownBy(() -> new ColumnDrift("x", ColumnDrift.Status.DRIFT, Severity.ERROR, "", Optional.empty(),
                    Optional.of(noDrift), Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column 'x' has status drift but its result's verdict is drift=false");
            assertThatThrownBy(() -> new ColumnDrift("x", ColumnDrift.Status.NO_DRIFT, Severity.INFO, "",
                    Optional.empty(), Optional.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column 'x' with status no-drift needs a result but had none");
            assertThatThrownBy(() -> new ColumnDrift("x", ColumnDrift.Status.MISSING, Severity.ERROR, "",
                    Optional.empty(), Optional.of(noDrift), Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column 'x' with status missing cannot have a result");
            assertThat(new ColumnDrift("x", ColumnDrift.Status.NO_DRIFT, Severity.INFO, "", Optional.empty(),
                    Optional.of(noDrift), Optional.empty()).drift()).isFalse();
            assertThat(ColumnDrift.Status.TYPE_CHANGED.label()).isEqualTo("type-changed");
        }

        @Test
        void aReportRefusesNegativeRowCounts() {
            TableDriftReport report = builder().build().compare(CURRENT, REFERENCE);
            assertThatThrownBy(() -> new TableDriftReport(report.header(), TableDriftReport.ReferenceKind.TABLE, -1, 0,
                    Correction.NONE, List.of())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("row counts must not be negative but were referenceRows -1 and currentRows 0");
            assertThatThrownBy(() -> new TableDriftReport(report.header(), TableDriftReport.ReferenceKind.TABLE, 0, -1,
                    Correction.NONE, List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThat(new TableDriftReport(report.header(), TableDriftReport.ReferenceKind.TABLE, 0, 0,
                    Correction.NONE, List.of()).currentRows()).as("no rows on either side is a report").isZero();
        }
    }

    @Nested
    class Output {
        private final TableDriftReport report = builder().correction(Correction.NONE).histogramBins(2).build()
                .compare(Table.of(CURRENT.column("x"), CURRENT.column("c"), NumericColumn.of("extra", new double[50])),
                        Table.of(REFERENCE.column("x"), REFERENCE.column("c"), numbers("gone", X, 60)));

        @Test
        void theJsonHasTheEnvelopeAndEachColumnsResultAndHistogram() throws Exception {
            JsonNode json = Json.reader().readTree(report.toJson());
            assertThat(json.get("kind").asText()).isEqualTo("drift-report");
            assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
            assertThat(json.get("createdAt").asText()).isEqualTo("2026-12-07T02:00:00Z");
            assertThat(json.get("fingerprint").asText()).isEqualTo(report.header().fingerprint().sha256());
            assertThat(json.get("reference").asText()).isEqualTo("table");
            assertThat(json.get("referenceRows").asLong()).isEqualTo(60);
            assertThat(json.get("currentRows").asLong()).isEqualTo(50);
            assertThat(json.get("correction").asText()).isEqualTo("none");
            assertThat(json.get("passed").asBoolean()).isFalse();
            assertThat(json.get("drifted").asInt()).isEqualTo(1);
            assertThat(json.get("errors").asInt()).isEqualTo(2);
            assertThat(json.get("warnings").asInt()).isZero();
            JsonNode c = json.get("columns").get(1);
            assertThat(c.get("column").asText()).isEqualTo("c");
            assertThat(c.get("status").asText()).isEqualTo("drift");
            assertThat(c.get("severity").asText()).isEqualTo("error");
            assertThat(c.get("message").asText()).isEqualTo(report.column("c").message());
            assertThat(c.get("detector").get("type").asText()).isEqualTo("chi-square");
            assertThat(c.get("detector").get("alpha").asDouble()).isEqualTo(0.05);
            assertThat(c.get("statistic").asText()).isEqualTo("chi-square");
            assertThat(c.get("value").asDouble()).isCloseTo(6.21923076923077, within(1e-9));
            assertThat(c.get("pValue").asDouble()).isCloseTo(0.04461811285317712, within(1e-12));
            assertThat(c.get("adjustedPValue").asDouble()).isCloseTo(0.04461811285317712, within(1e-12));
            assertThat(c.get("pValueKind").asText()).isEqualTo("approximate");
            assertThat(c.get("method").asText()).isEqualTo("asymptotic");
            assertThat(c.get("rule").asText()).isEqualTo("p-value-below");
            assertThat(c.get("threshold").asDouble()).isEqualTo(0.05);
            assertThat(c.get("drift").asBoolean()).isTrue();
            assertThat(c.get("currentSize").asLong()).isEqualTo(50);
            assertThat(c.get("referenceSize").asLong()).isEqualTo(60);
            assertThat(c.get("referenceError").asDouble()).isZero();
            JsonNode h = c.get("histogram");
            assertThat(h.get("kind").asText()).isEqualTo("categorical");
            assertThat(h.get("labels").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
            assertThat(h.get("edges").size()).isZero();
            assertThat(h.get("reference").get(0).asDouble()).isEqualTo(22.0 / 60);
            assertThat(h.get("current").get(0).asDouble()).isEqualTo(30.0 / 50);
            assertThat(h.get("other").asBoolean()).isFalse();
            assertThat(h.get("referenceError").asDouble()).isZero();
            JsonNode x = json.get("columns").get(0);
            assertThat(x.get("histogram").get("edges").size()).isEqualTo(3);
            assertThat(x.get("histogram").get("kind").asText()).isEqualTo("numeric");
            assertThat(x.get("method").asText()).isEqualTo("exact");
            assertThat(x.get("pValueKind").asText()).isEqualTo("exact");
            JsonNode gone = json.get("columns").get(2);
            assertThat(gone.get("status").asText()).isEqualTo("missing");
            assertThat(gone.has("detector")).isFalse();
            assertThat(gone.has("pValue")).isFalse();
            assertThat(gone.has("histogram")).isFalse();
            assertThat(json.get("columns").size()).isEqualTo(3);
        }

        @Test
        void aDistanceHasNoPValueInTheJson() throws Exception {
            JsonNode json = Json.reader().readTree(builder().detector(DriftDetectors.linf(0.1)).build()
                    .compare(CURRENT, REFERENCE).toJson());
            JsonNode x = json.get("columns").get(0);
            assertThat(x.has("pValue")).isFalse();
            assertThat(x.has("adjustedPValue")).isFalse();
            assertThat(x.get("pValueKind").asText()).isEqualTo("absent");
            assertThat(x.get("rule").asText()).isEqualTo("statistic-at-least");
        }

        @Test
        void theTextHasAVerdictLineAndALinePerColumn() {
            assertThat(report.toText()).isEqualTo("drift report: FAILED (1 of 3 columns drifted, 2 errors, 0 warnings)\n"
                    + "reference table of 60 rows, current table " + report.header().fingerprint() + " of 50 rows,"
                    + " p-values corrected by none, created 2026-12-07T02:00:00Z\n"
                    + "info    no-drift     column 'x': ks p-value 0.205572 (adjusted 0.205572) >= alpha 0.05: no drift\n"
                    + "error   drift        column 'c': chi-square p-value 0.0446181 (adjusted 0.0446181) < alpha 0.05:"
                    + " drift\n"
                    + "error   missing      column 'gone' of the reference is missing from the current table\n");
            TableDriftReport passing = builder().build().compare(Table.of(CURRENT.column("x")),
                    Table.of(REFERENCE.column("x"), numbers("gone", X, 60)));
            assertThat(passing.toText()).startsWith("drift report: FAILED (0 of 2 columns drifted, 1 error, 0 warnings)");
            TableDriftReport warned = builder().detector(DriftDetectors.ks(0.05)).build().compare(CURRENT, REFERENCE);
            assertThat(warned.toText()).startsWith("drift report: passed (0 of 2 columns drifted, 0 errors, 1 warning)");
        }
    }
}
