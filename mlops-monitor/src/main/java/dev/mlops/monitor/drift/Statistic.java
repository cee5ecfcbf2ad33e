package dev.mlops.monitor.drift;

import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.stat.TwoSampleResult;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A statistic of {@code dev.mlops.data.stat} as a detector calls it: one function for each kind
 * of column and of reference it supports, null where it has none. {@link #compute} checks the
 * inputs and calls the right one, so that the detectors only choose the statistic and the rule.
 *
 * @param numericRaw raw numbers against raw numbers
 * @param numericProfile raw numbers against a numeric profile
 * @param categoricalRaw counts against counts
 * @param categoricalProfile counts against a categorical profile
 */
record Statistic(@Nullable BiFunction<double[], double[], TwoSampleResult> numericRaw,
        @Nullable BiFunction<double[], NumericProfile, TwoSampleResult> numericProfile,
        @Nullable BiFunction<Map<String, Long>, Map<String, Long>, TwoSampleResult> categoricalRaw,
        @Nullable BiFunction<Map<String, Long>, CategoricalProfile, TwoSampleResult> categoricalProfile) {

    /** @return the kinds there is a function for */
    Set<Sample.Kind> kinds() {
        Set<Sample.Kind> kinds = EnumSet.noneOf(Sample.Kind.class);
        if (numericRaw != null) {
            kinds.add(Sample.Kind.NUMERIC);
        }
        if (categoricalRaw != null) {
            kinds.add(Sample.Kind.CATEGORICAL);
        }
        return Set.copyOf(kinds);
    }

    /** @return true if a supported kind has no function over a profile */
    boolean needsRawReference() {
        return numericRaw != null && numericProfile == null || categoricalRaw != null && categoricalProfile == null;
    }

    /**
     * Checks the inputs against the detector's kinds and calls the function for them; a raw
     * function is there for every kind that {@link Inputs#check} lets through.
     */
    TwoSampleResult compute(String detector, Sample current, Reference reference) {
        Inputs.check(detector, kinds(), current, reference);
        if (current instanceof Sample.Numeric numbers) {
            if (reference instanceof Reference.Raw raw) {
                return Objects.requireNonNull(numericRaw, "numericRaw").apply(numbers.shared(), ((Sample.Numeric) raw.sample()).shared());
            }
            return Inputs.require(detector, numericProfile, "a numeric profile").apply(numbers.shared(),
                    (NumericProfile) ((Reference.Profiled) reference).profile());
        }
        Map<String, Long> counts = ((Sample.Categorical) current).counts();
        if (reference instanceof Reference.Raw raw) {
            return Objects.requireNonNull(categoricalRaw, "categoricalRaw").apply(counts,
                    ((Sample.Categorical) raw.sample()).counts());
        }
        return Inputs.require(detector, categoricalProfile, "a categorical profile").apply(counts,
                (CategoricalProfile) ((Reference.Profiled) reference).profile());
    }
}
