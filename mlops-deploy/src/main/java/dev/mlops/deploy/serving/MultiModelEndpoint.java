package dev.mlops.deploy.serving;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.mlops.core.access.Principal;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.ModelVersion;
import dev.mlops.train.predict.Predictor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Many models behind one endpoint: each request names a registry model as {@code NAME:VERSION},
 * or {@code NAME} for the version in production; a model is loaded from the registry on its
 * first request and kept until evicted under the endpoint's budget.
 *
 * <pre>{@code
 * MultiModelEndpoint endpoint = MultiModelEndpoint.builder(registry, principal)
 *         .maximumBytes(512L << 20)                       // or .maximumModels(50)
 *         .build();
 * Table a = endpoint.predict("churn:3", features);        // loads churn:3 on first use
 * Table b = endpoint.predict("fraud", features);          // the production version of fraud
 * }</pre>
 *
 * <p><b>Budget.</b> Either a count of models or a byte budget, each model weighing its
 * artifact's size in the registry ({@link ModelVersion#size()}, its serialized size, a stand-in
 * for its memory). The cache is Caffeine's, whose W-TinyLFU policy evicts what it predicts is
 * least used: not strictly the least recently used. A model heavier than the whole byte budget
 * answers the request that loaded it and is evicted at once.
 *
 * <p><b>Loading.</b> Concurrent first requests for one model load it once; the others wait for
 * that load. A model that fails to load (unknown, not in production, access denied, corrupt)
 * throws a {@link MultiModelLoadException} naming it and is not cached. {@code NAME} is resolved
 * to its production version at most once per {@link Builder#productionRefresh} (by the clock), so
 * a promotion reaches the endpoint within that time.
 *
 * <p>Evicted predictors are dropped, not closed, since a request may still be using one; a
 * predictor holding native resources ({@code onnx}) releases them when collected.
 *
 * <p>Thread-safe.
 */
public final class MultiModelEndpoint {
    private final ModelRegistry registry;
    private final Principal principal;
    private final LoadingCache<ModelKey, Loaded> models;
    private final LoadingCache<String, Integer> production;

    /** A model version as the cache keys it. */
    private record ModelKey(String model, int version) {
        @Override
        public String toString() {
            return model + ":" + version;
        }
    }

    /** A loaded model and the version it came from. */
    private record Loaded(ModelVersion version, Predictor predictor) {
    }

    private MultiModelEndpoint(Builder builder) {
        this.registry = builder.registry;
        this.principal = builder.principal;
        Caffeine<Object, Object> cache = Caffeine.newBuilder().recordStats().executor(Runnable::run);
        if (builder.maximumBytes > 0) {
            cache.maximumWeight(builder.maximumBytes);
            this.models = cache.<ModelKey, Loaded>weigher((key, loaded) -> (int) Math.min(Integer.MAX_VALUE,
                    loaded.version().size())).build(this::load);
        } else {
            this.models = cache.maximumSize(builder.maximumModels).build(this::load);
        }
        Clock clock = builder.clock;
        this.production = Caffeine.newBuilder()
                .expireAfterWrite(builder.productionRefresh)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build(this::productionVersion);
    }

    /**
     * Starts configuring an endpoint over a registry.
     *
     * @param registry where models are loaded from
     * @param principal who loads them (the registry checks its {@link ModelRegistry#READ} on each)
     * @return the builder
     */
    public static Builder builder(ModelRegistry registry, Principal principal) {
        return new Builder(registry, principal);
    }

    /**
     * Predicts with a model, loading it first if it is not loaded.
     *
     * @param model {@code NAME:VERSION}, or {@code NAME} for the version in production
     * @param features the features
     * @return the model's predictions
     * @throws MultiModelLoadException if the model cannot be loaded, naming it
     * @throws dev.mlops.core.SchemaException if the features do not fit the model's input schema
     */
    public Table predict(String model, Table features) {
        Objects.requireNonNull(features, "features");
        return predictor(model).predict(features);
    }

    /**
     * Finds a model's predictor, loading it first if it is not loaded.
     *
     * @param model {@code NAME:VERSION}, or {@code NAME} for the version in production
     * @return the predictor
     * @throws MultiModelLoadException if the model cannot be loaded, naming it
     */
    public Predictor predictor(String model) {
        return models.get(key(model)).predictor();
    }

    /** @return the loaded models as {@code NAME:VERSION}, sorted */
    public List<String> loaded() {
        return models.asMap().keySet().stream().map(ModelKey::toString).sorted().toList();
    }

    /**
     * Runs the cache's pending maintenance now, evictions included (they otherwise run as part of
     * later requests).
     */
    public void cleanUp() {
        models.cleanUp();
    }

    /** @return the endpoint's counts now */
    public MultiModelStats stats() {
        CacheStats stats = models.stats();
        long bytes = models.asMap().values().stream().mapToLong(loaded -> loaded.version().size()).sum();
        return new MultiModelStats(stats.hitCount(), stats.missCount(), stats.loadSuccessCount(),
                stats.loadFailureCount(), stats.evictionCount(), Duration.ofNanos(stats.totalLoadTime()),
                models.estimatedSize(), bytes);
    }

    @Override
    public String toString() {
        return "MultiModelEndpoint" + loaded();
    }

    private ModelKey key(String model) {
        Objects.requireNonNull(model, "model");
        String[] parts = model.split(":", 2);
        String name = parts[0];
        try {
            ModelRegistry.resource(name);
        } catch (IllegalArgumentException e) {
            throw new MultiModelLoadException("cannot load model '" + model + "': " + e.getMessage()
                    + "; expected NAME or NAME:VERSION");
        }
        if (parts.length == 1) {
            return new ModelKey(name, production.get(name));
        }
        String version = parts[1];
        if (!version.matches("[1-9][0-9]{0,8}")) {
            throw new MultiModelLoadException("cannot load model '" + model + "': its version '" + version
                    + "' is not a number from 1; expected NAME or NAME:VERSION");
        }
        return new ModelKey(name, Integer.parseInt(version));
    }

    private Integer productionVersion(String model) {
        try {
            return registry.production(principal, model).map(ModelVersion::version)
                    .orElseThrow(() -> new MultiModelLoadException("cannot load model '" + model
                            + "': no version of it is in production in " + registry
                            + "; name a version as " + model + ":VERSION"));
        } catch (MultiModelLoadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MultiModelLoadException("cannot load model '" + model + "': " + e.getMessage(), e);
        }
    }

    private Loaded load(ModelKey key) {
        try {
            ModelVersion version = registry.require(principal, key.model(), key.version());
            return new Loaded(version, registry.load(principal, key.model(), key.version()));
        } catch (RuntimeException e) {
            throw new MultiModelLoadException("cannot load model '" + key + "': " + e.getMessage(), e);
        }
    }

    /**
     * Configures a {@link MultiModelEndpoint}: a count or a byte budget (default 100 models). Not
     * thread-safe; the endpoint is.
     */
    public static final class Builder {
        private final ModelRegistry registry;
        private final Principal principal;
        private long maximumModels = 100;
        private long maximumBytes;
        private Duration productionRefresh = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder(ModelRegistry registry, Principal principal) {
            this.registry = Objects.requireNonNull(registry, "registry");
            this.principal = Objects.requireNonNull(principal, "principal");
        }

        /**
         * Bounds the endpoint by a count of models, replacing a byte budget.
         *
         * @param count the most models loaded at once, at least 1
         * @return this builder
         */
        public Builder maximumModels(long count) {
            if (count < 1) {
                throw new IllegalArgumentException("maximumModels must be at least 1 but was " + count);
            }
            this.maximumModels = count;
            this.maximumBytes = 0;
            return this;
        }

        /**
         * Bounds the endpoint by the summed artifact sizes of its models, replacing a count.
         *
         * @param bytes the most bytes of artifacts loaded at once, at least 1
         * @return this builder
         */
        public Builder maximumBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maximumBytes must be at least 1 but was " + bytes);
            }
            this.maximumBytes = bytes;
            return this;
        }

        /**
         * @param every how long a {@code NAME}'s production version is reused before it is looked
         *     up again, positive; default 30 s
         * @return this builder
         */
        public Builder productionRefresh(Duration every) {
            Objects.requireNonNull(every, "every");
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("productionRefresh must be positive but was " + every);
            }
            this.productionRefresh = every;
            return this;
        }

        /**
         * @param expiry the clock that expires production lookups; default system UTC
         * @return this builder
         */
        public Builder clock(Clock expiry) {
            this.clock = Objects.requireNonNull(expiry, "expiry");
            return this;
        }

        /** @return the endpoint, with no model loaded */
        public MultiModelEndpoint build() {
            return new MultiModelEndpoint(this);
        }
    }
}
