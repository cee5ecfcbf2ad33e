/**
 * Dataset profiles: one pass over a {@link dev.mlops.core.table.Table} gives a
 * {@link dev.mlops.data.profile.DatasetProfile} with one {@link dev.mlops.data.profile.ColumnProfile}
 * per column ({@link dev.mlops.data.profile.NumericProfile},
 * {@link dev.mlops.data.profile.CategoricalProfile} for categorical, text and boolean columns,
 * {@link dev.mlops.data.profile.TimestampProfile}).
 *
 * <p>Profiles are mergeable states: the merge of two partitions' profiles equals the profile of
 * their union, exactly for counts, minimum and maximum, within the stated bound for the
 * compensated sum, within the bound below for mean and variance, and within the sketches' stated
 * error for KLL quantiles, HyperLogLog distinct counts and frequent items (Apache DataSketches
 * 6.2.0). Profiles are written to and read from versioned JSON, sketches included, so stored
 * profiles merge without the raw data. Profiles are immutable and thread-safe.
 *
 * <p><b>A table in pieces</b> ({@link dev.mlops.data.io.TableSource}, such as a Parquet file read by
 * row group) is profiled one piece at a time and the pieces' profiles merged in order
 * ({@link dev.mlops.data.profile.DatasetProfile#of(dev.mlops.data.io.TableSource,
 * dev.mlops.data.profile.ProfileOptions, java.util.concurrent.Executor, java.time.Clock)}), with the
 * guarantees of a merge below and the fingerprint of the whole table; memory holds one piece and,
 * per column, at most the exact limits' values and counts beside the sketches.
 *
 * <p><b>Merged mean and variance</b> come from Chan et al.'s pairwise formula, which rounds at
 * each merge (a one-pass profile of more than 4096 values merges its blocks the same way). The
 * merged mean is within 1e-15 of the largest |value| of the exact mean. The merged variance's
 * error grows with the data's condition number κ = 1 + |mean| / standard deviation: it is within
 * 1e-14 × κ relative of the exact variance, so within 1e-12 relative while the mean is at most
 * about a hundred standard deviations from zero. Beyond that digits are lost in proportion: for
 * values whose mean dwarfs their spread the merged variance can be wrong in its leading digits
 * (50 longs just below 2^53 differing by units, κ ≈ 6e14, merged from four parts: 1.3e-3
 * relative, although their one-pass variance is exact), because each part's mean is rounded to
 * the doubles' spacing near the mean and the formula squares the differences of those means.
 * Subtract a constant near the mean (a known offset, the first value) before profiling such data.
 * {@code MergedMomentsTest} checks these bounds against exact (BigDecimal) moments, for parts cut
 * anywhere and means up to 1e14 standard deviations from zero.
 *
 * <p>A numeric column's KLL sketch is fed in radix-sorted blocks of 4096 finite values, of which
 * every 16th from a seeded random offset is kept with weight 16 (one unbiased compaction per
 * block, with less rank error than the four lowest KLL levels it stands in for); the sketch of
 * the kept values is then moved up four levels into a sketch of the whole column. This is what
 * makes a sketch of ten million values cost little more than one pass; the stated KLL rank error
 * still holds and is tested against true ranks.
 */
@NullMarked
package dev.mlops.data.profile;

import org.jspecify.annotations.NullMarked;
