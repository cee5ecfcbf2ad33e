package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.access.AuditEntry;
import dev.mlops.core.access.Outcome;
import dev.mlops.core.access.Principal;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.registry.ApprovalMissingException;
import dev.mlops.deploy.registry.CorruptModelException;
import dev.mlops.deploy.registry.LineageTags;
import dev.mlops.deploy.registry.ModelLineage;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.ModelVersion;
import dev.mlops.deploy.registry.Registration;
import dev.mlops.deploy.registry.Stage;
import dev.mlops.deploy.registry.StageChange;
import dev.mlops.deploy.registry.StageConflictException;
import dev.mlops.deploy.registry.Transition;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.tracking.RunSpec;
import dev.mlops.train.tracking.TrackingStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of a {@link ModelRegistry} on a database: extend it with the JDBC URL of a fresh,
 * empty database, and it checks numbered versions and what they keep, a user's own model format,
 * approvals (a promotion without one is refused; the author's own does not count), the production
 * slot, a modified artifact refused, lineage in one call, numbers unique under concurrent
 * registration, and two processes promoting at once ending with exactly one winner.
 *
 * <pre>{@code
 * class PostgresModelRegistryTest extends ModelRegistryContract {
 *     @RegisterExtension
 *     static final PostgresExtension POSTGRES = new PostgresExtension();
 *
 *     @Override
 *     protected String databaseUrl(Path workDirectory) {
 *         return POSTGRES.newDatabaseUrl();
 *     }
 * }
 * }</pre>
 *
 * <p>The race runs two child JVMs on the test class path against the same database, so it is
 * skipped for a database that other processes cannot open ({@code jdbc:sqlite::memory:}).
 * mlops-testkit's own tests run the contract on a SQLite file, SQLite in memory and PostgreSQL.
 */
public abstract class ModelRegistryContract {
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    private static final ComponentRegistry FORMATS = ComponentRegistry.defaults()
            .with(List.of(new ThresholdRulesFormat.Type()));
    private static final Principal AUTHOR = Principal.of("ada");
    private static final Principal REVIEWER = Principal.of("grace");
    private static final Principal PIPELINE = Principal.of("ci", List.of(ModelRegistry.PIPELINE_ROLE), List.of());
    private static final Fingerprint DATA = new Fingerprint("1".repeat(64));
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** The clock the registry under test stamps times with; tests move it. */
    protected final ManualClock clock = new ManualClock(START);
    /** The registry under test, opened before each test and closed after it. */
    protected ModelRegistry registry;

    @TempDir
    Path directory;

    private String url;

    /**
     * Names a fresh, empty database for one test.
     *
     * @param workDirectory an empty directory the database may live in
     * @return its JDBC URL, such as {@code jdbc:sqlite:/tmp/x/registry.db}
     */
    protected abstract String databaseUrl(Path workDirectory);

    @BeforeEach
    void openTheRegistry() throws IOException {
        Path work = Files.createDirectories(directory.resolve("registry"));
        url = databaseUrl(work);
        registry = ModelRegistry.builder(work).database(url).clock(clock).formats(FORMATS).open();
    }

    @AfterEach
    void closeTheRegistry() {
        registry.close();
    }

    private ModelVersion register(String model, double threshold) {
        return registry.register(AUTHOR, Registration.builder(model)
                .artifact(ThresholdRulesFormat.TYPE, ThresholdRulesFormat.bytes("income", threshold)).build());
    }

    @Test
    void versionsAreNumberedPerModelAndKeepWhatTheRegistrationSays() {
        LineageTags tags = LineageTags.builder().buildId("build-9").commit("c0ffee").dataFingerprint(DATA)
                .split("random(seed=7)").runId("run-9")
                .input(LineageInput.of("customers", "feature-group", "v2").between(START.minusSeconds(3600), START))
                .build();
        ModelVersion first = registry.register(AUTHOR, Registration.builder("credit")
                .predictor(new ThresholdRulesFormat(), new ThresholdRulesFormat.Rule("income", 2000))
                .description("São Paulo branch").provenance(Map.of("trainer", "rule(income)"))
                .lineage(tags).metric("accuracy", 0.75).build());
        clock.advance(Duration.ofSeconds(1));
        ModelVersion second = register("credit", 3000);
        ModelVersion other = register("churn", 1);
        assertThat(List.of(first.version(), second.version(), other.version())).containsExactly(1, 2, 1);
        ModelVersion read = registry.require(REVIEWER, "credit", 1);
        assertThat(read).isEqualTo(first);
        assertThat(read.description()).isEqualTo("São Paulo branch");
        assertThat(read.lineage()).isEqualTo(tags);
        assertThat(read.metrics()).containsExactly(Map.entry("accuracy", 0.75));
        assertThat(read.createdAt()).isEqualTo(START);
        assertThat(read.stage()).isEqualTo(Stage.CANDIDATE);
        assertThat(registry.require(REVIEWER, "credit", 2).createdAt()).isEqualTo(START.plusSeconds(1));
        assertThat(registry.models(REVIEWER)).extracting(m -> m.name() + ":" + m.latestVersion())
                .containsExactly("churn:1", "credit:2");
    }

    @Test
    void aUsersOwnFormatLoadsBackAsAPredictor() {
        register("credit", 2000);
        var predictor = registry.load(REVIEWER, "credit", 1);
        Table predictions = predictor.predict(Table.of(NumericColumn.of("income", 1000, 2000, 5000)));
        var predicted = predictions.categoricalColumn(Outputs.PREDICTION);
        assertThat(List.of(predicted.get(0), predicted.get(1), predicted.get(2))).containsExactly("no", "yes", "yes");
    }

    @Test
    void aPromotionWithoutApprovalIsRefusedAndTheAuthorsOwnApprovalDoesNotCount() {
        register("credit", 2000);
        StageChange promotion = StageChange.toProduction("credit", 1, Stage.CANDIDATE, OptionalInt.empty(), "ship it");
        assertThatThrownBy(() -> registry.transition(PIPELINE, promotion))
                .isInstanceOf(ApprovalMissingException.class)
                .hasMessageContaining("ci").hasMessageContaining("credit:1").hasMessageContaining("it has 0 of the 1");
        registry.approve(AUTHOR, "credit", 1, "I checked my own work");
        assertThatThrownBy(() -> registry.transition(PIPELINE, promotion))
                .isInstanceOf(ApprovalMissingException.class)
                .hasMessageContaining("the author's own approval does not count");
        assertThat(registry.require(REVIEWER, "credit", 1).approvals()).singleElement()
                .satisfies(approval -> assertThat(approval.byAuthor()).isTrue());
        registry.approve(REVIEWER, "credit", 1, "reviewed");
        registry.transition(PIPELINE, promotion);
        assertThat(registry.production(REVIEWER, "credit")).map(ModelVersion::version).contains(1);
        List<AuditEntry> denied = registry.auditTrail(REVIEWER).stream()
                .filter(entry -> entry.outcome() == Outcome.DENIED).toList();
        assertThat(denied).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.principal()).isEqualTo("ci");
            assertThat(entry.resource()).isEqualTo("model/credit/1");
        });
    }

    @Test
    void promotingReplacesTheProductionVersionAndEveryMoveIsRecorded() {
        register("credit", 2000);
        register("credit", 3000);
        registry.approve(REVIEWER, "credit", 1, "");
        registry.approve(REVIEWER, "credit", 2, "");
        registry.transition(PIPELINE, StageChange.toProduction("credit", 1, Stage.CANDIDATE, OptionalInt.empty(), "v1"));
        clock.advance(Duration.ofMinutes(1));
        registry.transition(REVIEWER, StageChange.of("credit", 2, Stage.CANDIDATE, Stage.STAGING, "canary"));
        registry.transition(PIPELINE, StageChange.toProduction("credit", 2, Stage.STAGING, OptionalInt.of(1), "v2"));
        assertThat(registry.versions(REVIEWER, "credit")).extracting(ModelVersion::stage)
                .containsExactly(Stage.ARCHIVED, Stage.PRODUCTION);
        assertThat(registry.transitions(REVIEWER, "credit")).extracting(t -> t.version() + " "
                + t.from().map(Stage::label).orElse("-") + " -> " + t.to().label() + " by " + t.principal())
                .containsExactly("1 - -> candidate by ada", "2 - -> candidate by ada", "1 candidate -> production by ci",
                        "2 candidate -> staging by grace", "2 staging -> production by ci",
                        "1 production -> archived by ci");
        assertThatThrownBy(() -> registry.transition(PIPELINE, StageChange.toProduction("credit", 1, Stage.ARCHIVED,
                OptionalInt.empty(), "stale")))
                .isInstanceOf(StageConflictException.class)
                .hasMessageContaining("credit:1").hasMessageContaining("holds version 2");
    }

    @Test
    void aModifiedArtifactIsDetectedAndNamed() throws IOException {
        ModelVersion version = register("credit", 2000);
        Path file = directory.resolve("registry").resolve(ModelRegistry.ARTIFACT_DIRECTORY).resolve("sha256")
                .resolve(version.sha256().substring(0, 2)).resolve(version.sha256().substring(2));
        Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        Files.write(file, ThresholdRulesFormat.bytes("income", 1));
        assertThatThrownBy(() -> registry.load(REVIEWER, "credit", 1))
                .isInstanceOf(CorruptModelException.class)
                .hasMessageContaining("model 'credit' version 1").hasMessageContaining(file.toString());
    }

    @Test
    void lineageGathersTheRunApprovalsAndTransitionsInOneCall() {
        Path runs = directory.resolve("runs");
        try (TrackingStore tracking = TrackingStore.open("jdbc:sqlite:" + runs.resolve("mlops.db"), runs.resolve("a"),
                clock);
                ModelRegistry withRuns = ModelRegistry.builder(directory.resolve("registry")).database(url).clock(clock)
                        .formats(FORMATS).tracking(tracking).audit(new NoAudit()).open()) {
            String run = tracking.createRun("credit", RunSpec.builder().seed(11).codeVersion("c0ffee")
                    .param("threshold", "2000").build()).id();
            tracking.addInputs(run, List.of(LineageInput.fingerprinted("credit-g.csv", "table", DATA)));
            withRuns.register(AUTHOR, Registration.builder("credit")
                    .artifact(ThresholdRulesFormat.TYPE, ThresholdRulesFormat.bytes("income", 2000))
                    .lineage(LineageTags.builder().fromRun(tracking.require(run)).dataFingerprint(DATA).build()).build());
            withRuns.approve(REVIEWER, "credit", 1, "ok");
            ModelLineage lineage = withRuns.lineage(REVIEWER, "credit", 1);
            assertThat(lineage.header().fingerprint()).isEqualTo(DATA);
            assertThat(lineage.version().lineage().commit()).contains("c0ffee");
            assertThat(lineage.run()).hasValueSatisfying(record -> {
                assertThat(record.params()).containsEntry("threshold", "2000");
                assertThat(record.info().seed()).hasValue(11);
            });
            assertThat(lineage.version().approvals()).extracting(a -> a.principal()).containsExactly("grace");
            assertThat(lineage.transitions()).extracting(Transition::to).containsExactly(Stage.CANDIDATE);
            assertThat(lineage.toJson()).contains("\"kind\": \"model-lineage\"").contains("\"seed\": 11");
            assertThat(lineage.toText()).contains("commit: c0ffee").contains("  param threshold = 2000");
        }
    }

    @Test
    void concurrentRegistrationsGetDistinctNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> numbers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                double threshold = i;
                numbers.add(pool.submit(() -> register("credit", threshold).version()));
            }
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> number : numbers) {
                got.add(number.get(60, TimeUnit.SECONDS));
            }
            assertThat(got).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"the same version", "two versions"})
    void twoProcessesPromotingAtOnceEndWithExactlyOneWinner(String what) throws Exception {
        Assumptions.assumeFalse(url.contains(":memory:"), "an in-memory database is not shared between processes");
        register("race", 2000);
        register("race", 3000);
        registry.approve(REVIEWER, "race", 1, "");
        registry.approve(REVIEWER, "race", 2, "");
        String second = what.equals("the same version") ? "1" : "2";
        Path signals = Files.createDirectories(directory.resolve("signals"));
        List<Process> children = List.of(child(signals, "first", "1"), child(signals, "second", second));
        try {
            for (String name : List.of("first", "second")) {
                awaitFile(signals.resolve(name + RegistryRaceProcess.READY), children);
            }
            Files.writeString(signals.resolve(RegistryRaceProcess.GO), "go", StandardCharsets.UTF_8);
            for (Process child : children) {
                assertThat(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("child %s ends", child.pid()).isTrue();
                assertThat(child.exitValue()).as("child %s's exit code; stderr: %s", child.pid(), errors(signals))
                        .isZero();
            }
            List<String> results = new ArrayList<>();
            for (String name : List.of("first", "second")) {
                results.add(Files.readString(signals.resolve(name + RegistryRaceProcess.RESULT), StandardCharsets.UTF_8));
            }
            assertThat(results).as("one winner: %s", results).filteredOn("won"::equals).hasSize(1);
            String loser = results.stream().filter(line -> !line.equals("won")).findFirst().orElseThrow();
            assertThat(loser).startsWith("lost StageConflictException: cannot move race:")
                    .contains(what.equals("the same version") ? "it is in production, not candidate"
                            : "the production slot of model 'race' holds version");
            assertThat(registry.production(REVIEWER, "race")).isPresent();
            assertThat(registry.versions(REVIEWER, "race")).filteredOn(v -> v.stage() == Stage.PRODUCTION).hasSize(1);
            assertThat(registry.transitions(REVIEWER, "race")).filteredOn(t -> t.to() == Stage.PRODUCTION).hasSize(1);
        } finally {
            for (Process child : children) {
                child.destroyForcibly();
            }
        }
    }

    private Process child(Path signals, String name, String version) throws IOException {
        return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                RegistryRaceProcess.class.getName(), directory.resolve("registry").toString(), url, version,
                signals.toString(), name))
                .redirectError(signals.resolve(name + ".err").toFile()).redirectOutput(signals.resolve(name + ".out")
                        .toFile()).start();
    }

    private static void awaitFile(Path file, List<Process> children) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(file)) {
            for (Process child : children) {
                assertThat(child.isAlive()).as("child %s is running; stderr: %s", child.pid(),
                        errors(file.getParent())).isTrue();
            }
            assertThat(System.nanoTime()).as("%s within %s", file, WAIT).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static String errors(Path signals) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("first", "second")) {
            Path file = signals.resolve(name + ".err");
            if (Files.exists(file)) {
                text.append(name).append(": ").append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return text.toString();
    }

    /** An audit log that keeps nothing, for a second registry on the same directory in this JVM. */
    private static final class NoAudit implements dev.mlops.core.access.AuditLog {
        @Override
        public AuditEntry append(Principal principal, dev.mlops.core.access.Action action, String resource,
                Outcome outcome, String detail) {
            return new AuditEntry(1, START, principal.name(), action, resource, outcome, detail);
        }

        @Override
        public List<AuditEntry> entries() {
            return List.of();
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
