package dev.mlops.cli.violation;

import dev.mlops.spark.SparkSchema;
import org.apache.spark.sql.SparkSession;

/** Uses mlops-spark and Spark itself from the CLI, on purpose for {@code ArchitectureSelfTest}. */
public final class CliUsesSpark {
    private CliUsesSpark() {
    }

    /** A use of mlops-spark outside the modules that may run Spark. */
    public static int columns(SparkSchema schema) {
        return schema.size();
    }

    /** A use of Spark outside the modules that may run Spark. */
    public static String version(SparkSession spark) {
        return spark.version();
    }
}
