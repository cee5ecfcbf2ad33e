package dev.mlops.train.troubleshoot;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Table;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentContext;
import dev.mlops.train.experiment.ExperimentResult;
import dev.mlops.train.metrics.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A learning curve: the experiment trained on growing shares of the training rows (nested
 * seeded subsets, each holding the one before), measured on those rows and on the validation
 * rows, so that a user sees whether more data would help: a validation metric still improving
 * at the largest size says yes, a flat one says the model, not the data, limits it.
 *
 * @param experiment the experiment's spec
 * @param metric the metric measured
 * @param higherIsBetter the metric's direction
 * @param points one point per size, smallest first
 */
public record LearningCurve(String experiment, String metric, boolean higherIsBetter, List<Point> points) {
    /** The shares of the training rows used by default. */
    public static final List<Double> DEFAULT_SHARES = List.of(0.1, 0.25, 0.5, 0.75, 1.0);

    /**
     * Copies the points.
     *
     * @param experiment the spec
     * @param metric the metric
     * @param higherIsBetter its direction
     * @param points the points
     */
    public LearningCurve {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(metric, "metric");
        points = List.copyOf(points);
    }

    /**
     * One size of the curve.
     *
     * @param rows the training rows used
     * @param train the metric on those rows
     * @param validation the metric on the validation rows
     */
    public record Point(int rows, double train, double validation) {
    }

    /**
     * Trains the experiment on growing shares of the context's training rows.
     *
     * @param experiment the experiment
     * @param context the full context; its first metric is measured
     * @param shares the shares of the training rows, increasing, in (0, 1]
     * @return the curve
     * @throws IllegalArgumentException if the shares are empty, not increasing or out of range
     */
    public static LearningCurve of(Experiment experiment, ExperimentContext context, List<Double> shares) {
        Objects.requireNonNull(experiment, "experiment");
        double previous = 0;
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("a learning curve needs at least one share");
        }
        for (double share : shares) {
            if (!(share > previous && share <= 1)) {
                throw new IllegalArgumentException("shares must increase within (0, 1], but were " + shares);
            }
            previous = share;
        }
        Table train = context.train();
        int[] order = shuffled(train.rowCount(), context.seed().derive("learning-curve/rows"));
        Metric metric = context.metrics().get(0);
        List<Point> points = new ArrayList<>();
        for (double share : shares) {
            int rows = Math.max(1, (int) Math.round(share * train.rowCount()));
            int[] subset = Arrays.copyOf(order, rows);
            Arrays.sort(subset);
            Table part = train.rows(subset);
            ExperimentContext smaller = ExperimentContext.of(part, context.validation(), context.label(), context.seed(),
                    List.of(metric), context.slices(), null);
            ExperimentResult result = experiment.run(smaller);
            double onTrain = metric.compute(part.column(context.label()), result.model().predict(part));
            points.add(new Point(rows, onTrain, result.metrics().get(metric.name())));
        }
        return new LearningCurve(experiment.spec().toString(), metric.name(), metric.higherIsBetter(), points);
    }

    private static int[] shuffled(int size, Seed seed) {
        SplittableRandom random = seed.random();
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /**
     * The validation metric's improvement per doubling of the rows between the last two points:
     * positive means better (whatever the metric's direction).
     *
     * @return the improvement per doubling, or NaN with fewer than two points
     */
    public double improvementPerDoubling() {
        if (points.size() < 2) {
            return Double.NaN;
        }
        Point last = points.get(points.size() - 1);
        Point before = points.get(points.size() - 2);
        double doublings = Math.log((double) last.rows() / before.rows()) / Math.log(2);
        double change = (last.validation() - before.validation()) / doublings;
        return higherIsBetter ? change : -change;
    }

    /**
     * Whether more data would likely help: the validation metric still improved by more than the
     * tolerance per doubling of the rows at the end of the curve.
     *
     * @param tolerance the least improvement per doubling that counts, at least 0
     * @return true if it improved by more than that
     */
    public boolean moreDataWouldHelp(double tolerance) {
        return improvementPerDoubling() > tolerance;
    }
}
