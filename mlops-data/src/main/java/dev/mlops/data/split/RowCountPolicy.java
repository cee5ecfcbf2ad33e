package dev.mlops.data.split;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@link SizePolicy} of {@link SizePolicy#byRowCount}: {@code small} below the threshold,
 * {@code large} from it on. Immutable.
 */
record RowCountPolicy(int threshold, SplitSets small, SplitSets large) implements SizePolicy {
    static final String GUIDE_TEXT = "guide";
    static final RowCountPolicy GUIDE = new RowCountPolicy(1_000_000, SplitSets.trainValidationTest(0.7, 0.15, 0.15),
            SplitSets.trainValidationTest(0.9, 0.05, 0.05));
    /** {@code SETS below N rows, else SETS}. */
    static final Pattern TEXT = Pattern.compile("(.+?)\\s+below\\s+([0-9]+)\\s+rows\\s*,\\s*else\\s+(.+)");

    RowCountPolicy {
        if (threshold <= 0) {
            throw new IllegalArgumentException("threshold must be positive but was " + threshold);
        }
        Objects.requireNonNull(small, "small");
        Objects.requireNonNull(large, "large");
    }

    @Override
    public SplitSets setsFor(int rowCount) {
        return rowCount < threshold ? small : large;
    }

    /** @return {@code guide} for the guide's policy, otherwise {@code SETS below N rows, else SETS} */
    @JsonValue
    @Override
    public String text() {
        return equals(GUIDE) ? GUIDE_TEXT : small.text() + " below " + threshold + " rows, else " + large.text();
    }

    @Override
    public String toString() {
        return text();
    }
}
