package dev.mlops.testkit;

import dev.mlops.core.access.Principal;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.RegistryException;
import dev.mlops.deploy.registry.Stage;
import dev.mlops.deploy.registry.StageChange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * A child JVM of {@link ModelRegistryContract}'s race: it opens the registry (directory and
 * database URL from its arguments), prints {@code ready}, waits for a line on stdin, then promotes
 * a candidate version of model {@code race} to production expecting the production slot empty, and
 * prints {@code won} or {@code lost <exception class>: <message>}.
 */
final class RegistryRaceProcess {
    private RegistryRaceProcess() {
    }

    /**
     * Runs the child.
     *
     * @param args the registry's directory, its database URL, the version to promote
     * @throws IOException if stdin cannot be read
     */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int version = Integer.parseInt(args[2]);
        Principal pipeline = Principal.of("pipeline-" + ProcessHandle.current().pid(),
                List.of(ModelRegistry.PIPELINE_ROLE), List.of());
        try (ModelRegistry registry = ModelRegistry.builder(Path.of(args[0])).database(args[1])
                .formats(ComponentRegistry.defaults().with(List.of(new ThresholdRulesFormat.Type()))).open()) {
            registry.version(pipeline, "race", version).orElseThrow();
            out.println("ready");
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            try {
                registry.transition(pipeline, StageChange.toProduction("race", version, Stage.CANDIDATE,
                        OptionalInt.empty(), "race"));
                out.println("won");
            } catch (RegistryException e) {
                out.println("lost " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
