package dev.mlops.examples.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.examples.OutputDirectory;
import dev.mlops.monitor.drift.ColumnDrift;
import dev.mlops.monitor.drift.TableDriftReport;
import dev.mlops.train.experiment.LeaderboardRow;
import dev.mlops.train.tracking.RunQuery;
import dev.mlops.train.tracking.TrackingStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void theUsersExperimentIsOnTheLeaderboardWithAPositiveAucLiftThatMcNemarCallsNotSignificant() {
        LeaderboardRow neighbours = run.leaderboard().rows().stream()
                .filter(row -> row.experiment().equals("nearest-neighbours(k=25)")).findFirst().orElseThrow();

        assertThat(run.leaderboard().primaryMetric()).isEqualTo("auc");
        assertThat(neighbours.failure()).isNull();
        assertThat(neighbours.baseline()).isFalse();
        assertThat(neighbours.test().get("auc")).as("test AUC").isBetween(0.65, 0.85);
        assertThat(neighbours.lift()).as("AUC over the best baseline's").isPositive();
        assertThat(neighbours.mark()).as("McNemar's test against the best baseline at 0.05")
                .startsWith("n.s. vs best baseline (McNemar p = ");
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
    }

    /**
     * The energy distances of the rows the example selected, against scipy's on the same rows: the
     * stratified split of credit-g (seed 42, 700 training and 300 held-out rows, indices written by
     * the library's splitter) and the 95 held-out applicants aged 40 or more, each value over the
     * training rows' population standard deviation. Computed with scipy 1.17.1 and numpy 2.4.6:
     * <pre>
     * s = numpy.std(train[column]); scipy.stats.energy_distance(current[column] / s, train[column] / s)
     * held-out age 0.06353691804396734, credit_amount 0.07666332275048049
     * older    age 1.0024748911015697,  credit_amount 0.14961482137993715
     * </pre>
     * So the held-out rows drift in neither column, and the older applicants in age (by how they
     * were chosen) but not in the amount they borrow.
     */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "held-out, age, 0.06353691804396734, NO_DRIFT",
        "held-out, credit_amount, 0.07666332275048049, NO_DRIFT",
        "older, age, 1.0024748911015697, DRIFT",
        "older, credit_amount, 0.14961482137993715, NO_DRIFT"})
    void theEnergyDistancesOfTheSelectedRowsAreScipys(String rows, String column, double scipy,
            ColumnDrift.Status status) {
        TableDriftReport report = rows.equals("older") ? run.olderApplicantsDrift() : run.heldOutDrift();
        ColumnDrift drift = report.column(column);

        assertThat(report.currentRows()).as("rows compared").isEqualTo(rows.equals("older") ? 95 : 300);
        assertThat(drift.result().orElseThrow().value()).as("energy distance of %s %s", rows, column)
                .isCloseTo(scipy, within(1e-9));
        assertThat(drift.status()).isEqualTo(status);
    }

    @Test
    void theConsoleSaysWhichColumnsDrifted() {
        assertThat(output).contains("held-out rows (300 rows): drifted columns []",
                "column 'age': energy ", ">= threshold 0.2: drift")
                .containsPattern("held-out applicants aged 40\\+ \\(95 rows\\): drifted columns \\[[^]]*\\bage\\b");
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
    void itPrintsTheCommandThatRunsTheSuiteWithThePluginWithAbsolutePaths() {
        assertThat(run.command()).containsExactly("java", "-jar", "mlops-cli/target/mlops.jar", "check",
                run.data().toString(), "--suite", run.suite().toString(), "--plugins", run.plugins().toString());
        assertThat(output).contains("  " + String.join(" ", run.command()) + System.lineSeparator());
        assertThat(List.of(run.data(), run.trainingRows(), run.olderRows(), run.suite(), run.plugins(), run.tracking()))
                .allSatisfy(path -> assertThat(path).isAbsolute().isEqualTo(path.normalize())
                        .startsWith(directory.toAbsolutePath().normalize()));
        assertThat(output).contains(run.trainingRows().toString(), run.olderRows().toString(),
                run.plugins().resolve("credit-components.jar").toString());
    }

    @Test
    void itSavesTheTrainingRowsAndTheOlderApplicantsForMlopsDrift() {
        Table training = CsvFormat.defaults().read(run.trainingRows());
        Table older = CsvFormat.defaults().read(run.olderRows());

        assertThat(training.rowCount()).isEqualTo(700);
        assertThat(older.rowCount()).isEqualTo(95);
        NumericColumn age = older.numericColumn("age");
        assertThat(IntStream.range(0, older.rowCount()).mapToDouble(age::get).min().orElseThrow()).isEqualTo(40);
    }

    @Test
    void itsOutputIsAPreviousRunsSoARerunIsAcceptedAndAnotherDirectoryRefused(@TempDir Path other) throws IOException {
        Files.writeString(other.resolve("notes.txt"), "mine", StandardCharsets.UTF_8);

        assertThat(directory.resolve(ExtensionPoints.MARKER)).isRegularFile();
        assertThat(OutputDirectory.prepare(directory, ExtensionPoints.MARKER, "ExtensionPoints run"))
                .isEqualTo(directory.toAbsolutePath().normalize());
        assertThatThrownBy(() -> ExtensionPoints.run(other, new PrintStream(OutputStream.nullOutputStream(), true,
                StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds files but no " + ExtensionPoints.MARKER);
        assertThat(other).isDirectoryNotContaining(path -> !path.getFileName().toString().equals("notes.txt"));
    }
}
