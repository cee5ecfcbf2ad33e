package dev.mlops.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link Database} connects and retries; build with {@link #builder()}, or take
 * {@link #defaults()}.
 *
 * <pre>{@code
 * DatabaseOptions options = DatabaseOptions.builder()
 *         .user("mlops").password(System.getenv("MLOPS_DB_PASSWORD"))
 *         .busyTimeout(Duration.ofSeconds(30))
 *         .build();
 * }</pre>
 *
 * <p>Defaults: a busy timeout of 10 s (how long SQLite waits for another process's write lock
 * before it reports busy), {@link RetryPolicy#DEFAULT}, at most 4 pooled PostgreSQL connections,
 * and no user or password beyond what the URL says.
 */
public final class DatabaseOptions {
    private static final DatabaseOptions DEFAULTS = builder().build();

    private final Duration busyTimeout;
    private final RetryPolicy retry;
    private final int maxConnections;
    private final @Nullable String user;
    private final @Nullable String password;

    private DatabaseOptions(Builder builder) {
        this.busyTimeout = builder.busyTimeout;
        this.retry = builder.retry;
        this.maxConnections = builder.maxConnections;
        this.user = builder.user;
        this.password = builder.password;
    }

    /** @return the default options */
    public static DatabaseOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return how long SQLite waits for a lock held by another connection before it reports busy */
    public Duration busyTimeout() {
        return busyTimeout;
    }

    /** @return how transient conflicts are retried */
    public RetryPolicy retry() {
        return retry;
    }

    /** @return the most connections a PostgreSQL database keeps open at once */
    public int maxConnections() {
        return maxConnections;
    }

    /** @return the user to connect as, if given apart from the URL */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** @return the password to connect with, if given apart from the URL */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    @Override
    public String toString() {
        return "DatabaseOptions[busyTimeout=" + busyTimeout + ", retry=" + retry + ", maxConnections="
                + maxConnections + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }

    /** Builds {@link DatabaseOptions}; not thread-safe. */
    public static final class Builder {
        private Duration busyTimeout = Duration.ofSeconds(10);
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private int maxConnections = 4;
        private @Nullable String user;
        private @Nullable String password;

        private Builder() {
        }

        /**
         * Sets how long SQLite waits for another connection's lock.
         *
         * @param timeout between 0 and {@link Integer#MAX_VALUE} milliseconds
         * @return this builder
         * @throws IllegalArgumentException if the timeout is negative or too long
         */
        public Builder busyTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "busyTimeout must be between 0 and " + Integer.MAX_VALUE + " ms but was " + timeout);
            }
            this.busyTimeout = timeout;
            return this;
        }

        /**
         * Sets how transient conflicts are retried.
         *
         * @param policy the retry policy
         * @return this builder
         */
        public Builder retry(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the most PostgreSQL connections kept open at once (SQLite uses one).
         *
         * @param connections at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code connections} is below 1
         */
        public Builder maxConnections(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1 but was " + connections);
            }
            this.maxConnections = connections;
            return this;
        }

        /**
         * Sets the user to connect as.
         *
         * @param name the database user
         * @return this builder
         */
        public Builder user(String name) {
            this.user = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the password to connect with; it never appears in a message or {@code toString()}.
         *
         * @param secret the password
         * @return this builder
         */
        public Builder password(String secret) {
            this.password = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** @return the options */
        public DatabaseOptions build() {
            return new DatabaseOptions(this);
        }
    }
}
