package dev.mlops.data.label;

import dev.mlops.core.component.ComponentType;

/**
 * The component type {@code dawid-skene}: Dawid-Skene EM over per-worker confusion matrices, built from {@link DawidSkeneSettings}. Listed in
 * {@code META-INF/services/dev.mlops.core.component.ComponentType}; immutable and thread-safe.
 */
public final class DawidSkeneType extends ComponentType<LabelAggregator, DawidSkeneSettings> {

    /** Describes the type, for {@link java.util.ServiceLoader}. */
    public DawidSkeneType() {
        super(LabelAggregator.class, DawidSkene.TYPE, DawidSkeneSettings.class, "Dawid-Skene EM over per-worker confusion matrices");
    }

    /**
     * Builds the aggregator.
     *
     * @param settings the settings, already checked
     * @return the aggregator, equal to the one {@link LabelAggregators} returns for the same settings
     */
    @Override
    public LabelAggregator create(DawidSkeneSettings settings) {
        return new DawidSkene(settings);
    }
}
