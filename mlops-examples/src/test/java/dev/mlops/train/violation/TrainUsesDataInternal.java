package dev.mlops.train.violation;

import dev.mlops.data.internal.NumberSyntax;

/** Uses mlops-data's internal package from mlops-train, on purpose for {@code ArchitectureSelfTest}. */
public final class TrainUsesDataInternal {
    private TrainUsesDataInternal() {
    }

    /** A use of another module's internal class. */
    public static String describe(NumberSyntax syntax) {
        return syntax.toString();
    }
}
