package dev.mlops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.table.Fingerprint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LineageColumnsTest {
    private static final Fingerprint FINGERPRINT = new Fingerprint("ab".repeat(32));

    private Database database;

    @BeforeEach
    void openDatabase() {
        database = Database.inMemory();
        database.write(sql -> sql.update("CREATE TABLE inputs (owner TEXT NOT NULL, position BIGINT NOT NULL, "
                + "name TEXT NOT NULL, kind TEXT NOT NULL, version TEXT, fingerprint TEXT, window_start BIGINT, "
                + "window_end BIGINT)"));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    static List<LineageInput> inputs() {
        return List.of(LineageInput.of("credit-g.csv", "table", "3"),
                LineageInput.fingerprinted("split", "split", FINGERPRINT),
                LineageInput.of("customers", "feature-group", "4").withFingerprint(FINGERPRINT)
                        .between(Instant.ofEpochMilli(1_000), Instant.ofEpochMilli(86_400_000)),
                LineageInput.of("epoch", "feature-group", "1").between(Instant.EPOCH, Instant.EPOCH),
                LineageInput.of("customer", "feature-group", "2@2026-06-30T12:00:00Z").between(
                        Instant.parse("2026-01-10T00:00:00Z"), Instant.parse("2026-04-01T00:00:00.000001Z")),
                LineageInput.of("old", "feature-group", "1").between(Instant.parse("1969-12-31T23:59:59.999999Z"),
                        Instant.parse("1970-01-01T00:00:00.000001Z")));
    }

    @Test
    void theWindowIsKeptInEpochMicrosecondsAndAFinerPartIsDropped() {
        LineageInput nanos = LineageInput.of("nanos", "feature-group", "1").between(
                Instant.parse("2026-01-01T00:00:00.000001999Z"), Instant.parse("2026-01-01T00:00:01.000000001Z"));
        database.write(sql -> sql.update("INSERT INTO inputs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                LineageColumns.row(List.of("run-1", 1L), nanos)));

        List<Object[]> read = database.read(sql -> sql.query("SELECT window_start, window_end FROM inputs",
                row -> new Object[] {row.getLong(1), row.getLong(2)}));
        assertThat(read).singleElement().satisfies(row -> assertThat(row).containsExactly(1_767_225_600_000_001L,
                1_767_225_601_000_000L));
        List<LineageInput> back = database.read(sql -> sql.query("SELECT * FROM inputs",
                row -> LineageColumns.read(row, 3)));
        assertThat(back).containsExactly(LineageInput.of("nanos", "feature-group", "1").between(
                        Instant.parse("2026-01-01T00:00:00.000001Z"), Instant.parse("2026-01-01T00:00:01Z")));
    }

    @Test
    void anInstantBeyondALongsMicrosecondsIsRefused() {
        assertThatThrownBy(() -> Sql.Null.orEpochMicros(Optional.of(Instant.MAX)))
                .isInstanceOf(ArithmeticException.class);
        assertThat(Sql.Null.orEpochMicros(Optional.empty())).isSameAs(Sql.Null.BIGINT);
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void anInputReadsBackEqualAfterTheOwnersColumns(LineageInput input) {
        database.write(sql -> sql.update("INSERT INTO inputs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                LineageColumns.row(List.of("run-1", 7L), input)));

        List<Object[]> read = database.read(sql -> sql.query("SELECT * FROM inputs",
                row -> new Object[] {row.getString(1), row.getLong(2), LineageColumns.read(row, 3)}));

        assertThat(read).singleElement().satisfies(row -> assertThat(row).containsExactly("run-1", 7L, input));
    }
}
