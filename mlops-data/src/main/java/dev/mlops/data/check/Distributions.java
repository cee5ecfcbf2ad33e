package dev.mlops.data.check;

import dev.mlops.core.text.ReadableText;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.data.profile.ColumnProfile;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.NumericProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the distribution checks ({@link MeanShiftCheck}, {@link KsCheck}, {@link ChiSquareCheck},
 * {@link PsiCheck}) share: finding the column in the table and in the reference profile, reading
 * the finite values or category counts of the current column, and validating their settings.
 */
final class Distributions {

    private Distributions() {
        throw new AssertionError("no instances");
    }

    /** The kinds of column a distribution check compares. */
    enum Kind {
        /** A numeric column against a numeric profile. */
        NUMERIC,
        /** A categorical, text or boolean column against a categorical profile; values compare as text. */
        CATEGORIES;

        static Kind of(ColumnType type) {
            return type == ColumnType.NUMERIC ? NUMERIC : CATEGORIES;
        }

        boolean accepts(ColumnType type) {
            return this == NUMERIC ? type == ColumnType.NUMERIC
                    : type == ColumnType.CATEGORICAL || type == ColumnType.TEXT || type == ColumnType.BOOLEAN;
        }

        String describe() {
            return this == NUMERIC ? "NUMERIC" : "CATEGORICAL, TEXT or BOOLEAN";
        }
    }

    /**
     * Tells why a check cannot compare a column of the table with the same column of the
     * context's reference: no reference, the column missing on either side, or a type the check
     * does not compare, or different kinds on the two sides.
     *
     * @param kinds the kinds the check compares
     * @return the reason, naming the column and where it is; empty when the check can run
     */
    static Optional<String> whyNot(Check check, Table table, CheckContext context, String column, Kind... kinds) {
        Optional<DatasetProfile> reference = context.reference();
        if (reference.isEmpty()) {
            return Optional.of("no reference profile to compare column '" + ReadableText.name(column)
                    + "' with; run the check with one (DatasetProfile.of(referenceTable))");
        }
        if (!table.schema().contains(column)) {
            return Optional.of("no column '" + ReadableText.name(column) + "' in the table; its columns are "
                    + Columns.listed(table.schema().names()));
        }
        Optional<ColumnProfile> profile = profile(reference.get(), column);
        if (profile.isEmpty()) {
            List<String> names = new ArrayList<>();
            reference.get().columns().forEach(c -> names.add(c.name()));
            return Optional.of("no column '" + ReadableText.name(column) + "' in the reference profile; its columns are "
                    + Columns.listed(names));
        }
        ColumnType current = table.column(column).type();
        ColumnType referenceType = profile.get().type();
        String where = "column '" + ReadableText.name(column) + "' (" + (table.schema().indexOf(column) + 1) + ") of the table";
        if (Arrays.stream(kinds).noneMatch(kind -> kind.accepts(current))) {
            return Optional.of(where + " is " + current + " but " + check.type() + " compares "
                    + String.join(" or ", Arrays.stream(kinds).map(Kind::describe).toList()) + " columns");
        }
        if (!Kind.of(current).accepts(referenceType)) {
            return Optional.of(where + " is " + current + " but in the reference profile it is " + referenceType
                    + "; " + check.type() + " needs " + Kind.of(current).describe() + " on both sides");
        }
        return Optional.empty();
    }

    /** The named column's profile in the reference, empty when there is none. */
    static Optional<ColumnProfile> profile(DatasetProfile reference, String column) {
        for (ColumnProfile profile : reference.columns()) {
            if (profile.name().equals(column)) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }

    /** The reference profile of a column that {@link #whyNot} accepted. */
    static ColumnProfile reference(CheckContext context, String column) {
        return profile(context.reference().orElseThrow(), column).orElseThrow();
    }

    /** The finite present values of a numeric column, in row order (missing, NaN and infinities left out). */
    static double[] finiteValues(NumericColumn column) {
        int rows = column.size();
        double[] values = new double[rows];
        int n = 0;
        for (int row = 0; row < rows; row++) {
            double x = column.get(row);
            if (!column.isMissing(row) && Double.isFinite(x)) {
                values[n++] = x;
            }
        }
        return n == rows ? values : Arrays.copyOf(values, n);
    }

    /**
     * What a numeric test left out, for its message: empty when nothing was, else a clause such as
     * {@code "; left out: 2 missing and 1 NaN or infinite current values"}.
     */
    static String leftOut(NumericColumn current, int finite, NumericProfile reference) {
        long currentMissing = current.missingCount();
        long currentNonFinite = current.size() - currentMissing - finite;
        long referenceMissing = reference.missing();
        long referenceNonFinite = reference.nan() + reference.positiveInfinity() + reference.negativeInfinity();
        List<String> parts = new ArrayList<>();
        if (currentMissing + currentNonFinite > 0) {
            parts.add(side(currentMissing, currentNonFinite, "current"));
        }
        if (referenceMissing + referenceNonFinite > 0) {
            parts.add(side(referenceMissing, referenceNonFinite, "reference"));
        }
        return parts.isEmpty() ? "" : "; left out: " + String.join(", ", parts);
    }

    private static String side(long missing, long nonFinite, String which) {
        List<String> parts = new ArrayList<>();
        if (missing > 0) {
            parts.add(missing + " missing");
        }
        if (nonFinite > 0) {
            parts.add(nonFinite + " NaN or infinite");
        }
        return String.join(" and ", parts) + " " + which + " value" + (missing + nonFinite == 1 ? "" : "s");
    }

    /**
     * Counts the present values of a categorical, text or boolean column by their text (booleans
     * as {@code true}/{@code false}, as {@link dev.mlops.data.profile.CategoricalProfile} counts them).
     *
     * @return the counts, keys ascending; missing values left out
     */
    static SortedMap<String, Long> counts(Column column) {
        SortedMap<String, Long> counts = new TreeMap<>();
        int rows = column.size();
        if (column instanceof CategoricalColumn categorical) {
            List<String> levels = categorical.levels();
            long[] byCode = new long[levels.size()];
            for (int row = 0; row < rows; row++) {
                int code = categorical.code(row);
                if (code != CategoricalColumn.MISSING_CODE) {
                    byCode[code]++;
                }
            }
            for (int code = 0; code < byCode.length; code++) {
                if (byCode[code] > 0) {
                    counts.merge(levels.get(code), byCode[code], Long::sum);
                }
            }
        } else if (column instanceof BooleanColumn bool) {
            long trues = 0;
            long falses = 0;
            for (int row = 0; row < rows; row++) {
                if (!bool.isMissing(row)) {
                    if (bool.get(row)) {
                        trues++;
                    } else {
                        falses++;
                    }
                }
            }
            if (trues > 0) {
                counts.put("true", trues);
            }
            if (falses > 0) {
                counts.put("false", falses);
            }
        } else if (column instanceof TextColumn text) {
            Map<String, long[]> tally = new HashMap<>();
            for (int row = 0; row < rows; row++) {
                if (!text.isMissing(row)) {
                    tally.computeIfAbsent(text.get(row), value -> new long[1])[0]++;
                }
            }
            tally.forEach((value, count) -> counts.put(value, count[0]));
        } else {
            throw new IllegalArgumentException("column '" + ReadableText.name(column.name()) + "' is " + column.type()
                    + ", not CATEGORICAL, TEXT or BOOLEAN");
        }
        return counts;
    }

    /** The sum of counts. */
    static long total(SortedMap<String, Long> counts) {
        long total = 0;
        for (long count : counts.values()) {
            total += count;
        }
        return total;
    }

    /**
     * Validates a significance level.
     *
     * @throws IllegalArgumentException if {@code alpha} is not in {@code (0, 1)}
     */
    static double alpha(double alpha) {
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("alpha must be in (0, 1) but was " + alpha);
        }
        return alpha;
    }
}
