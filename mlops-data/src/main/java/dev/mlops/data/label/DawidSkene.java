package dev.mlops.data.label;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Dawid and Skene's (1979) EM over per-worker confusion matrices and class priors, started from
 * majority-vote shares. Everything lives in primitive arrays indexed by item, worker and label.
 * Equal by settings.
 *
 * @param settings the EM and tie settings
 */
record DawidSkene(DawidSkeneSettings settings) implements LabelAggregator {
    /** The type name. */
    static final String TYPE = "dawid-skene";

    DawidSkene {
        Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return spec().toString();
    }

    @Override
    public AggregationResult aggregate(Annotations annotations) {
        int maxIterations = settings.maxIterations();
        double tolerance = settings.tolerance();
        int items = annotations.itemCount();
        int workers = annotations.workerCount();
        int k = annotations.labelCount();
        int[] start = new int[items + 1];
        for (int i = 0; i <= items; i++) {
            start[i] = annotations.start(i);
        }
        int[] worker = new int[annotations.size()];
        int[] label = new int[annotations.size()];
        for (int a = 0; a < worker.length; a++) {
            worker[a] = annotations.workerIndex(a);
            label[a] = annotations.labelIndex(a);
        }

        double[] posterior = new double[items * k];
        for (int i = 0; i < items; i++) {
            double share = 1.0 / (start[i + 1] - start[i]);
            for (int a = start[i]; a < start[i + 1]; a++) {
                posterior[i * k + label[a]] += share;
            }
        }
        double[] prior = new double[k];
        double[] confusion = new double[workers * k * k];
        double[] logPrior = new double[k];
        double[] logConfusion = new double[workers * k * k];
        double[] scores = new double[k];
        int iterations = 0;
        boolean converged = false;
        while (iterations < maxIterations && !converged) {
            iterations++;
            mStep(posterior, start, worker, label, k, prior, confusion);
            for (int c = 0; c < k; c++) {
                logPrior[c] = Math.log(prior[c]);
            }
            for (int x = 0; x < logConfusion.length; x++) {
                logConfusion[x] = Math.log(confusion[x]);
            }
            double change = 0;
            for (int i = 0; i < items; i++) {
                System.arraycopy(logPrior, 0, scores, 0, k);
                for (int a = start[i]; a < start[i + 1]; a++) {
                    int row = worker[a] * k * k + label[a];
                    for (int c = 0; c < k; c++) {
                        scores[c] += logConfusion[row + c * k];
                    }
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    max = Math.max(max, scores[c]);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    scores[c] = Math.exp(scores[c] - max);
                    sum += scores[c];
                }
                for (int c = 0; c < k; c++) {
                    double p = scores[c] / sum;
                    change = Math.max(change, Math.abs(p - posterior[i * k + c]));
                    posterior[i * k + c] = p;
                }
            }
            converged = change < tolerance;
        }
        return result(annotations, posterior, prior, confusion, iterations, converged);
    }

    /**
     * The label worker {@code j} is biased toward by {@link WorkerQuality}'s rule, or null.
     *
     * @param answers per worker and label, how often the worker gave the label
     * @param otherClass per worker and label, how many of the worker's annotations are on items
     *     whose estimated class is not that label
     */
    private static @org.jspecify.annotations.Nullable String bias(int j, int given, int[] answers, int[] otherClass,
            String[] labels) {
        int k = labels.length;
        if (given < WorkerQuality.BIAS_MIN_ANNOTATIONS) {
            return null;
        }
        int dominant = 0;
        for (int l = 1; l < k; l++) {
            if (answers[j * k + l] > answers[j * k + dominant]) {
                dominant = l;
            }
        }
        boolean dominates = answers[j * k + dominant] >= WorkerQuality.BIAS_DOMINANT_SHARE * given;
        boolean mixed = otherClass[j * k + dominant] >= WorkerQuality.BIAS_OTHER_CLASS_SHARE * given;
        return dominates && mixed ? labels[dominant] : null;
    }

    /** Class priors and row-normalised confusion counts, each with additive smoothing. */
    private void mStep(double[] posterior, int[] start, int[] worker, int[] label, int k, double[] prior,
            double[] confusion) {
        int items = start.length - 1;
        Arrays.fill(prior, 0.0);
        Arrays.fill(confusion, 0.0);
        for (int i = 0; i < items; i++) {
            int base = i * k;
            for (int c = 0; c < k; c++) {
                prior[c] += posterior[base + c];
            }
            for (int a = start[i]; a < start[i + 1]; a++) {
                int cell = worker[a] * k * k + label[a];
                for (int c = 0; c < k; c++) {
                    confusion[cell + c * k] += posterior[base + c];
                }
            }
        }
        double smoothing = settings.smoothing();
        for (int c = 0; c < k; c++) {
            prior[c] = (prior[c] + smoothing) / (items + k * smoothing);
        }
        for (int row = 0; row < confusion.length; row += k) {
            double sum = 0;
            for (int l = 0; l < k; l++) {
                confusion[row + l] += smoothing;
                sum += confusion[row + l];
            }
            for (int l = 0; l < k; l++) {
                confusion[row + l] /= sum;
            }
        }
    }

    private AggregationResult result(Annotations annotations, double[] posterior, double[] prior, double[] confusion,
            int iterations, boolean converged) {
        int k = annotations.labelCount();
        String[] labels = annotations.labels().toArray(new String[0]);
        List<String> items = annotations.items();
        List<ConsolidatedLabel> results = new ArrayList<>(items.size());
        Resolution resolution = new Resolution(settings.tiePolicy(), settings.minVotes(), annotations.labels());
        double[] score = new double[k];
        int[] counts = new int[k];
        for (int i = 0; i < items.size(); i++) {
            Arrays.fill(counts, 0);
            for (int a = annotations.start(i); a < annotations.start(i + 1); a++) {
                counts[annotations.labelIndex(a)]++;
            }
            System.arraycopy(posterior, i * k, score, 0, k);
            results.add(resolution.resolve(labels, items.get(i), score, counts,
                    annotations.start(i + 1) - annotations.start(i), false));
        }
        double chance = Arrays.stream(prior).max().orElse(0.0);
        int[] annotationCounts = new int[annotations.workerCount()];
        for (int a = 0; a < annotations.size(); a++) {
            annotationCounts[annotations.workerIndex(a)]++;
        }
        // per worker and label: how often the worker gave it, and how often on an item of another estimated class
        int[] answers = new int[annotations.workerCount() * k];
        int[] otherClass = new int[annotations.workerCount() * k];
        for (int i = 0; i < items.size(); i++) {
            int estimated = 0;
            for (int c = 1; c < k; c++) {
                if (posterior[i * k + c] > posterior[i * k + estimated]) {
                    estimated = c;
                }
            }
            for (int a = annotations.start(i); a < annotations.start(i + 1); a++) {
                int cell = annotations.workerIndex(a) * k;
                answers[cell + annotations.labelIndex(a)]++;
                for (int l = 0; l < k; l++) {
                    if (l != estimated) {
                        otherClass[cell + l]++;
                    }
                }
            }
        }
        List<String> workers = annotations.workers();
        List<WorkerQuality> quality = new ArrayList<>(workers.size());
        for (int j = 0; j < workers.size(); j++) {
            double accuracy = 0;
            List<List<Double>> matrix = new ArrayList<>(k);
            for (int c = 0; c < k; c++) {
                accuracy += prior[c] * confusion[j * k * k + c * k + c];
                List<Double> row = new ArrayList<>(k);
                for (int l = 0; l < k; l++) {
                    row.add(confusion[j * k * k + c * k + l]);
                }
                matrix.add(row);
            }
            accuracy = Math.min(1.0, accuracy);
            quality.add(new WorkerQuality(workers.get(j), annotationCounts[j], accuracy, chance, accuracy <= chance,
                    matrix, bias(j, annotationCounts[j], answers, otherClass, labels)));
        }
        Map<String, Double> priors = new LinkedHashMap<>();
        for (int c = 0; c < k; c++) {
            priors.put(labels[c], prior[c]);
        }
        return new AggregationResult(spec(), annotations.labels(), results, quality, priors, iterations, converged);
    }
}
