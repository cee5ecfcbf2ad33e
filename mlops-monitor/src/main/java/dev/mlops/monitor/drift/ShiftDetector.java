package dev.mlops.monitor.drift;

import dev.mlops.core.component.AbstractComponent;
import dev.mlops.data.profile.ColumnProfile;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.stat.Moments;
import dev.mlops.data.stat.TestMethod;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The {@code "shift"} detector: the scaled shift of one {@link ShiftMeasure} against a threshold.
 * Works from raw values or any profile (exact or sketched alike: counts, moments, min and max are
 * always exact in a profile). Immutable and thread-safe.
 */
final class ShiftDetector extends AbstractComponent<ShiftSettings> implements DriftDetector {
    static final String TYPE = "shift";

    ShiftDetector(ShiftSettings settings) {
        super(TYPE, settings);
    }

    @Override
    public Set<Sample.Kind> kinds() {
        return settings().measure() == ShiftMeasure.MISSING_SHARE ? Set.of(Sample.Kind.NUMERIC, Sample.Kind.CATEGORICAL)
                : Set.of(Sample.Kind.NUMERIC);
    }

    @Override
    public boolean needsRawReference() {
        return false;
    }

    @Override
    public DriftResult detect(Sample current, Reference reference) {
        Inputs.check(TYPE, kinds(), current, reference);
        ShiftMeasure measure = settings().measure();
        double value;
        long currentSize;
        long referenceSize;
        if (measure == ShiftMeasure.MISSING_SHARE) {
            value = share(current.missing(), current.size()) - missingShare(reference);
            currentSize = current.size();
            referenceSize = reference instanceof Reference.Raw raw ? raw.sample().size()
                    : ((Reference.Profiled) reference).profile().count();
        } else {
            double[] now = ((Sample.Numeric) current).shared();
            Summary then = reference instanceof Reference.Raw raw ? Summary.of("reference", measure,
                    ((Sample.Numeric) raw.sample()).shared())
                    : Summary.of(measure, (NumericProfile) ((Reference.Profiled) reference).profile());
            Summary summary = Summary.of("current", measure, now);
            value = switch (measure) {
                case MEAN -> ratio(summary.mean() - then.mean(), then.sd());
                case STANDARD_DEVIATION -> ratio(summary.sd() - then.sd(), then.sd());
                case MIN -> ratio(summary.min() - then.min(), then.max() - then.min());
                default -> ratio(summary.max() - then.max(), then.max() - then.min());
            };
            currentSize = now.length;
            referenceSize = then.count();
        }
        return new DriftResult(TYPE, measure.statistic(), value, OptionalDouble.empty(), TestMethod.EXACT, 0.0,
                DriftResult.Rule.STATISTIC_AT_LEAST, settings().threshold(), OptionalDouble.empty(), currentSize,
                referenceSize);
    }

    private static double missingShare(Reference reference) {
        if (reference instanceof Reference.Raw raw) {
            return share(raw.sample().missing(), raw.sample().size());
        }
        ColumnProfile profile = ((Reference.Profiled) reference).profile();
        long missing = profile.missing() + (profile instanceof NumericProfile numbers ? numbers.nan() : 0);
        return share(missing, profile.count());
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    /** {@code shift / scale}; over a zero scale, 0 for no shift and an infinity of its sign otherwise. */
    static double ratio(double shift, double scale) {
        if (scale > 0.0) {
            return shift / scale;
        }
        return shift == 0.0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, shift);
    }

    /** One side's count and, by the measure, its mean and standard deviation or its extremes (NaN when not needed). */
    private record Summary(long count, double mean, double sd, double min, double max) {

        static Summary of(String side, ShiftMeasure measure, double[] values) {
            if (moments(measure)) {
                if (values.length < 2) {
                    throw new IllegalArgumentException("detector '" + TYPE + "' (" + measure.statistic() + ") needs at"
                            + " least 2 present " + side + " values but had " + values.length);
                }
                return of(Moments.of(values));
            }
            if (values.length == 0) {
                throw new IllegalArgumentException("detector '" + TYPE + "' (" + measure.statistic() + ") needs at least"
                        + " 1 present " + side + " value but had none");
            }
            double min = values[0];
            double max = values[0];
            for (double value : values) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
            return new Summary(values.length, Double.NaN, Double.NaN, min, max);
        }

        static Summary of(ShiftMeasure measure, NumericProfile profile) {
            if (moments(measure)) {
                return of(Moments.of(profile));
            }
            if (profile.finite() == 0) {
                throw new IllegalArgumentException("detector '" + TYPE + "' (" + measure.statistic() + ") needs at least"
                        + " 1 finite reference value but the profile of column '" + profile.name() + "' has none");
            }
            return new Summary(profile.finite(), Double.NaN, Double.NaN, profile.min().getAsDouble(),
                    profile.max().getAsDouble());
        }

        private static Summary of(Moments moments) {
            return new Summary(moments.count(), moments.mean(), moments.standardDeviation(), Double.NaN, Double.NaN);
        }

        private static boolean moments(ShiftMeasure measure) {
            return measure == ShiftMeasure.MEAN || measure == ShiftMeasure.STANDARD_DEVIATION;
        }
    }
}
