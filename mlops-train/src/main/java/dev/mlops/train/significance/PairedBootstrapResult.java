package dev.mlops.train.significance;

import dev.mlops.core.Seed;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A paired bootstrap comparison of two models on one metric: each model's interval and the
 * interval of the difference {@code first - second}, all from the same resamples. Immutable.
 *
 * @param metric the metric's name
 * @param higherIsBetter whether a larger value of the metric is better
 * @param first the first model's interval
 * @param second the second model's interval
 * @param difference the interval of {@code first - second}; a resample where either model's value
 *     is NaN counts as undefined here
 * @param seed the seed the resamples were drawn from, through the stream
 *     {@value PairedBootstrap#STREAM}
 */
public record PairedBootstrapResult(String metric, boolean higherIsBetter, BootstrapInterval first,
        BootstrapInterval second, BootstrapInterval difference, Seed seed) {

    /**
     * Checks the result.
     *
     * @param metric the metric's name
     * @param higherIsBetter whether a larger value of the metric is better
     * @param first the first model's interval
     * @param second the second model's interval
     * @param difference the interval of {@code first - second}
     * @param seed the seed the resamples were drawn from
     */
    public PairedBootstrapResult {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(seed, "seed");
    }

    /**
     * Gives the verdict at {@code 1 - level} of the difference's interval: significant when the
     * interval leaves out 0, the better model read from the difference on the rows themselves and
     * the metric's direction.
     *
     * @return the verdict, with no p-value
     */
    public Significance verdict() {
        return new Significance(PairedBootstrap.STREAM, OptionalDouble.empty(), 1.0 - difference.level(),
                !difference.contains(0.0) && difference.undefined() < difference.resamples(),
                Significance.Better.of(difference.estimate(), higherIsBetter));
    }
}
