package dev.mlops.examples.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.examples.ExampleMain;
import dev.mlops.examples.MlopsProcess;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second example's promise, kept by the real {@code mlops.jar} in a child process: the suite
 * {@link ExtensionPoints} saved, run by the command it printed, with the plugin jar it packed;
 * refused without {@code --plugins}, naming the unknown type; and the same jar's experiment and
 * drift detector named by {@code mlops train} and {@code mlops drift}.
 */
class ExtensionCliIT {
    @TempDir
    static Path shared;

    static ExtensionRun run;

    @BeforeAll
    static void runTheExample() {
        run = ExtensionPoints.run(shared.resolve("example"), new PrintStream(OutputStream.nullOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    /** The printed command's arguments after {@code java -jar mlops.jar}, with the data file replaced. */
    private static String[] printedCommand(Path data) {
        List<String> args = new ArrayList<>(run.command().subList(3, run.command().size()));
        args.set(1, data.toString());
        return args.toArray(new String[0]);
    }

    @Test
    void thePrintedCommandPassesCreditG() throws Exception {
        MlopsProcess.Result result = MlopsProcess.run(shared, printedCommand(run.data()));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("passed  error   instalment(credit_amount/duration): 1000 of 1000 rows pass");
    }

    @Test
    void aLoanOfEighteenThousandOverFourMonthsFailsTheGate() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(run.data(), StandardCharsets.UTF_8));
        List<String> header = List.of(lines.get(0).split(","));
        String[] cells = lines.get(5).split(",", -1);
        cells[header.indexOf("credit_amount")] = "18000";
        cells[header.indexOf("duration")] = "4";
        lines.set(5, String.join(",", cells));
        Path modified = shared.resolve("credit-modified.csv");
        Files.write(modified, lines, StandardCharsets.UTF_8);

        MlopsProcess.Result result = MlopsProcess.run(shared, printedCommand(modified));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("instalment(credit_amount/duration): 999 of 1000 rows pass",
                "row 4: credit_amount=18000, duration=4: 4500.00 a month");
    }

    @Test
    void withoutThePluginTheSuiteIsRefusedNamingTheType() throws Exception {
        MlopsProcess.Result result = MlopsProcess.run(shared, "check", run.data().toString(), "--suite",
                run.suite().toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("unknown Check type 'instalment'", "--plugins").doesNotContain("Exception");
    }

    @Test
    void theComponentsCommandListsTheThreeTypes() throws Exception {
        MlopsProcess.Result result = MlopsProcess.run(shared, "components", "--plugins", run.plugins().toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("\\n  instalment +\\(amount, months, min, max, mostly, severity\\)")
                .containsPattern("\\n  energy +\\(threshold\\) +energy distance")
                .containsPattern("\\n  nearest-neighbours +\\(k\\) +k nearest neighbours");
    }

    @Test
    void theExperimentTrainsFromTheCommandLine() throws Exception {
        MlopsProcess.Result result = MlopsProcess.run(shared, "train", run.data().toString(), "--label", "class",
                "--model", "nearest-neighbours(k=25)", "--store", shared.resolve("cli-store").toString(),
                "--plugins", run.plugins().toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("\\n?1  nearest-neighbours\\(k=25\\) ");
    }

    @Test
    void theDetectorComparesTheNumericColumnsFromTheCommandLine() throws Exception {
        MlopsProcess.Result result = MlopsProcess.run(shared, "drift", "--reference", run.trainingRows().toString(),
                "--current", run.olderRows().toString(), "--detector", "energy(threshold=0.2)", "--plugins",
                run.plugins().toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).containsPattern("drift +column 'age': energy [0-9.]+ >= threshold 0.2: drift")
                .contains("column 'credit_amount': energy ");
    }

    @Test
    void theMainRefusesADirectoryOfOtherFilesInOneLineWithExitTwo() throws Exception {
        Path other = Files.createDirectories(shared.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine", StandardCharsets.UTF_8);

        MlopsProcess.Result result = main(other.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExampleMain.BAD_USAGE);
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("extension points example failed: output directory " + other.toAbsolutePath().normalize())
                .contains("holds files but no " + ExtensionPoints.MARKER);
        assertThat(other).isDirectoryNotContaining(path -> !path.getFileName().toString().equals("notes.txt"));
    }

    @Test
    void theMainTakesOneDirectoryAtMostAndSaysSoWithExitTwo() throws Exception {
        MlopsProcess.Result result = main("one", "two");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("usage: ExtensionPoints [DIRECTORY]  (default "
                + ExtensionPoints.DEFAULT_DIRECTORY + ")");
    }

    /** Runs {@code ExtensionPoints.main} in a child JVM on the test class path. */
    private static MlopsProcess.Result main(String... args) throws Exception {
        List<String> command = new ArrayList<>(MlopsProcess.java());
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")), ExtensionPoints.class.getName()));
        command.addAll(List.of(args));
        return MlopsProcess.start(shared, command);
    }
}
