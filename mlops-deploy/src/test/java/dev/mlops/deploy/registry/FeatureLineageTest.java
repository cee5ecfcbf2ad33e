package dev.mlops.deploy.registry;

import static dev.mlops.deploy.registry.RegistryFixture.ALICE;
import static dev.mlops.deploy.registry.RegistryFixture.FORMATS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.access.Principal;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.features.Feature;
import dev.mlops.features.FeatureGroup;
import dev.mlops.features.FeatureSelection;
import dev.mlops.features.FeatureStore;
import dev.mlops.features.JoinRequest;
import dev.mlops.features.JoinResult;
import dev.mlops.train.tracking.ActiveRun;
import dev.mlops.train.tracking.RunSpec;
import dev.mlops.train.tracking.TrackingStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path of a feature read's lineage with real parts: define and ingest into a feature
 * store, join point in time, record the join's lineage in a tracking run, register a version from
 * the run, and read the groups, versions and bounds back from the registry's lineage.
 */
class FeatureLineageTest {
    private static final Instant WRITTEN = Instant.parse("2026-06-30T12:00:00Z");
    private static final Principal WRITER = Principal.of("etl").withRoles(FeatureStore.WRITER_ROLE);

    @TempDir
    Path directory;

    @Test
    void aJoinsFeatureGroupsReachTheRegistryVersionsLineageThroughTheTrackingRun() {
        Clock clock = Clock.fixed(WRITTEN, ZoneOffset.UTC);
        try (FeatureStore store = FeatureStore.builder(directory.resolve("features")).clock(clock).open();
                TrackingStore tracking = TrackingStore.open("jdbc:sqlite::memory:", directory.resolve("runs"), clock);
                ModelRegistry registry = ModelRegistry.builder(directory.resolve("registry"))
                        .database("jdbc:sqlite::memory:").clock(clock).formats(FORMATS).tracking(tracking).open()) {
            FeatureGroup customer = FeatureGroup.builder("customer").entityKey("customer_id").eventTime("observed_at")
                    .feature(Feature.of("age", ColumnType.NUMERIC, "age in years")).build();
            store.define(WRITER, customer);
            store.define(WRITER, FeatureGroup.builder("customer").entityKey("customer_id").eventTime("observed_at")
                    .feature(Feature.of("age", ColumnType.NUMERIC, "age in years"))
                    .feature(Feature.of("tenure", ColumnType.NUMERIC, "months a customer")).build());
            store.ingest(WRITER, "customer", Table.of(CategoricalColumn.of("customer_id", "c1", "c2"),
                    TimestampColumn.of("observed_at", Instant.parse("2026-01-10T00:00:00Z"),
                            Instant.parse("2026-02-10T00:00:00Z")),
                    NumericColumn.of("age", 41, 29), NumericColumn.of("tenure", 12, 3)));
            Table applications = Table.of(CategoricalColumn.of("customer_id", "c1", "c2"),
                    TimestampColumn.of("applied_at", Instant.parse("2026-03-01T00:00:00Z"),
                            Instant.parse("2026-04-01T00:00:00Z")),
                    CategoricalColumn.of("label", "yes", "no"));
            JoinResult joined = store.join(WRITER, JoinRequest.builder(applications, "applied_at")
                    .features(FeatureSelection.of("customer", "age", "tenure")).build());
            List<LineageInput> read = joined.lineage();
            assertThat(read).singleElement().satisfies(input -> {
                assertThat(input.name()).isEqualTo("customer");
                assertThat(input.kind()).isEqualTo("feature-group");
                assertThat(input.version()).contains("2@" + joined.knownAt());
            });

            String runId;
            try (ActiveRun run = tracking.startRun("credit", RunSpec.builder().name("joined").build())) {
                run.addInput(LineageInput.table("applications", applications)).addInputs(read);
                run.finish();
                runId = run.id();
            }
            ModelVersion version = registry.register(ALICE, Registration.builder("credit")
                    .artifact(ConstantFormat.TYPE, ConstantFormat.bytes("no"))
                    .lineage(LineageTags.builder().fromRun(tracking.require(runId)).build()).build());

            ModelLineage lineage = registry.lineage(ALICE, "credit", version.version());
            assertThat(lineage.version().lineage().inputs()).endsWith(read.toArray(LineageInput[]::new));
            assertThat(lineage.run()).hasValueSatisfying(run -> assertThat(run.inputs()).endsWith(
                    read.toArray(LineageInput[]::new)));
            LineageInput group = read.get(0);
            assertThat(lineage.toText()).contains("input: " + group).contains("  input " + group);

            DocumentReader json = Documents.parse(lineage.toJson(), "lineage");
            List<DocumentReader> inputs = json.object("lineage").objects("inputs");
            assertThat(inputs).hasSize(2);
            DocumentReader written = inputs.get(1);
            assertThat(written.text("name")).isEqualTo("customer");
            assertThat(written.text("kind")).isEqualTo("feature-group");
            assertThat(written.text("version")).isEqualTo(group.version().orElseThrow());
            assertThat(written.text("from")).isEqualTo(group.from().orElseThrow().toString());
            assertThat(written.text("until")).isEqualTo(group.until().orElseThrow().toString());
        }
    }
}
