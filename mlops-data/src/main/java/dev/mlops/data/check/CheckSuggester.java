package dev.mlops.data.check;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.text.ReadableText;
import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.ColumnProfile;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.Method;
import dev.mlops.data.profile.NumericProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Proposes a {@link CheckSuite} from the profile of baseline data (the training set, a batch
 * known to be good), as Deequ's constraint suggestion does. The suite is a starting point to
 * edit: every proposed check passes on the baseline itself, so a new batch fails it only where it
 * differs. For a profile of {@code n} rows it proposes:
 * <ul>
 *   <li><b>schema</b>: exactly the baseline's columns and types, in any order;</li>
 *   <li><b>completeness</b> for each column: no missing value when the baseline has none;
 *       otherwise at least the lower end of a 95% confidence interval of the observed share
 *       (here the normal approximation {@code p - z·sqrt(p(1-p)/n)} with z = 1.96, rounded down
 *       to 2 decimals), at warning severity, since a share drifts from batch to batch;</li>
 *   <li>a <b>range</b> for each numeric column: non-negative (error) when the baseline's
 *       minimum is 0 or more, else the baseline's {@code [min, max]} at warning severity; where the
 *       baseline has NaN or infinite values, which fail a range, the check's {@code mostly} is the
 *       baseline's finite share rounded down to 4 decimals;</li>
 *   <li><b>allowed values</b> of a categorical or boolean column counted exactly with at most
 *       {@link #maxCategories()} distinct values (error, no unseen value tolerated);</li>
 *   <li><b>uniqueness</b> of a categorical or text column whose exactly counted distinct values
 *       are as many as its present values, at least two (error).</li>
 * </ul>
 * Text and timestamp columns get the schema and completeness checks only.
 *
 * <p>With {@link #withReferenceChecks(boolean) reference checks} it also proposes distribution
 * checks against the baseline, at warning severity, so that the suite, run with the baseline's
 * profile as the reference ({@link CheckSuite#run(dev.mlops.core.table.Table, DatasetProfile)},
 * {@code mlops check --reference}), catches drift and not only schema, ranges and domains; such a
 * suite then needs that reference to run:
 * <ul>
 *   <li>the <b>population stability index</b> ({@link Checks#psi}, at most
 *       {@value PsiCheck#DEFAULT_MAX}, deciles of the baseline) for each numeric column with at
 *       least two finite values. PSI rather than the Kolmogorov–Smirnov test ({@link Checks#ks}):
 *       it is a distance, so a large batch does not turn a harmless shift into a significant one,
 *       as a test's p-value does; and it works the same from a baseline profile that keeps exact
 *       values and from one that keeps only a KLL sketch (a large baseline), where KS's D is
 *       only within the sketch's rank error;</li>
 *   <li>the <b>chi-square</b> test of the category shares ({@link Checks#chiSquare}, at
 *       significance level {@value ChiSquareCheck#DEFAULT_ALPHA}) for each column that gets an
 *       allowed-values check, whose counts the profile keeps exactly, as the test needs.</li>
 * </ul>
 * Immutable.
 */
public final class CheckSuggester {
    /** The default largest number of categories that an allowed-values check lists. */
    public static final int DEFAULT_MAX_CATEGORIES = 50;
    private static final double Z_95 = 1.959963984540054;

    private final int maxCategories;
    private final boolean referenceChecks;

    private CheckSuggester(int maxCategories, boolean referenceChecks) {
        if (maxCategories < 1) {
            throw new IllegalArgumentException("maxCategories must be at least 1 but was " + maxCategories);
        }
        this.maxCategories = maxCategories;
        this.referenceChecks = referenceChecks;
    }

    /**
     * @return a suggester with {@value #DEFAULT_MAX_CATEGORIES} categories at most per
     *     allowed-values check and no reference checks
     */
    public static CheckSuggester defaults() {
        return new CheckSuggester(DEFAULT_MAX_CATEGORIES, false);
    }

    /**
     * @param max the largest number of categories an allowed-values check lists, at least 1
     * @return a suggester with that limit
     * @throws IllegalArgumentException if {@code max} is below 1
     */
    public CheckSuggester withMaxCategories(int max) {
        return new CheckSuggester(max, referenceChecks);
    }

    /** @return the largest number of categories an allowed-values check lists */
    public int maxCategories() {
        return maxCategories;
    }

    /**
     * @param propose true to propose distribution checks against the baseline (PSI per numeric
     *     column, chi-square per categorical column with a domain) at warning severity, as the
     *     class javadoc says
     * @return a suggester that proposes them, or not
     */
    public CheckSuggester withReferenceChecks(boolean propose) {
        return new CheckSuggester(maxCategories, propose);
    }

    /** @return true if this suggester proposes distribution checks against the baseline */
    public boolean referenceChecks() {
        return referenceChecks;
    }

    /**
     * Proposes a suite.
     *
     * @param baseline the baseline's profile
     * @param name the suite's name
     * @return the suite and the rationale of each check
     * @throws IllegalArgumentException if the name is blank or the profile has no column
     */
    public SuggestedSuite suggest(DatasetProfile baseline, String name) {
        Objects.requireNonNull(baseline, "baseline");
        if (baseline.columns().isEmpty()) {
            throw new IllegalArgumentException("cannot suggest checks from a profile without columns");
        }
        long rows = baseline.rowCount();
        List<Suggestion> suggestions = new ArrayList<>();
        List<ExpectedColumn> expected = new ArrayList<>();
        for (ColumnProfile column : baseline.columns()) {
            expected.add(new ExpectedColumn(column.name(), column.type(), true));
        }
        suggestions.add(new Suggestion(new SchemaCheck(expected, false, false, Severity.ERROR),
                "the baseline has these " + expected.size() + " columns and types"));
        if (rows > 0) {
            for (ColumnProfile column : baseline.columns()) {
                suggestions.add(completeness(column, rows));
                if (column instanceof NumericProfile numeric) {
                    suggestions.addAll(ranges(numeric));
                } else if (column instanceof CategoricalProfile categorical) {
                    suggestions.addAll(categories(categorical));
                }
            }
        }
        CheckSuite suite = CheckSuite.builder(name).addAll(suggestions.stream().map(Suggestion::check).toList()).build();
        return new SuggestedSuite(suite, suggestions);
    }

    private static Suggestion completeness(ColumnProfile column, long rows) {
        if (column.missing() == 0) {
            return new Suggestion(new CompletenessCheck(column.name(), 1.0, Severity.ERROR),
                    "no missing value in " + rows + " rows");
        }
        double share = (double) (rows - column.missing()) / rows;
        double lower = share - Z_95 * Math.sqrt(share * (1 - share) / rows);
        double min = Math.max(0.0, Math.floor(lower * 100) / 100);
        return new Suggestion(new CompletenessCheck(column.name(), min, Severity.WARNING),
                String.format(Locale.ROOT, "%.2f%% present in %d rows; %.2f is below the 95%% interval's lower end",
                        100 * share, rows, min));
    }

    private List<Suggestion> ranges(NumericProfile numeric) {
        if (numeric.finite() == 0) {
            return List.of();
        }
        List<Suggestion> suggestions = new ArrayList<>();
        suggestions.add(range(numeric));
        if (referenceChecks && numeric.finite() >= 2) {
            suggestions.add(new Suggestion(Checks.psi(numeric.name()).withSeverity(Severity.WARNING),
                    "the population stability index against the baseline at most "
                            + ReadableText.number(PsiCheck.DEFAULT_MAX) + " (" + PsiCheck.DEFAULT_BINS
                            + " quantile bins of its " + numeric.finite() + " finite values); above it the shift"
                            + " is significant by the usual rule"));
        }
        return suggestions;
    }

    private static Suggestion range(NumericProfile numeric) {
        double min = numeric.min().orElseThrow();
        double max = numeric.max().orElseThrow();
        long present = numeric.count() - numeric.missing();
        long nonFinite = present - numeric.finite();
        double mostly = nonFinite == 0 ? 1.0 : Math.floor(1e4 * numeric.finite() / present) / 1e4;
        String also = nonFinite == 0 ? "" : String.format(Locale.ROOT,
                "; %d NaN or infinite of %d present values, so at least %s must pass", nonFinite, present,
                ReadableText.number(mostly));
        if (min >= 0) {
            return new Suggestion(
                    new RangeCheck(numeric.name(), 0.0, Double.POSITIVE_INFINITY, mostly, Severity.ERROR),
                    "no negative value; the smallest is " + ReadableText.number(min) + also);
        }
        return new Suggestion(new RangeCheck(numeric.name(), min, max, mostly, Severity.WARNING),
                "the baseline's finite values lie in [" + ReadableText.number(min) + ", " + ReadableText.number(max) + "]"
                        + also);
    }

    private List<Suggestion> categories(CategoricalProfile categorical) {
        List<Suggestion> suggestions = new ArrayList<>();
        if (categorical.distinctMethod() != Method.EXACT || categorical.count() == categorical.missing()) {
            return suggestions;
        }
        long present = categorical.count() - categorical.missing();
        long distinct = categorical.distinct();
        if (categorical.type() != ColumnType.TEXT && distinct <= maxCategories && distinct < present) {
            SortedMap<String, Long> counts = categorical.exactCounts().orElseThrow();
            suggestions.add(new Suggestion(new AllowedValuesCheck(categorical.name(), List.copyOf(counts.keySet()), 0.0,
                    Severity.ERROR), distinct + " distinct value" + (distinct == 1 ? "" : "s") + " in " + present
                            + " present rows"));
            if (referenceChecks) {
                suggestions.add(new Suggestion(Checks.chiSquare(categorical.name()).withSeverity(Severity.WARNING),
                        "the same category shares as the baseline's " + present + " present rows (chi-square test,"
                                + " p-value at least " + ReadableText.number(ChiSquareCheck.DEFAULT_ALPHA) + ")"));
            }
        }
        if (distinct == present && present >= 2) {
            suggestions.add(new Suggestion(new UniquenessCheck(List.of(categorical.name()), false, 1.0, Severity.ERROR),
                    "each of the " + present + " present values occurs once"));
        }
        return suggestions;
    }
}
