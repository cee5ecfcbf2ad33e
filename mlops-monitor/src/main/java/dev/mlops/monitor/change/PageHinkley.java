package dev.mlops.monitor.change;

import dev.mlops.core.component.AbstractComponent;

/** The two-sided Page–Hinkley test; see {@link ChangeDetectors#pageHinkley(PageHinkleySettings)}. */
final class PageHinkley extends AbstractComponent<PageHinkleySettings> implements ChangeDetector {
    static final String NAME = "page-hinkley";

    PageHinkley(PageHinkleySettings settings) {
        super(NAME, settings);
    }

    @Override
    public ChangeTracker start() {
        PageHinkleySettings s = settings();
        return new LevelTracker(NAME, s.delta(), s.lambda(), s.warmup(), true, null, s.sigma());
    }
}
