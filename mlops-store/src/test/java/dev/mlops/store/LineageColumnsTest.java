package dev.mlops.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.table.Fingerprint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
                LineageInput.of("epoch", "feature-group", "1").between(Instant.EPOCH, Instant.EPOCH));
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
