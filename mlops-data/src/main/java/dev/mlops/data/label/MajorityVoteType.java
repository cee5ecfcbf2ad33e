package dev.mlops.data.label;

import dev.mlops.core.component.ComponentType;

/**
 * The component type {@code majority-vote}: the label most annotations give, built from {@link MajorityVoteSettings}. Listed in
 * {@code META-INF/services/dev.mlops.core.component.ComponentType}; immutable and thread-safe.
 */
public final class MajorityVoteType extends ComponentType<LabelAggregator, MajorityVoteSettings> {

    /** Describes the type, for {@link java.util.ServiceLoader}. */
    public MajorityVoteType() {
        super(LabelAggregator.class, MajorityVote.TYPE, MajorityVoteSettings.class, "the label most annotations give");
    }

    /**
     * Builds the aggregator.
     *
     * @param settings the settings, already checked
     * @return the aggregator, equal to the one {@link LabelAggregators} returns for the same settings
     */
    @Override
    public LabelAggregator create(MajorityVoteSettings settings) {
        return new MajorityVote(settings);
    }
}
