package dev.mlops.examples.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.data.check.CheckSuite;
import dev.mlops.monitor.drift.ColumnDrift;
import dev.mlops.train.experiment.LeaderboardRow;
import dev.mlops.train.tracking.RunQuery;
import dev.mlops.train.tracking.TrackingStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the second example finds and writes on credit-g, each component at work where the library takes it. */
class ExtensionPointsTest {
    @TempDir
    static Path directory;

    static ExtensionRun run;
    static String output;

    @BeforeAll
    static void runTheExample() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            run = ExtensionPoints.run(directory, out);
        }
        output = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theUsersExperimentIsOnTheLeaderboardAndBeatsTheBaselines() {
        LeaderboardRow neighbours = run.leaderboard().rows().stream()
                .filter(row -> row.experiment().equals("nearest-neighbours(k=25)")).findFirst().orElseThrow();

        assertThat(run.leaderboard().primaryMetric()).isEqualTo("auc");
        assertThat(neighbours.failure()).isNull();
        assertThat(neighbours.baseline()).isFalse();
        assertThat(neighbours.test().get("auc")).as("test AUC").isBetween(0.65, 0.85);
        assertThat(neighbours.lift()).as("AUC over the best baseline's").isPositive();
        assertThat(run.leaderboard().rows()).filteredOn(LeaderboardRow::baseline).hasSize(3);
        assertThat(output).contains("nearest-neighbours(k=25): test auc ");
    }

    @Test
    void theExperimentsAreTrackedRuns() {
        try (TrackingStore store = TrackingStore.open(run.tracking())) {
            assertThat(store.search(RunQuery.all().build()))
                    .extracting(found -> found.info().name())
                    .contains("nearest-neighbours(k=25)", "logistic-regression(epochs=5, learningRate=1.0, minibatchSize=1)");
        }
    }

    @Test
    void theEnergyDetectorComparesAgeAndAmountBesideTheDefaultDetectors() {
        ColumnDrift age = run.heldOutDrift().column("age");
        ColumnDrift amount = run.heldOutDrift().column("credit_amount");
        ColumnDrift duration = run.heldOutDrift().column("duration");

        assertThat(age.detector()).hasValueSatisfying(spec -> assertThat(spec.toString()).isEqualTo("energy(threshold=0.2)"));
        assertThat(amount.detector()).hasValueSatisfying(spec -> assertThat(spec.toString()).startsWith("energy("));
        assertThat(duration.detector()).hasValueSatisfying(spec -> assertThat(spec.toString()).startsWith("ks("));
        assertThat(List.of(age.status(), amount.status())).as("held-out rows: the training population")
                .containsOnly(ColumnDrift.Status.NO_DRIFT);
    }

    @Test
    void theEnergyDetectorFindsTheOlderApplicants() {
        ColumnDrift age = run.olderApplicantsDrift().column("age");

        assertThat(age.status()).isEqualTo(ColumnDrift.Status.DRIFT);
        assertThat(age.result().orElseThrow().value()).as("energy distance of ages 40+ against all ages")
                .isGreaterThan(0.5);
        assertThat(output).contains("column 'age': energy ", ">= threshold 0.2: drift");
    }

    @Test
    void theSuiteWithTheInstalmentCheckPassesAndIsSavedAsJson() {
        CheckSuite loaded = CheckSuite.load(run.suite());

        assertThat(run.checks().passed()).isTrue();
        assertThat(run.checks().result("instalment(credit_amount/duration)").failingRows()).isZero();
        assertThat(loaded.checks()).contains(new InstalmentCheck("credit_amount", "duration", 0,
                ExtensionPoints.MAX_INSTALMENT, 1.0, dev.mlops.core.report.Severity.ERROR));
        assertThat(run.data()).hasSameTextualContentAs(dev.mlops.examples.MlopsProcess.creditG(),
                StandardCharsets.UTF_8);
    }

    @Test
    void thePluginJarHoldsTheThreeComponentsAndTheirServicesFile() throws IOException {
        try (JarFile jar = new JarFile(run.plugins().resolve("credit-components.jar").toFile())) {
            List<String> entries = jar.stream().map(ZipEntry::getName).toList();
            String services = new String(jar.getInputStream(jar.getEntry(PluginJar.SERVICES)).readAllBytes(),
                    StandardCharsets.UTF_8);

            assertThat(entries).contains("dev/mlops/examples/extension/NearestNeighbours.class",
                    "dev/mlops/examples/extension/NeighbourModel.class",
                    "dev/mlops/examples/extension/InstalmentCheck$1.class",
                    "dev/mlops/examples/extension/EnergyDistanceDetector$Settings.class")
                    .noneMatch(name -> name.startsWith("dev/mlops/examples/extension/ExtensionPoints"))
                    .noneMatch(name -> name.startsWith("dev/mlops/data/"));
            assertThat(services.lines()).containsExactly("dev.mlops.examples.extension.NearestNeighbours$Type",
                    "dev.mlops.examples.extension.EnergyDistanceDetector$Type",
                    "dev.mlops.examples.extension.InstalmentCheck$Type");
        }
    }

    @Test
    void itPrintsTheCommandThatRunsTheSuiteWithThePlugin() {
        assertThat(run.command()).containsExactly("java", "-jar", "mlops-cli/target/mlops.jar", "check",
                run.data().toString(), "--suite", run.suite().toString(), "--plugins", run.plugins().toString());
        assertThat(output).contains("  " + String.join(" ", run.command()) + System.lineSeparator());
    }
}
