package dev.mlops.data.split;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * Chooses the sets and their fractions for a table of a given size.
 *
 * <p>{@link #guide()} follows the usual guidance: 70/15/15 train/validation/test below
 * 1,000,000 rows and 90/5/5 from there, since a large data set needs a smaller share to measure
 * a model with the same precision. A fixed {@link SplitSets} is itself a policy that ignores the
 * size. A policy is a splitter's setting, so it has a text form that {@link #parse} reads back
 * (and that is its JSON form): {@code guide}, the sets as {@code --sets} writes them
 * ({@code train=0.8,test=0.2}), or {@code train=0.5,test=0.5 below 100 rows, else
 * train=0.9,test=0.1}. Implementations are immutable, deterministic and thread-safe.
 */
public interface SizePolicy {

    /**
     * Returns the sets for a table of {@code rowCount} rows.
     *
     * @param rowCount the number of rows to split, not negative
     * @return the sets and their fractions
     */
    SplitSets setsFor(int rowCount);

    /**
     * Returns the policy's text form, which {@link #parse} reads back to an equal policy.
     *
     * @return such as {@code guide} or {@code train=0.8,test=0.2}
     */
    @JsonValue
    String text();

    /**
     * Returns the guide's policy: {@code train 0.7, validation 0.15, test 0.15} below 1,000,000
     * rows, {@code train 0.9, validation 0.05, test 0.05} from 1,000,000 rows on. Its text is
     * {@code guide}.
     *
     * @return the policy
     */
    static SizePolicy guide() {
        return RowCountPolicy.GUIDE;
    }

    /**
     * Returns a policy that uses one set of fractions below a row count and another from it on.
     *
     * @param threshold the first row count that gets {@code large}; positive
     * @param small the sets below the threshold
     * @param large the sets from the threshold on
     * @return the policy
     * @throws IllegalArgumentException if the threshold is not positive
     */
    static SizePolicy byRowCount(int threshold, SplitSets small, SplitSets large) {
        return new RowCountPolicy(threshold, small, large);
    }

    /**
     * Reads a policy's text form: {@code guide} (in any case), sets such as
     * {@code train=0.8,test=0.2}, or {@code SETS below N rows, else SETS}.
     *
     * @param text the text
     * @return the policy, equal to the one that wrote the text
     * @throws IllegalArgumentException if the text is none of these; the message quotes it and
     *     gives the forms
     */
    @JsonCreator
    static SizePolicy parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase(RowCountPolicy.GUIDE_TEXT)) {
            return guide();
        }
        Matcher byRowCount = RowCountPolicy.TEXT.matcher(trimmed);
        if (byRowCount.matches()) {
            int threshold;
            try {
                threshold = Integer.parseInt(byRowCount.group(2));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the row count in sizes '" + text + "' must be an int but was "
                        + byRowCount.group(2), e);
            }
            return byRowCount(threshold, SplitSets.parse(byRowCount.group(1)), SplitSets.parse(byRowCount.group(3)));
        }
        return SplitSets.parse(trimmed);
    }
}
