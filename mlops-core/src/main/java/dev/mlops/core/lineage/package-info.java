/**
 * Lineage: what a run, a registered model or a feature read was made from.
 * {@link dev.mlops.core.lineage.LineageInput} names one input (a table, a split, a feature group,
 * a model) with its version or content {@link dev.mlops.core.table.Fingerprint} and, for inputs
 * read as of a time window, the window's bounds; tracking records a run's inputs with it, the
 * registry carries them to a model version, and the feature store fills in its groups and as-of
 * bounds.
 */
@NullMarked
package dev.mlops.core.lineage;

import org.jspecify.annotations.NullMarked;
