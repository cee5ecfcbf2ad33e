/**
 * Baselines: what a model was trained on, stored for the monitoring jobs that compare production
 * data with it.
 *
 * <p>A {@link dev.mlops.monitor.baseline.Baseline} is made from a training
 * {@link dev.mlops.core.table.Table}: its schema, its {@link dev.mlops.data.profile.DatasetProfile},
 * a {@link dev.mlops.data.check.CheckSuite} that {@link dev.mlops.data.check.CheckSuggester}
 * proposes from that profile, the table's fingerprint and row count, and when it was made. It is
 * stored in a directory as versioned JSON documents, every column that the schema marks sensitive
 * sketch-only (DESIGN.md, "Raw values in profiles and captures"), and read back equal.
 * {@link dev.mlops.monitor.baseline.SageMakerExport} writes it in the shape of Amazon SageMaker
 * Model Monitor's {@code statistics.json} and {@code constraints.json}, so a team that monitors
 * with SageMaker can use a baseline made here.
 *
 * <p>Everything here is immutable and thread-safe. A directory that is not a readable baseline
 * (a file missing, corrupt, of a newer format version, or at odds with the others) is refused
 * with an error that names the file.
 */
@NullMarked
package dev.mlops.monitor.baseline;

import org.jspecify.annotations.NullMarked;
