package dev.mlops.train.tracking;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How a run starts: its name, seed, code version, user and first tags and parameters. Build with
 * {@link #builder()}; {@link #defaults()} names nothing.
 *
 * <pre>{@code
 * RunSpec spec = RunSpec.builder().name("logistic-l2").seed(42).param("lr", "0.1").tag("team", "risk").build();
 * }</pre>
 *
 * <p>When no code version is given, the store reads one with {@link CodeVersion#detect()} (the
 * environment's commit variables, then the working tree's git {@code HEAD}); when no user is given,
 * the JVM's {@code user.name}.
 */
public final class RunSpec {
    private static final RunSpec DEFAULTS = builder().build();

    private final @Nullable String name;
    private final @Nullable Long seed;
    private final @Nullable String codeVersion;
    private final @Nullable String user;
    private final Map<String, String> tags;
    private final Map<String, String> params;

    private RunSpec(Builder builder) {
        this.name = builder.name;
        this.seed = builder.seed;
        this.codeVersion = builder.codeVersion;
        this.user = builder.user;
        this.tags = Collections.unmodifiableMap(new TreeMap<>(builder.tags));
        this.params = Collections.unmodifiableMap(new TreeMap<>(builder.params));
    }

    /** @return a spec that names nothing */
    public static RunSpec defaults() {
        return DEFAULTS;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the run's name, if given */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the seed, if given */
    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    /** @return the code version, if given */
    public Optional<String> codeVersion() {
        return Optional.ofNullable(codeVersion);
    }

    /** @return the user, if given */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** @return the first tags, sorted by key */
    public Map<String, String> tags() {
        return tags;
    }

    /** @return the first parameters, sorted by key */
    public Map<String, String> params() {
        return params;
    }

    /** Builds a {@link RunSpec}; not thread-safe. */
    public static final class Builder {
        private @Nullable String name;
        private @Nullable Long seed;
        private @Nullable String codeVersion;
        private @Nullable String user;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private final Map<String, String> params = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Names the run.
         *
         * @param runName not blank
         * @return this builder
         * @throws IllegalArgumentException if blank
         */
        public Builder name(String runName) {
            this.name = nonBlank("name", runName);
            return this;
        }

        /**
         * Records the seed the run uses.
         *
         * @param value the seed
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Records the code version (a git commit, a release).
         *
         * @param version not blank
         * @return this builder
         * @throws IllegalArgumentException if blank
         */
        public Builder codeVersion(String version) {
            this.codeVersion = nonBlank("codeVersion", version);
            return this;
        }

        /**
         * Records who runs it.
         *
         * @param userName not blank
         * @return this builder
         * @throws IllegalArgumentException if blank
         */
        public Builder user(String userName) {
            this.user = nonBlank("user", userName);
            return this;
        }

        /**
         * Adds a tag.
         *
         * @param key a valid key
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if the key is malformed
         */
        public Builder tag(String key, String value) {
            tags.put(Keys.check("tag", key), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds a parameter.
         *
         * @param key a valid key
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if the key is malformed
         */
        public Builder param(String key, String value) {
            params.put(Keys.check("param", key), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** @return the spec */
        public RunSpec build() {
            return new RunSpec(this);
        }

        private static String nonBlank(String what, String value) {
            Objects.requireNonNull(value, what);
            if (value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }
    }
}
