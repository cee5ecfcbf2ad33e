/**
 * Training. What lives here now: the adapter that splits a Tribuo {@code Dataset} with any
 * {@code dev.mlops.data.split.Splitter} ({@link dev.mlops.train.TribuoSplits}, returning a
 * {@link dev.mlops.train.TribuoSplit}: the split artifact and one {@code MutableDataset} per
 * set), and {@link dev.mlops.train.TribuoKeys}, the key columns (label, metadata value, metadata
 * timestamp) that stratified, grouped and temporal splitters read from Tribuo examples.
 *
 * <p>The sub-packages: any model behind {@code dev.mlops.train.predict.Predictor}, Tribuo's
 * through {@code dev.mlops.train.tribuo}; experiments, baselines and the runner with its
 * leaderboard ({@code dev.mlops.train.experiment}); cross-validation and search
 * ({@code dev.mlops.train.selection}); metrics and significance ({@code dev.mlops.train.metrics},
 * {@code dev.mlops.train.significance}); error analysis and slice metrics
 * ({@code dev.mlops.train.analysis}); feature value ({@code dev.mlops.train.features});
 * troubleshooting ({@code dev.mlops.train.troubleshoot}); tracking ({@code dev.mlops.train.tracking}).
 *
 * <p>Tribuo logs through {@code java.util.logging}; nothing here configures logging.
 */
@NullMarked
package dev.mlops.train;

import org.jspecify.annotations.NullMarked;
