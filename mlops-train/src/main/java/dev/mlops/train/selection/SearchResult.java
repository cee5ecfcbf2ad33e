package dev.mlops.train.selection;

import dev.mlops.train.experiment.TestSetAccess;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ModelSearch} found.
 *
 * @param trials every trial with its cross-validation, in the order they ran
 * @param best the trial with the best mean of the first metric over the folds
 * @param validation the best trial's metrics on the validation rows, trained on the training rows
 * @param test its metrics on the test rows, measured once
 * @param testAccesses every use of the test rows: one
 * @param runId the search's run, or null when nothing was tracked
 */
public record SearchResult(List<Trial> trials, Trial best, Map<String, Double> validation, Map<String, Double> test,
        List<TestSetAccess> testAccesses, @Nullable String runId) {
    /**
     * Copies the parts.
     *
     * @param trials the trials
     * @param best the best trial
     * @param validation its validation metrics
     * @param test its test metrics
     * @param testAccesses the uses of the test rows
     * @param runId the search's run, or null
     */
    public SearchResult {
        trials = List.copyOf(trials);
        Objects.requireNonNull(best, "best");
        validation = Collections.unmodifiableMap(new LinkedHashMap<>(validation));
        test = Collections.unmodifiableMap(new LinkedHashMap<>(test));
        testAccesses = List.copyOf(testAccesses);
    }

    /**
     * One trial of a search.
     *
     * @param experiment the trial's experiment spec
     * @param crossValidation its metrics over the folds
     * @param runId its child run, or null when nothing was tracked
     */
    public record Trial(String experiment, CrossValidationResult crossValidation, @Nullable String runId) {
        /**
         * Checks the parts.
         *
         * @param experiment the spec
         * @param crossValidation the cross-validation
         * @param runId the run, or null
         */
        public Trial {
            Objects.requireNonNull(experiment, "experiment");
            Objects.requireNonNull(crossValidation, "crossValidation");
        }
    }
}
