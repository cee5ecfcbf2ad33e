package dev.mlops.examples.lifecycle;

import dev.mlops.core.access.Principal;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.ModelVersion;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the development half of the walk hands to operations: the registry with the production
 * model and an approved candidate, and the data the simulated request streams are drawn from.
 *
 * @param directory the walk's output directory (the SQLite file, captures, reports)
 * @param registry the model registry, open; the walk closes it at the end
 * @param operator the principal operations acts as (rollouts, loads from the registry)
 * @param production the version in stage production when operations starts
 * @param candidate the approved version the canary rolls out against {@code production}
 * @param reference the rows the models were trained on, with the label and the date column: the
 *     baseline that drift is measured against
 * @param heldOut rows no model saw (the test and recent sets), with the label and the date
 *     column: the applications the request streams are drawn from, their labels arriving late
 * @param label the label column, {@code "class"} ({@code good} or {@code bad})
 * @param date the synthetic application date column (seeded; credit-g has no dates)
 */
public record Development(Path directory, ModelRegistry registry, Principal operator, ModelVersion production,
        ModelVersion candidate, Table reference, Table heldOut, String label, String date) {

    /** Checks that nothing is missing. */
    public Development {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(heldOut, "heldOut");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(date, "date");
        if (production.model().equals(candidate.model()) && production.version() == candidate.version()) {
            throw new IllegalArgumentException("the candidate must be another version than production, but both are "
                    + production.model() + " v" + production.version());
        }
    }
}
