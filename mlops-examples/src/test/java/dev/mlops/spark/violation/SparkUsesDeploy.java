package dev.mlops.spark.violation;

import dev.mlops.deploy.gate.GateReport;

/** Uses mlops-deploy from mlops-spark, on purpose for {@code ArchitectureSelfTest}. */
public final class SparkUsesDeploy {
    private SparkUsesDeploy() {
    }

    /** A use of a module mlops-spark must not depend on. */
    public static boolean passed(GateReport report) {
        return report.passed();
    }
}
