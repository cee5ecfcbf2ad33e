package dev.mlops.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.JsonLinesFormat;
import dev.mlops.data.io.TableFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table has one fingerprint whichever format it was read from. */
class ParquetFingerprintTest {
    private static final Path CREDIT = Path.of(System.getProperty("mlops.data.dir"), "credit-g.csv");

    @Test
    void creditGReadFromCsvJsonLinesAndParquetHasOneFingerprint(@TempDir Path directory) {
        Table credit = CsvFormat.defaults().read(CREDIT);
        assertThat(credit.rowCount()).isEqualTo(1_000);
        assertThat(credit.schema().fields().stream().filter(f -> f.type() == ColumnType.NUMERIC)).hasSize(7);
        Fingerprint fingerprint = Fingerprint.of(credit);

        for (TableFormat format : List.of(CsvFormat.defaults(), JsonLinesFormat.defaults(), ParquetFormat.defaults(),
                ParquetFormat.builder().codec(ParquetCodec.ZSTD).rowGroupBytes(4_096).build())) {
            Path file = directory.resolve("credit-g." + format.type());
            format.write(credit, file);

            Table read = format.read(file);

            assertThat(read).as("read back from %s", format).isEqualTo(credit);
            assertThat(Fingerprint.of(read)).as("the fingerprint of the table read back from %s", format)
                    .isEqualTo(fingerprint);
        }
    }
}
