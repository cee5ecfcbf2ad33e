package dev.mlops.data.leakage;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
import dev.mlops.data.leakage.LeakageCheck.SetIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Compares the class distributions of the sets with a chi-square test of independence on the
 * classes × sets table of counts (commons-math3, no continuity correction; scipy's
 * {@code chi2_contingency(counts, correction=False)}).
 */
final class ClassDistribution {
    static final String CHECK = "class-distribution";

    private ClassDistribution() {
        throw new AssertionError("no instances");
    }

    static Finding check(Column label, SetIndex sets, double alpha) {
        int setCount = sets.names().size();
        Map<String, long[]> counts = new TreeMap<>();
        int missing = 0;
        Function<String, long[]> newCounts = level -> new long[setCount];
        for (int row : sets.rows()) {
            if (label.isMissing(row)) {
                missing++;
                continue;
            }
            counts.computeIfAbsent(label.format(row), newCounts)[sets.setOf()[row]]++;
        }
        List<Integer> usedSets = new ArrayList<>();
        for (int s = 0; s < setCount; s++) {
            long total = 0;
            for (long[] perSet : counts.values()) {
                total += perSet[s];
            }
            if (total > 0) {
                usedSets.add(s);
            }
        }
        String missingNote = missing == 0 ? "" : "; " + missing + " row" + DuplicateChecks.plural(missing)
                + " with a missing label left out";
        String shares = shares(counts, sets.names(), usedSets);
        if (usedSets.size() < 2 || counts.size() < 2) {
            String why = usedSets.size() < 2
                    ? "fewer than two sets have a labelled row"
                    : "every labelled row has the one class " + counts.keySet();
            return new Finding(CHECK, Severity.INFO, "no chi-square test of '" + label.name() + "' across sets: " + why
                    + shares + missingNote, Double.NaN, alpha, List.of());
        }
        long[][] table = new long[counts.size()][usedSets.size()];
        int c = 0;
        for (long[] perSet : counts.values()) {
            for (int s = 0; s < usedSets.size(); s++) {
                table[c][s] = perSet[usedSets.get(s)];
            }
            c++;
        }
        Result result = test(table);
        double statistic = result.statistic();
        double p = result.pValue();
        int df = result.degreesOfFreedom();
        boolean differ = p < alpha;
        String message = String.format(Locale.ROOT, "the class distribution of '%s' %s between sets: "
                + "chi-square %.6g, %d degree%s of freedom, p-value %.6g %s alpha %s%s%s%s", label.name(),
                differ ? "differs" : "does not differ significantly", statistic, df, DuplicateChecks.plural(df), p,
                differ ? "<" : ">=", alpha, smallExpected(table) ? " (an expected count is below 5: the p-value is "
                + "approximate)" : "", shares, missingNote);
        return new Finding(CHECK, differ ? Severity.WARNING : Severity.INFO, message, p, alpha, List.of());
    }

    /**
     * The chi-square test of independence of a table of counts.
     *
     * @param statistic Pearson's chi-square statistic
     * @param pValue its p-value
     * @param degreesOfFreedom (rows - 1)(columns - 1)
     */
    record Result(double statistic, double pValue, int degreesOfFreedom) {
    }

    /** Tests a table of counts of at least 2 × 2 with no row or column of zeros. */
    static Result test(long[][] counts) {
        ChiSquareTest test = new ChiSquareTest();
        return new Result(test.chiSquare(counts), test.chiSquareTest(counts),
                (counts.length - 1) * (counts[0].length - 1));
    }

    private static String shares(Map<String, long[]> counts, List<String> names, List<Integer> usedSets) {
        StringBuilder text = new StringBuilder("; counts");
        for (int s : usedSets) {
            text.append(' ').append(names.get(s)).append(" {");
            boolean first = true;
            for (Map.Entry<String, long[]> entry : counts.entrySet()) {
                text.append(first ? "" : ", ").append(entry.getKey()).append('=').append(entry.getValue()[s]);
                first = false;
            }
            text.append('}');
        }
        return usedSets.isEmpty() ? "" : text.toString();
    }

    private static boolean smallExpected(long[][] table) {
        long total = 0;
        long[] rowSums = new long[table.length];
        long[] columnSums = new long[table[0].length];
        for (int r = 0; r < table.length; r++) {
            for (int c = 0; c < table[r].length; c++) {
                rowSums[r] += table[r][c];
                columnSums[c] += table[r][c];
                total += table[r][c];
            }
        }
        for (long rowSum : rowSums) {
            for (long columnSum : columnSums) {
                if ((double) rowSum * columnSum / total < 5) {
                    return true;
                }
            }
        }
        return false;
    }
}
