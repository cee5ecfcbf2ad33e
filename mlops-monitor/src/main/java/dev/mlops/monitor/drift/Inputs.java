package dev.mlops.monitor.drift;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The checks of a detector's inputs that every detector makes, with messages naming the detector. */
final class Inputs {

    private Inputs() {
        throw new AssertionError("no instances");
    }

    /**
     * @throws IllegalArgumentException if the current sample or a raw reference holds no value, the
     *     kinds of the two sides differ, or the detector does not compare that kind
     */
    static void check(String detector, Set<Sample.Kind> kinds, Sample current, Reference reference) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reference, "reference");
        if (current.size() == 0) {
            throw new IllegalArgumentException("detector '" + detector + "' needs a current sample with values but"
                    + " it was empty");
        }
        if (reference instanceof Reference.Raw raw && raw.sample().size() == 0) {
            throw new IllegalArgumentException("detector '" + detector + "' needs a reference with values but it"
                    + " was empty");
        }
        if (current.kind() != reference.kind()) {
            throw new IllegalArgumentException("detector '" + detector + "' compares samples of one kind but the"
                    + " current sample is " + name(current.kind()) + " and the reference " + name(reference.kind()));
        }
        if (!kinds.contains(current.kind())) {
            throw new IllegalArgumentException("detector '" + detector + "' compares " + names(kinds)
                    + " columns but the sample is " + name(current.kind()));
        }
    }

    /**
     * @return the function over a profile
     * @throws IllegalArgumentException naming the detector and the profile it cannot read, if {@code function} is null
     */
    static <F> F require(String detector, @Nullable F function, String what) {
        if (function == null) {
            throw new IllegalArgumentException("detector '" + detector + "' needs the raw reference values and"
                    + " cannot compare with " + what + "; give it Reference.of(Sample)");
        }
        return function;
    }

    private static String names(Set<Sample.Kind> kinds) {
        return kinds.size() == 1 ? name(kinds.iterator().next()) : "numeric and categorical";
    }

    private static String name(Sample.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
