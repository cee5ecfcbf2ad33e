package dev.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.MlopsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

class ErrorHandlerTest {

    /** A stand-in command with the one option the handler looks at. */
    @Command(name = "probe")
    static final class Probe {
        @Option(names = "--verbose")
        boolean verbose;
    }

    private final StringWriter err = new StringWriter();

    private int handle(Exception exception, String... args) {
        CommandLine commandLine = new CommandLine(new Probe());
        commandLine.setErr(new PrintWriter(err));
        ParseResult parseResult = commandLine.parseArgs(args);
        return new ErrorHandler().handleExecutionException(exception, commandLine, parseResult);
    }

    @Test
    void mlopsExceptionIsBadInputWithItsMessage() {
        int status = handle(new DataFormatException("credit.csv", 3, "age", 2, "expected a number but found \"abc\""));

        assertThat(status).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
        assertThat(err).hasToString("mlops: credit.csv line 3, column 'age' (2): expected a number but found \"abc\"\n");
    }

    @Test
    void missingFileAnywhereInTheCausesIsNamed() {
        int status = handle(new UncheckedIOException("cannot read x.csv", new NoSuchFileException("x.csv")));

        assertThat(status).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
        assertThat(err).hasToString("mlops: no such file: x.csv\n");
    }

    @Test
    void unreadableFileIsNamed() {
        int status = handle(new MlopsException("cannot open", new AccessDeniedException("secret.csv")));

        assertThat(status).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
        assertThat(err).hasToString("mlops: permission denied: secret.csv\n");
    }

    @Test
    void otherIoFailureKeepsItsCause() {
        int status = handle(new UncheckedIOException("cannot read d", new IOException("Is a directory")));

        assertThat(status).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
        assertThat(err).hasToString("mlops: cannot read d: Is a directory\n");
    }

    @Test
    void anArgumentTheLibraryRefusesIsBadInput() {
        int status = handle(new IllegalArgumentException("alpha must be in (0, 1) but was 2.0"));

        assertThat(status).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
        assertThat(err).hasToString("mlops: alpha must be in (0, 1) but was 2.0\n");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anythingElseIsAnInternalError(boolean verbose) {
        int status = verbose ? handle(new IllegalStateException("boom"), "--verbose")
                : handle(new IllegalStateException("boom"));

        assertThat(status).isEqualTo(MlopsCommand.EXIT_INTERNAL_ERROR);
        assertThat(err.toString()).startsWith("mlops: internal error: java.lang.IllegalStateException: boom\n");
        if (verbose) {
            assertThat(err.toString()).contains("\tat dev.mlops.cli.ErrorHandlerTest.");
        } else {
            assertThat(err.toString()).endsWith("run again with --verbose for the stack trace\n").doesNotContain("\tat ");
        }
    }
}
