package dev.mlops.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.core.table.ColumnType;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.check.Checks;
import dev.mlops.data.profile.ColumnProfile;
import dev.mlops.data.profile.DatasetProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparkJobTest {

    /** The output of one run: its exit status and what it printed. */
    record Run(int status, String out, String err) {
    }

    static Run run(Supplier<SparkSession> sessions, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SparkJob.run(sessions, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(LocalSpark::session, args);
    }

    /** A session supplier for command lines that must be refused before any Spark work. */
    static SparkSession noSession() {
        throw new AssertionError("a bad command line must not start Spark");
    }

    /** 200 rows: a number, a city (with non-ASCII names) and a flag; row 7's number missing. */
    static Path cities(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("amount,city,member\n");
        String[] cities = {"München", "São Paulo", "Hamburg", "Köln"};
        for (int i = 0; i < 200; i++) {
            csv.append(i == 7 ? "" : Double.toString(i * 1.5)).append(',').append(cities[i % cities.length])
                    .append(',').append(i % 3 == 0).append('\n');
        }
        return Files.writeString(dir.resolve("cities.csv"), csv, StandardCharsets.UTF_8);
    }

    @Nested
    class Usage {

        @Test
        void withoutACommandItIsAUsageError() {
            Run run = run(SparkJobTest::noSession);

            assertThat(run.status()).isEqualTo(SparkJob.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("Missing required command: profile, check or drift").contains("Usage:");
        }

        @Test
        void anUnknownCommandOrOptionIsAUsageError() {
            assertThat(run(SparkJobTest::noSession, "profiles").status()).isEqualTo(SparkJob.EXIT_BAD_INPUT);
            Run run = run(SparkJobTest::noSession, "profile", "--input", "x.csv", "--output", "p.json", "--fast");
            assertThat(run.status()).isEqualTo(SparkJob.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("Unknown option: '--fast'");
        }

        @Test
        void aMissingRequiredOptionIsNamed() {
            Run run = run(SparkJobTest::noSession, "profile", "--input", "x.csv");

            assertThat(run.status()).isEqualTo(SparkJob.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("Missing required option: '--output=PROFILE_JSON'");
        }

        @Test
        void anUnknownFormatIsNamedWithTheKnownOnes() {
            Run run = run(SparkJobTest::noSession, "profile", "--input", "x", "--format", "orc", "--output", "p.json");

            assertThat(run.status()).isEqualTo(SparkJob.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("'orc' is not a format: csv, parquet or json");
        }

        @Test
        void aNegativeLimitIsRefusedNamingTheOptionAndValue() {
            Run run = run(SparkJobTest::noSession, "profile", "--input", "x.csv", "--output", "p.json", "--top-k",
                    "-1");

            assertThat(run.status()).isEqualTo(SparkJob.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("--top-k must not be negative but was -1");
        }

        @Test
        void helpAndVersionExitZeroWithoutSpark() {
            Run help = run(SparkJobTest::noSession, "profile", "--help");
            assertThat(help.status()).isEqualTo(SparkJob.EXIT_OK);
            assertThat(help.out()).contains("--exact-quantile-limit");
            Run version = run(SparkJobTest::noSession, "--version");
            assertThat(version.status()).isEqualTo(SparkJob.EXIT_OK);
            assertThat(version.out()).startsWith("mlops-spark ");
        }
    }

    @ParameterizedTest
    @CsvSource({"data.csv, CSV", "s3a://bucket/day=1/part-0.PARQUET, PARQUET", "events.json, JSON",
        "events.jsonl, JSON", "hdfs:///warehouse/table, CSV"})
    void theFormatFollowsThePathsExtension(String path, SparkJob.Format format) {
        assertThat(SparkJob.Format.of(path)).isEqualTo(format);
    }

    @Nested
    class Profile {

        @Test
        void writesTheProfileOfTheInputForExport(@TempDir Path dir) throws IOException {
            Path input = cities(dir);
            Path output = dir.resolve("out/profile.json");
            Files.createDirectories(output.getParent());

            Run run = run("profile", "--input", input.toString(), "--output", output.toString(), "--top-k", "3");

            assertThat(run.status()).as(run.err()).isEqualTo(SparkJob.EXIT_OK);
            assertThat(run.out()).isEqualTo(input + ": 200 rows, 3 columns; profile written to " + output
                    + System.lineSeparator());
            DatasetProfile profile = DatasetProfile.load(output);
            assertThat(profile.rowCount()).isEqualTo(200);
            assertThat(profile.columns()).extracting(ColumnProfile::name).containsExactly("amount", "city", "member");
            assertThat(profile.columns()).extracting(ColumnProfile::type).containsExactly(ColumnType.NUMERIC,
                    ColumnType.CATEGORICAL, ColumnType.BOOLEAN);
            assertThat(profile.columns().get(0).missing()).isEqualTo(1);
            assertThat(Files.readString(output, StandardCharsets.UTF_8)).contains("São Paulo").endsWith("}\n");
        }

        @Test
        void aMissingInputIsBadInputNamingThePath(@TempDir Path dir) {
            Path absent = dir.resolve("absent.csv");

            Run run = run("profile", "--input", absent.toString(), "--output", dir.resolve("p.json").toString());

            assertThat(run.status()).isEqualTo(SparkJob.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops-spark: ").contains("absent.csv").doesNotContain("\tat ");
            assertThat(dir.resolve("p.json")).doesNotExist();
        }
    }

    static boolean passed(Path report) throws IOException {
        return new ObjectMapper().readTree(report.toFile()).get("passed").asBoolean();
    }

    @Nested
    class Check {

        private static CheckSuite suite(String... allowedCities) {
            return CheckSuite.builder("cities").add(Checks.range("amount", 0, 1000))
                    .add(Checks.allowedValues("city", List.of(allowedCities))).build();
        }

        @Test
        void aPassingSuiteExitsZeroAndWritesTheReport(@TempDir Path dir) throws IOException {
            Path input = cities(dir);
            Path suiteFile = dir.resolve("suite.json");
            suite("München", "São Paulo", "Hamburg", "Köln").save(suiteFile);
            Path report = dir.resolve("report.json");

            Run run = run("check", "--input", input.toString(), "--suite", suiteFile.toString(), "--report",
                    report.toString());

            assertThat(run.status()).as(run.err()).isEqualTo(SparkJob.EXIT_OK);
            assertThat(run.out()).contains("range(amount)").contains("allowed-values(city)");
            assertThat(passed(report)).isTrue();
        }

        @Test
        void aFailingSuiteExitsOneAsMlopsCheckDoesAndTheReportSaysWhy(@TempDir Path dir) throws IOException {
            Path input = cities(dir);
            Path suiteFile = dir.resolve("suite.json");
            suite("München", "Hamburg").save(suiteFile);
            Path report = dir.resolve("report.json");

            Run run = run("check", "--input", input.toString(), "--suite", suiteFile.toString(), "--report",
                    report.toString(), "--json");

            assertThat(run.status()).as(run.err()).isEqualTo(SparkJob.EXIT_CHECK_FAILED);
            String json = Files.readString(report, StandardCharsets.UTF_8);
            assertThat(run.out()).isEqualTo(json);
            assertThat(passed(report)).isFalse();
            assertThat(json).contains("allowed-values(city)");
        }

        @Test
        void aDistributionCheckWithoutAReferenceIsBadInputNamingTheOption(@TempDir Path dir) throws IOException {
            Path input = cities(dir);
            Path suiteFile = dir.resolve("suite.json");
            CheckSuite.builder("drifting").add(Checks.ks("amount")).build().save(suiteFile);
            Path report = dir.resolve("report.json");

            Run run = run(SparkJobTest::noSession, "check", "--input", input.toString(), "--suite",
                    suiteFile.toString(), "--report", report.toString());

            assertThat(run.status()).isEqualTo(SparkJob.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("suite 'drifting' compares distributions against a reference (ks(amount))")
                    .contains("--reference PROFILE_JSON");
            assertThat(report).doesNotExist();
        }

        @Test
        void aDistributionCheckComparesAgainstTheReferenceProfile(@TempDir Path dir) throws IOException {
            Path input = cities(dir);
            Path profile = dir.resolve("profile.json");
            assertThat(run("profile", "--input", input.toString(), "--output", profile.toString()).status())
                    .isEqualTo(SparkJob.EXIT_OK);
            Path suiteFile = dir.resolve("suite.json");
            CheckSuite.builder("drifting").add(Checks.ks("amount")).build().save(suiteFile);

            Run run = run("check", "--input", input.toString(), "--suite", suiteFile.toString(), "--reference",
                    profile.toString(), "--report", dir.resolve("report.json").toString());

            assertThat(run.status()).as(run.err() + run.out()).isEqualTo(SparkJob.EXIT_OK);
            assertThat(run.out()).contains("ks(amount)");
        }

        @Test
        void aMissingSuiteIsBadInputNamingTheFile(@TempDir Path dir) throws IOException {
            Run run = run(SparkJobTest::noSession, "check", "--input", cities(dir).toString(), "--suite",
                    dir.resolve("nope.json").toString(), "--report", dir.resolve("r.json").toString());

            assertThat(run.status()).isEqualTo(SparkJob.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("nope.json");
        }
    }

    @Nested
    class Drift {

        @Test
        void theSameDataDoesNotDriftFromItsOwnProfileAndShiftedDataDoes(@TempDir Path dir) throws IOException {
            Path input = cities(dir);
            Path baseline = dir.resolve("baseline.json");
            assertThat(run("profile", "--input", input.toString(), "--output", baseline.toString()).status())
                    .isEqualTo(SparkJob.EXIT_OK);
            Path report = dir.resolve("drift.json");

            Run same = run("drift", "--input", input.toString(), "--baseline", baseline.toString(), "--report",
                    report.toString());

            assertThat(same.status()).as(same.err() + same.out()).isEqualTo(SparkJob.EXIT_OK);
            assertThat(passed(report)).isTrue();
            Path shifted = Files.writeString(dir.resolve("shifted.csv"), Files.readString(input, StandardCharsets.UTF_8)
                    .replace("München", "Köln").replace("Hamburg", "Köln"), StandardCharsets.UTF_8);

            Run drifted = run("drift", "--input", shifted.toString(), "--baseline", baseline.toString(), "--report",
                    report.toString(), "--json");

            assertThat(drifted.status()).as(drifted.err()).isEqualTo(SparkJob.EXIT_CHECK_FAILED);
            assertThat(passed(report)).isFalse();
            assertThat(drifted.out()).isEqualTo(Files.readString(report, StandardCharsets.UTF_8));
        }

        @Test
        void anUnknownDetectorIsBadInput(@TempDir Path dir) throws IOException {
            Run run = run(SparkJobTest::noSession, "drift", "--input", cities(dir).toString(), "--baseline",
                    dir.resolve("b.json").toString(), "--report", dir.resolve("r.json").toString(), "--detector",
                    "nope(x=1)");

            assertThat(run.status()).isEqualTo(SparkJob.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops-spark: ").contains("nope");
        }
    }
}
