package dev.mlops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The settings and value types of the store: their rules and their messages. */
class StoreSettingsTest {
    private static final ClassLoader LOADER = StoreSettingsTest.class.getClassLoader();

    @Nested
    class Retries {
        @Test
        void theWaitDoublesUpToItsCeiling() {
            RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(10), Duration.ofMillis(50));
            assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(10));
            assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(20));
            assertThat(policy.backoff(3)).isEqualTo(Duration.ofMillis(40));
            assertThat(policy.backoff(4)).isEqualTo(Duration.ofMillis(50));
            assertThat(policy.backoff(1000)).isEqualTo(Duration.ofMillis(50));
            assertThat(RetryPolicy.NONE.maxAttempts()).isEqualTo(1);
            assertThat(RetryPolicy.DEFAULT.backoff(8)).isEqualTo(Duration.ofSeconds(1));
            assertThat(RetryPolicy.DEFAULT.backoff(7)).isEqualTo(Duration.ofMillis(640));
        }

        @Test
        void badBoundsAreRefused() {
            assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAttempts must be at least 1 but was 0");
            assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("firstBackoff must not be negative but was PT-0.001S");
            assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maxBackoff must be at least firstBackoff (PT2S) but was PT1S");
            assertThatThrownBy(() -> RetryPolicy.DEFAULT.backoff(0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("failedAttempt must be at least 1 but was 0");
            assertThat(new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1)).backoff(3)).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Nested
    class Options {
        @Test
        void defaultsAreStatedAndTheBuilderSetsEachKnob() {
            DatabaseOptions defaults = DatabaseOptions.defaults();
            assertThat(defaults.busyTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(defaults.retry()).isEqualTo(RetryPolicy.DEFAULT);
            assertThat(defaults.maxConnections()).isEqualTo(4);
            assertThat(defaults.user()).isEmpty();
            assertThat(defaults.password()).isEmpty();
            DatabaseOptions options = DatabaseOptions.builder().busyTimeout(Duration.ZERO).retry(RetryPolicy.NONE)
                    .maxConnections(1).user("mlops").password("secret").build();
            assertThat(options.busyTimeout()).isZero();
            assertThat(options.retry()).isEqualTo(RetryPolicy.NONE);
            assertThat(options.maxConnections()).isEqualTo(1);
            assertThat(options.user()).contains("mlops");
            assertThat(options.password()).contains("secret");
            assertThat(options.toString()).contains("user=mlops", "password=***").doesNotContain("secret");
            assertThat(defaults.toString()).contains("password=none");
        }

        @Test
        void badKnobsAreRefused() {
            assertThatThrownBy(() -> DatabaseOptions.builder().busyTimeout(Duration.ofMillis(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("busyTimeout must be between 0 and 2147483647 ms but was PT-0.001S");
            assertThatThrownBy(() -> DatabaseOptions.builder().busyTimeout(Duration.ofMillis(Integer.MAX_VALUE + 1L)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(DatabaseOptions.builder().busyTimeout(Duration.ofMillis(Integer.MAX_VALUE)).build().busyTimeout())
                    .isEqualTo(Duration.ofMillis(Integer.MAX_VALUE));
            assertThatThrownBy(() -> DatabaseOptions.builder().maxConnections(0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("maxConnections must be at least 1 but was 0");
        }
    }

    @Nested
    class MigrationSettings {
        @Test
        void anOwnerHasItsOwnHistoryTableAndAnOptionalTarget() {
            Migrations all = Migrations.of("train", "dev/mlops/train/migrations", LOADER);
            assertThat(all.owner()).isEqualTo("train");
            assertThat(all.location()).isEqualTo("dev/mlops/train/migrations");
            assertThat(all.classLoader()).isSameAs(LOADER);
            assertThat(all.historyTable()).isEqualTo("mlops_schema_history_train");
            assertThat(all.targetVersion()).isEmpty();
            assertThat(all).hasToString("Migrations[owner=train, location=dev/mlops/train/migrations]");
            Migrations older = all.upTo("1.1");
            assertThat(older.targetVersion()).contains("1.1");
            assertThat(older.owner()).isEqualTo("train");
            assertThat(older).hasToString("Migrations[owner=train, location=dev/mlops/train/migrations, upTo=1.1]");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "Train", "1train", "train-x", "train x"})
        void aMalformedOwnerIsRefused(String owner) {
            assertThatThrownBy(() -> Migrations.of(owner, "x", LOADER))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("owner must be lower-case letters, digits and _, starting with a letter, at most 40 "
                            + "characters, but was '" + owner + "'");
        }

        @Test
        void ownerNamesMayBeFortyCharactersLong() {
            assertThat(Migrations.of("a".repeat(40), "x", LOADER).owner()).hasSize(40);
            assertThatThrownBy(() -> Migrations.of("a".repeat(41), "x", LOADER)).isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "classpath:dev/x", "/dev/x"})
        void aLocationIsAPlainClassPathDirectory(String location) {
            assertThatThrownBy(() -> Migrations.of("train", location, LOADER))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("location must be a class-path directory such as 'dev/mlops/train/migrations' "
                            + "(no 'classpath:' and no leading '/') but was '" + location + "'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "v1", "1.", "1..2", "latest"})
        void aTargetIsAVersion(String version) {
            Migrations all = Migrations.of("train", "x", LOADER);
            assertThatThrownBy(() -> all.upTo(version))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("target must be a version such as '2' or '1.1' but was '" + version + "'");
        }

        @Test
        void aResultRefusesANegativeCount() {
            assertThat(new MigrationResult("train", 2, "2").applied()).isEqualTo(2);
            assertThatThrownBy(() -> new MigrationResult("train", -1, "2"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("applied must not be negative but was -1");
        }
    }

    @Nested
    class Dialects {
        @Test
        void placeholdersNameEachBackEndsTypes() {
            assertThat(Dialect.SQLITE.placeholders()).isEqualTo(Map.of("blob", "BLOB", "double", "REAL", "bigint", "INTEGER"));
            assertThat(Dialect.POSTGRESQL.placeholders())
                    .isEqualTo(Map.of("blob", "BYTEA", "double", "DOUBLE PRECISION", "bigint", "BIGINT"));
        }

        @Test
        void sqliteBusyAndLockedAreTransientIncludingExtendedCodes() {
            assertThat(Dialect.SQLITE.isTransient(new SQLException("busy", null, 5))).isTrue();
            assertThat(Dialect.SQLITE.isTransient(new SQLException("locked", null, 6))).isTrue();
            assertThat(Dialect.SQLITE.isTransient(new SQLException("busy snapshot", null, 517))).isTrue();
            assertThat(Dialect.SQLITE.isTransient(new SQLException("constraint", null, 19))).isFalse();
            assertThat(Dialect.SQLITE.isTransient(new SQLException("no code"))).isFalse();
        }

        @Test
        void postgresqlSerializationFailuresAndDeadlocksAreTransient() {
            assertThat(Dialect.POSTGRESQL.isTransient(new SQLException("x", "40001"))).isTrue();
            assertThat(Dialect.POSTGRESQL.isTransient(new SQLException("x", "40P01"))).isTrue();
            assertThat(Dialect.POSTGRESQL.isTransient(new SQLException("x", "23505"))).isFalse();
            assertThat(Dialect.POSTGRESQL.isTransient(new SQLException("x"))).isFalse();
        }

        @Test
        void uniqueViolationsAreRecognisedOnEachBackEnd() {
            assertThat(Dialect.POSTGRESQL.isUniqueViolation(new SQLException("x", "23505"))).isTrue();
            assertThat(Dialect.POSTGRESQL.isUniqueViolation(new SQLException("x", "40001"))).isFalse();
            assertThat(Dialect.SQLITE.isUniqueViolation(new SQLiteException("x", SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE))).isTrue();
            assertThat(Dialect.SQLITE.isUniqueViolation(new SQLiteException("x", SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY))).isTrue();
            assertThat(Dialect.SQLITE.isUniqueViolation(new SQLiteException("x", SQLiteErrorCode.SQLITE_CONSTRAINT_NOTNULL))).isFalse();
            assertThat(Dialect.SQLITE.isUniqueViolation(new SQLException("x", "23505"))).isFalse();
        }
    }

    @Nested
    class Statements {
        @Test
        void everyParameterTypeBindsAndAnythingElseIsRefusedNamingItsPosition() {
            try (Database database = Database.inMemory()) {
                database.write(sql -> sql.update("CREATE TABLE t (s TEXT, i INTEGER, l INTEGER, d REAL, b BLOB, n TEXT)"));
                database.write(sql -> sql.update("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)", "x", 1, 2L, 0.5,
                        new byte[] {7}, null));
                database.write(sql -> sql.update("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)", Sql.Null.TEXT, Sql.Null.BIGINT,
                        Sql.Null.BIGINT, Sql.Null.DOUBLE, Sql.Null.BLOB, Sql.Null.TEXT));
                assertThat(database.<Long>read(sql -> sql.queryLong("SELECT COUNT(*) FROM t WHERE s = 'x' AND i = 1 "
                        + "AND l = 2 AND d = 0.5 AND b = x'07' AND n IS NULL"))).isEqualTo(1L);
                assertThat(database.<Long>read(sql -> sql.queryLong("SELECT COUNT(*) FROM t WHERE s IS NULL AND i IS NULL "
                        + "AND l IS NULL AND d IS NULL AND b IS NULL"))).isEqualTo(1L);
                assertThatThrownBy(() -> database.write(sql -> sql.update("INSERT INTO t (s, i) VALUES (?, ?)", "x", true)))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("parameter 2 is a java.lang.Boolean; expected String, Integer, Long, Double, byte[], "
                                + "Sql.Null or null");
            }
        }

        @Test
        void queriesReturnEveryRowTheFirstOrNothing() {
            try (Database database = Database.inMemory()) {
                database.write(sql -> {
                    sql.update("CREATE TABLE t (x INTEGER)");
                    return sql.batch("INSERT INTO t VALUES (?)", List.of(new Object[] {3L}, new Object[] {1L},
                            new Object[] {2L}));
                });
                assertThat(database.<List<Long>>read(sql -> sql.query("SELECT x FROM t ORDER BY x", row -> row.getLong(1))))
                        .containsExactly(1L, 2L, 3L);
                assertThat(database.<Optional<Long>>read(sql -> sql.first("SELECT x FROM t ORDER BY x DESC", row -> row.getLong(1))))
                        .contains(3L);
                assertThat(database.<Optional<Long>>read(sql -> sql.first("SELECT x FROM t WHERE x > 9", row -> row.getLong(1))))
                        .isEmpty();
                assertThat(database.<Long>read(sql -> sql.queryLong("SELECT x FROM t WHERE x > 9"))).isZero();
                assertThat(database.<Long>read(sql -> sql.queryLong("SELECT NULL"))).isZero();
                assertThat(database.<Long>write(sql -> sql.batch("INSERT INTO t VALUES (?)", List.of()))).isZero();
                assertThat(database.<Dialect>read(sql -> sql.dialect())).isEqualTo(Dialect.SQLITE);
                assertThat(database.<Boolean>read(sql -> sql.connection().isClosed())).isFalse();
                assertThatThrownBy(() -> database.read(sql -> sql.query("SELECT x FROM t", row -> null)))
                        .isInstanceOf(NullPointerException.class).hasMessage("the row mapper returned null");
            }
        }
    }
}
