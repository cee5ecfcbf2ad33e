package dev.mlops.train.metrics;

/** What every built-in metric shares: its stable name and direction, and the name as its text. */
abstract class NamedMetric implements Metric {
    private final String name;
    private final boolean higherIsBetter;

    NamedMetric(String name, boolean higherIsBetter) {
        this.name = name;
        this.higherIsBetter = higherIsBetter;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** @return the metric's name */
    @Override
    public final String toString() {
        return name;
    }
}
