package dev.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.parquet.ParquetCodec;
import dev.mlops.parquet.ParquetFormat;
import dev.mlops.train.tracking.ActiveRun;
import dev.mlops.train.tracking.RunSpec;
import dev.mlops.train.tracking.TrackingStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code target/mlops.jar} as a real process, as a user or a CI job would:
 * {@code java -jar mlops.jar ...} with the java of this JVM (compiling with C1 only,
 * {@code -XX:TieredStopAtLevel=1}: half the CPU for a run of seconds, the same behaviour). Failsafe
 * runs it after the shade plugin has made the jar and passes its path as {@code mlops.jar}.
 */
class MlopsJarIT {
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;

    /** A finished process: exit status, stdout and stderr decoded as UTF-8. */
    private record Result(int exitCode, String out, String err) {
    }

    private Result java(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return java(dir, environment, args);
    }

    private Result java(Path workingDirectory, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        String jar = System.getProperty("mlops.jar");
        assertThat(jar).as("the system property mlops.jar (set by failsafe)").isNotNull();
        assertThat(Path.of(jar)).as("the shaded jar").isRegularFile();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-jar");
        command.add(jar);
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // the developer's own plugin directory and tracking store must not change what these tests see
        builder.environment().remove(Plugins.ENVIRONMENT);
        builder.environment().remove(StoreLocation.STORE_ENVIRONMENT);
        builder.environment().remove(StoreLocation.ARTIFACTS_ENVIRONMENT);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("%s did not finish within %d s", command, TIMEOUT_SECONDS);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * The packaged jar reads and writes Parquet: the format's service entry survives the shade
     * plugin's merge, and its run-time class path (no snappy-java, no zstd-jni, Hadoop's client API
     * only) suffices for zstd pages.
     */
    @Test
    void splitReadsAndWritesParquet() throws IOException, InterruptedException {
        Table credit = CsvFormat.defaults().read(CliRun.creditG());
        Path input = dir.resolve("credit-g.parquet");
        ParquetFormat.builder().codec(ParquetCodec.ZSTD).build().write(credit, input);
        Path out = dir.resolve("sets");

        Result result = java(Map.of(), "split", input.toString(), "--out", out.toString(), "--label", "class");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        int rows = 0;
        for (String set : List.of("train", "validation", "test")) {
            rows += ParquetFormat.defaults().read(out.resolve(set + ".parquet")).rowCount();
        }
        assertThat(rows).isEqualTo(credit.rowCount());
    }

    /**
     * {@code --verbose} lowers mlops' logs to debug but keeps parquet-hadoop's at info: at debug it
     * dumps a file's footer.
     */
    @Test
    void verboseOnParquetLogsOurDebugLinesNotParquets() throws IOException, InterruptedException {
        Path input = dir.resolve("credit-g.parquet");
        ParquetFormat.defaults().write(CsvFormat.defaults().read(CliRun.creditG()), input);

        Result result = java(Map.of(), "--verbose", "schema", input.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("[DEBUG] InputFormat - reading " + input)
                .doesNotContain("ParquetFileReader").doesNotContain("footer");
    }

    @Test
    void schemaOfCreditG() throws IOException, InterruptedException {
        Path creditG = CliRun.creditG();

        Result result = java(Map.of(), "schema", creditG.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(22);
        assertThat(lines.get(0)).isEqualTo(creditG + ": 1000 rows, 21 columns");
        assertThat(lines.get(2)).isEqualTo("  2  duration                numeric      0 missing");
        assertThat(lines.stream().filter(line -> line.contains(" numeric "))).hasSize(7);
        assertThat(lines.stream().filter(line -> line.contains(" categorical "))).hasSize(14);
        assertThat(lines.get(21)).isEqualTo(" 21  class                   categorical  0 missing");
        assertThat(result.err()).doesNotContain("Exception");
    }

    @Test
    void pluginsFromTheEnvironmentVariable() throws IOException, InterruptedException {
        Path plugins = dir.resolve("plugins");
        PluginJar.build(dir.resolve("work"), plugins.resolve("hello-plugin.jar"));

        Result result = java(Map.of(Plugins.ENVIRONMENT, plugins.toString()), "components", "--kind", "Greeting");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines().toList()).containsExactly("Greeting (example.plugin.Greeting)",
                "  hello  (greeting, times)  greets a name, again and again");
    }

    @Test
    void pluginsFromTheOptionWhichJavaJarNeedsInsteadOfTheClassPath() throws IOException, InterruptedException {
        Path plugins = dir.resolve("plugins");
        PluginJar.build(dir.resolve("work"), plugins.resolve("hello-plugin.jar"));

        Result result = java(Map.of(), "--plugins", plugins.toString(), "components", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("\"name\": \"hello\"", "\"kind\": \"example.plugin.Greeting\"");
    }

    @Test
    void aMissingPluginDirectoryExitsTwoWithOneLine() throws IOException, InterruptedException {
        Path missing = dir.resolve("nope");

        Result result = java(Map.of(Plugins.ENVIRONMENT, missing.toString()), "components");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("mlops: the plugin directory does not exist (MLOPS_PLUGINS=" + missing
                + ")\n");
    }

    @Test
    void runsOfTheDefaultStoreInTheWorkingDirectory() throws IOException, InterruptedException {
        Path project = Files.createDirectories(dir.resolve("project"));
        String id;
        try (TrackingStore tracking = TrackingStore.open(project.resolve(StoreLocation.DEFAULT_DIRECTORY));
                ActiveRun run = tracking.startRun("credit", RunSpec.builder().name("logistic").build())) {
            run.logMetric("val_auc", 0.81);
            run.finish();
            id = run.id();
        }

        Result list = java(project, Map.of(), "runs", "list", "--order-by=-val_auc");
        Result show = java(project, Map.of(), "runs", "show", id.substring(0, 6), "--json");

        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out().lines().toList()).hasSize(2);
        assertThat(list.out().lines().toList().get(1)).startsWith(id.substring(0, 8) + "  credit      logistic  finished  ")
                .endsWith("  0.81");
        assertThat(list.err()).as("Flyway's logs stay below warn").isEmpty();
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(new ObjectMapper().readTree(show.out()).get("id").asText()).isEqualTo(id);
    }

    @Test
    void stratifiedSplitOfCreditG() throws IOException, InterruptedException {
        Path out = dir.resolve("split");

        Result result = java(Map.of(), "split", CliRun.creditG().toString(), "--out", out.toString(), "--label", "class");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("1000 rows, stratified split", "  bad   210/45/45", "  good  490/105/105");
        assertThat(result.err()).doesNotContain("Exception");
        assertThat(Files.readAllLines(out.resolve("train.csv"), StandardCharsets.UTF_8)).hasSize(701);
        assertThat(Files.readAllLines(out.resolve("validation.csv"), StandardCharsets.UTF_8)).hasSize(151);
        assertThat(Files.readAllLines(out.resolve("test.csv"), StandardCharsets.UTF_8)).hasSize(151);
        assertThat(out.resolve("split.json")).isRegularFile();
    }

    @Test
    void creditGGate() throws IOException, InterruptedException {
        Path creditG = CliRun.creditG();
        Path suite = dir.resolve("suite.json");

        Result suggest = java(Map.of(), "suggest", creditG.toString(), "--out", suite.toString());

        assertThat(suggest.exitCode()).as(suggest.toString()).isZero();
        assertThat(suggest.out()).startsWith("suggested suite 'credit-g': ").contains("allowed-values(purpose)");
        assertThat(suite).isRegularFile();

        Result clean = java(Map.of(), "check", creditG.toString(), "--suite", suite.toString());

        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(clean.out()).startsWith("check report for suite 'credit-g': passed (").contains(" 0 errors");
        assertThat(clean.err()).doesNotContain("Exception");

        // data rows 10, 100 and 500 (0-based, header not counted): a negative age, a missing duration, a new purpose
        List<String> lines = new ArrayList<>(Files.readAllLines(creditG, StandardCharsets.UTF_8));
        List<String> header = List.of(lines.get(0).split(",", -1));
        lines.set(11, withValue(lines.get(11), header.indexOf("age"), "-5"));
        lines.set(101, withValue(lines.get(101), header.indexOf("duration"), ""));
        lines.set(501, withValue(lines.get(501), header.indexOf("purpose"), "spaceship"));
        Path modified = Files.write(dir.resolve("credit-g-modified.csv"), lines, StandardCharsets.UTF_8);
        Path quarantine = dir.resolve("quarantine");

        Result dirty = java(Map.of(), "check", modified.toString(), "--suite", suite.toString(), "--quarantine",
                quarantine.toString());

        assertThat(dirty.exitCode()).as(dirty.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
        assertThat(dirty.out()).startsWith("check report for suite 'credit-g': FAILED (")
                .contains("failed  error   range(age)", "row 10: -5",
                        "failed  error   completeness(duration)", "row 100: <missing>",
                        "failed  error   allowed-values(purpose)", "row 500: spaceship",
                        "quarantined 3 of 1000 rows");
        assertThat(dirty.err()).isEmpty();
        assertThat(Files.readAllLines(quarantine.resolve("credit-g-modified.passing.csv"), StandardCharsets.UTF_8))
                .hasSize(998);
        List<String> quarantined = Files.readAllLines(quarantine.resolve("credit-g-modified.quarantined.csv"),
                StandardCharsets.UTF_8);
        assertThat(quarantined).hasSize(4);
        assertThat(quarantined.get(1)).contains(",-5,");
        assertThat(quarantined.get(3)).contains(",spaceship,");
        List<String> reasons = Files.readAllLines(quarantine.resolve("credit-g-modified.quarantined.reasons.csv"),
                StandardCharsets.UTF_8);
        assertThat(reasons).hasSize(4).first().isEqualTo("row,line,quarantine_reasons");
        assertThat(reasons.get(1)).startsWith("10,").endsWith(",range(age)");
        assertThat(reasons.get(2)).startsWith("100,").endsWith(",completeness(duration)");
        assertThat(reasons.get(3)).startsWith("500,").endsWith(",allowed-values(purpose)");
    }

    @Test
    void profileOfCreditGAsJson() throws IOException, InterruptedException {
        Path profile = dir.resolve("profile.json");

        Result result = java(Map.of(), "profile", CliRun.creditG().toString(), "--json", "--out", profile.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("kind").asText()).isEqualTo("dataset-profile");
        assertThat(json.get("rowCount").asInt()).isEqualTo(1000);
        assertThat(json.get("columns")).hasSize(21);
        assertThat(Files.readString(profile, StandardCharsets.UTF_8)).isEqualTo(result.out());
    }

    /** The line of a CSV without quoted values, with one value replaced. */
    private static String withValue(String line, int column, String value) {
        String[] values = line.split(",", -1);
        values[column] = value;
        return String.join(",", values);
    }

    @Test
    void badFileExitsWithTwoAndOneLine() throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve("ragged.csv"), "a,b\n1,2\n3\n", StandardCharsets.UTF_8);

        Result result = java(Map.of(), "schema", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("mlops: " + file + " line 3: expected 2 values")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void stdoutIsUtf8EvenInThePosixLocale() throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve("cities.csv"), "stadt,größe\nMünchen,1.5\nSão Paulo,12.3\n",
                StandardCharsets.UTF_8);

        Result result = java(Map.of("LC_ALL", "C", "LANG", "C"), "schema", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("  2  größe  numeric      0 missing");
    }
}
