package dev.mlops.benchmarks;

import dev.mlops.core.access.Principal;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.format.ModelFormat;
import dev.mlops.deploy.format.ModelFormatException;
import dev.mlops.deploy.registry.LineageTags;
import dev.mlops.deploy.registry.ModelLineage;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.ModelVersion;
import dev.mlops.deploy.registry.Registration;
import dev.mlops.deploy.registry.Stage;
import dev.mlops.deploy.registry.StageChange;
import dev.mlops.store.ArtifactStore;
import dev.mlops.store.Database;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.tracking.ActiveRun;
import dev.mlops.train.tracking.RunRecord;
import dev.mlops.train.tracking.RunSpec;
import dev.mlops.train.tracking.TrackingStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The model registry ({@code dev.mlops.deploy.registry}) on a SQLite file in a temporary
 * directory, opened as {@link ModelRegistry#open} opens one: the database shared with a tracking
 * store, the content-addressed artifact directory and the hash-chained audit log (each entry
 * forced to storage) beside it.
 *
 * <ul>
 *   <li>{@link #registerAndReadBack}: register a version of a {@value #ARTIFACT_BYTES}-byte model
 *       with lineage tags and three metrics (the artifact stored, its format's read check, the
 *       version's rows in one transaction, one audit entry), then read the version and its
 *       artifact back (hash verified); target under 20 ms;</li>
 *   <li>{@link #lineage}: the lineage of a production version among {@value #MODELS} models ×
 *       {@value #VERSIONS} versions, each trained by a tracking run with params and inputs,
 *       approved twice and moved through staging: the version, its approvals, transitions and run
 *       in one call; target under 10 ms.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RegistryBenchmark {
    private static final int ARTIFACT_BYTES = 64 * 1024;
    private static final int MODELS = 20;
    private static final int VERSIONS = 10;
    private static final Principal AUTHOR = Principal.of("alice");
    private static final Principal REVIEWER = Principal.of("bob");
    private static final Principal PIPELINE = Principal.of("ci", List.of(ModelRegistry.PIPELINE_ROLE), List.of());

    /** Creates the benchmark; JMH fills its states. */
    public RegistryBenchmark() {
        // the states hold everything
    }

    /** A registry and tracking store on a fresh SQLite file, for one trial. */
    @State(Scope.Thread)
    public static class Registry {
        final byte[] artifact = BlobFormat.artifact(ARTIFACT_BYTES, 20261207L);
        private @Nullable Path directory;
        private @Nullable Database database;
        private @Nullable TrackingStore tracking;
        private @Nullable ModelRegistry registry;

        /** Creates the state; JMH calls {@link #open()} before measuring. */
        public Registry() {
            // opened at setup
        }

        /**
         * Opens the registry in a new temporary directory.
         *
         * @throws IOException if the directory cannot be made
         */
        @Setup(Level.Trial)
        public void open() throws IOException {
            Path made = Files.createTempDirectory("mlops-registry-benchmark");
            directory = made;
            Database opened = Database.sqlite(made.resolve(ModelRegistry.DATABASE_FILE));
            database = opened;
            tracking = TrackingStore.open(opened, ArtifactStore.open(made.resolve(TrackingStore.ARTIFACT_DIRECTORY)),
                    Clock.systemUTC());
            registry = ModelRegistry.builder(made).database(opened).tracking(tracking)
                    .formats(ComponentRegistry.defaults().with(List.of(new BlobFormat.Type()))).open();
            System.out.printf(Locale.ROOT, "# %s in %s%n", registry, made);
        }

        /** @return the open registry */
        ModelRegistry registry() {
            return Objects.requireNonNull(registry, "the registry is opened at setup");
        }

        /** @return the open tracking store */
        TrackingStore tracking() {
            return Objects.requireNonNull(tracking, "the tracking store is opened at setup");
        }

        /** Closes the registry, the tracking store and the database, and deletes the directory. */
        @TearDown(Level.Trial)
        public void close() {
            if (registry != null) {
                registry.close();
            }
            if (tracking != null) {
                tracking.close();
            }
            if (database != null) {
                database.close();
            }
            if (directory != null) {
                TrackingBenchmark.deleteRecursively(directory);
            }
        }
    }

    /** A registry of its own holding {@value #MODELS} × {@value #VERSIONS} versions, for one trial. */
    @State(Scope.Thread)
    public static class Filled {
        final Registry store = new Registry();
        String model = "";
        int version;

        /** Creates the state; JMH calls {@link #fill()} before measuring. */
        public Filled() {
            // filled by fill()
        }

        /**
         * Opens the registry and fills it: per model, each version trained by a run, registered,
         * approved by the author and a reviewer, moved to staging, and the last one to production.
         *
         * @throws IOException if the directory cannot be made
         */
        @Setup(Level.Trial)
        public void fill() throws IOException {
            store.open();
            ModelRegistry registry = store.registry();
            long started = System.nanoTime();
            for (int m = 0; m < MODELS; m++) {
                String name = "model-" + m;
                for (int v = 1; v <= VERSIONS; v++) {
                    RunRecord run;
                    try (ActiveRun active = store.tracking().startRun(name, RunSpec.builder().seed(v)
                            .codeVersion("commit-" + v).param("lr", "0.1").param("depth", Integer.toString(v))
                            .build())) {
                        active.addInput(LineageInput.of("train.csv", "table", "v" + v));
                        active.logMetric("auc", 0.7 + v / 100.0);
                        active.finish();
                        run = store.tracking().require(active.id());
                    }
                    ModelVersion registered = registry.register(AUTHOR, registration(name, store.artifact, run, v));
                    registry.approve(AUTHOR, name, registered.version(), "mine");
                    registry.approve(REVIEWER, name, registered.version(), "reviewed");
                    registry.transition(REVIEWER, StageChange.of(name, registered.version(), Stage.CANDIDATE,
                            Stage.STAGING, "canary"));
                }
                registry.transition(PIPELINE, StageChange.toProduction(name, VERSIONS, Stage.STAGING,
                        OptionalInt.empty(), "gate passed"));
            }
            model = "model-" + (MODELS / 2);
            version = VERSIONS;
            ModelLineage lineage = registry.lineage(AUTHOR, model, version);
            if (lineage.run().isEmpty() || lineage.version().approvals().size() != 2
                    || lineage.transitions().size() != 3 || lineage.version().stage() != Stage.PRODUCTION) {
                throw new IllegalStateException("expected a production version with its run, 2 approvals and 3 "
                        + "transitions but found " + lineage.toText());
            }
            System.out.printf(Locale.ROOT, "# %d versions registered in %.1f s%n", MODELS * VERSIONS,
                    (System.nanoTime() - started) / 1e9);
        }

        /** Closes the registry and deletes its directory. */
        @TearDown(Level.Trial)
        public void close() {
            store.close();
        }
    }

    private static Registration registration(String model, byte[] artifact, RunRecord run, int version) {
        return Registration.builder(model).artifact(BlobFormat.TYPE, artifact).description("benchmark version")
                .lineage(LineageTags.builder().fromRun(run).buildId("ci-" + version).split("stratified(seed=42)")
                        .build())
                .metric("auc", 0.8).metric("macro_f1", 0.7).metric("p95_latency_ms", 3.5).build();
    }

    /**
     * Registers a version and reads it and its artifact back.
     *
     * @param state the registry
     * @return the artifact read back
     */
    @Benchmark
    public byte[] registerAndReadBack(Registry state) {
        ModelRegistry registry = state.registry();
        ModelVersion registered = registry.register(AUTHOR, Registration.builder("churn")
                .artifact(BlobFormat.TYPE, state.artifact).description("benchmark version")
                .lineage(LineageTags.builder().buildId("ci-1").commit("abc123").split("stratified(seed=42)").build())
                .metric("auc", 0.8).metric("macro_f1", 0.7).metric("p95_latency_ms", 3.5).build());
        ModelVersion read = registry.require(AUTHOR, "churn", registered.version());
        byte[] bytes = registry.artifact(AUTHOR, "churn", read.version());
        if (bytes.length != ARTIFACT_BYTES) {
            throw new IllegalStateException("read back " + bytes.length + " bytes of " + read);
        }
        return bytes;
    }

    /**
     * The lineage of one production version.
     *
     * @param filled the registry with its versions
     * @return the lineage
     */
    @Benchmark
    public ModelLineage lineage(Filled filled) {
        return filled.store.registry().lineage(AUTHOR, filled.model, filled.version);
    }

    /**
     * A model format for the benchmark: a header line and opaque bytes, read as a model that
     * answers one class.
     *
     * @param settings none
     */
    record BlobFormat(Settings settings) implements ModelFormat {
        static final String TYPE = "benchmark-blob";
        private static final byte[] HEADER = "blob\n".getBytes(StandardCharsets.UTF_8);

        /** No settings. */
        record Settings() {
        }

        /** The component type the registry finds the format by. */
        static final class Type extends ComponentType<ModelFormat, Settings> {
            Type() {
                super(ModelFormat.class, TYPE, Settings.class, "opaque bytes behind a header (benchmarks)");
            }

            @Override
            public ModelFormat create(Settings settings) {
                return new BlobFormat(settings);
            }
        }

        /** A model that answers the first class for every row. */
        record Constant() implements Predictor {
            @Override
            public Schema inputSchema() {
                return Schema.of();
            }

            @Override
            public Outputs outputs() {
                return Outputs.classification(List.of("no", "yes"));
            }

            @Override
            public Table predict(Table features) {
                double[][] scores = new double[features.rowCount()][];
                Arrays.setAll(scores, row -> new double[] {1, 0});
                return outputs().classifications(scores);
            }
        }

        static byte[] artifact(int size, long seed) {
            byte[] bytes = new byte[size];
            new SplittableRandom(seed).nextBytes(bytes);
            System.arraycopy(HEADER, 0, bytes, 0, HEADER.length);
            return bytes;
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public boolean canWrite(Predictor predictor) {
            return false;
        }

        @Override
        public void write(Predictor predictor, OutputStream out) {
            throw new IllegalArgumentException(TYPE + " writes no predictor");
        }

        @Override
        public Predictor read(InputStream in, String source) {
            try {
                byte[] bytes = in.readAllBytes();
                if (!Arrays.equals(bytes, 0, Math.min(bytes.length, HEADER.length), HEADER, 0, HEADER.length)) {
                    throw new ModelFormatException(source, "not a " + TYPE + " model");
                }
                return new Constant();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
