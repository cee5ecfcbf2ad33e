package dev.mlops.examples.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The done-when of the extension model, as a user meets it: the user's check and splitter,
 * packed in a jar of their own (this package's compiled classes and its {@code META-INF/services}
 * entry), run from the real {@code mlops.jar} with {@code --plugins DIR}; without the plugin the
 * suite is refused, naming the unknown type.
 */
class PluginCliIT {
    private static final long TIMEOUT_SECONDS = 60;
    private static final String SERVICES = "META-INF/services/dev.mlops.core.component.ComponentType";

    @TempDir
    static Path shared;

    static Path plugins;
    static Path suite;

    @BeforeAll
    static void packThePlugin() throws IOException, URISyntaxException {
        Path classes = Path.of(HashSplitter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        plugins = Files.createDirectories(shared.resolve("plugins"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("team-components.jar")));
                Stream<Path> files = Files.walk(classes.resolve("dev/mlops/examples/plugin"))) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(PluginCliIT::isComponentClass).sorted()::iterator) {
                add(jar, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            add(jar, SERVICES, Files.readAllBytes(classes.resolve(SERVICES)));
        }
        suite = shared.resolve("suite.json");
        PluginWorkflowTest.suite().save(suite);
    }

    /** The user's component classes and their nested settings and types; not the tests beside them. */
    private static boolean isComponentClass(Path file) {
        String name = file.getFileName().toString();
        return name.matches("(HashSplitter|WholeNumberCheck)(\\$\\w+)?\\.class");
    }

    private static void add(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(bytes);
        jar.closeEntry();
    }

    /** A finished process: exit status, stdout and stderr decoded as UTF-8. */
    record Result(int exitCode, String out, String err) {
    }

    static Result mlops(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("mlops.jar");
        assertThat(jar).as("the system property mlops.jar (set by failsafe)").isNotNull();
        assertThat(Path.of(jar)).as("mlops-cli's shaded jar; build the reactor with mvn verify").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(shared, "stdout", ".txt");
        Path err = Files.createTempFile(shared, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("MLOPS_PLUGINS");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("%s did not finish within %d s", command, TIMEOUT_SECONDS);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static Path creditG() {
        return Path.of(System.getProperty("mlops.data.dir", "src/main/resources/data"), "credit-g.csv");
    }

    @Test
    void theSuiteWithTheUsersCheckPassesOnCreditG() throws Exception {
        Result result = mlops("check", creditG().toString(), "--suite", suite.toString(), "--plugins",
                plugins.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("whole-number(age)", "whole-number(duration)");
    }

    @Test
    void theUsersCheckFailsTheGateOnARowThatIsNotAWholeNumber() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(creditG(), StandardCharsets.UTF_8));
        int age = List.of(lines.get(0).split(",")).indexOf("age");
        String[] cells = lines.get(5).split(",", -1);
        cells[age] = "33.5";
        lines.set(5, String.join(",", cells));
        Path modified = shared.resolve("credit-modified.csv");
        Files.write(modified, lines, StandardCharsets.UTF_8);

        Result result = mlops("check", modified.toString(), "--suite", suite.toString(), "--plugins",
                plugins.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("whole-number(age): 1 of 1000 values are not whole numbers", "row 4: 33.5");
    }

    @Test
    void withoutThePluginTheSuiteIsRefusedNamingTheType() throws Exception {
        Result result = mlops("check", creditG().toString(), "--suite", suite.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("unknown Check type 'whole-number'", "--plugins");
        assertThat(result.err()).doesNotContain("Exception");
    }

    @Test
    void theUsersSplitterSplitsFromTheCommandLine() throws Exception {
        Path customers = shared.resolve("customers.csv");
        dev.mlops.data.io.CsvFormat.defaults().write(PluginWorkflowTest.customers(), customers);
        Path out = shared.resolve("splits");

        Result result = mlops("split", customers.toString(), "--out", out.toString(), "--splitter",
                "hash(group=customer, testShare=0.25)", "--plugins", plugins.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(dev.mlops.data.split.Split.load(out.resolve("split.json")).splitter().toString())
                .isEqualTo("hash(group=customer, testShare=0.25)");
        assertThat(out.resolve("train.csv")).isRegularFile();
        assertThat(out.resolve("test.csv")).isRegularFile();
    }

    @Test
    void theComponentsCommandListsTheUsersTypes() throws Exception {
        Result result = mlops("components", "--plugins", plugins.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("\\n  whole-number +\\(column, severity\\) +every present value")
                .containsPattern("\\n  hash +\\(group, testShare\\) +test when the hash");
    }

}
