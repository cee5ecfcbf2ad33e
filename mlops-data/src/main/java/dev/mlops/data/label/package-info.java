/**
 * Consolidating crowd labels: {@link dev.mlops.data.label.Annotations} (validated, indexed
 * (item, worker, label) triples, from code or from a {@link dev.mlops.core.table.Table} read as
 * CSV or JSON Lines), the {@link dev.mlops.data.label.LabelAggregator} interface and its built-in
 * implementations behind {@link dev.mlops.data.label.LabelAggregators}: majority vote, weighted
 * vote (given weights or weights learned from gold items) and Dawid–Skene EM. An
 * {@link dev.mlops.data.label.AggregationResult} holds one
 * {@link dev.mlops.data.label.ConsolidatedLabel} per item, with confidence, agreement and, where
 * the item stays unresolved, the reason, plus {@link dev.mlops.data.label.WorkerQuality} where
 * the method estimates it.
 */
@NullMarked
package dev.mlops.data.label;

import org.jspecify.annotations.NullMarked;
