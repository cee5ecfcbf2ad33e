package dev.mlops.testkit;

import dev.mlops.core.access.Principal;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.RegistryException;
import dev.mlops.deploy.registry.Stage;
import dev.mlops.deploy.registry.StageChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * A child JVM of {@link ModelRegistryContract}'s race. It opens the registry (directory and
 * database URL from its arguments), writes the file {@code NAME.ready} in the signal directory,
 * waits for the file {@code go} there, then promotes a candidate version of model {@code race} to
 * production expecting the production slot empty, and writes {@code won} or
 * {@code lost <exception class>: <message>} to {@code NAME.result}. It talks through files, not
 * standard streams, as library code does.
 */
final class RegistryRaceProcess {
    static final String GO = "go";
    static final String READY = ".ready";
    static final String RESULT = ".result";

    private RegistryRaceProcess() {
    }

    /**
     * Runs the child.
     *
     * @param args the registry's directory, its database URL, the version to promote, the signal
     *     directory and this child's name
     * @throws InterruptedException if interrupted while waiting for the start
     */
    public static void main(String[] args) throws InterruptedException {
        int version = Integer.parseInt(args[2]);
        Path signals = Path.of(args[3]);
        String name = args[4];
        Principal pipeline = Principal.of("pipeline-" + name, List.of(ModelRegistry.PIPELINE_ROLE), List.of());
        try (ModelRegistry registry = ModelRegistry.builder(Path.of(args[0])).database(args[1])
                .formats(ComponentRegistry.defaults().with(List.of(new ThresholdRulesFormat.Type()))).open()) {
            registry.version(pipeline, "race", version).orElseThrow();
            AtomicFiles.writeString(signals.resolve(name + READY), "ready");
            while (!Files.exists(signals.resolve(GO))) {
                Thread.sleep(2);
            }
            String result;
            try {
                registry.transition(pipeline, StageChange.toProduction("race", version, Stage.CANDIDATE,
                        OptionalInt.empty(), "race"));
                result = "won";
            } catch (RegistryException e) {
                result = "lost " + e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            AtomicFiles.writeString(signals.resolve(name + RESULT), result);
        }
    }
}
