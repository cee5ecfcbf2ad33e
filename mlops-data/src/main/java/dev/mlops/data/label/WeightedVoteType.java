package dev.mlops.data.label;

import dev.mlops.core.component.ComponentType;

/**
 * The component type {@code weighted-vote}: each label scores its workers' weights, given or learned from gold labels, built from {@link WeightedVoteSettings}. Listed in
 * {@code META-INF/services/dev.mlops.core.component.ComponentType}; immutable and thread-safe.
 */
public final class WeightedVoteType extends ComponentType<LabelAggregator, WeightedVoteSettings> {

    /** Describes the type, for {@link java.util.ServiceLoader}. */
    public WeightedVoteType() {
        super(LabelAggregator.class, WeightedVote.TYPE, WeightedVoteSettings.class, "each label scores its workers' weights, given or learned from gold labels");
    }

    /**
     * Builds the aggregator.
     *
     * @param settings the settings, already checked
     * @return the aggregator, equal to the one {@link LabelAggregators} returns for the same settings
     */
    @Override
    public LabelAggregator create(WeightedVoteSettings settings) {
        return new WeightedVote(settings);
    }
}
