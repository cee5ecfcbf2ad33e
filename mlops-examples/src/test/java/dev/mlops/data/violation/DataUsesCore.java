package dev.mlops.data.violation;

import dev.mlops.core.violation.CoreUsesData;

/** The other half of the module cycle {@code ArchitectureSelfTest} needs: data uses core, as it may. */
public final class DataUsesCore {
    private DataUsesCore() {
    }

    /** A use of mlops-core from mlops-data. */
    public static String partner() {
        return CoreUsesData.partner();
    }
}
