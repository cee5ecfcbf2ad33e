package dev.mlops.deploy.registry;

import static dev.mlops.deploy.registry.RegistryFixture.ALICE;
import static dev.mlops.deploy.registry.RegistryFixture.FORMATS;
import static dev.mlops.deploy.registry.RegistryFixture.constant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.serving.Endpoint;
import dev.mlops.deploy.serving.PredictRequest;
import dev.mlops.deploy.serving.PredictResponse;
import dev.mlops.deploy.strategy.BlueGreenStrategy;
import dev.mlops.deploy.strategy.RolloutEvent;
import dev.mlops.train.predict.Outputs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An endpoint's variants loaded from a real registry (SQLite in memory) by model:version. */
class EndpointFromRegistryTest {
    private static final BlueGreenStrategy PLAN = new BlueGreenStrategy(new BlueGreenStrategy.Settings("v1", "v2"));

    @Test
    void variantsLoadedByNameAndVersionServeTheirVersions(@TempDir Path home) {
        try (ModelRegistry registry = ModelRegistry.builder(home).database("jdbc:sqlite::memory:").formats(FORMATS)
                .open()) {
            registry.register(ALICE, constant("churn", "no"));
            registry.register(ALICE, constant("churn", "yes"));
            try (Endpoint endpoint = Endpoint.builder(PLAN).variant("v1", registry, ALICE, "churn:1")
                    .variant("v2", registry, ALICE, "churn:2").noTimeout().build()) {
                PredictRequest request = PredictRequest.table(Table.of(NumericColumn.of("any", 1)));
                assertThat(answer(endpoint.predict(request))).isEqualTo("no");
                endpoint.apply(new RolloutEvent.Promote("v2"));
                PredictResponse second = endpoint.predict(request);
                assertThat(second.variant()).isEqualTo("v2");
                assertThat(answer(second)).isEqualTo("yes");
            }
            assertThatThrownBy(() -> Endpoint.builder(PLAN).variant("v1", registry, ALICE, "churn:7"))
                    .hasMessageContaining("churn").hasMessageContaining("7");
        }
    }

    @Test
    void aReferenceMustBeNameColonVersion(@TempDir Path home) {
        try (ModelRegistry registry = ModelRegistry.builder(home).database("jdbc:sqlite::memory:").formats(FORMATS)
                .open()) {
            Endpoint.Builder builder = Endpoint.builder(PLAN);
            for (String bad : new String[] {"churn", "churn:", ":3", "churn:x", "churn:0"}) {
                assertThatThrownBy(() -> builder.variant("v1", registry, ALICE, bad))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("variant 'v1' needs a model as name:version (such as churn:3), but got '" + bad
                                + "'");
            }
        }
    }

    private static String answer(PredictResponse response) {
        return response.predictions().categoricalColumn(Outputs.PREDICTION).get(0);
    }
}
