package dev.mlops.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session the tests share: {@code local[2]}, created once per test JVM on first use and
 * stopped when the JVM ends, with a small shuffle partition count and no UI.
 */
final class LocalSpark {

    private LocalSpark() {
        throw new AssertionError("no instances");
    }

    private static final class Holder {
        static final SparkSession SESSION = start();

        private static SparkSession start() {
            SparkSession session = SparkSession.builder()
                    .master("local[2]")
                    .appName("mlops-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop, "spark-stop"));
            return session;
        }
    }

    /** @return the shared session */
    static SparkSession session() {
        return Holder.SESSION;
    }
}
