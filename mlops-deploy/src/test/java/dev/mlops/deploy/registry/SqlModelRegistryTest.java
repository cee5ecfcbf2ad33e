package dev.mlops.deploy.registry;

import dev.mlops.core.MlopsException;
import dev.mlops.train.tracking.RunArtifact;
import dev.mlops.train.experiment.ExperimentRunner;
import static dev.mlops.deploy.registry.RegistryFixture.ALICE;
import static dev.mlops.deploy.registry.RegistryFixture.BOB;
import static dev.mlops.deploy.registry.RegistryFixture.CI;
import static dev.mlops.deploy.registry.RegistryFixture.FORMATS;
import static dev.mlops.deploy.registry.RegistryFixture.START;
import static dev.mlops.deploy.registry.RegistryFixture.constant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.access.AccessDeniedException;
import dev.mlops.core.access.AuditEntry;
import dev.mlops.core.access.Outcome;
import dev.mlops.core.access.Policy;
import dev.mlops.core.access.Principal;
import dev.mlops.core.access.Subject;
import dev.mlops.core.json.Documents;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.report.ReportHeader;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.gate.GateReport;
import dev.mlops.deploy.gate.RuleResult;
import dev.mlops.deploy.gate.Verdict;
import dev.mlops.store.GcResult;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.tracking.RunRecord;
import dev.mlops.train.tracking.RunSpec;
import dev.mlops.train.tracking.TrackingStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlModelRegistryTest {
    private static final Fingerprint DATA = new Fingerprint("d".repeat(64));
    private static final Fingerprint HELD_OUT = new Fingerprint("e".repeat(64));

    @TempDir
    Path directory;

    private final SteppingClock clock = new SteppingClock(START);
    private ModelRegistry registry;

    @BeforeEach
    void open() {
        registry = ModelRegistry.builder(directory).database("jdbc:sqlite::memory:").clock(clock).formats(FORMATS)
                .open();
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private ModelVersion register(String model) {
        return registry.register(ALICE, constant(model, "yes"));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private void approveAndPromote(String model, int version, Stage from, OptionalInt replacing) {
        registry.approve(BOB, model, version, "reviewed");
        registry.transition(CI, StageChange.toProduction(model, version, from, replacing, "gate passed"));
    }

    @Nested
    class Registering {
        @Test
        void numbersVersionsPerModelFromOne() {
            assertThat(register("churn").version()).isEqualTo(1);
            assertThat(register("churn").version()).isEqualTo(2);
            assertThat(register("fraud").version()).isEqualTo(1);
            assertThat(register("churn").version()).isEqualTo(3);
            assertThat(registry.models(ALICE)).extracting(RegisteredModel::name, RegisteredModel::latestVersion)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("churn", 3),
                            org.assertj.core.groups.Tuple.tuple("fraud", 1));
            assertThat(registry.versions(ALICE, "churn")).extracting(ModelVersion::version).containsExactly(1, 2, 3);
            assertThat(registry.versions(ALICE, "never")).isEmpty();
            assertThat(registry.model(ALICE, "never")).isEmpty();
            assertThat(registry.version(ALICE, "churn", 4)).isEmpty();
        }

        @Test
        void keepsEverythingTheRegistrationSays() throws Exception {
            Instant from = START.minus(Duration.ofDays(7));
            LineageTags tags = LineageTags.builder().buildId("ci-1234").commit("0123abcd").dataFingerprint(DATA)
                    .runId("run-1").split("stratified(label=class, seed=42)", HELD_OUT)
                    .input(LineageInput.fingerprinted("credit-g.csv", "table", DATA))
                    .input(LineageInput.of("features", "feature-group", "v3").between(from, START))
                    .build();
            byte[] bytes = ConstantFormat.bytes("yes");
            ModelVersion registered = registry.register(ALICE, Registration.builder("churn")
                    .artifact(ConstantFormat.TYPE, bytes).description("weekly retrain in München")
                    .provenance(Map.of("trainer", "logistic(lr=0.1)", "splitter", "stratified(seed=42)"))
                    .lineage(tags).metric("macro_f1", 0.81).metrics(Map.of("auc", 0.9, "loss", Double.POSITIVE_INFINITY))
                    .gateReport(gateReport(true)).build());
            assertThat(registered.model()).isEqualTo("churn");
            assertThat(registered.format()).isEqualTo(ConstantFormat.TYPE);
            assertThat(registered.sha256()).isEqualTo(sha256(bytes));
            assertThat(registered.size()).isEqualTo(bytes.length);
            assertThat(registered.stage()).isEqualTo(Stage.CANDIDATE);
            assertThat(registered.author()).isEqualTo("alice");
            assertThat(registered.createdAt()).isEqualTo(START);
            assertThat(registered.description()).isEqualTo("weekly retrain in München");
            assertThat(registered.provenance()).containsExactly(Map.entry("splitter", "stratified(seed=42)"),
                    Map.entry("trainer", "logistic(lr=0.1)"));
            assertThat(registered.metrics()).containsExactly(Map.entry("auc", 0.9),
                    Map.entry("loss", Double.POSITIVE_INFINITY), Map.entry("macro_f1", 0.81));
            assertThat(registered.lineage()).isEqualTo(tags);
            assertThat(registered.gateReport()).contains(gateReport(true).toJson());
            assertThat(registered.approvals()).isEmpty();
            assertThat(registered.resource()).isEqualTo("model/churn/1");
            assertThat(registered).hasToString("churn:1");
            assertThat(registry.require(BOB, "churn", 1)).isEqualTo(registered);
            assertThat(registry.transitions(BOB, "churn")).containsExactly(new Transition("churn", 1, Optional.empty(),
                    Stage.CANDIDATE, "alice", START, "registered"));
            assertThat(registry.artifact(BOB, "churn", 1)).isEqualTo(bytes);
        }

        @Test
        void aGateReportGivenAsJsonIsCheckedAndShownInTheLineage() {
            String json = gateReport(false).toJson();
            registry.register(ALICE, Registration.builder("churn").artifact(ConstantFormat.TYPE,
                    ConstantFormat.bytes("no")).gateReport(json, "gate.json").build());

            assertThat(registry.require(BOB, "churn", 1).gateReport()).contains(json);
            assertThat(registry.lineage(BOB, "churn", 1).gate()).hasValueSatisfying(gate ->
                    assertThat(gate.passed()).isFalse());
            assertThatThrownBy(() -> Registration.builder("churn").gateReport("{\"kind\": \"profile\", "
                    + "\"formatVersion\": 1}", "profile.json")).isInstanceOf(MlopsException.class)
                    .hasMessageContaining("profile.json").hasMessageContaining("expected a document of kind "
                            + "'gate-report' but its kind is 'profile'");
            assertThatThrownBy(() -> Registration.builder("churn").gateReport("not json", "gate.json"))
                    .isInstanceOf(MlopsException.class).hasMessageContaining("gate.json");
        }

        @Test
        void takesTheDataFingerprintOnlyFromARunWithOneTableAndTheSplitFromItsArtifact() {
            try (TrackingStore tracking = TrackingStore.open("jdbc:sqlite::memory:", directory.resolve("runs"), clock)) {
                String runId = tracking.createRun("credit", RunSpec.builder().name("logistic").build()).id();
                RunArtifact split = tracking.logArtifact(runId, ExperimentRunner.SPLIT_ARTIFACT,
                        "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                tracking.addInputs(runId, List.of(LineageInput.fingerprinted("train.csv", "table", DATA),
                        LineageInput.fingerprinted("again", "table", DATA)));
                LineageTags one = LineageTags.builder().fromRun(tracking.require(runId)).build();
                assertThat(one.dataFingerprint()).contains(DATA);
                assertThat(one.split()).contains("run " + runId + " artifact split.json sha256:"
                        + split.content().sha256());
                assertThat(LineageTags.builder().split("given").fromRun(tracking.require(runId)).build().split())
                        .contains("given");

                Fingerprint other = new Fingerprint("cd".repeat(32));
                tracking.addInputs(runId, List.of(LineageInput.fingerprinted("holdout.csv", "table", other)));
                LineageTags two = LineageTags.builder().fromRun(tracking.require(runId)).build();
                assertThat(two.dataFingerprint()).as("two tables: the caller chooses").isEmpty();
                assertThat(LineageTags.builder().dataFingerprint(other).fromRun(tracking.require(runId)).build()
                        .dataFingerprint()).contains(other);
            }
        }

        @Test
        void takesTheLineageOfATrackingRun() {
            try (TrackingStore tracking = TrackingStore.open("jdbc:sqlite::memory:", directory.resolve("runs"), clock);
                    ModelRegistry withRuns = ModelRegistry.builder(directory.resolve("other")).database("jdbc:sqlite::memory:")
                            .clock(clock).formats(FORMATS).tracking(tracking).open()) {
                String runId = tracking.createRun("credit", RunSpec.builder().name("logistic").seed(42)
                        .codeVersion("feedbeef").user("ada").param("lr", "0.1").build()).id();
                tracking.addInputs(runId, List.of(LineageInput.fingerprinted("credit-g.csv", "table", DATA)));
                RunRecord run = tracking.require(runId);
                ModelVersion version = withRuns.register(ALICE, Registration.builder("credit")
                        .artifact(ConstantFormat.TYPE, ConstantFormat.bytes("no"))
                        .lineage(LineageTags.builder().commit("given").fromRun(run).build()).build());
                assertThat(version.lineage().runId()).contains(runId);
                assertThat(version.lineage().commit()).as("a commit given before the run is kept").contains("given");
                assertThat(version.lineage().inputs()).containsExactly(LineageInput.fingerprinted("credit-g.csv",
                        "table", DATA));
                assertThat(LineageTags.builder().fromRun(run).build().commit()).contains("feedbeef");
                assertThat(version.lineage().dataFingerprint()).as("the run's one table").contains(DATA);
                ModelLineage lineage = withRuns.lineage(BOB, "credit", 1);
                assertThat(lineage.run()).contains(run);
                assertThat(lineage.toText()).contains("run " + runId + ": experiment credit, name logistic, running, "
                        + "seed 42, code feedbeef\n  param lr = 0.1\n  input table credit-g.csv sha256:" + DATA.sha256() + "\n");
                DocumentReader json = Documents.parse(lineage.toJson(), "lineage");
                assertThat(json.object("run").text("id")).isEqualTo(runId);
                assertThat(json.object("run").longValue("seed")).isEqualTo(42);
                assertThat(json.object("run").text("codeVersion")).isEqualTo("feedbeef");
                assertThat(json.object("run").object("params").text("lr")).isEqualTo("0.1");
            }
        }

        @Test
        void refusesAFormatThatIsNotKnown() {
            Registration registration = Registration.builder("churn").artifact("no-such-format", new byte[] {1}).build();
            assertThatThrownBy(() -> registry.register(ALICE, registration))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageStartingWith("cannot register a version of model 'churn': its format 'no-such-format' is "
                            + "not available: ");
            assertThat(registry.models(ALICE)).isEmpty();
        }

        @Test
        void refusesBytesTheFormatCannotReadAndStoresNothing() throws Exception {
            Registration registration = Registration.builder("churn").artifact(ConstantFormat.TYPE,
                    "constant:maybe".getBytes(StandardCharsets.UTF_8)).build();
            assertThatThrownBy(() -> registry.register(ALICE, registration))
                    .isInstanceOf(RegistryException.class)
                    .hasMessage("cannot register a version of model 'churn': format 'constant-json' cannot read its "
                            + "artifact: the artifact registered for model 'churn': not a constant-json model: expected "
                            + "'constant:no' or 'constant:yes'");
            assertThat(registry.models(ALICE)).isEmpty();
            try (Stream<Path> files = Files.walk(directory.resolve(ModelRegistry.ARTIFACT_DIRECTORY))) {
                assertThat(files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().length() > 40))
                        .as("no artifact stored").isEmpty();
            }
        }

        @Test
        void writesAPredictorThroughItsFormat() {
            ConstantFormat format = new ConstantFormat();
            ModelVersion version = registry.register(ALICE, Registration.builder("churn")
                    .predictor(format, new ConstantFormat.Constant("yes", List.of("no", "yes"))).build());
            Predictor loaded = registry.load(BOB, "churn", version.version());
            assertThat(loaded).isEqualTo(new ConstantFormat.Constant("yes", List.of("no", "yes")));
            Table predictions = loaded.predict(Table.of(dev.mlops.core.table.NumericColumn.of("x", 1, 2)));
            assertThat(predictions.rowCount()).isEqualTo(2);
        }
    }

    @Nested
    class Stages {
        @Test
        void promotionArchivesThePreviousProductionVersionInTheSameTransaction() {
            register("churn");
            register("churn");
            clock.advance(Duration.ofMinutes(1));
            registry.transition(ALICE, StageChange.of("churn", 1, Stage.CANDIDATE, Stage.STAGING, "canary"));
            approveAndPromote("churn", 1, Stage.STAGING, OptionalInt.empty());
            assertThat(registry.production(ALICE, "churn")).map(ModelVersion::version).contains(1);
            clock.advance(Duration.ofMinutes(1));
            registry.approve(BOB, "churn", 2, "");
            List<Transition> moves = registry.transition(CI, StageChange.toProduction("churn", 2, Stage.CANDIDATE,
                    OptionalInt.of(1), "better"));
            Instant now = START.plus(Duration.ofMinutes(2));
            assertThat(moves).containsExactly(
                    new Transition("churn", 2, Optional.of(Stage.CANDIDATE), Stage.PRODUCTION, "ci-bot", now, "better"),
                    new Transition("churn", 1, Optional.of(Stage.PRODUCTION), Stage.ARCHIVED, "ci-bot", now,
                            "replaced in production by version 2"));
            assertThat(registry.require(ALICE, "churn", 1).stage()).isEqualTo(Stage.ARCHIVED);
            assertThat(registry.require(ALICE, "churn", 2).stage()).isEqualTo(Stage.PRODUCTION);
            assertThat(registry.model(ALICE, "churn").orElseThrow().productionVersion()).hasValue(2);
            assertThat(registry.transitions(ALICE, "churn")).extracting(Transition::version, t -> t.to().label())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "candidate"),
                            org.assertj.core.groups.Tuple.tuple(2, "candidate"),
                            org.assertj.core.groups.Tuple.tuple(1, "staging"),
                            org.assertj.core.groups.Tuple.tuple(1, "production"),
                            org.assertj.core.groups.Tuple.tuple(2, "production"),
                            org.assertj.core.groups.Tuple.tuple(1, "archived"));
        }

        @Test
        void aVersionLeavingProductionEmptiesTheSlot() {
            register("churn");
            approveAndPromote("churn", 1, Stage.CANDIDATE, OptionalInt.empty());
            registry.transition(CI, StageChange.of("churn", 1, Stage.PRODUCTION, Stage.ARCHIVED, "incident 42"));
            assertThat(registry.production(ALICE, "churn")).isEmpty();
            assertThat(registry.model(ALICE, "churn").orElseThrow().productionVersion()).isEmpty();
            registry.transition(CI, StageChange.toProduction("churn", 1, Stage.ARCHIVED, OptionalInt.empty(), "rollback"));
            assertThat(registry.production(ALICE, "churn")).map(ModelVersion::version).contains(1);
        }

        @Test
        void aMoveTheStateMachineDoesNotAllowIsRefusedNamingFromToAndVersion() {
            register("churn");
            assertThatThrownBy(() -> registry.transition(ALICE, StageChange.of("churn", 1, Stage.CANDIDATE,
                    Stage.CANDIDATE, "")))
                    .isInstanceOf(RegistryException.class)
                    .hasMessage("version churn:1 cannot move from candidate to candidate: candidate moves only to "
                            + "staging or production or archived");
            assertThatThrownBy(() -> registry.transition(ALICE, StageChange.of("churn", 1, Stage.STAGING,
                    Stage.CANDIDATE, "")))
                    .isInstanceOf(RegistryException.class)
                    .hasMessage("version churn:1 cannot move from staging to candidate: staging moves only to "
                            + "production or archived");
            assertThat(registry.transitions(ALICE, "churn")).hasSize(1);
        }

        @Test
        void aStaleExpectedStageIsAConflictThatChangesNothing() {
            register("churn");
            registry.transition(ALICE, StageChange.of("churn", 1, Stage.CANDIDATE, Stage.STAGING, ""));
            assertThatThrownBy(() -> registry.transition(ALICE, StageChange.of("churn", 1, Stage.CANDIDATE,
                    Stage.ARCHIVED, "")))
                    .isInstanceOf(StageConflictException.class)
                    .hasMessage("cannot move churn:1 from candidate to archived: it is in staging, not candidate "
                            + "(another process or thread moved it since it was read); nothing changed");
            assertThat(registry.require(ALICE, "churn", 1).stage()).isEqualTo(Stage.STAGING);
            assertThat(registry.transitions(ALICE, "churn")).hasSize(2);
        }

        @Test
        void aStaleProductionSlotIsAConflictThatChangesNothing() {
            register("churn");
            register("churn");
            approveAndPromote("churn", 1, Stage.CANDIDATE, OptionalInt.empty());
            registry.approve(BOB, "churn", 2, "");
            assertThatThrownBy(() -> registry.transition(CI, StageChange.toProduction("churn", 2, Stage.CANDIDATE,
                    OptionalInt.empty(), "")))
                    .isInstanceOf(StageConflictException.class)
                    .hasMessage("cannot move churn:2 to production: the production slot of model 'churn' holds version 1, "
                            + "not no version as expected (another process or thread promoted since it was read); "
                            + "nothing changed");
            assertThatThrownBy(() -> registry.transition(CI, StageChange.toProduction("churn", 1, Stage.CANDIDATE,
                    OptionalInt.empty(), "")))
                    .isInstanceOf(StageConflictException.class).hasMessageContaining("it is in production, not candidate");
            assertThat(registry.require(ALICE, "churn", 2).stage()).isEqualTo(Stage.CANDIDATE);
            assertThat(registry.require(ALICE, "churn", 1).stage()).isEqualTo(Stage.PRODUCTION);
        }

        @Test
        void anUnknownVersionCannotMove() {
            assertThatThrownBy(() -> registry.transition(ALICE, StageChange.of("churn", 1, Stage.CANDIDATE,
                    Stage.STAGING, "")))
                    .isInstanceOf(RegistryException.class)
                    .hasMessage("no version churn:1 in model registry jdbc:sqlite::memory:");
            register("churn");
            assertThatThrownBy(() -> registry.transition(ALICE, StageChange.of("churn", 2, Stage.CANDIDATE,
                    Stage.STAGING, "")))
                    .isInstanceOf(RegistryException.class)
                    .hasMessage("no version churn:2 in model registry jdbc:sqlite::memory:");
        }
    }

    @Nested
    class Permissions {
        @Test
        void onlyThePipelineRoleMovesAVersionToProductionAndTheRefusalIsAudited() {
            register("churn");
            registry.approve(BOB, "churn", 1, "fine");
            assertThatThrownBy(() -> registry.transition(ALICE, StageChange.toProduction("churn", 1, Stage.CANDIDATE,
                    OptionalInt.empty(), "")))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("alice")
                    .hasMessageContaining("registry.promote.production")
                    .hasMessageContaining("model/churn/1");
            AuditEntry last = last(registry.auditTrail(ALICE));
            assertThat(last.principal()).isEqualTo("alice");
            assertThat(last.action()).isEqualTo(ModelRegistry.PROMOTE_PRODUCTION);
            assertThat(last.resource()).isEqualTo("model/churn/1");
            assertThat(last.outcome()).isEqualTo(Outcome.DENIED);
            assertThat(registry.require(ALICE, "churn", 1).stage()).isEqualTo(Stage.CANDIDATE);
        }

        @Test
        void movingAVersionOutOfProductionNeedsThePipelineRoleToo() {
            register("churn");
            approveAndPromote("churn", 1, Stage.CANDIDATE, OptionalInt.empty());
            assertThatThrownBy(() -> registry.transition(ALICE, StageChange.of("churn", 1, Stage.PRODUCTION,
                    Stage.ARCHIVED, "")))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("registry.promote.production");
            assertThat(registry.production(ALICE, "churn")).isPresent();
        }

        @Test
        void everyChangeIsAuditedButAllowedReadsAreNot() {
            register("churn");
            registry.versions(BOB, "churn");
            registry.approve(BOB, "churn", 1, "ok");
            registry.transition(ALICE, StageChange.of("churn", 1, Stage.CANDIDATE, Stage.STAGING, "try it"));
            assertThat(registry.auditTrail(ALICE)).extracting(e -> e.principal() + " " + e.action() + " "
                    + e.resource() + " " + e.outcome())
                    .containsExactly("alice registry.register model/churn ALLOWED",
                            "bob registry.approve model/churn/1 ALLOWED",
                            "alice registry.promote.staging model/churn/1 ALLOWED");
            assertThat(registry.auditTrail(ALICE).get(2).detail()).endsWith("candidate -> staging: try it");
        }

        @Test
        void aDeniedReadIsRefusedAndAudited() {
            register("churn");
            register("secret");
            Policy policy = Policy.builder().allow(Subject.ANYONE, "registry.*", "model/churn/**")
                    .allow(Subject.ANYONE, "registry.*", "model/churn")
                    .allow(Subject.principal("alice"), "registry.*", "**").build();
            try (ModelRegistry guarded = ModelRegistry.builder(directory.resolve("g")).database("jdbc:sqlite::memory:")
                    .clock(clock).formats(FORMATS).policy(policy).open()) {
                guarded.register(ALICE, constant("churn", "no"));
                guarded.register(ALICE, constant("secret", "no"));
                assertThat(guarded.policy()).isEqualTo(policy);
                assertThat(guarded.models(BOB)).extracting(RegisteredModel::name).containsExactly("churn");
                assertThat(guarded.models(ALICE)).extracting(RegisteredModel::name).containsExactly("churn", "secret");
                assertThatThrownBy(() -> guarded.versions(BOB, "secret")).isInstanceOf(AccessDeniedException.class)
                        .hasMessageContaining("bob").hasMessageContaining("registry.read").hasMessageContaining("model/secret");
                assertThatThrownBy(() -> guarded.load(BOB, "secret", 1)).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> guarded.artifact(BOB, "secret", 1)).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> guarded.version(BOB, "secret", 1)).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> guarded.model(BOB, "secret")).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> guarded.production(BOB, "secret")).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> guarded.transitions(BOB, "secret")).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> guarded.lineage(BOB, "secret", 1)).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> guarded.auditTrail(BOB)).isInstanceOf(AccessDeniedException.class);
                assertThat(last(guarded.auditTrail(ALICE))).extracting(AuditEntry::principal, AuditEntry::resource,
                        AuditEntry::outcome).containsExactly("bob", ModelRegistry.AUDIT_RESOURCE, Outcome.DENIED);
                assertThat(guarded.auditTrail(ALICE)).filteredOn(e -> e.outcome() == Outcome.DENIED).hasSize(9);
            }
        }

        @Test
        void aDeniedRegistrationStoresNothing() {
            try (ModelRegistry closed = ModelRegistry.builder(directory.resolve("d")).database("jdbc:sqlite::memory:")
                    .clock(clock).formats(FORMATS).policy(Policy.builder()
                            .allow(Subject.ANYONE, "registry.read", "**").build()).open()) {
                assertThatThrownBy(() -> closed.register(ALICE, constant("churn", "yes")))
                        .isInstanceOf(AccessDeniedException.class)
                        .hasMessageContaining("registry.register").hasMessageContaining("model/churn");
                assertThat(closed.models(ALICE)).isEmpty();
                assertThat(closed.auditTrail(ALICE)).singleElement().extracting(AuditEntry::outcome)
                        .isEqualTo(Outcome.DENIED);
            }
        }
    }

    @Nested
    class Approvals {
        @Test
        void aPromotionWithoutApprovalIsRefusedNamingPrincipalVersionAndWhatIsMissing() {
            register("churn");
            assertThat(registry.approvalPolicy()).isEqualTo(ApprovalPolicy.defaults());
            assertThatThrownBy(() -> registry.transition(CI, StageChange.toProduction("churn", 1, Stage.CANDIDATE,
                    OptionalInt.empty(), "")))
                    .isInstanceOf(ApprovalMissingException.class)
                    .hasMessage("ci-bot may not registry.promote.production churn:1: approvals missing: it has 0 of the 1 "
                            + "approval required from principals other than its author alice (policy: at least 1 "
                            + "approval, not counting the author's own)");
            AuditEntry last = last(registry.auditTrail(ALICE));
            assertThat(last.outcome()).isEqualTo(Outcome.DENIED);
            assertThat(last.principal()).isEqualTo("ci-bot");
            assertThat(last.detail()).startsWith("approvals missing: it has 0 of the 1 approval required");
            assertThat(registry.require(ALICE, "churn", 1).stage()).isEqualTo(Stage.CANDIDATE);
        }

        @Test
        void theAuthorApprovingTheirOwnVersionDoesNotCount() {
            register("churn");
            clock.advance(Duration.ofMinutes(5));
            Approval own = registry.approve(ALICE, "churn", 1, "mine is fine");
            assertThat(own).isEqualTo(new Approval("alice", START.plus(Duration.ofMinutes(5)), "mine is fine", true));
            assertThat(registry.require(ALICE, "churn", 1).approvals()).containsExactly(own);
            assertThatThrownBy(() -> registry.transition(CI, StageChange.toProduction("churn", 1, Stage.CANDIDATE,
                    OptionalInt.empty(), "")))
                    .isInstanceOf(ApprovalMissingException.class)
                    .hasMessageContaining("it has 0 of the 1 approval required from principals other than its author "
                            + "alice (the author's own approval does not count)");
            Approval bobs = registry.approve(BOB, "churn", 1, "");
            assertThat(bobs.byAuthor()).isFalse();
            registry.transition(CI, StageChange.toProduction("churn", 1, Stage.CANDIDATE, OptionalInt.empty(), ""));
            assertThat(registry.production(BOB, "churn")).isPresent();
        }

        @Test
        void aRegistryMayRequireMoreOrNoApprovals() {
            try (ModelRegistry lax = ModelRegistry.builder(directory.resolve("lax")).database("jdbc:sqlite::memory:")
                    .clock(clock).formats(FORMATS).approvals(ApprovalPolicy.none()).open()) {
                lax.register(ALICE, constant("churn", "yes"));
                lax.transition(CI, StageChange.toProduction("churn", 1, Stage.CANDIDATE, OptionalInt.empty(), ""));
                assertThat(lax.production(ALICE, "churn")).isPresent();
            }
            try (ModelRegistry strict = ModelRegistry.builder(directory.resolve("strict")).database("jdbc:sqlite::memory:")
                    .clock(clock).formats(FORMATS).approvals(ApprovalPolicy.atLeast(2)).open()) {
                strict.register(ALICE, constant("churn", "yes"));
                strict.approve(ALICE, "churn", 1, "");
                strict.approve(ALICE, "churn", 1, "again");
                assertThatThrownBy(() -> strict.transition(CI, StageChange.toProduction("churn", 1, Stage.CANDIDATE,
                        OptionalInt.empty(), "")))
                        .isInstanceOf(ApprovalMissingException.class)
                        .hasMessageContaining("it has 1 of the 2 approvals required (policy: at least 2 approvals)");
                strict.approve(BOB, "churn", 1, "");
                strict.transition(CI, StageChange.toProduction("churn", 1, Stage.CANDIDATE, OptionalInt.empty(), ""));
                assertThat(strict.production(ALICE, "churn")).isPresent();
            }
        }

        @Test
        void anArchivedVersionCanBeApprovedForARollbackToProduction() {
            register("churn");
            registry.transition(ALICE, StageChange.of("churn", 1, Stage.CANDIDATE, Stage.ARCHIVED, "bad"));

            registry.approve(BOB, "churn", 1, "the rollback target");
            registry.transition(CI, StageChange.toProduction("churn", 1, Stage.ARCHIVED, OptionalInt.empty(),
                    "roll back"));

            assertThat(registry.production(ALICE, "churn")).map(ModelVersion::version).hasValue(1);
        }

        @Test
        void anUnknownVersionCannotBeApprovedAndTheFailureIsAudited() {
            register("churn");
            assertThatThrownBy(() -> registry.approve(BOB, "churn", 7, ""))
                    .isInstanceOf(RegistryException.class).hasMessage("no version churn:7 in model registry "
                            + "jdbc:sqlite::memory:");
            assertThat(last(registry.auditTrail(ALICE))).extracting(AuditEntry::principal, AuditEntry::resource,
                    AuditEntry::outcome, AuditEntry::detail).containsExactly("bob", "model/churn/7", Outcome.FAILED,
                    "no version churn:7 in model registry jdbc:sqlite::memory:");
            assertThatThrownBy(() -> registry.approve(BOB, "other", 1, ""))
                    .isInstanceOf(RegistryException.class).hasMessage("no version other:1 in model registry "
                            + "jdbc:sqlite::memory:");
        }

        @Test
        void aLostRaceIsAuditedAsFailedAfterItsAllowedEntry() {
            register("churn");
            registry.transition(ALICE, StageChange.of("churn", 1, Stage.CANDIDATE, Stage.STAGING, "try"));

            assertThatThrownBy(() -> registry.transition(ALICE, StageChange.of("churn", 1, Stage.CANDIDATE,
                    Stage.STAGING, "again"))).isInstanceOf(StageConflictException.class);

            List<AuditEntry> trail = registry.auditTrail(ALICE);
            assertThat(trail.subList(trail.size() - 2, trail.size())).extracting(AuditEntry::outcome)
                    .containsExactly(Outcome.ALLOWED, Outcome.FAILED);
            assertThat(last(trail).detail()).startsWith("cannot move churn:1 from candidate to staging: it is in "
                    + "staging");
        }

        @Test
        void aRegistrationTheFormatCannotReadIsAuditedAsFailed() {
            assertThatThrownBy(() -> registry.register(ALICE, Registration.builder("churn")
                    .artifact(ConstantFormat.TYPE, "not a model".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .build())).isInstanceOf(RegistryException.class);

            assertThat(last(registry.auditTrail(ALICE))).extracting(AuditEntry::resource, AuditEntry::outcome)
                    .containsExactly("model/churn", Outcome.FAILED);
            assertThat(registry.models(ALICE)).isEmpty();
        }
    }

    @Nested
    class Artifacts {
        @Test
        void aModifiedArtifactIsRefusedNamingModelVersionAndFile() throws Exception {
            ModelVersion version = register("churn");
            Path file = directory.resolve(ModelRegistry.ARTIFACT_DIRECTORY).resolve("sha256")
                    .resolve(version.sha256().substring(0, 2)).resolve(version.sha256().substring(2));
            assertThat(file).exists();
            Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            Files.write(file, ConstantFormat.bytes("no!"));
            String expected = "the artifact of model 'churn' version 1 was modified: its file " + file + " no longer "
                    + "holds the content registered (sha256:" + version.sha256() + "); it is refused, not loaded. "
                    + "Restore the file or register the model again";
            assertThatThrownBy(() -> registry.load(ALICE, "churn", 1))
                    .isInstanceOf(CorruptModelException.class).hasMessage(expected)
                    .hasCauseInstanceOf(dev.mlops.store.CorruptArtifactException.class);
            assertThatThrownBy(() -> registry.artifact(ALICE, "churn", 1))
                    .isInstanceOf(CorruptModelException.class).hasMessage(expected);
        }

        @Test
        void anUnknownVersionHasNoArtifact() {
            assertThatThrownBy(() -> registry.load(ALICE, "churn", 1)).isInstanceOf(RegistryException.class)
                    .hasMessage("no version churn:1 in model registry jdbc:sqlite::memory:");
            assertThatThrownBy(() -> registry.artifact(ALICE, "churn", 1)).isInstanceOf(RegistryException.class)
                    .hasMessage("no version churn:1 in model registry jdbc:sqlite::memory:");
            assertThatThrownBy(() -> registry.lineage(ALICE, "churn", 1)).isInstanceOf(RegistryException.class)
                    .hasMessage("no version churn:1 in model registry jdbc:sqlite::memory:");
            assertThatThrownBy(() -> registry.require(ALICE, "churn", 1)).isInstanceOf(RegistryException.class)
                    .hasMessage("no version churn:1 in model registry jdbc:sqlite::memory:");
        }

        @Test
        void aVersionWhoseFormatIsGoneCannotBeLoaded() {
            register("churn");
            try (ModelRegistry without = ModelRegistry.builder(directory).database("jdbc:sqlite::memory:").clock(clock)
                    .formats(dev.mlops.core.component.ComponentRegistry.of(List.of())).audit(dev.mlops.core.access
                            .AuditLog.open(directory.resolve("other-audit.jsonl"), clock)).open()) {
                without.register(ALICE, constant("x", "yes"));
            } catch (RegistryException e) {
                assertThat(e).hasMessageStartingWith("cannot register a version of model 'x': its format "
                        + "'constant-json' is not available: ");
            }
        }

        @Test
        void garbageCollectionRemovesOnlyUnreferencedArtifactsPastTheGracePeriod() throws Exception {
            register("churn");
            try (ModelRegistry second = ModelRegistry.builder(directory).database("jdbc:sqlite::memory:").clock(clock)
                    .formats(FORMATS).audit(dev.mlops.core.access.AuditLog.open(directory.resolve("a2.jsonl"), clock))
                    .open()) {
                second.register(ALICE, constant("other", "no"));
            }
            GcResult young = registry.collectGarbage();
            assertThat(young.deleted()).as("within the grace period").isZero();
            clock.advance(ModelRegistry.GC_GRACE_PERIOD.plusMinutes(1));
            GcResult old = registry.collectGarbage();
            assertThat(old.deleted()).isEqualTo(1);
            assertThat(old.kept()).isEqualTo(1);
            assertThat(registry.load(ALICE, "churn", 1)).isNotNull();
        }
    }

    @Nested
    class Lineage {
        @Test
        void oneCallGathersTagsGateApprovalsAndTransitions() {
            registry.register(ALICE, Registration.builder("churn").artifact(ConstantFormat.TYPE, ConstantFormat.bytes("yes"))
                    .lineage(LineageTags.builder().buildId("ci-7").commit("abc123").dataFingerprint(DATA)
                            .split("temporal", HELD_OUT).runId("r1").build())
                    .provenance(Map.of("trainer", "sgd")).metric("macro_f1", 0.8).gateReport(gateReport(false)).build());
            clock.advance(Duration.ofMinutes(1));
            approveAndPromote("churn", 1, Stage.CANDIDATE, OptionalInt.empty());
            ModelLineage lineage = registry.lineage(BOB, "churn", 1);
            assertThat(lineage.header()).isEqualTo(new ReportHeader(ModelLineage.KIND, 1, START.plus(Duration.ofMinutes(1)),
                    DATA));
            assertThat(lineage.run()).as("no tracking store given").isEmpty();
            assertThat(lineage.gate()).contains(new GateSummary(false, "churn:0", GateReport.PRODUCTION,
                    "validation (100 rows)", List.of("macro_f1 no lower than the reference by more than 0.01"),
                    List.of("macro_f1 no lower than the reference by more than 0.01 [validation]: dropped by 0.05")));
            assertThat(lineage.transitions()).extracting(t -> t.to()).containsExactly(Stage.CANDIDATE, Stage.PRODUCTION);
            String text = lineage.toText();
            assertThat(text).isEqualTo("model churn:1 (production), format constant-json, artifact sha256:"
                    + lineage.version().sha256() + ", " + lineage.version().size() + " bytes\n"
                    + "registered 2026-03-01T09:00:00Z by alice\n"
                    + "build: ci-7\ncommit: abc123\ndata: " + DATA.sha256() + "\n"
                    + "split: temporal (held out " + HELD_OUT.sha256() + ")\nrun: r1\n"
                    + "provenance: trainer = sgd\nmetric: macro_f1 = 0.8\n"
                    + "gate FAILED against production 'churn:0' on validation (100 rows)\n"
                    + "  rule: macro_f1 no lower than the reference by more than 0.01\n"
                    + "  failed: macro_f1 no lower than the reference by more than 0.01 [validation]: dropped by 0.05\n"
                    + "approved 2026-03-01T09:01:00Z by bob: reviewed\n"
                    + "moved 2026-03-01T09:00:00Z by alice: (registered) -> candidate (registered)\n"
                    + "moved 2026-03-01T09:01:00Z by ci-bot: candidate -> production (gate passed)\n");
            DocumentReader json = Documents.parse(lineage.toJson(), "lineage");
            assertThat(json.requireKind(ModelLineage.KIND, 1)).isEqualTo(1);
            assertThat(json.text("fingerprint")).isEqualTo(DATA.sha256());
            assertThat(json.text("model")).isEqualTo("churn");
            assertThat(json.intValue("version")).isEqualTo(1);
            assertThat(json.text("stage")).isEqualTo("production");
            assertThat(json.object("lineage").text("buildId")).isEqualTo("ci-7");
            assertThat(json.object("lineage").text("splitFingerprint")).isEqualTo(HELD_OUT.sha256());
            assertThat(json.object("gate").bool("passed", true)).isFalse();
            assertThat(json.objects("approvals")).singleElement().extracting(a -> a.text("principal")).isEqualTo("bob");
            assertThat(json.objects("transitions")).extracting(t -> t.text("to")).containsExactly("candidate",
                    "production");
            assertThat(json.objects("transitions").get(0).has("from")).isFalse();
            assertThat(json.objects("transitions").get(1).text("from")).isEqualTo("candidate");
            DocumentReader tags = json.object("lineage");
            assertThat(List.of(tags.text("commit"), tags.text("dataFingerprint"), tags.text("runId"), tags.text("split")))
                    .containsExactly("abc123", DATA.sha256(), "r1", "temporal");
            assertThat(tags.objects("inputs")).isEmpty();
        }

        @Test
        void theReportWritesEveryPartOfAnInput() {
            Instant from = START.minus(Duration.ofDays(1));
            registry.register(ALICE, Registration.builder("churn").artifact(ConstantFormat.TYPE, ConstantFormat.bytes("yes"))
                    .lineage(LineageTags.builder().input(LineageInput.of("features", "feature-group", "v3")
                            .withFingerprint(DATA).between(from, START))
                            .input(LineageInput.fingerprinted("credit-g.csv", "table", HELD_OUT)).build()).build());
            List<DocumentReader> inputs = Documents.parse(registry.lineage(ALICE, "churn", 1).toJson(), "lineage")
                    .object("lineage").objects("inputs");
            assertThat(inputs).hasSize(2);
            DocumentReader first = inputs.get(0);
            assertThat(List.of(first.text("name"), first.text("kind"), first.text("version"), first.text("fingerprint"),
                    first.text("from"), first.text("until"))).containsExactly("features", "feature-group", "v3",
                    DATA.sha256(), from.toString(), START.toString());
            assertThat(inputs.get(1).has("version")).isFalse();
            assertThat(inputs.get(1).has("from")).isFalse();
            assertThat(inputs.get(1).text("fingerprint")).isEqualTo(HELD_OUT.sha256());
        }

        @Test
        void withoutADataFingerprintTheReportNamesTheArtifactsHash() {
            ModelVersion version = register("churn");
            ModelLineage lineage = registry.lineage(ALICE, "churn", 1);
            assertThat(lineage.header().fingerprint()).isEqualTo(new Fingerprint(version.sha256()));
            assertThat(lineage.gate()).isEmpty();
            assertThat(lineage.toText()).contains("gate: none registered\napprovals: none\n");
        }
    }

    @Nested
    class Persistence {
        @Test
        void aRegistryDirectoryReopensWithEverythingInIt() {
            Path home = directory.resolve("home");
            try (ModelRegistry first = ModelRegistry.open(home)) {
                assertThat(first.clock()).isEqualTo(java.time.Clock.systemUTC());
                first.register(ALICE, Registration.builder("churn").predictor(new ConstantFormat(),
                        new ConstantFormat.Constant("no", List.of("no", "yes"))).build());
            } catch (RegistryException e) {
                // the defaults find formats through ServiceLoader; the test format is not registered there
                assertThat(e).hasMessageContaining("constant-json");
            }
            try (ModelRegistry first = ModelRegistry.builder(home).formats(FORMATS).open()) {
                first.register(ALICE, constant("churn", "yes"));
            }
            assertThat(home.resolve(ModelRegistry.DATABASE_FILE)).exists();
            assertThat(home.resolve(ModelRegistry.AUDIT_FILE)).exists();
            try (ModelRegistry again = ModelRegistry.builder(home).formats(FORMATS).open()) {
                assertThat(again.require(BOB, "churn", 1).author()).isEqualTo("alice");
                assertThat(again.auditTrail(BOB)).extracting(AuditEntry::outcome).contains(Outcome.ALLOWED);
                assertThat(again).hasToString("model registry jdbc:sqlite:" + home.resolve(ModelRegistry.DATABASE_FILE)
                        .toAbsolutePath().normalize());
            }
        }

        @Test
        void aClosedRegistryRefusesCalls() {
            registry.close();
            assertThatThrownBy(() -> registry.models(ALICE)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> registry.approve(ALICE, "churn", 1, "")).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void aRegistryThatCannotOpenItsAuditLogLeavesTheCallersDatabaseOpen() {
            try (dev.mlops.store.Database shared = dev.mlops.store.Database.inMemory()) {
                assertThatThrownBy(() -> ModelRegistry.builder(directory).database(shared).formats(FORMATS).open())
                        .as("this JVM has the audit log open already").isInstanceOf(IllegalStateException.class);
                long models = shared.read(sql -> sql.queryLong("SELECT COUNT(*) FROM registry_models"));
                assertThat(models).isZero();
            }
        }

        @Test
        void aDatabaseTheCallerOwnsStaysOpen() {
            try (dev.mlops.store.Database shared = dev.mlops.store.Database.inMemory()) {
                try (ModelRegistry first = ModelRegistry.builder(directory.resolve("s")).database(shared).clock(clock)
                        .formats(FORMATS).open()) {
                    first.register(ALICE, constant("churn", "yes"));
                }
                try (ModelRegistry second = ModelRegistry.builder(directory.resolve("s")).database(shared).clock(clock)
                        .formats(FORMATS).open()) {
                    assertThat(second.versions(ALICE, "churn")).hasSize(1);
                }
            }
        }
    }

    private static AuditEntry last(List<AuditEntry> entries) {
        return entries.get(entries.size() - 1);
    }

    static GateReport gateReport(boolean passed) {
        String rule = "macro_f1 no lower than the reference by more than 0.01";
        return new GateReport(new ReportHeader(GateReport.KIND, GateReport.FORMAT_VERSION, START, DATA), "candidate",
                "churn:0", GateReport.PRODUCTION, "validation (100 rows)", Optional.empty(), List.of(rule),
                List.of(new RuleResult(rule, "validation", 0.75, 0.8, -0.05, null, OptionalDouble.empty(), 0.79,
                        passed ? Verdict.PASS : Verdict.FAIL, "dropped by 0.05")));
    }
}
