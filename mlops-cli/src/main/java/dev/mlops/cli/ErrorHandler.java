package dev.mlops.cli;

import dev.mlops.core.MlopsException;
import dev.mlops.deploy.registry.ApprovalMissingException;
import dev.mlops.deploy.registry.StageConflictException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception that a command threw into one line on stderr and an exit status: bad input
 * (an {@link MlopsException}, a file that cannot be read) exits with
 * {@link MlopsCommand#EXIT_BAD_INPUT}; a refusal of a well-formed request (a policy's
 * {@link dev.mlops.core.access.AccessDeniedException}, missing approvals, a stage change that lost a
 * race) exits with {@link MlopsCommand#EXIT_CHECK_FAILED}; anything else is a bug and exits with
 * {@link MlopsCommand#EXIT_INTERNAL_ERROR}. The stack trace follows only under {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    private static final String PREFIX = "mlops: ";

    /** What to tell the user, and the exit status. */
    private record Failure(String message, int exitCode) {
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Failure failure = describe(exception);
        boolean verbose = MlopsCommand.isVerbose(parseResult);
        err.print(PREFIX + failure.message() + "\n");
        if (verbose) {
            exception.printStackTrace(err);
        } else if (failure.exitCode() == MlopsCommand.EXIT_INTERNAL_ERROR) {
            err.print(PREFIX + "this is a bug in mlops; run again with --verbose for the stack trace\n");
        }
        err.flush();
        return failure.exitCode();
    }

    private static Failure describe(Throwable exception) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = exception; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof NoSuchFileException missing) {
                return badInput("no such file: " + missing.getFile());
            }
            if (cause instanceof AccessDeniedException denied) {
                return badInput("permission denied: " + denied.getFile());
            }
        }
        if (exception instanceof dev.mlops.core.access.AccessDeniedException
                || exception instanceof ApprovalMissingException || exception instanceof StageConflictException) {
            return new Failure("refused: " + messageOf(exception), MlopsCommand.EXIT_CHECK_FAILED);
        }
        if (exception instanceof MlopsException) {
            return badInput(messageOf(exception));
        }
        if (exception instanceof IllegalArgumentException) {
            // the library checks the values a user passed through an option (a share, a count, a name)
            return badInput(messageOf(exception));
        }
        if (exception instanceof UncheckedIOException || exception instanceof IOException) {
            return badInput(withCause(exception));
        }
        return new Failure("internal error: " + exception, MlopsCommand.EXIT_INTERNAL_ERROR);
    }

    private static Failure badInput(String message) {
        return new Failure(message, MlopsCommand.EXIT_BAD_INPUT);
    }

    /** The message and, when it adds something, the cause's: "cannot read x.csv: Is a directory". */
    private static String withCause(Throwable exception) {
        String message = messageOf(exception);
        @Nullable Throwable cause = exception.getCause();
        if (cause == null || cause.getMessage() == null || message.contains(cause.getMessage())) {
            return message;
        }
        return message + ": " + cause.getMessage();
    }

    private static String messageOf(Throwable exception) {
        String message = exception.getMessage();
        return message == null || message.isBlank() ? exception.getClass().getSimpleName() : message;
    }
}
