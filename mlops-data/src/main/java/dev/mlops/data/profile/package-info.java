/**
 * Dataset profiles: one pass over a {@link dev.mlops.core.table.Table} gives a
 * {@link dev.mlops.data.profile.DatasetProfile} with one {@link dev.mlops.data.profile.ColumnProfile}
 * per column ({@link dev.mlops.data.profile.NumericProfile},
 * {@link dev.mlops.data.profile.CategoricalProfile} for categorical, text and boolean columns,
 * {@link dev.mlops.data.profile.TimestampProfile}).
 *
 * <p>Profiles are mergeable states: the merge of two partitions' profiles equals the profile of
 * their union, exactly for counts, minimum and maximum, within the stated bound for the
 * compensated sum, within 1e-12 relative for mean and variance (Chan's formula), and within the
 * sketches' stated error for KLL quantiles, HyperLogLog distinct counts and frequent items
 * (Apache DataSketches 6.2.0). Profiles are written to and read from versioned JSON, sketches
 * included, so stored profiles merge without the raw data. Profiles are immutable and
 * thread-safe.
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
