package dev.mlops.deploy.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mlops.core.access.AccessDeniedException;
import dev.mlops.core.access.Policy;
import dev.mlops.core.access.Principal;
import dev.mlops.core.access.Subject;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.deploy.strategy.BlueGreenStrategy;
import dev.mlops.deploy.strategy.ShadowStrategy;
import dev.mlops.features.Feature;
import dev.mlops.features.FeatureGroup;
import dev.mlops.features.FeatureSelection;
import dev.mlops.features.FeatureStore;
import dev.mlops.monitor.capture.CapturePolicy;
import dev.mlops.monitor.capture.CaptureReader;
import dev.mlops.monitor.capture.CaptureRecord;
import dev.mlops.monitor.capture.CaptureStage;
import dev.mlops.monitor.capture.CaptureWriter;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jspecify.annotations.Nullable;

/** An endpoint that joins requests with a real feature store's online values before predicting. */
class EnrichedEndpointTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final Principal WRITER = Principal.of("etl").withRoles(FeatureStore.WRITER_ROLE);
    private static final Principal SERVER = Principal.of("server");
    private static final Principal INTERN = Principal.of("intern");
    private static final BlueGreenStrategy ONE = new BlueGreenStrategy(new BlueGreenStrategy.Settings("blue", "green"));
    private static final FeatureSelection AGE_INCOME = FeatureSelection.of("customer", "age", "income");
    private static final Schema INPUT = Schema.of(Field.of("plan", ColumnType.CATEGORICAL),
            Field.of("age", ColumnType.NUMERIC), Field.of("income", ColumnType.NUMERIC));

    @TempDir
    Path directory;

    private FeatureStore store;

    /** A regressor of age + income (thousands), -1 when age is missing; keeps every table it was given. */
    static final class Scorer implements Predictor {
        final List<Table> seen = new CopyOnWriteArrayList<>();
        private final Schema input;

        Scorer() {
            this(INPUT);
        }

        Scorer(Schema input) {
            this.input = input;
        }

        @Override
        public Schema inputSchema() {
            return input;
        }

        @Override
        public Outputs outputs() {
            return Outputs.regression();
        }

        @Override
        public Table predict(Table features) {
            seen.add(features);
            NumericColumn age = features.numericColumn("age");
            NumericColumn income = features.numericColumn("income");
            double[] values = new double[features.rowCount()];
            for (int row = 0; row < values.length; row++) {
                values[row] = age.isMissing(row) ? -1 : age.get(row) + income.get(row);
            }
            return Outputs.regression().values(values);
        }
    }

    @BeforeEach
    void openStore() {
        Policy.Builder policy = Policy.builder();
        FeatureStore.defaultPolicy().rules().forEach(policy::rule);
        policy.allow(Subject.principal(SERVER.name()), FeatureStore.READ_SENSITIVE.name(), "feature/customer/income");
        policy.allow(Subject.principal(SERVER.name()), FeatureStore.READ_SENSITIVE.name(), "feature/customer/age");
        store = FeatureStore.builder(directory.resolve("store")).clock(Clock.fixed(T0, ZoneOffset.UTC))
                .policy(policy.build()).open();
        store.define(WRITER, FeatureGroup.builder("customer").entityKey("customer_id").eventTime("observed_at")
                .feature(Feature.of("age", ColumnType.NUMERIC, "age in years"))
                .feature(Feature.of("income", ColumnType.NUMERIC, "yearly income in kEUR").asSensitive())
                .build());
        store.define(WRITER, FeatureGroup.builder("merchant").entityKey("merchant_id").eventTime("observed_at")
                .feature(Feature.of("risk", ColumnType.NUMERIC, "the merchant's risk score"))
                .feature(Feature.of("age", ColumnType.NUMERIC, "years in business")).build());
        Instant day = T0.minus(Duration.ofDays(1));
        assertThat(store.ingest(WRITER, "customer", Table.of(CategoricalColumn.of("customer_id", "c1", "c2", "17"),
                TimestampColumn.of("observed_at", day, day, day), NumericColumn.of("age", 41, 29, 60),
                NumericColumn.of("income", 52, 38, 70))).rejected()).isEmpty();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Endpoint.Builder endpoint(Predictor model) {
        return Endpoint.builder(ONE).variant("blue", model).variant("green", model).noTimeout()
                .features(store, SERVER, AGE_INCOME, "customer_id");
    }

    private static double predicted(PredictResponse response, int row) {
        return response.predictions().numericColumn(Outputs.PREDICTION).get(row);
    }

    private static Map<String, Object> request(Object... keysAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    @Nested
    class Enrichment {
        @Test
        void aRowIsJoinedWithItsEntitysOnlineFeaturesBeforeThePrediction() {
            Scorer model = new Scorer();
            try (Endpoint endpoint = endpoint(model).build()) {
                PredictResponse answer = endpoint.predict(PredictRequest.row(request("customer_id", "c1",
                        "plan", "gold")));
                assertThat(predicted(answer, 0)).isEqualTo(41 + 52);
                Table seen = model.seen.get(0);
                assertThat(seen.numericColumn("age").get(0)).isEqualTo(41);
                assertThat(seen.numericColumn("income").get(0)).isEqualTo(52);
                assertThat(endpoint.enrichment()).containsExactly(new EnrichmentStats("customer", 1, 0));
            }
        }

        @Test
        void aTableIsEnrichedWithOneOnlineReadAndAnUnknownEntityReadsAsMissingAndIsCounted() {
            Scorer model = new Scorer();
            try (Endpoint endpoint = endpoint(model).build()) {
                SimpleMeterRegistry meters = new SimpleMeterRegistry();
                endpoint.bindTo(meters);
                Table rows = Table.of(CategoricalColumn.of("customer_id", "c2", "nobody", "c1"),
                        CategoricalColumn.of("plan", "a", "b", "c"));
                PredictResponse answer = endpoint.predict(PredictRequest.table(rows));
                assertThat(List.of(predicted(answer, 0), predicted(answer, 1), predicted(answer, 2)))
                        .containsExactly(29.0 + 38, -1.0, 41.0 + 52);
                Table seen = model.seen.get(0);
                assertThat(seen.schema().names()).containsExactly("customer_id", "plan", "age", "income");
                assertThat(seen.schema().field("income").sensitive()).isTrue();
                assertThat(seen.numericColumn("income").isMissing(1)).isTrue();
                assertThat(endpoint.enrichment()).containsExactly(new EnrichmentStats("customer", 3, 1));
                assertThat(meters.get("mlops.endpoint.features.lookups").tag("group", "customer")
                        .functionCounter().count()).isEqualTo(3);
                assertThat(meters.get("mlops.endpoint.features.missing").tag("endpoint", "endpoint")
                        .tag("group", "customer").functionCounter().count()).isEqualTo(1);
            }
        }

        @Test
        void anIntegerKeyIsReadAsItsText() {
            Scorer model = new Scorer();
            try (Endpoint endpoint = endpoint(model).build()) {
                assertThat(predicted(endpoint.predict(PredictRequest.row(request("customer_id", 17,
                        "plan", "p"))), 0)).isEqualTo(60 + 70);
                assertThat(predicted(endpoint.predict(PredictRequest.row(request("customer_id", 17.0,
                        "plan", "p"))), 0)).isEqualTo(60 + 70);
                Table numeric = Table.of(NumericColumn.of("customer_id", 17), CategoricalColumn.of("plan", "p"));
                assertThat(predicted(endpoint.predict(PredictRequest.table(numeric)), 0)).isEqualTo(60 + 70);
            }
        }

        @Test
        void aSelectionOfAllFeaturesIsFixedWhenTheEndpointIsBuilt() {
            Scorer model = new Scorer();
            try (Endpoint endpoint = Endpoint.builder(ONE).variant("blue", model).variant("green", model)
                    .noTimeout().features(store, SERVER, FeatureSelection.all("customer"), "customer_id").build()) {
                store.define(WRITER, FeatureGroup.builder("customer").entityKey("customer_id")
                        .eventTime("observed_at").feature(Feature.of("age", ColumnType.NUMERIC, "age in years"))
                        .feature(Feature.of("income", ColumnType.NUMERIC, "yearly income in kEUR").asSensitive())
                        .feature(Feature.of("score", ColumnType.NUMERIC, "credit score").asSensitive()).build());
                endpoint.predict(PredictRequest.row(request("customer_id", "c1", "plan", "p")));
                assertThat(model.seen.get(0).schema().names()).as("the new sensitive 'score', which the server may"
                        + " not read, is not asked for").containsExactly("plan", "age", "income");
            }
        }

        @Test
        void twoGroupsAreReadOnceEachAndTheRequestKeepsItsUnitAndInferenceId() {
            Scorer model = new Scorer();
            store.ingest(WRITER, "merchant", Table.of(CategoricalColumn.of("merchant_id", "m1"),
                    TimestampColumn.of("observed_at", T0), NumericColumn.of("risk", 0.25),
                    NumericColumn.of("age", 3)));
            try (Endpoint endpoint = endpoint(model)
                    .features(store, SERVER, FeatureSelection.of("merchant", "risk"), "merchant_id").build()) {
                PredictResponse answer = endpoint.predict(PredictRequest.row(request("customer_id", "c2",
                        "merchant_id", "m1", "plan", "p")).withInferenceId("req-1").withUnitId("c2"));
                assertThat(answer.inferenceId()).isEqualTo("req-1");
                assertThat(model.seen.get(0).numericColumn("age").get(0)).isEqualTo(29);
                assertThat(endpoint.enrichment()).containsExactly(new EnrichmentStats("customer", 1, 0),
                        new EnrichmentStats("merchant", 1, 0));
            }
        }

        @Test
        void anEntityWhoseValuesAreAllPastTheTimeToLiveIsCountedAsMissingButOneWithAnyValueIsNot() {
            store.define(WRITER, FeatureGroup.builder("session").entityKey("session_id").eventTime("observed_at")
                    .feature(Feature.of("clicks", ColumnType.NUMERIC, "clicks in the session"))
                    .feature(Feature.of("pages", ColumnType.NUMERIC, "pages seen")).ttl(Duration.ofDays(1)).build());
            assertThat(store.ingest(WRITER, "session", Table.of(CategoricalColumn.of("session_id", "old"),
                    TimestampColumn.of("observed_at", T0.minus(Duration.ofDays(10))), NumericColumn.of("clicks", 5),
                    NumericColumn.of("pages", 7))).rejected()).isEmpty();
            assertThat(store.ingest(WRITER, "session", Table.of(CategoricalColumn.of("session_id", "half"),
                    TimestampColumn.of("observed_at", T0.minus(Duration.ofHours(1))), NumericColumn.of("clicks", 3)))
                    .rejected()).as("a record without pages: pages is missing").isEmpty();
            Scorer model = new Scorer();
            try (Endpoint endpoint = endpoint(model)
                    .features(store, SERVER, FeatureSelection.all("session"), "session_id").build()) {
                endpoint.predict(PredictRequest.table(Table.of(CategoricalColumn.of("customer_id", "c1", "c1", "c1"),
                        CategoricalColumn.of("session_id", "old", "half", "never"),
                        CategoricalColumn.of("plan", "a", "b", "c"))));
                Table seen = model.seen.get(0);
                assertThat(seen.numericColumn("clicks").isMissing(0)).as("past the TTL").isTrue();
                assertThat(seen.numericColumn("pages").isMissing(0)).isTrue();
                assertThat(seen.numericColumn("clicks").get(1)).isEqualTo(3);
                assertThat(seen.numericColumn("pages").isMissing(1)).isTrue();
                assertThat(endpoint.enrichment()).containsExactly(new EnrichmentStats("customer", 3, 0),
                        new EnrichmentStats("session", 3, 2));
            }
        }

        @Test
        void withoutFeatureReadsThereIsNothingToCount() {
            try (Endpoint endpoint = Endpoint.builder(ONE).variant("blue", new Scorer())
                    .variant("green", new Scorer()).build()) {
                assertThat(endpoint.enrichment()).isEmpty();
                SimpleMeterRegistry meters = new SimpleMeterRegistry();
                endpoint.bindTo(meters);
                assertThat(meters.find("mlops.endpoint.features.lookups").meters()).isEmpty();
            }
        }
    }

    @Nested
    class Refusals {
        private EndpointException refused(Endpoint endpoint, PredictRequest request) {
            return catchThrowableOfType(EndpointException.class,
                    () -> endpoint.predict(request.withInferenceId("r1")));
        }

        @Test
        void aRequestThatGivesAFeatureTheEndpointReadsIsInvalid() {
            Scorer model = new Scorer();
            try (Endpoint endpoint = endpoint(model).build()) {
                EndpointException row = refused(endpoint, PredictRequest.row(request("customer_id", "c1",
                        "plan", "p", "income", 1.0)));
                assertThat(row.reason()).isEqualTo(EndpointException.Reason.INVALID_REQUEST);
                assertThat(row).hasMessage("request r1 gives 'income', which the endpoint reads from feature"
                        + " group 'customer'; leave it out of the request");
                EndpointException table = refused(endpoint, PredictRequest.table(Table.of(
                        CategoricalColumn.of("customer_id", "c1"), NumericColumn.of("age", 3))));
                assertThat(table).hasMessageContaining("gives 'age'");
                assertThat(model.seen).isEmpty();
                assertThat(endpoint.stats().get("blue").invalid()).isEqualTo(2);
            }
        }

        @Test
        void aRowWithoutAUsableEntityKeyIsInvalidAndNamesTheRow() {
            try (Endpoint endpoint = endpoint(new Scorer()).build()) {
                assertThat(refused(endpoint, PredictRequest.row(request("plan", "p"))))
                        .hasMessage("request r1 has no field 'customer_id', the entity key of feature group"
                                + " 'customer'");
                Map<String, Object> missing = new HashMap<>(request("plan", "p"));
                missing.put("customer_id", null);
                assertThat(refused(endpoint, PredictRequest.row(missing)))
                        .hasMessage("request r1 has a missing 'customer_id', the entity key of feature group"
                                + " 'customer'");
                assertThat(refused(endpoint, PredictRequest.row(request("customer_id", 1.5, "plan", "p"))))
                        .hasMessage("request r1 has 'customer_id' = 1.5, which is refused (entity key 1.5 is not an"
                                + " integer; a numeric key must be an integer within ±2^53), the entity key of feature"
                                + " group 'customer'");
                assertThat(refused(endpoint, PredictRequest.row(request("customer_id", Double.NaN, "plan", "p"))))
                        .hasMessageContaining("'customer_id' = NaN, which is refused (entity key NaN is not an integer");
                assertThat(refused(endpoint, PredictRequest.row(request("customer_id", true, "plan", "p"))))
                        .hasMessageContaining("'customer_id' = true, not a string or an integer");
                assertThat(refused(endpoint, PredictRequest.table(Table.of(CategoricalColumn.of("plan", "p")))))
                        .hasMessage("request r1 has no field 'customer_id' in row 0, the entity key of feature"
                                + " group 'customer'");
                assertThat(refused(endpoint, PredictRequest.table(Table.of(
                        CategoricalColumn.of("customer_id", "c1", null), CategoricalColumn.of("plan", "p", "q")))))
                        .hasMessage("request r1 has a missing 'customer_id' in row 1, the entity key of feature"
                                + " group 'customer'");
                assertThat(endpoint.stats().get("blue").invalid()).isEqualTo(7);
            }
        }

        @Test
        void aNumericKeyBeyondTwoToThe53IsRefusedNotSaturated() {
            try (Endpoint endpoint = endpoint(new Scorer()).build()) {
                assertThat(refused(endpoint, PredictRequest.row(request("customer_id", 1e19, "plan", "p"))))
                        .hasMessage("request r1 has 'customer_id' = 1.0E19, which is refused (entity key 1.0E19 is"
                                + " beyond ±2^53 (9007199254740992), where numbers stop being exact; an id that large"
                                + " must be a CATEGORICAL or TEXT key), the entity key of feature group 'customer'");
                assertThat(refused(endpoint, PredictRequest.row(request("customer_id", 9007199254740994.0,
                        "plan", "p")))).hasMessageContaining("entity key 9.007199254740994E15 is beyond ±2^53");
                assertThat(refused(endpoint, PredictRequest.row(request("customer_id", (1L << 53) + 1,
                        "plan", "p")))).hasMessageContaining("entity key 9007199254740993 is beyond ±2^53");
                assertThat(refused(endpoint, PredictRequest.table(Table.of(
                        NumericColumn.of("customer_id", 17, 0x1p53 + 2), CategoricalColumn.of("plan", "p", "q")))))
                        .hasMessageContaining("= 9.007199254740994E15 in row 1, which is refused");
                PredictResponse atTheLimit = endpoint.predict(PredictRequest.row(request("customer_id", 1L << 53,
                        "plan", "p")));
                assertThat(predicted(atTheLimit, 0)).as("2^53 is a key, of an entity the store does not know")
                        .isEqualTo(-1);
                assertThat(predicted(endpoint.predict(PredictRequest.row(request("customer_id", (short) 17,
                        "plan", "p"))), 0)).isEqualTo(60 + 70);
                assertThat(predicted(endpoint.predict(PredictRequest.row(request("customer_id", (byte) 17,
                        "plan", "p"))), 0)).isEqualTo(60 + 70);
                assertThat(predicted(endpoint.predict(PredictRequest.row(request("customer_id", 17L,
                        "plan", "p"))), 0)).isEqualTo(60 + 70);
            }
        }

        @Test
        void aFeatureWhoseStoreTypeDiffersFromAModelsInputFailsTheBuild() {
            Schema categoricalIncome = Schema.of(Field.of("plan", ColumnType.CATEGORICAL),
                    Field.of("age", ColumnType.NUMERIC), Field.of("income", ColumnType.CATEGORICAL));
            Endpoint.Builder builder = Endpoint.builder(ONE).variant("blue", new Scorer())
                    .variant("green", new Scorer(categoricalIncome))
                    .noTimeout().features(store, SERVER, AGE_INCOME, "customer_id");
            assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature 'income' of group 'customer' is numeric in the store, but the model of"
                            + " variant 'green' takes it as categorical");
        }

        @Test
        void aFeatureWhoseTypeChangesAfterTheBuildFailsTheRequestAsFeaturesUnavailableWithoutItsValue() {
            AtomicBoolean changed = new AtomicBoolean();
            FeatureStore changing = (FeatureStore) Proxy.newProxyInstance(FeatureStore.class.getClassLoader(),
                    new Class<?>[] {FeatureStore.class}, (proxy, method, arguments) -> {
                        Object answer;
                        try {
                            answer = method.invoke(store, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (changed.get() && method.getName().equals("online")) {
                            Table values = (Table) answer;
                            NumericColumn income = values.numericColumn("income");
                            String[] texts = new String[values.rowCount()];
                            for (int i = 0; i < texts.length; i++) {
                                texts[i] = income.isMissing(i) ? null : Double.toString(income.get(i));
                            }
                            return Table.of(values.column(0), values.column(1), values.column(2),
                                    CategoricalColumn.of("income", texts).withSensitive(true));
                        }
                        return answer;
                    });
            try (Endpoint endpoint = Endpoint.builder(ONE).variant("blue", new Scorer()).variant("green", new Scorer())
                    .noTimeout().features(changing, SERVER, AGE_INCOME, "customer_id").build()) {
                changed.set(true);
                EndpointException failed = refused(endpoint, PredictRequest.row(request("customer_id", "c1",
                        "plan", "p")));
                assertThat(failed.reason()).isEqualTo(EndpointException.Reason.FEATURES_UNAVAILABLE);
                assertThat(failed).hasMessage("feature 'income' of group 'customer' is now categorical in the"
                        + " store, but the endpoint was built when it was numeric; rebuild the endpoint")
                        .hasNoCause();
                assertThat(failed.getMessage()).doesNotContain("52");
                assertThat(endpoint.enrichment()).containsExactly(new EnrichmentStats("customer", 0, 0));
            }
        }

        @Test
        void aFeatureThePrincipalMayNotReadFailsTheBuild() {
            Endpoint.Builder builder = Endpoint.builder(ONE).variant("blue", new Scorer())
                    .variant("green", new Scorer()).features(store, INTERN, AGE_INCOME, "customer_id");
            assertThatThrownBy(builder::build).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("intern").hasMessageContaining("income");
            Endpoint.Builder allowed = Endpoint.builder(ONE).variant("blue", new Scorer())
                    .variant("green", new Scorer()).features(store, INTERN, FeatureSelection.of("customer", "age"),
                            "customer_id");
            try (Endpoint endpoint = allowed.build()) {
                assertThat(endpoint.enrichment()).hasSize(1);
            }
        }

        @Test
        void aReadTheStoreFailsLaterFailsTheRequestAsFeaturesUnavailable() {
            AtomicBoolean broken = new AtomicBoolean();
            FeatureStore failing = (FeatureStore) Proxy.newProxyInstance(FeatureStore.class.getClassLoader(),
                    new Class<?>[] {FeatureStore.class}, (proxy, method, arguments) -> {
                        if (broken.get()) {
                            throw new IllegalStateException("the store's database is gone");
                        }
                        try {
                            return method.invoke(store, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            try (Endpoint endpoint = Endpoint.builder(ONE).variant("blue", new Scorer()).variant("green", new Scorer())
                    .noTimeout().features(failing, SERVER, AGE_INCOME, "customer_id").build()) {
                broken.set(true);
                EndpointException failed = refused(endpoint, PredictRequest.row(request("customer_id", "c1",
                        "plan", "p")));
                assertThat(failed.reason()).isEqualTo(EndpointException.Reason.FEATURES_UNAVAILABLE);
                assertThat(failed).hasMessageStartingWith("the feature store did not answer the online read of"
                        + " customer:age,income as server for request r1: the store's database is gone")
                        .hasCauseInstanceOf(IllegalStateException.class);
                assertThat(endpoint.stats().get("blue").errors()).isEqualTo(1);
            }
        }

        @Test
        void theBuilderRefusesAGroupGivenTwiceABlankKeyAndColumnsAddedTwice() {
            Endpoint.Builder builder = endpoint(new Scorer());
            assertThatThrownBy(() -> builder.features(store, SERVER, FeatureSelection.of("customer", "age"), "id"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature group 'customer' was given twice; select all its features in one call");
            assertThatThrownBy(() -> builder.features(store, SERVER, FeatureSelection.of("merchant", "risk"), " "))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the key field of feature group 'merchant' must not be blank");
            assertThatThrownBy(() -> endpoint(new Scorer()).features(store, SERVER, FeatureSelection.all("merchant"),
                    "merchant_id").build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature 'age' of group 'merchant' would be added to requests twice: it is also"
                            + " read from group 'customer'; select it from one only");
            assertThatThrownBy(() -> endpoint(new Scorer()).features(store, SERVER,
                    FeatureSelection.of("merchant", "risk"), "age").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature 'age' of group 'customer' would be added to requests twice: it is also"
                            + " the entity key field of a feature read; select it from one only");
        }
    }

    @Nested
    class Shadows {
        @Test
        void aShadowSeesTheSameEnrichedRow() throws InterruptedException {
            Scorer live = new Scorer();
            Scorer candidate = new Scorer();
            ShadowStrategy shadow = new ShadowStrategy(new ShadowStrategy.Settings("live", "candidate", 1.0, 3));
            try (Endpoint endpoint = Endpoint.builder(shadow).variant("live", live).variant("candidate", candidate)
                    .noTimeout().features(store, SERVER, AGE_INCOME, "customer_id").build()) {
                endpoint.predict(PredictRequest.row(request("customer_id", "c2", "plan", "p")));
                assertThat(endpoint.awaitShadows(Duration.ofSeconds(10))).isTrue();
                assertThat(candidate.seen).hasSize(1);
                assertThat(candidate.seen.get(0)).isEqualTo(live.seen.get(0));
                assertThat(candidate.seen.get(0).numericColumn("income").get(0)).isEqualTo(38);
                assertThat(endpoint.enrichment()).containsExactly(new EnrichmentStats("customer", 1, 0));
            }
        }
    }

    @Nested
    class Capture {
        private List<CaptureRecord> capture(CapturePolicy policy, @Nullable ShadowStrategy strategy, PredictRequest... requests)
                throws InterruptedException {
            Path captured = directory.resolve("capture");
            try (CaptureWriter writer = CaptureWriter.builder(captured).policy(policy).build()) {
                Endpoint.Builder builder = strategy == null
                        ? endpoint(new Scorer()) : Endpoint.builder(strategy).variant("live", new Scorer())
                        .variant("candidate", new Scorer()).noTimeout()
                        .features(store, SERVER, AGE_INCOME, "customer_id");
                try (Endpoint endpoint = builder.capture(writer).build()) {
                    for (PredictRequest request : requests) {
                        try {
                            endpoint.predict(request);
                        } catch (EndpointException e) {
                            // captured as a failure
                        }
                    }
                    assertThat(endpoint.awaitShadows(Duration.ofSeconds(10))).isTrue();
                }
            }
            return new ArrayList<>(CaptureReader.readAll(captured).records());
        }

        private static PredictRequest c1() {
            return PredictRequest.row(request("customer_id", "c1", "plan", "gold")).withInferenceId("r1");
        }

        @Test
        void aSensitiveFeatureIsLeftOutOfTheCaptureThoughThePolicysSchemaDoesNotListIt()
                throws InterruptedException {
            List<CaptureRecord> records = capture(CapturePolicy.builder(INPUT).build(), null, c1());
            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.stage()).isEqualTo(CaptureStage.AFTER_MODEL);
                assertThat(record.input()).containsEntry("age", 41.0).containsEntry("customer_id", "c1")
                        .doesNotContainKey("income");
            });
        }

        @Test
        void aSensitiveFeatureIsMaskedWhenThePolicyMasks() throws InterruptedException {
            List<CaptureRecord> records = capture(CapturePolicy.builder(Schema.of())
                    .sensitive(CapturePolicy.Sensitive.MASK).build(), null, c1(),
                    PredictRequest.table(Table.of(CategoricalColumn.of("customer_id", "c1", "c2"),
                            CategoricalColumn.of("plan", "a", "b"))).withInferenceId("r2"),
                    PredictRequest.row(request("customer_id", "c1", "plan", "p", "income", 3.0))
                            .withInferenceId("r3"));
            assertThat(records).hasSize(4).allSatisfy(record ->
                    assertThat(record.input()).containsEntry("income", CapturePolicy.MASK));
            assertThat(records).filteredOn(record -> record.inferenceId().equals("r3")).singleElement()
                    .satisfies(record -> assertThat(record.stage()).isEqualTo(CaptureStage.BEFORE_PREPROCESSING));
        }

        @Test
        void aSensitiveFeatureIsCapturedWhenThePolicyAllowsItByName() throws InterruptedException {
            Schema customer = store.group(SERVER, "customer").recordSchema();
            List<CaptureRecord> records = capture(CapturePolicy.builder(customer).allow("income").build(), null,
                    c1());
            assertThat(records).singleElement().satisfies(record ->
                    assertThat(record.input()).containsEntry("income", 52.0).containsEntry("age", 41.0));
        }

        @Test
        void aFeatureMarkedSensitiveInALaterGroupVersionIsHiddenInEveryCaptureOfLaterRequests()
                throws InterruptedException {
            Path captured = directory.resolve("capture");
            ShadowStrategy shadow = new ShadowStrategy(new ShadowStrategy.Settings("live", "candidate", 1.0, 3));
            try (CaptureWriter writer = CaptureWriter.builder(captured).policy(CapturePolicy.keepAll()).build();
                    Endpoint endpoint = Endpoint.builder(shadow).variant("live", new Scorer())
                            .variant("candidate", new Scorer()).noTimeout()
                            .features(store, SERVER, AGE_INCOME, "customer_id").capture(writer).build()) {
                endpoint.predict(c1());
                assertThat(endpoint.awaitShadows(Duration.ofSeconds(10))).isTrue();
                store.define(WRITER, FeatureGroup.builder("customer").entityKey("customer_id")
                        .eventTime("observed_at").feature(Feature.of("age", ColumnType.NUMERIC, "age in years")
                                .asSensitive())
                        .feature(Feature.of("income", ColumnType.NUMERIC, "yearly income in kEUR").asSensitive())
                        .build());
                endpoint.predict(PredictRequest.row(request("customer_id", "c1", "plan", "gold"))
                        .withInferenceId("r2"));
                endpoint.predict(PredictRequest.table(Table.of(CategoricalColumn.of("customer_id", "c2"),
                        CategoricalColumn.of("plan", "a"))).withInferenceId("r3"));
                assertThatThrownBy(() -> endpoint.predict(PredictRequest.row(request("customer_id", "c1"))
                        .withInferenceId("r4"))).isInstanceOf(EndpointException.class);
                assertThat(endpoint.awaitShadows(Duration.ofSeconds(10))).isTrue();
            }
            List<CaptureRecord> records = new ArrayList<>(CaptureReader.readAll(captured).records());
            assertThat(records).filteredOn(record -> record.inferenceId().equals("r1")).hasSize(2)
                    .allSatisfy(record -> assertThat(record.input()).as("age was not sensitive in version 1")
                            .containsEntry("age", 41.0).doesNotContainKey("income"));
            assertThat(records).filteredOn(record -> !record.inferenceId().equals("r1"))
                    .extracting(CaptureRecord::inferenceId, CaptureRecord::modelVariant, CaptureRecord::stage)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("r2", "live", CaptureStage.AFTER_MODEL),
                            org.assertj.core.groups.Tuple.tuple("r2", "candidate", CaptureStage.AFTER_MODEL),
                            org.assertj.core.groups.Tuple.tuple("r3", "live", CaptureStage.AFTER_MODEL),
                            org.assertj.core.groups.Tuple.tuple("r3", "candidate", CaptureStage.AFTER_MODEL),
                            org.assertj.core.groups.Tuple.tuple("r4", "live", CaptureStage.BEFORE_PREPROCESSING));
            assertThat(records).filteredOn(record -> !record.inferenceId().equals("r1")).allSatisfy(record ->
                    assertThat(record.input()).as("age is sensitive from version 2 on").containsKey("customer_id")
                            .doesNotContainKeys("age", "income"));
        }

        @Test
        void aShadowsCaptureHidesTheSensitiveFeatureToo() throws InterruptedException {
            List<CaptureRecord> records = capture(CapturePolicy.keepAll(),
                    new ShadowStrategy(new ShadowStrategy.Settings("live", "candidate", 1.0, 3)), c1());
            assertThat(records).hasSize(2).extracting(CaptureRecord::modelVariant)
                    .containsExactlyInAnyOrder("live", "candidate");
            assertThat(records).allSatisfy(record ->
                    assertThat(record.input()).containsEntry("age", 41.0).doesNotContainKey("income"));
        }
    }
}
