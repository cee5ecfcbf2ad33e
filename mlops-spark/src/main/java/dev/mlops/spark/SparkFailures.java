package dev.mlops.spark;

import dev.mlops.core.MlopsException;
import java.util.function.Supplier;
import org.apache.spark.SparkException;

/**
 * Runs a Spark action and, when a task failed with one of mlops' own exceptions (a value a column
 * cannot hold, a check that cannot run), rethrows that exception on the driver instead of Spark's
 * wrapper, so that callers see the same errors as in one JVM.
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
            // Spark's Scala code throws its checked SparkException undeclared
            if (!(e instanceof SparkException)) {
                throw new MlopsException("Spark action failed: " + e, e);
            }
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof RuntimeException ours && ours.getClass().getName().startsWith("dev.mlops.")) {
                    ours.addSuppressed(e);
                    throw ours;
                }
            }
            throw new MlopsException(e.getMessage(), e);
        }
    }
}
