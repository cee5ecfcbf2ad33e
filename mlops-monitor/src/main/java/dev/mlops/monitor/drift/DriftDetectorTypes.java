package dev.mlops.monitor.drift;

import dev.mlops.core.component.ComponentType;
import dev.mlops.data.stat.CdfDistance;
import dev.mlops.data.stat.ChiSquareTest;
import dev.mlops.data.stat.JensenShannon;
import dev.mlops.data.stat.KolmogorovSmirnov;
import dev.mlops.data.stat.PopulationStability;
import dev.mlops.data.stat.Wasserstein;
import dev.mlops.data.stat.WelchTTest;

/**
 * The component types of the built-in detectors, registered for {@link java.util.ServiceLoader};
 * each is a thin adapter over one statistic of {@code dev.mlops.data.stat}. Users build detectors
 * through {@link DriftDetectors} or a {@link dev.mlops.core.component.ComponentRegistry} (spec
 * strings such as {@code ks(alpha=0.01)}, {@code jensen-shannon(threshold=0.2, bins=20)},
 * {@code shift(measure=MEAN, threshold=0.2)}).
 */
public final class DriftDetectorTypes {

    private DriftDetectorTypes() {
        throw new AssertionError("no instances");
    }

    /** {@code "ks"}: the two-sample Kolmogorov–Smirnov test; numbers; raw values or a numeric profile. */
    public static final class Ks extends ComponentType<DriftDetector, TestSettings> {
        static final String NAME = "ks";

        /** Describes the type. */
        public Ks() {
            super(DriftDetector.class, NAME, TestSettings.class,
                    "two-sample Kolmogorov-Smirnov test of a numeric column (scipy's ks_2samp)");
        }

        @Override
        public DriftDetector create(TestSettings settings) {
            return test(NAME, settings, new Statistic(KolmogorovSmirnov::test, KolmogorovSmirnov::test, null, null));
        }
    }

    /** {@code "chi-square"}: Pearson's chi-square test of the category counts; a profile only with exact counts. */
    public static final class ChiSquare extends ComponentType<DriftDetector, TestSettings> {
        static final String NAME = "chi-square";

        /** Describes the type. */
        public ChiSquare() {
            super(DriftDetector.class, NAME, TestSettings.class,
                    "chi-square test of a categorical column's counts (scipy's chi2_contingency)");
        }

        @Override
        public DriftDetector create(TestSettings settings) {
            return test(NAME, settings, new Statistic(null, null, ChiSquareTest::test, ChiSquareTest::test));
        }
    }

    /** {@code "welch-t"}: Welch's t-test of equal means; numbers; raw values or any numeric profile. */
    public static final class WelchT extends ComponentType<DriftDetector, TestSettings> {
        static final String NAME = "welch-t";

        /** Describes the type. */
        public WelchT() {
            super(DriftDetector.class, NAME, TestSettings.class,
                    "Welch's t-test of a numeric column's mean (scipy's ttest_ind(equal_var=False))");
        }

        @Override
        public DriftDetector create(TestSettings settings) {
            return test(NAME, settings, new Statistic(WelchTTest::test, WelchTTest::test, null, null));
        }
    }

    /** {@code "psi"}: the population stability index in reference quantile bins or categories. */
    public static final class Psi extends ComponentType<DriftDetector, DistanceSettings> {
        static final String NAME = "psi";

        /** Describes the type. */
        public Psi() {
            super(DriftDetector.class, NAME, DistanceSettings.class,
                    "population stability index of a numeric or categorical column");
        }

        @Override
        public DriftDetector create(DistanceSettings settings) {
            int bins = settings.bins();
            return distance(NAME, settings, new Statistic((c, r) -> PopulationStability.numeric(c, r, bins),
                    (c, r) -> PopulationStability.numeric(c, r, bins), PopulationStability::categorical,
                    PopulationStability::categorical));
        }
    }

    /** {@code "jensen-shannon"}: the Jensen–Shannon distance in PSI's bins. */
    public static final class JensenShannonDistance extends ComponentType<DriftDetector, DistanceSettings> {
        static final String NAME = "jensen-shannon";

        /** Describes the type. */
        public JensenShannonDistance() {
            super(DriftDetector.class, NAME, DistanceSettings.class,
                    "Jensen-Shannon distance of a numeric or categorical column (scipy's jensenshannon)");
        }

        @Override
        public DriftDetector create(DistanceSettings settings) {
            int bins = settings.bins();
            return distance(NAME, settings, new Statistic((c, r) -> JensenShannon.numeric(c, r, bins),
                    (c, r) -> JensenShannon.numeric(c, r, bins), JensenShannon::categorical,
                    JensenShannon::categorical));
        }
    }

    /** {@code "wasserstein"}: the normalized Wasserstein distance; numbers; raw values only. */
    public static final class NormalizedWasserstein extends ComponentType<DriftDetector, DistanceSettings> {
        static final String NAME = "wasserstein";

        /** Describes the type. */
        public NormalizedWasserstein() {
            super(DriftDetector.class, NAME, DistanceSettings.class,
                    "Wasserstein distance of a numeric column over the reference's standard deviation (needs raw"
                            + " reference values)");
        }

        @Override
        public DriftDetector create(DistanceSettings settings) {
            return distance(NAME, settings, new Statistic(Wasserstein::normalized, null, null, null));
        }
    }

    /** {@code "linf"}: the L∞ distance between the CDFs or the category shares (SageMaker's). */
    public static final class Linf extends ComponentType<DriftDetector, DistanceSettings> {
        static final String NAME = "linf";

        /** Describes the type. */
        public Linf() {
            super(DriftDetector.class, NAME, DistanceSettings.class,
                    "L-infinity distance between the distributions of a numeric or categorical column"
                            + " (SageMaker Model Monitor's)");
        }

        @Override
        public DriftDetector create(DistanceSettings settings) {
            return distance(NAME, settings, new Statistic(CdfDistance::numeric, CdfDistance::numeric,
                    CdfDistance::categorical, CdfDistance::categorical));
        }
    }

    /** {@code "shift"}: the shift of the mean, standard deviation, missing share, min or max. */
    public static final class Shift extends ComponentType<DriftDetector, ShiftSettings> {

        /** Describes the type. */
        public Shift() {
            super(DriftDetector.class, ShiftDetector.TYPE, ShiftSettings.class,
                    "shift of a column's mean, standard deviation, missing share, min or max against a threshold");
        }

        @Override
        public DriftDetector create(ShiftSettings settings) {
            return new ShiftDetector(settings);
        }
    }

    private static DriftDetector test(String name, TestSettings settings, Statistic statistic) {
        return new StatisticDetector<>(name, settings, statistic, DriftResult.Rule.P_VALUE_BELOW, settings.alpha());
    }

    private static DriftDetector distance(String name, DistanceSettings settings, Statistic statistic) {
        return new StatisticDetector<>(name, settings, statistic, DriftResult.Rule.STATISTIC_AT_LEAST,
                settings.threshold());
    }
}
