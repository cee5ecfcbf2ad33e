package dev.mlops.data.split;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ordered, named sets with the fraction of the rows each should receive, such as
 * {@code train 0.7, validation 0.15, test 0.15}. As a {@link SizePolicy} it gives itself for
 * every size.
 *
 * <p>Names are unique and not blank; every fraction is finite and positive; the fractions sum to
 * 1 within 1e-9. Order matters: a temporal split gives the first set the oldest rows. The text
 * form, as {@code mlops split --sets} takes it and as a splitter's settings hold it, is
 * {@code train=0.7,validation=0.15,test=0.15} ({@link #text()}, {@link #parse}). Immutable.
 *
 * @param names the set names, in order, unmodifiable
 * @param fractions each set's fraction of the rows, in the same order, unmodifiable
 */
public record SplitSets(List<String> names, List<Double> fractions) implements SizePolicy {
    private static final double SUM_TOLERANCE = 1e-9;
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?|\\.[0-9]+");

    /**
     * Validates the sets.
     *
     * @param names the set names, in order, unmodifiable
     * @param fractions each set's fraction of the rows, in the same order, unmodifiable
     * @throws IllegalArgumentException if there is no set, the lists differ in size, a name is
     *     blank or repeated, a fraction is not positive and finite, or the fractions do not sum to 1
     */
    public SplitSets {
        names = List.copyOf(Objects.requireNonNull(names, "names"));
        fractions = List.copyOf(Objects.requireNonNull(fractions, "fractions"));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("names must name at least one set but was empty");
        }
        if (names.size() != fractions.size()) {
            throw new IllegalArgumentException("names and fractions must have the same size but had " + names.size()
                    + " and " + fractions.size());
        }
        Set<String> seen = new HashSet<>();
        double sum = 0;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isBlank()) {
                throw new IllegalArgumentException("set name " + (i + 1) + " must not be blank but was '" + name + "'");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("set name '" + name + "' appears twice");
            }
            double fraction = fractions.get(i);
            if (!(fraction > 0) || Double.isInfinite(fraction)) {
                throw new IllegalArgumentException("fraction of set '" + name + "' must be positive and finite but was "
                        + fraction);
            }
            sum += fraction;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("fractions must sum to 1 (within 1e-9) but sum to " + sum + ": " + fractions);
        }
    }

    /**
     * Returns the three sets {@code train}, {@code validation} and {@code test}.
     *
     * @param train the train fraction
     * @param validation the validation fraction
     * @param test the test fraction
     * @return the sets
     * @throws IllegalArgumentException if a fraction is not positive or they do not sum to 1
     */
    public static SplitSets trainValidationTest(double train, double validation, double test) {
        return new SplitSets(List.of("train", "validation", "test"), List.of(train, validation, test));
    }

    /**
     * Returns the two sets {@code train} and {@code test}.
     *
     * @param train the train fraction
     * @param test the test fraction
     * @return the sets
     * @throws IllegalArgumentException if a fraction is not positive or they do not sum to 1
     */
    public static SplitSets trainTest(double train, double test) {
        return new SplitSets(List.of("train", "test"), List.of(train, test));
    }

    /** @return a builder that adds sets in order */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the text form {@code NAME=FRACTION,NAME=FRACTION...}, such as
     * {@code train=0.7,validation=0.15,test=0.15}; space around the parts is ignored.
     *
     * @param text the text
     * @return the sets
     * @throws IllegalArgumentException if a part is not {@code NAME=FRACTION} with a decimal
     *     fraction, a fraction is negative (the message quotes that part), or the sets are refused as {@link SplitSets#SplitSets} refuses them; the
     *     message quotes the text
     */
    @JsonCreator
    public static SplitSets parse(String text) {
        Objects.requireNonNull(text, "text");
        Builder builder = builder();
        for (String part : text.split(",", -1)) {
            int equals = part.indexOf('=');
            String fraction = equals < 0 ? "" : part.substring(equals + 1).trim();
            if (fraction.startsWith("-") && DECIMAL.matcher(fraction.substring(1)).matches()) {
                throw new IllegalArgumentException("the share in '" + part.trim() + "' is negative; each set's share must"
                        + " be positive, such as train=0.7,validation=0.15,test=0.15");
            }
            if (equals < 0 || !DECIMAL.matcher(fraction).matches()) {
                throw new IllegalArgumentException("sets must be NAME=FRACTION,... such as"
                        + " train=0.7,validation=0.15,test=0.15 but the part '" + part.trim() + "' of '" + text
                        + "' is not");
            }
            builder.add(part.substring(0, equals).trim(), Double.parseDouble(fraction));
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sets '" + text + "': " + e.getMessage(), e);
        }
    }

    /** @return the text form, such as {@code train=0.7,validation=0.15,test=0.15}, which {@link #parse} reads */
    @JsonValue
    @Override
    public String text() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            text.append(i == 0 ? "" : ",").append(names.get(i)).append('=').append(fractions.get(i));
        }
        return text.toString();
    }

    /** @return the number of sets */
    public int size() {
        return names.size();
    }

    /**
     * Returns a set's position.
     *
     * @param name the set's name
     * @return its 0-based position
     * @throws IllegalArgumentException if there is no such set; the message lists the names
     */
    public int indexOf(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no set named '" + name + "'; the sets are " + names);
        }
        return index;
    }

    /** @return this, whatever the row count */
    @Override
    public SplitSets setsFor(int rowCount) {
        return this;
    }

    /** @return the sets as {@code train 0.7, validation 0.15, test 0.15} */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ')
                    .append(String.format(Locale.ROOT, "%s", fractions.get(i)));
        }
        return text.toString();
    }

    /** The fractions as a primitive array, normalised to sum to exactly 1 up to rounding. */
    /**
     * How many of {@code n} items each set gets when the built-in splitters cut them: the
     * largest-remainder method over the fractions (divided by their sum), so each set is within one
     * item of its exact share, sets whose floor is zero get an item first, then the largest
     * remainders, ties to the earlier set. For counts beyond an int too (a Spark Dataset's ids).
     *
     * @param n the number of items, at least 0
     * @return the sizes, in the order of {@link #names()}, summing to {@code n}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public long[] sizes(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative but was " + n);
        }
        return SplitSupport.allocate(n, fractionArray());
    }

    double[] fractionArray() {
        double sum = 0;
        for (double fraction : fractions) {
            sum += fraction;
        }
        double[] array = new double[fractions.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = fractions.get(i) / sum;
        }
        return array;
    }

    /** Adds sets in order; not thread-safe. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<Double> fractions = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a set.
         *
         * @param name the set's name
         * @param fraction its fraction of the rows
         * @return this builder
         */
        public Builder add(String name, double fraction) {
            names.add(Objects.requireNonNull(name, "name"));
            fractions.add(fraction);
            return this;
        }

        /**
         * Builds the sets.
         *
         * @return the sets
         * @throws IllegalArgumentException as {@link SplitSets#SplitSets} does
         */
        public SplitSets build() {
            return new SplitSets(names, fractions);
        }
    }
}
