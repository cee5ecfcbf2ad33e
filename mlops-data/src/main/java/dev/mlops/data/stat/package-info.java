/**
 * Two-sample tests and distances that the data checks ({@code dev.mlops.data.check}) and
 * mlops-monitor's drift detectors share, so that no statistic is written twice.
 *
 * <p>Each statistic is one final class of static methods that compare a <em>current</em> sample
 * with a <em>reference</em> and return a {@link dev.mlops.data.stat.TwoSampleResult}: the
 * statistic, the p-value of a test (empty for a distance), both sample sizes, the
 * {@link dev.mlops.data.stat.TestMethod} that produced them and, when the reference was read from
 * a sketch, the bound on its error. Arguments are always in the order {@code (current, reference)}.
 * Where the statistic allows, the reference may be a column of a stored
 * {@link dev.mlops.data.profile.DatasetProfile} ({@link dev.mlops.data.profile.NumericProfile},
 * {@link dev.mlops.data.profile.CategoricalProfile}) instead of raw values:
 * <ul>
 *   <li>{@link dev.mlops.data.stat.KolmogorovSmirnov}: numeric; raw values, or a profile that
 *       keeps its values (exact) or holds a KLL sketch (within its rank error).
 *   <li>{@link dev.mlops.data.stat.WelchTTest}: numeric; raw values, or any numeric profile, from
 *       its count, mean and variance ({@link dev.mlops.data.stat.Moments}).
 *   <li>{@link dev.mlops.data.stat.ChiSquareTest}: category counts; a profile only while it keeps
 *       exact counts.
 *   <li>{@link dev.mlops.data.stat.PopulationStability}: numeric, in reference quantile bins, or
 *       categories; raw values, or a profile, exact or sketched.
 *   <li>{@link dev.mlops.data.stat.JensenShannon}: the same bins as the PSI, so the same
 *       references.
 *   <li>{@link dev.mlops.data.stat.Wasserstein}: numeric; raw values on both sides (plain, or
 *       normalized by the reference's standard deviation).
 *   <li>{@link dev.mlops.data.stat.CdfDistance}: the L∞ distance between the distribution
 *       functions (numbers) or shares (categories), SageMaker Model Monitor's; raw values, or a
 *       profile, exact or sketched.
 * </ul>
 * The p-values and statistics on the exact path are checked against scipy 1.10.1 in the tests.
 *
 * <p>Besides the two-sample statistics, the arithmetic of model quality that mlops-train's
 * metrics and mlops-monitor's quality monitoring share: {@link dev.mlops.data.stat.ConfusionMatrix}
 * (accuracy, per-class and macro precision, recall and F1 over class indices),
 * {@link dev.mlops.data.stat.RegressionErrors} (RMSE, MAE, R² over two arrays),
 * {@link dev.mlops.data.stat.Quantiles} (exact, numpy's linear method) and
 * {@link dev.mlops.data.stat.Histogram} (numpy's equal-width bins), checked against sklearn 1.2.1
 * and numpy 1.24.2.
 *
 * <p>Everything here is stateless and thread-safe; arguments are never changed (arrays are
 * copied before sorting). Bad input (an empty or too small sample, NaN or an infinity in a
 * sample, a negative count, counts of different lengths, a sketch-only reference where exact
 * counts are needed) is refused with an {@link java.lang.IllegalArgumentException} whose message
 * names the argument and the value.
 */
@NullMarked
package dev.mlops.data.stat;

import org.jspecify.annotations.NullMarked;
