package dev.mlops.data.label;

import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link LabelAggregator} made of a set of {@link Annotations}: one
 * {@link ConsolidatedLabel} per item, in the items' natural order, and the workers' estimated
 * quality where the method estimates it.
 *
 * @param aggregator the spec of the aggregator that made it: its type and settings, which
 *     rebuild it through {@link dev.mlops.core.component.ComponentRegistry}
 * @param labels the labels of the annotations, in natural order
 * @param items one result per item, sorted by item id without repeats
 * @param workers one quality per worker the method rated, sorted by worker id; empty if none
 * @param priors the estimated share of each label among the true labels, in label order; empty
 *     if the method does not estimate them
 * @param iterations how many iterations an iterative method ran; 0 for a one-pass method
 * @param converged whether an iterative method met its tolerance; true for a one-pass method
 */
public record AggregationResult(ComponentSpec aggregator, List<String> labels, List<ConsolidatedLabel> items,
        List<WorkerQuality> workers, Map<String, Double> priors, int iterations, boolean converged) {

    /**
     * Checks and copies the parts.
     *
     * @param aggregator the spec of the aggregator that made it: its type and settings, which
     *     rebuild it through {@link dev.mlops.core.component.ComponentRegistry}
     * @param labels the labels of the annotations, in natural order
     * @param items one result per item, sorted by item id without repeats
     * @param workers one quality per worker the method rated, sorted by worker id; empty if none
     * @param priors the estimated share of each label among the true labels, in label order; empty
     *     if the method does not estimate them
     * @param iterations how many iterations an iterative method ran; 0 for a one-pass method
     * @param converged whether an iterative method met its tolerance; true for a one-pass method
     * @throws IllegalArgumentException if the items or workers are not sorted by id or repeat one,
     *     or iterations is negative
     */
    public AggregationResult {
        Objects.requireNonNull(aggregator, "aggregator");
        labels = List.copyOf(labels);
        items = List.copyOf(items);
        workers = List.copyOf(workers);
        priors = Collections.unmodifiableMap(new LinkedHashMap<>(priors));
        for (int i = 1; i < items.size(); i++) {
            if (items.get(i - 1).item().compareTo(items.get(i).item()) >= 0) {
                throw new IllegalArgumentException("items must be sorted by id without repeats but '"
                        + items.get(i - 1).item() + "' came before '" + items.get(i).item() + "'");
            }
        }
        for (int j = 1; j < workers.size(); j++) {
            if (workers.get(j - 1).worker().compareTo(workers.get(j).worker()) >= 0) {
                throw new IllegalArgumentException("workers must be sorted by id without repeats but '"
                        + workers.get(j - 1).worker() + "' came before '" + workers.get(j).worker() + "'");
            }
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must not be negative but was " + iterations);
        }
    }

    /**
     * Returns the result of one item.
     *
     * @param item the item's id
     * @return its result, or empty if the annotations had no such item
     */
    public Optional<ConsolidatedLabel> item(String item) {
        int low = 0;
        int high = items.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = items.get(middle).item().compareTo(item);
            if (order == 0) {
                return Optional.of(items.get(middle));
            } else if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the consolidated label of an item.
     *
     * @param item the item's id
     * @return the label, or empty if the item is unknown or unresolved
     */
    public Optional<String> label(String item) {
        return item(item).flatMap(ConsolidatedLabel::label);
    }

    /**
     * Returns the quality of one worker.
     *
     * @param worker the worker's id
     * @return the quality, or empty if the method did not rate this worker
     */
    public Optional<WorkerQuality> worker(String worker) {
        return workers.stream().filter(w -> w.worker().equals(worker)).findFirst();
    }

    /** @return the items without a consolidated label, unmodifiable */
    public List<ConsolidatedLabel> unresolved() {
        return items.stream().filter(item -> !item.isResolved()).toList();
    }

    /**
     * Returns the items to send for re-labelling: those whose agreement is below a threshold,
     * and every unresolved item.
     *
     * @param threshold an agreement in [0, 1]
     * @return the items, in item order, unmodifiable
     * @throws IllegalArgumentException if the threshold is outside [0, 1]
     */
    public List<ConsolidatedLabel> lowAgreement(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1] but was " + threshold);
        }
        return items.stream().filter(item -> !item.isResolved() || item.agreement() < threshold).toList();
    }

    /**
     * Returns the workers biased toward one answer, by the rule of {@link WorkerQuality}.
     *
     * @return those workers, sorted by id, unmodifiable; empty when the method does not estimate bias
     */
    public List<WorkerQuality> biasedWorkers() {
        return workers.stream().filter(w -> w.biasedToward() != null).toList();
    }

    /** @return the workers whose estimated accuracy is at or below chance, unmodifiable */
    public List<WorkerQuality> workersAtOrBelowChance() {
        return workers.stream().filter(WorkerQuality::atOrBelowChance).toList();
    }

    /**
     * Returns the items as a table, for {@link dev.mlops.data.io.CsvFormat} or
     * {@link dev.mlops.data.io.JsonLinesFormat}: columns {@code item}, {@code label} (missing
     * when unresolved), {@code confidence}, {@code agreement}, {@code votes} and
     * {@code unresolved} (the reason, missing when resolved).
     *
     * @return the table, one row per item
     */
    public Table toTable() {
        CategoricalColumn.Builder item = CategoricalColumn.builder("item");
        CategoricalColumn.Builder label = CategoricalColumn.builder("label");
        CategoricalColumn.Builder reason = CategoricalColumn.builder("unresolved");
        double[] confidence = new double[items.size()];
        double[] agreement = new double[items.size()];
        double[] votes = new double[items.size()];
        for (int i = 0; i < items.size(); i++) {
            ConsolidatedLabel result = items.get(i);
            item.add(result.item());
            result.label().ifPresentOrElse(label::add, label::addMissing);
            result.unresolved().ifPresentOrElse(r -> reason.add(r.name()), reason::addMissing);
            confidence[i] = result.confidence();
            agreement[i] = result.agreement();
            votes[i] = result.votes();
        }
        return Table.of(item.build(), label.build(), NumericColumn.of("confidence", confidence),
                NumericColumn.of("agreement", agreement), NumericColumn.of("votes", votes), reason.build());
    }

    /**
     * Returns the workers' quality as a table: columns {@code worker}, {@code annotations},
     * {@code accuracy}, {@code chance} and {@code at_or_below_chance}.
     *
     * @return the table, one row per rated worker
     */
    public Table workersTable() {
        CategoricalColumn.Builder worker = CategoricalColumn.builder("worker");
        double[] annotations = new double[workers.size()];
        double[] accuracy = new double[workers.size()];
        double[] chance = new double[workers.size()];
        List<Boolean> flagged = new ArrayList<>(workers.size());
        for (int j = 0; j < workers.size(); j++) {
            WorkerQuality quality = workers.get(j);
            worker.add(quality.worker());
            annotations[j] = quality.annotations();
            accuracy[j] = quality.accuracy();
            chance[j] = quality.chance();
            flagged.add(quality.atOrBelowChance());
        }
        return Table.builder().add(worker.build()).numeric("annotations", annotations).numeric("accuracy", accuracy)
                .numeric("chance", chance).bool("at_or_below_chance", flagged.toArray(new Boolean[0])).build();
    }
}
