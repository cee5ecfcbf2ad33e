package dev.mlops.spark;

import dev.mlops.core.MlopsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.SparkException;
import org.apache.spark.sql.AnalysisException;

/**
 * Runs a Spark action and tells bad input from everything else, so that callers see the same errors
 * as in one JVM:
 * <ul>
 *   <li>a task that failed with one of mlops' own exceptions (a value a column cannot hold, a check
 *       that cannot run) rethrows that exception on the driver instead of Spark's wrapper;</li>
 *   <li>a failure caused by the input ({@link IllegalArgumentException}, Spark's
 *       {@code SparkIllegalArgumentException}, {@link IOException}, {@link UncheckedIOException},
 *       {@link AnalysisException}) becomes an {@link MlopsException}, which {@link SparkJob} reports as
 *       bad input;</li>
 *   <li>anything else (a {@link NullPointerException} in a check, an executor out of memory, lost
 *       executors, fetch failures) is not the input's fault: it becomes an {@link IllegalStateException}
 *       with Spark's exception as its cause, which {@link SparkJob} reports as an internal error.</li>
 * </ul>
 */
final class SparkFailures {

    private SparkFailures() {
        throw new AssertionError("no instances");
    }

    static <T> T run(Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Spark's Scala code throws its checked exceptions (SparkException, AnalysisException) undeclared
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof RuntimeException ours && ours.getClass().getName().startsWith("dev.mlops.")) {
                    ours.addSuppressed(e);
                    throw ours;
                }
            }
            if (causedByInput(e)) {
                throw new MlopsException(e instanceof SparkException ? String.valueOf(e.getMessage())
                        : "Spark action failed: " + e, e);
            }
            throw new IllegalStateException("Spark action failed, not because of the input (a bug, or the "
                    + "cluster: an executor out of memory or lost): " + e, e);
        }
    }

    /** @return whether the failure or one of its causes says the input is bad */
    private static boolean causedByInput(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException || cause instanceof IOException
                    || cause instanceof UncheckedIOException || cause instanceof AnalysisException) {
                return true;
            }
        }
        return false;
    }
}
