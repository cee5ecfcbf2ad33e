package dev.mlops.deploy.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One registered version of a model, as the registry holds it now.
 *
 * @param model the model's name
 * @param version the version's number, from 1 in the order registered
 * @param format the spec of the {@link dev.mlops.deploy.format.ModelFormat} its artifact is in
 * @param sha256 the artifact's content hash (SHA-256, 64 lower-case hex digits), checked on every read
 * @param size the artifact's size in bytes
 * @param stage the stage it is in
 * @param author the name of the principal who registered it
 * @param createdAt when it was registered (the registry's clock)
 * @param description a description in words; may be empty
 * @param provenance the components and settings that made it; sorted, unmodifiable
 * @param lineage its lineage tags
 * @param metrics its metrics by name; sorted, unmodifiable
 * @param gateReport the JSON of the quality gate's report, if one was registered
 * @param approvals its approvals in the order given; unmodifiable
 */
public record ModelVersion(String model, int version, String format, String sha256, long size, Stage stage,
        String author, Instant createdAt, String description, Map<String, String> provenance, LineageTags lineage,
        Map<String, Double> metrics, Optional<String> gateReport, List<Approval> approvals) {
    /**
     * Checks the parts and copies the collections.
     *
     * @param model the model
     * @param version the version, at least 1
     * @param format the format's spec
     * @param sha256 the content hash
     * @param size the size
     * @param stage the stage
     * @param author the author
     * @param createdAt when registered
     * @param description the description
     * @param provenance the provenance
     * @param lineage the lineage tags
     * @param metrics the metrics
     * @param gateReport the gate report's JSON, if any
     * @param approvals the approvals
     */
    public ModelVersion {
        Objects.requireNonNull(model, "model");
        ModelNames.version(version);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(description, "description");
        provenance = Collections.unmodifiableMap(new TreeMap<>(provenance));
        Objects.requireNonNull(lineage, "lineage");
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
        Objects.requireNonNull(gateReport, "gateReport");
        approvals = List.copyOf(approvals);
    }

    /** @return the access-control resource of this version, {@code model/NAME/VERSION} */
    public String resource() {
        return ModelRegistry.resource(model, version);
    }

    /** @return the version as people name it, {@code NAME:VERSION} */
    @Override
    public String toString() {
        return model + ":" + version;
    }
}
