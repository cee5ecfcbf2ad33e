package dev.mlops.core.violation;

import dev.mlops.data.violation.DataUsesCore;

/** Breaks the DAG on purpose for {@code ArchitectureSelfTest}: core uses data, which uses core back. */
public final class CoreUsesData {
    private CoreUsesData() {
    }

    /** A use of mlops-data from mlops-core. */
    public static String partner() {
        return DataUsesCore.class.getName();
    }
}
