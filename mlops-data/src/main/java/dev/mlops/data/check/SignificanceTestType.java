package dev.mlops.data.check;

import dev.mlops.core.component.ComponentType;
import dev.mlops.core.report.Severity;
import java.util.Objects;

/** The component type of a check built from {@link SignificanceTestSettings}: one per such check. */
abstract class SignificanceTestType extends ComponentType<Check, SignificanceTestSettings> {
    private final Factory factory;

    /** Builds a check from its column, level and severity: the check's canonical constructor. */
    @FunctionalInterface
    interface Factory {
        Check create(String column, double alpha, Severity severity);
    }

    SignificanceTestType(String name, String description, Factory factory) {
        super(Check.class, name, SignificanceTestSettings.class, description);
        this.factory = factory;
    }

    @Override
    public final Check create(SignificanceTestSettings settings) {
        return factory.create(settings.column(), Objects.requireNonNull(settings.alpha()),
                Objects.requireNonNull(settings.severity()));
    }
}
