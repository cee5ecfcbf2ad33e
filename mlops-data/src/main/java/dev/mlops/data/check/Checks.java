package dev.mlops.data.check;

import dev.mlops.core.predicate.RowPredicate;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Schema;
import java.util.Collection;
import java.util.List;

/**
 * The built-in checks, each with error severity and its strictest threshold until told otherwise:
 * <pre>{@code
 * CheckSuite suite = CheckSuite.builder("credit-g")
 *     .add(Checks.schema(credit.schema()))
 *     .add(Checks.complete("age"))
 *     .add(Checks.completeness("purpose").atLeast(0.95))
 *     .add(Checks.range("age", 18, 100).withMostly(0.99))
 *     .add(Checks.allowedValues("class", List.of("good", "bad")))
 *     .add(Checks.rows("adult", "age >= 18").withSeverity(Severity.WARNING))
 *     .add(Checks.ks("age").withAlpha(0.001))
 *     .add(Checks.psi("purpose"))
 *     .build();
 * CheckReport report = suite.run(batch, DatasetProfile.of(training));
 * }</pre>
 * The distribution checks ({@link #meanShift}, {@link #ks}, {@link #chiSquare}, {@link #psi})
 * compare a column with the same column of the run's reference profile, so a suite with one of
 * them runs only with a reference ({@link CheckSuite#run(dev.mlops.core.table.Table,
 * dev.mlops.data.profile.DatasetProfile)}).
 */
public final class Checks {

    private Checks() {
        throw new AssertionError("no instances");
    }

    /**
     * @param schema the expected schema
     * @return a check that the table has exactly these columns and types, in any order
     */
    public static SchemaCheck schema(Schema schema) {
        return SchemaCheck.of(schema);
    }

    /**
     * @param column the column
     * @return a check that the column has no missing value
     */
    public static CompletenessCheck complete(String column) {
        return new CompletenessCheck(column, 1.0, Severity.ERROR);
    }

    /**
     * @param column the column
     * @return a completeness check to be given its share with {@link CompletenessCheck#atLeast}
     *     (until then: no missing value)
     */
    public static CompletenessCheck completeness(String column) {
        return complete(column);
    }

    /**
     * @param columns the key's columns
     * @return a check that no two rows with a complete key share it
     */
    public static UniquenessCheck unique(String... columns) {
        return new UniquenessCheck(List.of(columns), false, 1.0, Severity.ERROR);
    }

    /**
     * @param columns the key's columns
     * @return a check that every row has a complete key that no other row has
     */
    public static UniquenessCheck primaryKey(String... columns) {
        return new UniquenessCheck(List.of(columns), true, 1.0, Severity.ERROR);
    }

    /**
     * @param column a numeric column
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return a check that every present value lies in {@code [min, max]}
     */
    public static RangeCheck range(String column, double min, double max) {
        return new RangeCheck(column, min, max, 1.0, Severity.ERROR);
    }

    /**
     * @param column a numeric column
     * @return a check that no present value is below zero
     */
    public static RangeCheck nonNegative(String column) {
        return range(column, 0.0, Double.POSITIVE_INFINITY);
    }

    /**
     * @param column the column
     * @param values the allowed values, as text
     * @return a check that every present value is allowed (tolerate a share of unseen values with
     *     {@link AllowedValuesCheck#toleratingUnseen})
     */
    public static AllowedValuesCheck allowedValues(String column, Collection<String> values) {
        return new AllowedValuesCheck(column, List.copyOf(values), 0.0, Severity.ERROR);
    }

    /**
     * @param column the column
     * @param min the fewest distinct present values
     * @param max the most distinct present values
     * @return a check of the column's cardinality
     */
    public static CardinalityCheck cardinality(String column, long min, long max) {
        return new CardinalityCheck(column, min, max, Severity.ERROR);
    }

    /**
     * @param column the column
     * @param regex a regular expression each whole value must match
     * @return a check that every present value matches
     */
    public static PatternCheck matches(String column, String regex) {
        return new PatternCheck(column, regex, 1.0, Severity.ERROR);
    }

    /**
     * @param label the check's name in reports
     * @param predicate a condition in the one predicate syntax, such as {@code "age >= 18"}
     * @return a check that every row satisfies it
     * @throws dev.mlops.core.predicate.PredicateSyntaxException if the predicate does not parse
     */
    public static PredicateCheck rows(String label, String predicate) {
        return new PredicateCheck(label, RowPredicate.parse(predicate), 1.0, Severity.ERROR);
    }

    /**
     * @param column a numeric column
     * @return a check that its mean has not shifted from the reference's, by Welch's t-test at
     *     significance level {@value MeanShiftCheck#DEFAULT_ALPHA} (change it with
     *     {@link MeanShiftCheck#withAlpha})
     */
    public static MeanShiftCheck meanShift(String column) {
        return new MeanShiftCheck(column, MeanShiftCheck.DEFAULT_ALPHA, Severity.ERROR);
    }

    /**
     * @param column a numeric column
     * @return a check that its distribution does not differ from the reference's, by the
     *     two-sample Kolmogorov-Smirnov test at significance level {@value KsCheck#DEFAULT_ALPHA}
     *     (change it with {@link KsCheck#withAlpha})
     */
    public static KsCheck ks(String column) {
        return new KsCheck(column, KsCheck.DEFAULT_ALPHA, Severity.ERROR);
    }

    /**
     * @param column a categorical, text or boolean column
     * @return a check that its category shares do not differ from the reference's, by the
     *     chi-square test of homogeneity at significance level {@value ChiSquareCheck#DEFAULT_ALPHA}
     *     (change it with {@link ChiSquareCheck#withAlpha})
     */
    public static ChiSquareCheck chiSquare(String column) {
        return new ChiSquareCheck(column, ChiSquareCheck.DEFAULT_ALPHA, Severity.ERROR);
    }

    /**
     * @param column a numeric, categorical, text or boolean column
     * @return a check that its population stability index against the reference is at most
     *     {@value PsiCheck#DEFAULT_MAX}, numeric values in {@value PsiCheck#DEFAULT_BINS} reference
     *     quantile bins (change them with {@link PsiCheck#withMax} and {@link PsiCheck#withBins})
     */
    public static PsiCheck psi(String column) {
        return new PsiCheck(column, PsiCheck.DEFAULT_BINS, PsiCheck.DEFAULT_MAX, Severity.ERROR);
    }
}
