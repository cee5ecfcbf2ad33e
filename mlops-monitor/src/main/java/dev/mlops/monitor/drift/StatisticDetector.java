package dev.mlops.monitor.drift;

import dev.mlops.core.component.AbstractComponent;
import dev.mlops.data.stat.TwoSampleResult;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A detector that is one statistic of {@code dev.mlops.data.stat} and a threshold: the built-in
 * tests and distances. Immutable and thread-safe.
 *
 * @param <S> the settings record
 */
final class StatisticDetector<S extends Record> extends AbstractComponent<S> implements DriftDetector {
    private final Statistic statistic;
    private final DriftResult.Rule rule;
    private final double threshold;

    StatisticDetector(String type, S settings, Statistic statistic, DriftResult.Rule rule, double threshold) {
        super(type, settings);
        this.statistic = statistic;
        this.rule = rule;
        this.threshold = threshold;
    }

    @Override
    public DriftResult detect(Sample current, Reference reference) {
        TwoSampleResult r = statistic.compute(type(), current, reference);
        OptionalDouble p = rule == DriftResult.Rule.P_VALUE_BELOW ? r.pValue() : OptionalDouble.empty();
        if (rule == DriftResult.Rule.P_VALUE_BELOW && p.isEmpty()) {
            throw new IllegalArgumentException("detector '" + type() + "' could not compute a p-value: the "
                    + r.test() + " statistic was " + r.statistic() + " (a mean or variance that overflowed)");
        }
        return new DriftResult(type(), r.test(), r.statistic(), p, r.method(), r.referenceError(), rule, threshold,
                OptionalDouble.empty(), r.currentSize(), r.referenceSize());
    }

    @Override
    public Set<Sample.Kind> kinds() {
        return statistic.kinds();
    }

    @Override
    public boolean needsRawReference() {
        return statistic.needsRawReference();
    }
}
