package dev.mlops.examples.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.leakage.LeakageReport;
import dev.mlops.data.split.Split;
import dev.mlops.deploy.gate.GateReport;
import dev.mlops.deploy.registry.Approval;
import dev.mlops.deploy.registry.ModelLineage;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.ModelVersion;
import dev.mlops.deploy.registry.Stage;
import dev.mlops.deploy.strategy.RolloutTransition;
import dev.mlops.examples.extension.ExtensionPoints;
import dev.mlops.cli.MlopsCommand;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.tracking.CodeVersion;
import dev.mlops.train.tracking.RunQuery;
import dev.mlops.train.tracking.RunRecord;
import dev.mlops.train.tracking.RunStatus;
import dev.mlops.train.tracking.TrackingStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole lifecycle once in a fresh directory and once more on the same directory, and
 * checks what each step found.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreditApprovalLifecycleTest {
    /** The CLI's jar as the printed commands name it; the test runs them in this JVM instead. */
    private static final Path MLOPS_JAR = Path.of(ExtensionPoints.MLOPS_JAR).toAbsolutePath();

    @TempDir
    static Path directory;

    private LifecycleOutcome first;
    private String firstOutput;
    private LifecycleOutcome second;
    private String secondOutput;

    @BeforeAll
    void runTwice() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        first = CreditApprovalLifecycle.run(directory, MLOPS_JAR, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        firstOutput = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        second = CreditApprovalLifecycle.run(directory, MLOPS_JAR, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        secondOutput = bytes.toString(StandardCharsets.UTF_8);
    }

    @Nested
    class DevelopmentHalf {
        @Test
        void loadsEveryApplicationWithASyntheticDateOverTwoYears() {
            assertThat(first.applications()).isEqualTo(1000);
            Table older = first.split().older();
            assertThat(older.schema().field(CreditApplications.DATE).type()).isEqualTo(ColumnType.TIMESTAMP);
            assertThat(older.columnCount()).isEqualTo(22);
            TimestampColumn dates = older.timestampColumn(CreditApplications.DATE);
            assertThat(IntStream.range(0, older.rowCount()).mapToObj(dates::get))
                    .allSatisfy(date -> assertThat(date).isBetween(CreditApplications.FIRST_DATE,
                            CreditApplications.END_DATE.minusSeconds(1)));
            assertThat(firstOutput).contains("application_date, SYNTHETIC (credit-g has no dates)");
        }

        @Test
        void suggestsASuiteFromTheOldestBatchAndRunsItOnTheRest() {
            ChecksOutcome checks = first.checks();
            assertThat(checks.firstBatchRows()).isEqualTo(300);
            assertThat(checks.checks()).isGreaterThan(20);
            assertThat(checks.report().rowCount()).isEqualTo(700);
            assertThat(checks.report().passed()).isTrue();
            assertThat(CheckSuite.load(checks.suite()).checks()).hasSize(checks.checks());
        }

        @Test
        void holdsOutTheNewestApplicationsAndSplitsTheRestStratified() {
            SplitOutcome split = first.split();
            assertThat(split.recent().rowCount()).isEqualTo(100);
            assertThat(split.older().rowCount()).isEqualTo(900);
            assertThat(split.split().size("train")).isEqualTo(630);
            assertThat(split.split().size("validation")).isEqualTo(135);
            assertThat(split.split().size("test")).isEqualTo(135);
            Instant newestOlder = newest(split.older());
            TimestampColumn recentDates = split.recent().timestampColumn(CreditApplications.DATE);
            assertThat(IntStream.range(0, 100).mapToObj(recentDates::get))
                    .allSatisfy(date -> assertThat(date).isAfterOrEqualTo(newestOlder));
            Map<String, Long> all = classCounts(split.older());
            Map<String, Double> shares = Map.of("train", 0.70, "validation", 0.15, "test", 0.15);
            shares.forEach((set, share) -> classCounts(split.set(set)).forEach((label, count) ->
                    assertThat((double) count).as("%s of class %s", set, label)
                            .isBetween(Math.floor(all.get(label) * share) - 1e-9, Math.ceil(all.get(label) * share) + 1e-9)));
            assertThat(split.heldOut().rowCount()).isEqualTo(235);
        }

        @Test
        void holdsOutExactlyTheTestRowsThenTheRecentRowsAndNoTrainingOrValidationRow() {
            SplitOutcome split = first.split();
            Table heldOut = split.heldOut();
            int test = split.split().size("test");
            assertThat(heldOut.rows(IntStream.range(0, test).toArray())).isEqualTo(split.set("test"));
            assertThat(heldOut.rows(IntStream.range(test, heldOut.rowCount()).toArray())).isEqualTo(split.recent());
            Set<Table> chosenOn = singleRows(split.set("train"));
            chosenOn.addAll(singleRows(split.set("validation")));
            assertThat(chosenOn).hasSize(split.split().size("train") + split.split().size("validation"));
            assertThat(singleRows(heldOut)).hasSize(heldOut.rowCount()).doesNotContainAnyElementsOf(chosenOn);
        }

        @Test
        void findsNoSharedRowsBetweenTheFourSetsAndSavesTheSplit() {
            SplitOutcome split = first.split();
            assertThat(split.leakage().passed()).isTrue();
            assertThat(split.leakage().findings()).noneMatch(finding -> finding.severity() != Severity.INFO);
            assertThat(split.slices()).extracting(slice -> slice.name())
                    .contains("foreign_worker=no", "foreign_worker=yes", "personal_status=male single");
            assertThat(Split.load(split.file())).isEqualTo(split.split());
        }

        @Test
        void theWalksLeakageCheckFlagsATrainingRowPlantedInTheRecentSetUnderAnotherDate() {
            SplitOutcome split = first.split();
            Table planted = split.set("train").rows(0);
            List<Column> columns = new ArrayList<>(planted.columns());
            columns.set(planted.schema().names().indexOf(CreditApplications.DATE),
                    TimestampColumn.of(CreditApplications.DATE, Instant.parse("2024-12-31T12:00:00Z")));
            Map<String, Table> sets = new LinkedHashMap<>();
            for (String name : split.split().setNames()) {
                sets.put(name, split.set(name));
            }
            sets.put(HeldOutSplit.RECENT, Table.of(columns));
            LeakageReport leakage = HeldOutSplit.leakage(sets);
            assertThat(leakage.passed()).isFalse();
            assertThat(leakage.findings()).anySatisfy(finding -> {
                assertThat(finding.check()).isEqualTo("exact-duplicates");
                assertThat(finding.severity()).isNotEqualTo(Severity.INFO);
                assertThat(finding.message()).contains("recent", "train");
            });
        }

        @Test
        void tracksBaselinesAndExperimentsWithTheSeedAndTheDataVersion() {
            try (TrackingStore tracking = TrackingStore.open(directory)) {
                List<RunRecord> runs = tracking.search(RunQuery.in(Training.EXPERIMENT).build());
                assertThat(runs).hasSize(12);   // six per walk, two walks
                assertThat(runs).allSatisfy(run -> {
                    assertThat(run.info().status()).isEqualTo(RunStatus.FINISHED);
                    assertThat(run.info().seed()).hasValue(CreditApprovalLifecycle.SEED.value());
                    assertThat(run.inputs()).isNotEmpty();
                    assertThat(run.metrics()).containsKey("validation.macro_f1");
                });
                assertThat(runs.stream().filter(run -> "true".equals(run.tags().get("mlops.baseline")))).hasSize(6);
                assertThat(runs.stream().map(run -> run.params().get("experiment")).distinct())
                        .hasSize(6).contains("cart(maxDepth=4, minChildWeight=5.0)");
            }
            TrainingOutcome training = first.training();
            assertThat(training.tried()).containsExactly("cart(maxDepth=4, minChildWeight=5.0)",
                    "logistic-regression(epochs=10, learningRate=0.1, minibatchSize=1)", "cart(maxDepth=6, minChildWeight=5.0)");
            assertThat(training.ranked()).hasSize(3).containsExactlyInAnyOrderElementsOf(training.tried());
            assertThat(training.bestOverBaseline().pValue()).isLessThan(0.05);
        }

        @Test
        void promotesTheFirstModelBecauseNoneWasInProduction() {
            PromotionOutcome promotion = first.promotion();
            assertThat(promotion.firstProduction()).hasValueSatisfying(gate -> {
                assertThat(gate.passed()).isTrue();
                assertThat(gate.referenceRole()).isEqualTo(GateReport.BASELINE);
                assertThat(gate.candidate()).isEqualTo(first.training().tried().get(0));
                assertThat(gate.validation()).startsWith("test (135 rows");
                assertThat(gate.recent()).hasValueSatisfying(recent -> assertThat(recent).startsWith("recent (100 rows"));
            });
            assertThat(promotion.production().provenance()).containsEntry(Promotion.EXPERIMENT,
                    "cart(maxDepth=4, minChildWeight=5.0)");
            assertThat(promotion.production().version()).isEqualTo(1);
            assertThat(firstOutput).contains("registered credit-approval:1 and promoted it to production, because none existed");
        }

        @Test
        void gatesTheBestOtherExperimentAgainstProductionOnTestRecentAndSlices() {
            GateReport gate = first.promotion().candidateGate();
            assertThat(gate.passed()).isTrue();
            assertThat(gate.referenceRole()).isEqualTo(GateReport.PRODUCTION);
            assertThat(gate.reference()).isEqualTo("credit-approval:1");
            assertThat(gate.candidate()).isEqualTo(first.training().ranked().get(0))
                    .isNotEqualTo(first.promotion().production().provenance().get(Promotion.EXPERIMENT));
            assertThat(gate.validation()).startsWith("test (135 rows");
            assertThat(gate.results()).extracting(result -> result.scope())
                    .contains("validation", "recent", "slice foreign_worker=yes", "recent slice foreign_worker=yes");
            assertThat(gate.results()).filteredOn(result -> !result.scope().contains("slice"))
                    .filteredOn(result -> result.rule().startsWith("macro_f1"))
                    .hasSize(2).allSatisfy(result -> assertThat(result.difference()).isNotZero());
            assertThat(first.promotion().gateFiles()).hasSize(2).allSatisfy(file -> assertThat(file).isRegularFile());
            assertThat(firstOutput).contains("macro-F1 on test: candidate", "macro-F1 on recent: candidate");
        }

        @Test
        void gatesACandidateWhosePredictionsDifferFromProductionsOnTheGatedRows() {
            Table gated = first.split().heldOut();
            try (ModelRegistry registry = ModelRegistry.open(directory)) {
                Table production = registry.load(Promotion.OPERATOR, Promotion.MODEL,
                        first.promotion().production().version()).predict(gated);
                Table candidate = registry.load(Promotion.OPERATOR, Promotion.MODEL,
                        first.promotion().candidate().version()).predict(gated);
                long differing = IntStream.range(0, gated.rowCount())
                        .filter(row -> !production.categoricalColumn(Outputs.PREDICTION).get(row)
                                .equals(candidate.categoricalColumn(Outputs.PREDICTION).get(row)))
                        .count();
                assertThat(differing).as("rows of test + recent the two models classify differently").isPositive();
            }
        }

        @Test
        void registersTheCandidateWithLineageGateReportAndApproval() {
            try (TrackingStore tracking = TrackingStore.open(directory);
                    ModelRegistry registry = ModelRegistry.builder(directory).tracking(tracking).open()) {
                ModelVersion candidate = registry.require(Promotion.OPERATOR, Promotion.MODEL, 2);
                assertThat(candidate.stage()).isEqualTo(Stage.STAGING);
                assertThat(candidate.author()).isEqualTo("ada");
                assertThat(candidate.approvals()).extracting(Approval::principal).containsExactly("grace");
                assertThat(candidate.lineage().buildId()).isPresent();
                assertThat(candidate.lineage().commit()).isEqualTo(CodeVersion.detect());
                assertThat(candidate.lineage().dataFingerprint()).hasValue(first.split().split().fingerprint());
                assertThat(candidate.lineage().runId())
                        .hasValue(first.training().row(first.training().ranked().get(0)).runId());
                assertThat(candidate.gateReport()).isPresent();
                ModelLineage lineage = registry.lineage(Promotion.OPERATOR, Promotion.MODEL, 2);
                assertThat(lineage.gate()).hasValueSatisfying(gate -> assertThat(gate.passed()).isTrue());
                assertThat(lineage.run()).hasValueSatisfying(run -> assertThat(run.params())
                        .containsEntry("experiment", first.training().ranked().get(0)));
            }
        }
    }

    @Nested
    class OperationsHalf {
        @Test
        void rollsTheCanaryBackOnTheDriftAlarm() {
            OperationsOutcome operations = first.operations();
            assertThat(operations.rollback()).isPresent();
            assertThat(operations.finalStatus().stage()).isEqualTo(OperationsOutcome.ROLLED_BACK);
            assertThat(operations.raisedAlarms()).isNotEmpty();
            assertThat(operations.driftedColumns()).contains("age");
        }

        @Test
        void findsNoDriftInNormalTrafficAndRollsBackAtTheEndOfTheFirstDriftedWindow() {
            OperationsOutcome operations = first.operations();
            List<StreamWindow> normal = operations.windows().stream()
                    .filter(window -> window.traffic() == StreamWindow.Traffic.NORMAL).toList();
            StreamWindow firstDrifted = operations.windows().stream()
                    .filter(window -> window.traffic() == StreamWindow.Traffic.DRIFTED).findFirst().orElseThrow();

            assertThat(normal).hasSize(2).allSatisfy(window -> assertThat(window.drifted())
                    .as("drift in normal window %d", window.index()).isEmpty());
            assertThat(firstDrifted.driftedColumns()).contains("age");
            assertThat(operations.stagesReached()).startsWith("canary 1 of 4", "canary 2 of 4");
            RolloutTransition rollback = operations.rollback().orElseThrow();
            assertThat(rollback.from().stage()).isEqualTo("canary 3 of 4");
            assertThat(rollback.at()).isEqualTo(firstDrifted.end());
            assertThat(rollback.cause()).contains("feature=age");
        }

        @Test
        void measuresQualityPerVariantAndTrafficFromLateLabels() {
            OperationsOutcome operations = first.operations();
            long served = operations.windows().size() * (long) Operations.REQUESTS_PER_WINDOW;

            assertThat(operations.labelsDelivered()).isEqualTo(served);
            assertThat(operations.quality()).hasSize(4);
            assertThat(operations.quality().stream().mapToLong(VariantQuality::predictions).sum()).isEqualTo(served);
            assertThat(operations.quality()).allSatisfy(variant -> {
                assertThat(variant.labelled() + variant.pending()).as(variant.variant()).isEqualTo(variant.predictions());
                assertThat(variant.labelled()).as(variant.variant()).isPositive();
                double accuracy = variant.accuracy().orElseThrow();
                assertThat(accuracy).isBetween(0.0, 1.0);
                double right = accuracy * variant.labelled();
                assertThat(right).as("accuracy x labels is a count of right answers")
                        .isCloseTo(Math.rint(right), org.assertj.core.data.Offset.offset(1e-6));
                assertThat(variant.comparison("macro_f1")).hasValueSatisfying(macroF1 ->
                        assertThat(macroF1.value()).isBetween(0.0, 1.0));
                assertThat(variant.standardError().orElseThrow()).isBetween(0.0, 0.5);
            });
        }

        @Test
        void writesTheReport() throws IOException {
            OperationsOutcome operations = first.operations();
            assertThat(operations.report()).isRegularFile();
            assertThat(Files.readString(operations.report(), StandardCharsets.UTF_8)).contains("<html");
        }

        @Test
        void keepsTheFirstModelInProductionAfterTheRollback() {
            try (ModelRegistry registry = ModelRegistry.open(directory)) {
                assertThat(registry.production(Promotion.OPERATOR, Promotion.MODEL))
                        .hasValueSatisfying(version -> assertThat(version.version()).isEqualTo(1));
            }
        }
    }

    @Nested
    class ConsoleOutput {
        @Test
        void announcesTenStepsAndEndsWithTheArtifacts() {
            assertThat(firstOutput).contains("[ 1/10]", "[10/10]");
            String artifacts = firstOutput.substring(firstOutput.lastIndexOf("Artifacts"));
            assertThat(artifacts).contains(directory.toAbsolutePath().normalize().resolve("mlops.db").toString(),
                    "runs list --store", "split.json", "credit-checks.json",
                    first.operations().report().toAbsolutePath().toString());
        }
    }

    @Nested
    class PrintedCommands {
        @Test
        void everyMlopsCommandOfTheArtifactsRunsAsPrinted() {
            String prefix = "java -jar " + MLOPS_JAR + " ";
            List<String> commands = firstOutput.substring(firstOutput.lastIndexOf("Artifacts")).lines()
                    .map(String::strip).filter(line -> line.startsWith(prefix))
                    .map(line -> line.substring(prefix.length())).toList();

            assertThat(commands).extracting(command -> command.split(" ")[0])
                    .containsExactly("runs", "lineage", "check", "monitor");
            for (String command : commands) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int status = MlopsCommand.execute(new PrintWriter(out), new PrintWriter(err), command.split(" "));
                int expected = command.startsWith("monitor") ? MlopsCommand.EXIT_CHECK_FAILED : MlopsCommand.EXIT_OK;
                assertThat(status).as("%s%nout: %s%nerr: %s", command, out, err).isEqualTo(expected);
                if (command.startsWith("check")) {
                    assertThat(out.toString()).contains("passed")
                            .contains(Long.toString(first.checks().report().rowCount()));
                }
            }
        }
    }

    @Nested
    class Rerun {
        @Test
        void meetsTheRealGateAtOnceSinceProductionExists() {
            assertThat(second.promotion().firstProduction()).isEmpty();
            assertThat(secondOutput).contains("production exists: credit-approval:1");
            GateReport gate = second.promotion().candidateGate();
            assertThat(gate.referenceRole()).isEqualTo(GateReport.PRODUCTION);
            assertThat(gate.reference()).isEqualTo("credit-approval:1");
            assertThat(gate.candidate()).isEqualTo(second.training().ranked().get(0))
                    .isEqualTo(first.promotion().candidateGate().candidate());
            assertThat(second.promotion().candidate().version()).isEqualTo(3);
        }

        @Test
        void refusesADirectoryOfOtherFiles(@TempDir Path other) throws IOException {
            Files.writeString(other.resolve("notes.txt"), "mine", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> CreditApprovalLifecycle.run(other, MLOPS_JAR, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(other.toAbsolutePath().toString())
                    .hasMessageContaining("no mlops.db");
        }
    }

    private static Set<Table> singleRows(Table table) {
        return IntStream.range(0, table.rowCount()).mapToObj(table::rows).collect(Collectors.toCollection(HashSet::new));
    }

    private static Instant newest(Table table) {
        TimestampColumn dates = table.timestampColumn(CreditApplications.DATE);
        return IntStream.range(0, table.rowCount()).mapToObj(dates::get).max(Instant::compareTo).orElseThrow();
    }

    private static Map<String, Long> classCounts(Table table) {
        var labels = table.categoricalColumn(CreditApplications.LABEL);
        return IntStream.range(0, table.rowCount()).mapToObj(labels::get)
                .collect(Collectors.groupingBy(label -> label, Collectors.counting()));
    }
}
