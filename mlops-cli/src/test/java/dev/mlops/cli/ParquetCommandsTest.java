package dev.mlops.cli;

import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.split.Split;
import dev.mlops.parquet.ParquetCodec;
import dev.mlops.parquet.ParquetFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command that reads a table reads {@code .parquet}, by extension or {@code --format}. */
class ParquetCommandsTest {
    @TempDir
    Path dir;

    private Table credit;
    private Path parquet;

    @BeforeEach
    void creditGAsParquet() {
        credit = CsvFormat.defaults().read(CliRun.creditG());
        parquet = dir.resolve("credit-g.parquet");
        ParquetFormat.builder().codec(ParquetCodec.ZSTD).build().write(credit, parquet);
    }

    @Test
    void schemaReadsAParquetFileAsItReadsTheCsv() {
        CliRun fromParquet = mlops("schema", parquet.toString());
        CliRun fromCsv = mlops("schema", CliRun.creditG().toString());

        assertThat(fromParquet.exitCode()).as(fromParquet.toString()).isZero();
        assertThat(fromParquet.outLines().get(0)).isEqualTo(parquet + ": 1000 rows, 21 columns");
        assertThat(fromParquet.outLines().subList(1, 22)).isEqualTo(fromCsv.outLines().subList(1, 22));
    }

    @Test
    void profileReadsAParquetFileAsItReadsTheCsv() throws IOException {
        CliRun fromParquet = mlops("profile", "--json", parquet.toString());
        CliRun fromCsv = mlops("profile", "--json", CliRun.creditG().toString());

        assertThat(fromParquet.exitCode()).as(fromParquet.toString()).isZero();
        JsonNode parquetProfile = new ObjectMapper().readTree(fromParquet.out());
        JsonNode csvProfile = new ObjectMapper().readTree(fromCsv.out());
        assertThat(parquetProfile.get("fingerprints")).isEqualTo(csvProfile.get("fingerprints"));
        assertThat(parquetProfile.get("fingerprints").get(0).asText()).isEqualTo(Fingerprint.of(credit).sha256());
        assertThat(parquetProfile.get("columns")).isEqualTo(csvProfile.get("columns"));
    }

    @Test
    void checkReadsAParquetFileAndNamesRowsWithoutAHeader() throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.json"), "{\n  \"kind\" : \"check-suite\",\n"
                + "  \"formatVersion\" : 1,\n  \"name\" : \"credit-g\",\n  \"checks\" : [\n"
                + "    { \"type\" : \"completeness\", \"column\" : \"age\" },\n"
                + "    { \"type\" : \"range\", \"column\" : \"age\", \"max\" : 70 }\n  ]\n}\n", StandardCharsets.UTF_8);

        CliRun run = mlops("check", parquet.toString(), "--suite", suite.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
        assertThat(run.outLines().get(0)).isEqualTo("check report for suite 'credit-g': FAILED (1 passed, 1 error, 0 warnings)");
        assertThat(run.out()).contains("failed  error   range(age)", "(rows are numbered from 0 in the order of "
                + parquet + ")").doesNotContain("header", " line ");
        assertThat(run.outLines()).as("the rows named, as reading the CSV names them (without its lines)")
                .contains("                row 186: 74", "                row 756: 74");
    }

    @Test
    void splitWritesParquetSetsThatCoverTheInput() {
        Path out = dir.resolve("sets");

        CliRun run = mlops("split", parquet.toString(), "--out", out.toString(), "--label", "class", "--seed", "7");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Split split = Split.load(out.resolve("split.json"));
        assertThat(split.matches(credit)).isTrue();
        int rows = 0;
        for (String set : split.setNames()) {
            Table written = ParquetFormat.defaults().read(out.resolve(set + ".parquet"));
            assertThat(written).as(set).isEqualTo(split.set(credit, set));
            rows += written.rowCount();
        }
        assertThat(rows).isEqualTo(1_000);
        assertThat(out.resolve("train.csv")).doesNotExist();
    }

    @Test
    void formatNamesParquetForAFileOfAnotherNameAndTheComponentsListIt() throws IOException {
        Path renamed = Files.copy(parquet, dir.resolve("credit-g.data"));

        CliRun run = mlops("schema", "--format", "parquet(codec=gzip)", renamed.toString());
        CliRun components = mlops("components");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo(renamed + ": 1000 rows, 21 columns");
        assertThat(components.out()).contains("parquet");
    }

    @Test
    void aFileThatIsNotParquetIsBadInputNamingIt() throws IOException {
        Path notParquet = Files.writeString(dir.resolve("table.parquet"), "a,b\n1,2\n", StandardCharsets.UTF_8);

        CliRun run = mlops("schema", notParquet.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(notParquet + ": not a readable Parquet file").doesNotContain("\tat ");
    }
}
