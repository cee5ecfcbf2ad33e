package dev.mlops.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.Batch;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a batch against the types a check suite expects. */
class ParquetReadBatchTest {
    @TempDir
    Path directory;

    @Test
    void expectedTypesTheValuesCanTakeAreReadSoAndTheRestAsInferredForTheSchemaCheck() {
        Path file = ForeignFiles.write(directory.resolve("batch.parquet"), "message m { optional int64 id; "
                + "optional int32 code; optional binary city (STRING); optional double score; optional boolean ok; "
                + "optional int64 at (TIMESTAMP(MILLIS,true)); optional int32 price (DECIMAL(5,2)); optional int32 extra; }",
                row -> row.append("id", 1L).append("code", 7).append("city", "Köln").append("score", 0.5)
                        .append("ok", true).append("at", 0L).append("price", 150).append("extra", 1),
                row -> row.append("id", 2L).append("city", "12").append("score", 1.5).append("ok", false));
        Schema expected = Schema.of(Field.of("id", ColumnType.CATEGORICAL), Field.sensitive("code", ColumnType.TEXT),
                Field.of("city", ColumnType.NUMERIC), Field.of("score", ColumnType.BOOLEAN), Field.of("ok", ColumnType.TEXT),
                Field.of("at", ColumnType.CATEGORICAL), Field.of("price", ColumnType.TEXT), Field.of("absent", ColumnType.NUMERIC));

        Batch batch = ParquetFormat.defaults().readBatch(file, expected);

        assertThat(batch.origins()).as("a Parquet file has no lines").isEmpty();
        assertThat(batch.problems()).as("typed values have no cell problems").isEmpty();
        assertThat(batch.table()).isEqualTo(Table.rowBuilder(Schema.of(Field.of("id", ColumnType.CATEGORICAL),
                        Field.sensitive("code", ColumnType.TEXT), Field.of("city", ColumnType.CATEGORICAL),
                        Field.of("score", ColumnType.NUMERIC), Field.of("ok", ColumnType.TEXT),
                        Field.of("at", ColumnType.CATEGORICAL), Field.of("price", ColumnType.TEXT),
                        Field.of("extra", ColumnType.NUMERIC)))
                .addRow("1", "7", "Köln", 0.5, "true", "1970-01-01T00:00:00Z", "1.50", 1.0)
                .addRow("2", null, "12", 1.5, "false", null, null, null)
                .build());
    }

    @Test
    void datesAndUnsignedIntegersAsTheExpectedTypes() {
        Path file = ForeignFiles.write(directory.resolve("dates.parquet"), "message m { optional int32 day (DATE); "
                + "optional int64 u (INTEGER(64,false)); }",
                row -> row.append("day", 19_753).append("u", -1L), row -> row.append("day", -1).append("u", 7L));

        Table table = ParquetFormat.defaults().readBatch(file, Schema.of(Field.of("day", ColumnType.CATEGORICAL),
                Field.of("u", ColumnType.NUMERIC))).table();

        assertThat(table).isEqualTo(Table.builder().categorical("day", "2024-01-31", "1969-12-31")
                .numeric("u", 18_446_744_073_709_551_615.0, 7).build());
    }

    @Test
    void anIdColumnExpectedNumericIsReadAsNumbersAsCsvWouldRoundThem() {
        Path file = ForeignFiles.write(directory.resolve("ids.parquet"), "message m { optional int64 id; }",
                row -> row.append("id", (1L << 53) + 1));

        Table numeric = ParquetFormat.defaults().readBatch(file, Schema.of(Field.of("id", ColumnType.NUMERIC))).table();

        assertThat(numeric.numericColumn("id").get(0)).isEqualTo(9.007199254740992E15);
        assertThat(ParquetFormat.defaults().read(file).schema().field("id").type()).isEqualTo(ColumnType.CATEGORICAL);
    }

    @Test
    void aTableWrittenHereReadsAsItsOwnTypesUnderAnExpectedSchemaOfTheSameTypes() {
        Table table = RandomTables.table(5, 30).select("number", "category", "flag", "at", "text");
        Path file = directory.resolve("own.parquet");
        ParquetFormat.defaults().write(table, file);

        Batch batch = ParquetFormat.defaults().readBatch(file, table.schema());

        assertThat(batch.table()).isEqualTo(table);
    }
}
