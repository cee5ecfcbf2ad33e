package dev.mlops.monitor.change;

import dev.mlops.core.component.AbstractComponent;

/** The two-sided tabular CUSUM; see {@link ChangeDetectors#cusum(CusumSettings)}. */
final class Cusum extends AbstractComponent<CusumSettings> implements ChangeDetector {
    static final String NAME = "cusum";

    Cusum(CusumSettings settings) {
        super(NAME, settings);
    }

    @Override
    public ChangeTracker start() {
        CusumSettings s = settings();
        return new LevelTracker(NAME, s.k(), s.h(), s.warmup(), false, s.target(), s.sigma());
    }
}
