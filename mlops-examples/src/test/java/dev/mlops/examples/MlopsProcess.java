package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code mlops} command in a child process, as a user runs it: {@code java -jar} on
 * mlops-cli's shaded jar (the system property {@code mlops.jar}, set by failsafe), with
 * {@code MLOPS_PLUGINS} removed from the environment so that only {@code --plugins} names plugins.
 * The JVM compiles with C1 only ({@code -XX:TieredStopAtLevel=1}): a run of a few seconds then takes
 * about half the CPU, and does the same.
 * For the integration tests ({@code *IT}) of the user's components; {@link #start} runs any other
 * command line (an example's {@code main} in a child JVM) the same way.
 */
public final class MlopsProcess {
    private static final long TIMEOUT_SECONDS = 60;

    private MlopsProcess() {
        throw new AssertionError("no instances");
    }

    /**
     * A finished process.
     *
     * @param exitCode the exit status
     * @param out stdout, decoded as UTF-8
     * @param err stderr, decoded as UTF-8
     */
    public record Result(int exitCode, String out, String err) {
    }

    /**
     * Runs {@code java -jar mlops.jar ARGS} and waits up to a minute.
     *
     * @param scratch a directory for the captured output
     * @param args the command's arguments
     * @return the exit status and output
     * @throws IOException if the process cannot start or its output cannot be read
     * @throws InterruptedException if interrupted while waiting
     */
    public static Result run(Path scratch, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("mlops.jar");
        assertThat(jar).as("the system property mlops.jar (set by failsafe)").isNotNull();
        assertThat(Path.of(jar)).as("mlops-cli's shaded jar; build the reactor with mvn verify").isRegularFile();
        List<String> command = new ArrayList<>(java());
        command.addAll(List.of("-jar", jar));
        command.addAll(List.of(args));
        return start(scratch, command);
    }

    /**
     * Runs a command line and waits up to a minute, {@code MLOPS_PLUGINS} removed from its environment.
     *
     * @param scratch a directory for the captured output
     * @param command the program and its arguments
     * @return the exit status and output
     * @throws IOException if the process cannot start or its output cannot be read
     * @throws InterruptedException if interrupted while waiting
     */
    public static Result start(Path scratch, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(scratch, "stdout", ".txt");
        Path err = Files.createTempFile(scratch, "stderr", ".txt");
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

    /** @return the {@code java} launcher of the running JVM and its option for a short run */
    public static List<String> java() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1");
    }

    /** @return credit-g as the build's data directory holds it (the system property {@code mlops.data.dir}) */
    public static Path creditG() {
        return Path.of(System.getProperty("mlops.data.dir", "src/main/resources/data"), "credit-g.csv");
    }
}
