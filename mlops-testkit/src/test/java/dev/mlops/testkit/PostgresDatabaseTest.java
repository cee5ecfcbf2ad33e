package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.store.Database;
import dev.mlops.store.DatabaseOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link DatabaseContract} on a real PostgreSQL server, and a read transaction seeing one state
 * of the database while a write commits between its statements.
 */
class PostgresDatabaseTest extends DatabaseContract {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Test
    void aReadSeesOneStateThoughAWriteCommitsBetweenItsStatements() {
        database.write(sql -> sql.update("INSERT INTO contract_items (id, name) VALUES (1, 'before')"));
        List<Long> counts = database.read(sql -> {
            long first = sql.queryLong("SELECT COUNT(*) FROM contract_items");
            // another thread, so another connection and transaction, commits before the second statement
            CompletableFuture.runAsync(() -> database.write(other -> other.update(
                    "INSERT INTO contract_items (id, name) VALUES (2, 'during')"))).join();
            return List.of(first, sql.queryLong("SELECT COUNT(*) FROM contract_items"));
        });
        assertThat(counts).as("both statements of the read").containsExactly(1L, 1L);
        long after = database.read(sql -> sql.queryLong("SELECT COUNT(*) FROM contract_items"));
        assertThat(after).as("the write committed").isEqualTo(2);
    }

    @Override
    protected Database openDatabase(DatabaseOptions options) {
        return Database.open(POSTGRES.newDatabaseUrl(), options);
    }
}
