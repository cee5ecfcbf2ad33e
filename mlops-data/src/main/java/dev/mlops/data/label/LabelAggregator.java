package dev.mlops.data.label;

import dev.mlops.core.component.Component;

/**
 * Consolidates crowd annotations into one label per item.
 *
 * <p>The contract, which {@code dev.mlops.testkit.LabelAggregatorContract} checks for any
 * implementation: the result has exactly one {@link ConsolidatedLabel} per item of the
 * annotations, in the items' order; every label it gives is one of the annotations' labels;
 * confidence and agreement are in [0, 1]; an item all of whose annotations agree gets that label
 * with agreement 1; an item the method cannot label (a tie its {@link TiePolicy} does not break,
 * too few votes) is unresolved and says why, rather than getting an invented label; the same
 * annotations, in any order, give an equal result (every random choice is seeded); worker
 * quality is reported where the method estimates it; the result names the aggregator's
 * {@link #spec()}. Implementations are immutable and thread-safe.
 *
 * <p>An aggregator is a {@link Component}: its type name and settings rebuild an equal
 * aggregator through {@link dev.mlops.core.component.ComponentRegistry}, as in
 * {@code registry.create(LabelAggregator.class, "majority-vote(tie=random, seed=7)")}. The
 * built-in types are {@code majority-vote} ({@link MajorityVoteSettings}), {@code weighted-vote}
 * ({@link WeightedVoteSettings}) and {@code dawid-skene} ({@link DawidSkeneSettings}). An
 * implementation builds its results with {@link ConsolidatedLabel#resolved} and
 * {@link ConsolidatedLabel#unresolved}.
 */
public interface LabelAggregator extends Component {

    /**
     * Consolidates the annotations.
     *
     * @param annotations the annotations, validated and indexed
     * @return one result per item, and worker quality where the method estimates it
     * @throws AnnotationException if the annotations do not fit the method's settings (a
     *     worker without a weight, gold labels for no annotated item)
     */
    AggregationResult aggregate(Annotations annotations);
}
