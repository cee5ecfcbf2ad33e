package dev.mlops.monitor.change;

import dev.mlops.core.component.ComponentType;

/**
 * The component types of the built-in change detectors, registered for
 * {@link java.util.ServiceLoader}: spec strings such as {@code page-hinkley(delta=0.5, lambda=8, warmup=30)}
 * or {@code cusum(k=0.5, h=5, warmup=0, target=0.1, sigma=0.02)} rebuild them through a
 * {@link dev.mlops.core.component.ComponentRegistry}.
 */
public final class ChangeDetectorTypes {

    private ChangeDetectorTypes() {
        throw new AssertionError("no instances");
    }

    /** {@code "page-hinkley"}: the two-sided Page–Hinkley test. */
    public static final class PageHinkleyType extends ComponentType<ChangeDetector, PageHinkleySettings> {

        /** Describes the type. */
        public PageHinkleyType() {
            super(ChangeDetector.class, PageHinkley.NAME, PageHinkleySettings.class,
                    "two-sided Page-Hinkley test on a metric series, in units of its standard deviation");
        }

        @Override
        public ChangeDetector create(PageHinkleySettings settings) {
            return new PageHinkley(settings);
        }
    }

    /** {@code "cusum"}: the two-sided tabular CUSUM. */
    public static final class CusumType extends ComponentType<ChangeDetector, CusumSettings> {

        /** Describes the type. */
        public CusumType() {
            super(ChangeDetector.class, Cusum.NAME, CusumSettings.class,
                    "two-sided tabular CUSUM on a metric series, in units of its standard deviation");
        }

        @Override
        public ChangeDetector create(CusumSettings settings) {
            return new Cusum(settings);
        }
    }
}
