package dev.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.core.access.AuditEntry;
import dev.mlops.core.access.Policy;
import dev.mlops.core.access.Principal;
import dev.mlops.core.access.Subject;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.report.ReportHeader;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.deploy.format.ModelFiles;
import dev.mlops.deploy.format.ModelFormat;
import dev.mlops.deploy.gate.GateReport;
import dev.mlops.deploy.gate.RuleResult;
import dev.mlops.deploy.gate.Verdict;
import dev.mlops.deploy.registry.LineageTags;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.Registration;
import dev.mlops.train.tracking.ActiveRun;
import dev.mlops.train.tracking.RunSpec;
import dev.mlops.train.tracking.TrackingStore;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlops registry ...} and {@code mlops lineage} on a real SQLite store in a temporary
 * directory, with a model format of a user's own ({@code constant}, from a plugin jar compiled by
 * the test) and principals named by {@code --principal}.
 */
class RegistryCommandTest {
    private static final String DATA_FINGERPRINT = "ab".repeat(32);

    @TempDir
    static Path plugins;

    static Map<String, String> environment;

    @TempDir
    Path dir;

    Path store;
    Path yes;

    @BeforeAll
    static void buildThePlugin() throws IOException {
        Path jars = Files.createDirectories(plugins.resolve("jars"));
        PluginJar.buildConstantModelFormat(plugins.resolve("work"), jars.resolve("constant.jar"));
        environment = Map.of(Plugins.ENVIRONMENT, jars.toString());
    }

    @BeforeEach
    void files() throws IOException {
        store = dir.resolve("store");
        yes = Files.writeString(dir.resolve("yes.model"), "yes", StandardCharsets.UTF_8);
    }

    private CliRun registry(String... args) {
        List<String> command = new ArrayList<>(List.of("registry"));
        command.addAll(List.of(args));
        command.addAll(List.of("--store", store.toString()));
        return mlops(command);
    }

    private CliRun lineage(String... args) {
        List<String> command = new ArrayList<>(List.of("lineage"));
        command.addAll(List.of(args));
        command.addAll(List.of("--store", store.toString()));
        return mlops(command);
    }

    private static CliRun mlops(List<String> command) {
        return CliRun.mlops(environment, command.toArray(String[]::new));
    }

    private static CliRun ok(CliRun run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEmpty();
        return run;
    }

    private static JsonNode json(CliRun run) throws IOException {
        return new ObjectMapper().readTree(ok(run).out());
    }

    /** Registers churn:1 as alice, approved by bob, and churn:2 as alice. */
    private void twoVersions() {
        ok(registry("register", "churn", yes.toString(), "--format", "constant", "--principal", "alice"));
        ok(registry("approve", "churn:1", "--principal", "bob", "--comment", "reviewed"));
        ok(registry("register", "churn", yes.toString(), "--format", "constant", "--principal", "alice"));
    }

    private CliRun promoteToProduction(String version, String principal) {
        return registry("promote", version, "--to", "production", "--reason", "gate passed", "--principal",
                principal, "--role", ModelRegistry.PIPELINE_ROLE);
    }

    private List<AuditEntry> audit() {
        try (ModelRegistry registry = ModelRegistry.builder(store).open()) {
            return registry.auditTrail(Principal.of("auditor"));
        }
    }

    /** @return a class loader over the plugin jar, for tests that use its format through the API */
    private static URLClassLoader pluginLoader() throws IOException {
        return new URLClassLoader(new URL[] {plugins.resolve("jars/constant.jar").toUri().toURL()},
                RegistryCommandTest.class.getClassLoader());
    }

    private static String sha256(byte[] content) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Nested
    class Register {
        @Test
        void storesTheFileAsTheNextCandidateAndCreatesTheStore() throws Exception {
            CliRun first = ok(registry("register", "churn", yes.toString(), "--format", "constant", "--principal",
                    "alice"));
            CliRun second = ok(registry("register", "churn", yes.toString(), "--format", "constant", "--principal",
                    "alice"));

            assertThat(first.out()).isEqualTo("registered churn:1 (candidate), format constant, sha256:"
                    + sha256("yes".getBytes(StandardCharsets.UTF_8)) + ", 3 bytes\n");
            assertThat(second.out()).startsWith("registered churn:2 (candidate)");
            assertThat(store.resolve(TrackingStore.DATABASE_FILE)).isRegularFile();
            assertThat(store.resolve(ModelRegistry.ARTIFACT_DIRECTORY)).isDirectory();
            assertThat(store.resolve(ModelRegistry.AUDIT_FILE)).isRegularFile();
        }

        @Test
        void withoutAFormatASavedModelFileIsReadInTheFormatItRecords() throws Exception {
            Path saved = dir.resolve("build/model.bin");
            try (URLClassLoader plugin = pluginLoader()) {
                ModelFormat constant = ComponentRegistry.load(plugin).create(ModelFormat.class, "constant");
                ModelFiles.save(saved, constant, constant.read(Files.newInputStream(yes), yes.toString()));
            }

            CliRun run = ok(registry("register", "churn", saved.toString(), "--principal", "alice"));

            assertThat(run.out()).isEqualTo("registered churn:1 (candidate), format constant(), sha256:"
                    + sha256("yes".getBytes(StandardCharsets.UTF_8)) + ", 3 bytes\n");
        }

        @Test
        void withoutAFormatBareBytesAreBadInputAskingForIt() {
            CliRun run = registry("register", "churn", yes.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: ").contains(yes.toString(), "not a saved model file",
                    "name the format it was written in");
        }

        @Test
        void recordsLineageTagsProvenanceAndMetrics() throws IOException {
            ok(registry("register", "churn", yes.toString(), "--format", "constant", "--principal", "alice",
                    "--build", "ci-1234", "--commit", "abc123", "--data-fingerprint", DATA_FINGERPRINT.toUpperCase(
                            Locale.ROOT), "--split", "stratified(seed=42)", "--tag", "team=risk",
                    "--metric", "macro_f1=0.81", "--description", "weekly retrain"));

            JsonNode shown = json(registry("show", "churn:1", "--json"));

            assertThat(shown.get("lineage").get("buildId").asText()).isEqualTo("ci-1234");
            assertThat(shown.get("lineage").get("commit").asText()).isEqualTo("abc123");
            assertThat(shown.get("lineage").get("dataFingerprint").asText()).isEqualTo(DATA_FINGERPRINT);
            assertThat(shown.get("lineage").get("split").asText()).isEqualTo("stratified(seed=42)");
            assertThat(shown.get("provenance").get("team").asText()).isEqualTo("risk");
            assertThat(shown.get("metrics").get("macro_f1").asDouble()).isEqualTo(0.81);
            assertThat(shown.get("description").asText()).isEqualTo("weekly retrain");
            assertThat(shown.get("author").asText()).isEqualTo("alice");
        }

        @Test
        void takesTheRunsIdCommitInputsAndMetricsFromTheTrackingStore() throws IOException {
            String runId;
            try (TrackingStore tracking = TrackingStore.open(store)) {
                try (ActiveRun run = tracking.startRun("churn", RunSpec.builder().codeVersion("feed42").build())) {
                    run.logMetric("val_auc", 0.8).logMetric("macro_f1", 0.7).logMetric("diverged", Double.NaN);
                    run.addInput(LineageInput.of("train.csv", "table", "v1"));
                    run.finish();
                    runId = run.id();
                }
            }

            ok(registry("register", "churn", yes.toString(), "--format", "constant", "--run", runId.substring(0, 8),
                    "--metric", "macro_f1=0.75"));
            JsonNode lineage = json(lineage("churn:1", "--json"));

            assertThat(lineage.get("lineage").get("runId").asText()).isEqualTo(runId);
            assertThat(lineage.get("lineage").get("commit").asText()).isEqualTo("feed42");
            assertThat(lineage.get("lineage").get("inputs").get(0).get("name").asText()).isEqualTo("train.csv");
            assertThat(lineage.get("metrics").get("val_auc").asDouble()).isEqualTo(0.8);
            assertThat(lineage.get("metrics").get("macro_f1").asDouble()).as("--metric wins").isEqualTo(0.75);
            assertThat(lineage.get("metrics").has("diverged")).as("NaN is left out").isFalse();
            assertThat(lineage.get("run").get("id").asText()).isEqualTo(runId);
        }

        @Test
        void printsTheNewVersionAsJson() throws IOException {
            JsonNode document = json(registry("register", "churn", yes.toString(), "--format", "constant",
                    "--principal", "alice", "--json"));

            assertThat(document.get("kind").asText()).isEqualTo(RegistryListCommand.KIND);
            JsonNode version = document.get("versions").get(0);
            assertThat(version.get("model").asText()).isEqualTo("churn");
            assertThat(version.get("version").asInt()).isEqualTo(1);
            assertThat(version.get("stage").asText()).isEqualTo("candidate");
            assertThat(version.get("size").asInt()).isEqualTo(3);
            assertThat(version.get("approvals").asInt()).isZero();
        }

        @Test
        void aFileTheFormatCannotReadIsBadInputAndLeavesNoVersion() throws IOException {
            Path maybe = Files.writeString(dir.resolve("maybe.model"), "maybe", StandardCharsets.UTF_8);

            CliRun run = registry("register", "churn", maybe.toString(), "--format", "constant");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: cannot register a version of model 'churn': format 'constant' "
                    + "cannot read its artifact").contains("expected yes or no");
            assertThat(run.err().lines()).hasSize(1);
            assertThat(registry("list").out()).startsWith("no versions in model registry");
        }

        @Test
        void anUnknownFormatIsBadInputNamingIt() {
            CliRun run = registry("register", "churn", yes.toString(), "--format", "pickle");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: ").contains("churn", "pickle");
        }

        @Test
        void aMissingFileIsBadInput() {
            CliRun run = registry("register", "churn", dir.resolve("absent.model").toString(), "--format",
                    "constant");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: no such file: " + dir.resolve("absent.model") + "\n");
        }

        @Test
        void badTagsAreBadInputNamingThem() {
            CliRun fingerprint = registry("register", "churn", yes.toString(), "--format", "constant",
                    "--data-fingerprint", "xyz");
            CliRun metric = registry("register", "churn", yes.toString(), "--format", "constant", "--metric", "f1=high");
            CliRun unnamed = registry("register", "churn", yes.toString(), "--format", "constant", "--metric", "=0.5");
            CliRun name = registry("register", "churn model", yes.toString(), "--format", "constant");
            CliRun unknownRun = registry("register", "churn", yes.toString(), "--format", "constant", "--run",
                    "0123456789");

            assertThat(fingerprint.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(fingerprint.err()).startsWith("mlops: --data-fingerprint: ").contains("xyz");
            assertThat(metric.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(metric.err()).contains("expected NAME=NUMBER with a finite number", "'f1=high'");
            assertThat(unnamed.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(unnamed.err()).contains("expected NAME=NUMBER with a finite number", "'=0.5'");
            assertThat(name.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(name.err()).startsWith("mlops: ").contains("churn model");
            assertThat(unknownRun.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(unknownRun.err()).startsWith("mlops: no run with an id starting '0123456789'");
        }

        @Test
        void aPolicyThatDeniesRegisteringRefusesWithExitOneAndIsAudited() throws IOException {
            Path policy = dir.resolve("policy.json");
            Policy.builder().allow(Subject.ANYONE, "registry.*", "model/**")
                    .deny(Subject.group("contractors"), ModelRegistry.REGISTER.name(), "model/**").build().write(policy);

            CliRun run = registry("register", "churn", yes.toString(), "--format", "constant", "--principal", "carl",
                    "--group", "contractors", "--policy", policy.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(run.err()).startsWith("mlops: refused: carl may not registry.register model/churn: ")
                    .endsWith("\n");
            assertThat(run.err().lines()).hasSize(1);
            assertThat(audit()).last().satisfies(entry -> {
                assertThat(entry.principal()).isEqualTo("carl");
                assertThat(entry.resource()).isEqualTo("model/churn");
            });
        }

        @Test
        void theDefaultPrincipalIsTheOperatingSystemUser() throws IOException {
            ok(registry("register", "churn", yes.toString(), "--format", "constant"));

            assertThat(json(registry("show", "churn", "--json")).get("author").asText())
                    .isEqualTo(System.getProperty("user.name"));
        }

        @Test
        void aJdbcUrlStoreKeepsTheModelsAndAuditLogInItsArtifactDirectory() throws IOException {
            Path artifacts = dir.resolve("files");
            String url = "jdbc:sqlite:" + dir.resolve("records.db");

            ok(mlops(List.of("registry", "register", "churn", yes.toString(), "--format", "constant", "--store", url,
                    "--artifacts", artifacts.toString())));
            CliRun list = ok(mlops(List.of("registry", "list", "--store", url, "--artifacts", artifacts.toString())));

            assertThat(artifacts.resolve(ModelRegistry.ARTIFACT_DIRECTORY)).isDirectory();
            assertThat(artifacts.resolve(ModelRegistry.AUDIT_FILE)).isRegularFile();
            assertThat(list.outLines()).hasSize(2);
        }
    }

    @Nested
    class ListVersions {
        @Test
        void listsEveryVersionOfEveryModelAsATable() {
            twoVersions();
            ok(registry("register", "fraud", yes.toString(), "--format", "constant", "--principal", "bob"));

            CliRun run = ok(registry("list"));

            assertThat(run.outLines()).hasSize(4);
            assertThat(run.outLines().get(0)).matches(
                    "MODEL +VERSION +STAGE +AUTHOR +REGISTERED +FORMAT +APPROVALS");
            assertThat(run.outLines().get(1)).matches(
                    "churn +1 +candidate +alice +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +constant +1");
            assertThat(run.outLines().get(2)).matches("churn +2 +candidate +alice .* constant +0");
            assertThat(run.outLines().get(3)).matches("fraud +1 +candidate +bob .*");
        }

        @Test
        void filtersByModelAndStage() {
            twoVersions();
            ok(registry("register", "fraud", yes.toString(), "--format", "constant"));
            ok(registry("promote", "churn:2", "--to", "staging", "--reason", "canary"));

            CliRun churn = ok(registry("list", "churn"));
            CliRun staging = ok(registry("list", "--stage", "STAGING"));
            CliRun archived = ok(registry("list", "churn", "--stage", "archived"));

            assertThat(churn.outLines()).hasSize(3);
            assertThat(staging.outLines()).hasSize(2).last().asString().startsWith("churn  2        staging");
            assertThat(archived.out()).startsWith("no matching versions of model 'churn' in model registry");
        }

        @Test
        void printsJson() throws IOException {
            twoVersions();

            JsonNode document = json(registry("list", "--json"));

            assertThat(document.get("kind").asText()).isEqualTo("registry-versions");
            assertThat(document.get("formatVersion").asInt()).isEqualTo(1);
            assertThat(document.get("versions")).hasSize(2);
            assertThat(document.get("versions").get(0).get("approvals").asInt()).isEqualTo(1);
            assertThat(document.get("versions").get(0).get("approvalsCounted").asInt()).isEqualTo(1);
            assertThat(document.get("versions").get(1).get("version").asInt()).isEqualTo(2);
        }

        @Test
        void theAuthorsOwnApprovalIsNotCountedInTheList() throws IOException {
            twoVersions();
            ok(registry("approve", "churn:2", "--principal", "alice"));

            JsonNode second = json(registry("list", "--json")).get("versions").get(1);

            assertThat(second.get("approvals").asInt()).isEqualTo(1);
            assertThat(second.get("approvalsCounted").asInt()).isZero();
            assertThat(registry("list").out()).containsPattern("churn +2 +candidate +alice .* 0\\n");
        }

        @Test
        void aStoreThatDoesNotExistIsBadInputAndNotCreated() {
            CliRun run = registry("list");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: no store in " + store + " (--store)");
            assertThat(store).doesNotExist();
        }

        @Test
        void aBadStageIsAUsageError() {
            twoVersions();

            CliRun run = registry("list", "--stage", "live");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("unknown stage 'live'; expected candidate, staging, production or archived");
        }
    }

    @Nested
    class Show {
        @Test
        void showsTheVersionWithApprovalsAndTransitions() {
            twoVersions();
            ok(registry("approve", "churn:1", "--principal", "alice", "--comment", "mine"));
            ok(promoteToProduction("churn:1", "ci"));

            CliRun run = ok(registry("show", "churn@production"));

            assertThat(run.out()).startsWith("model churn:1 (production)\n  format       constant\n"
                    + "  artifact     sha256:");
            assertThat(run.out()).contains("  author       alice\n", "  description  -\n",
                    "  may move to  staging, archived\n", "lineage\n  build   -\n", "provenance: none\n",
                    "metrics: none\n", "gate: none registered\n",
                    "approvals: 1 counted (at least 1 approval, not counting the author's own)\n");
            assertThat(run.outLines()).anyMatch(line -> line.matches("  \\S+Z  bob +counts +reviewed"))
                    .anyMatch(line -> line.matches("  \\S+Z  alice +the author's own +mine"))
                    .anyMatch(line -> line.matches("  \\S+Z  alice +\\(registered\\) -> candidate +registered"))
                    .anyMatch(line -> line.matches("  \\S+Z  ci +candidate -> production +gate passed"));
        }

        @Test
        void showsTheGateVerdictRulesAndFailuresTheSplitsHeldOutPartAndMetrics() throws IOException {
            ok(registry("register", "churn", yes.toString(), "--format", "constant"));
            String rule = "macro_f1 no lower than the reference by more than 0.01";
            GateReport gate = new GateReport(new ReportHeader(GateReport.KIND, GateReport.FORMAT_VERSION,
                    Instant.parse("2026-03-01T09:00:00Z"), new Fingerprint(DATA_FINGERPRINT)), "candidate", "churn:1",
                    GateReport.PRODUCTION, "validation (100 rows)", Optional.empty(), List.of(rule),
                    List.of(new RuleResult(rule, "validation", 0.75, 0.8, -0.05, null, OptionalDouble.empty(), 0.79,
                            Verdict.FAIL, "dropped by 0.05")));
            try (URLClassLoader plugin = pluginLoader();
                    ModelRegistry registry = ModelRegistry.builder(store).formats(ComponentRegistry.load(plugin))
                            .open()) {
                registry.register(Principal.of("ada"), Registration.builder("churn")
                        .artifact("constant", "no".getBytes(StandardCharsets.UTF_8))
                        .lineage(LineageTags.builder().split("stratified(seed=42)", new Fingerprint("c".repeat(64)))
                                .build())
                        .metric("macro_f1", 0.75).metric("auc", 0.8).gateReport(gate).build());
            }

            CliRun run = ok(registry("show", "churn:2"));

            assertThat(run.out()).contains("  split   stratified(seed=42) (held out: " + "c".repeat(64) + ")\n",
                    "metrics\n  auc       0.8\n  macro_f1  0.75\n",
                    "gate FAILED against production 'churn:1' on validation (100 rows)\n"
                            + "  rule    " + rule + "\n"
                            + "  failed  " + rule + " [validation]: dropped by 0.05\n");
        }

        @Test
        void aBareModelIsItsLatestVersionAndJsonIsTheLineageDocument() throws IOException {
            twoVersions();

            JsonNode document = json(registry("show", "churn", "--json"));

            assertThat(document.get("kind").asText()).isEqualTo("model-lineage");
            assertThat(document.get("version").asInt()).isEqualTo(2);
        }

        @Test
        void anUnknownVersionOrModelIsBadInput() {
            twoVersions();

            CliRun version = registry("show", "churn:9");
            CliRun model = registry("show", "fraud");
            CliRun stage = registry("show", "churn@production");

            assertThat(version.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(version.err()).startsWith("mlops: no version churn:9 in model registry");
            assertThat(model.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(model.err()).startsWith("mlops: no model 'fraud' in model registry")
                    .contains("'mlops registry list' lists them");
            assertThat(stage.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(stage.err()).isEqualTo("mlops: model 'churn' has no version in production; name one as "
                    + "churn:VERSION\n");
        }

        @Test
        void aMalformedVersionIsAUsageErrorNamingTheForms() {
            CliRun number = registry("show", "churn:three");
            CliRun zero = registry("show", "churn:0");
            CliRun both = registry("show", "churn@production:3");
            CliRun stage = registry("show", "churn@live");
            CliRun empty = registry("show", ":3");
            CliRun noModel = registry("show", "@production");
            CliRun leadingColon = registry("show", ":churn@production");
            CliRun leadingAt = registry("show", "@churn:3");

            for (CliRun run : List.of(number, zero, both, stage, empty, noModel, leadingColon, leadingAt)) {
                assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
                assertThat(run.err()).as(run.toString()).contains("cannot read the version '",
                        "expected MODEL:VERSION (churn:3), MODEL@STAGE (churn@production) or MODEL");
            }
            assertThat(number.err()).contains("'three' is not a version number");
            assertThat(zero.err()).contains("versions are numbered from 1");
            assertThat(both.err()).contains("it names both a version and a stage");
            assertThat(stage.err()).contains("unknown stage 'live'");
            assertThat(empty.err()).contains("the model's name is missing");
            assertThat(noModel.err()).contains("the model's name is missing");
            assertThat(leadingColon.err()).contains("it names both a version and a stage");
            assertThat(leadingAt.err()).contains("it names both a version and a stage");
        }

        @Test
        void theHighestVersionInAStageAnswersModelAtStage() throws IOException {
            twoVersions();
            ok(registry("promote", "churn:1", "--to", "staging", "--reason", "a"));
            ok(registry("promote", "churn:2", "--to", "staging", "--reason", "b"));
            ok(registry("register", "churn", yes.toString(), "--format", "constant"));

            assertThat(json(registry("show", "churn@staging", "--json")).get("version").asInt()).isEqualTo(2);
            assertThat(json(registry("show", "churn", "--json")).get("version").asInt()).isEqualTo(3);
        }
    }

    @Nested
    class Approve {
        @Test
        void recordsTheApprovalAndSaysWhatCounts() throws IOException {
            twoVersions();

            CliRun reviewer = ok(registry("approve", "churn:2", "--principal", "bob", "--comment", "slices fine"));
            CliRun author = ok(registry("approve", "churn:2", "--principal", "alice"));

            assertThat(reviewer.out()).isEqualTo("bob approved churn:2; 1 approval counts (at least 1 approval, not "
                    + "counting the author's own)\n");
            assertThat(author.out()).isEqualTo("alice approved churn:2, its author; 1 approval counts (at least 1 "
                    + "approval, not counting the author's own)\n");
            JsonNode approvals = json(registry("show", "churn:2", "--json")).get("approvals");
            assertThat(approvals).hasSize(2);
            assertThat(approvals.get(0).get("comment").asText()).isEqualTo("slices fine");
            assertThat(approvals.get(1).get("byAuthor").asBoolean()).isTrue();
        }

        @Test
        void anArchivedVersionCanBeApprovedForARollback() {
            twoVersions();
            ok(registry("archive", "churn:2", "--reason", "superseded"));

            CliRun run = registry("approve", "churn:2", "--principal", "bob");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("bob approved churn:2");
        }
    }

    @Nested
    class Promote {
        @Test
        void promotesToProductionArchivingThePreviousVersion() throws IOException {
            twoVersions();
            ok(promoteToProduction("churn:1", "ci"));
            ok(registry("approve", "churn:2", "--principal", "bob"));

            CliRun run = ok(promoteToProduction("churn", "ci"));

            assertThat(run.out()).isEqualTo("churn:2 candidate -> production by ci: gate passed\n"
                    + "churn:1 production -> archived by ci: replaced in production by version 2\n");
            JsonNode list = json(registry("list", "--json")).get("versions");
            assertThat(list.get(0).get("stage").asText()).isEqualTo("archived");
            assertThat(list.get(1).get("stage").asText()).isEqualTo("production");
        }

        @Test
        void promotesToStagingWithoutTheRole() {
            twoVersions();

            CliRun run = ok(registry("promote", "churn:2", "--to", "staging", "--reason", "canary", "--principal",
                    "alice"));

            assertThat(run.out()).isEqualTo("churn:2 candidate -> staging by alice: canary\n");
        }

        @Test
        void productionWithoutThePipelineRoleIsRefusedWithExitOneAndAudited() {
            twoVersions();

            CliRun run = registry("promote", "churn:1", "--to", "production", "--reason", "now", "--principal",
                    "alice");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(run.err()).startsWith("mlops: refused: alice may not registry.promote.production "
                    + "model/churn/1: ");
            assertThat(run.err().lines()).hasSize(1);
            assertThat(audit()).last().satisfies(entry -> {
                assertThat(entry.principal()).isEqualTo("alice");
                assertThat(entry.resource()).isEqualTo("model/churn/1");
            });
            assertThat(registry("list", "--stage", "production").out()).startsWith("no matching versions");
        }

        @Test
        void productionWithoutApprovalsIsRefusedWithExitOneNamingWhatIsMissing() {
            twoVersions();
            ok(registry("approve", "churn:2", "--principal", "alice", "--comment", "my own"));

            CliRun run = promoteToProduction("churn:2", "ci");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(run.err()).startsWith("mlops: refused: ci may not registry.promote.production churn:2: "
                    + "approvals missing: it has 0 of the 1 approval required from principals other than its author "
                    + "alice (the author's own approval does not count)");
        }

        @Test
        void aVersionAlreadyInTheStageOrAMoveTheStagesForbidAreBadInput() {
            twoVersions();
            ok(promoteToProduction("churn:1", "ci"));

            CliRun again = promoteToProduction("churn:1", "ci");
            CliRun archived = registry("promote", "churn:2", "--to", "archived", "--reason", "x");
            CliRun candidate = registry("promote", "churn:2", "--to", "candidate", "--reason", "x");
            CliRun noReason = registry("promote", "churn:2", "--to", "staging");

            assertThat(again.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(again.err()).isEqualTo("mlops: churn:1 is in production already; nothing changed\n");
            assertThat(archived.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(archived.err()).contains("--to must be staging or production but was archived; "
                    + "'mlops registry archive' archives a version");
            assertThat(candidate.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(candidate.err()).contains("--to must be staging or production but was candidate");
            assertThat(noReason.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(noReason.err()).contains("Missing required option: '--reason=TEXT'");
        }
    }

    @Nested
    class ExpectProduction {
        @Test
        void aPromotionExpectingAnotherProductionVersionIsRefusedWithExitOneAndChangesNothing() {
            twoVersions();
            ok(registry("approve", "churn:2", "--principal", "bob"));
            ok(promoteToProduction("churn:1", "ci"));

            CliRun run = registry("promote", "churn:2", "--to", "production", "--reason", "gate passed",
                    "--principal", "ci", "--role", "pipeline", "--expect-production", "none");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(run.err()).isEqualTo("mlops: refused: cannot move churn:2 to production: the production slot "
                    + "of model 'churn' holds version 1, not no version as expected (another process or thread "
                    + "promoted since it was read); nothing changed (principal ci)\n");
            assertThat(registry("list", "--stage", "production").outLines()).hasSize(2).last().asString()
                    .startsWith("churn  1");
        }

        @Test
        void aPromotionExpectingTheProductionVersionThereGoesAhead() {
            twoVersions();
            ok(registry("approve", "churn:2", "--principal", "bob"));
            ok(promoteToProduction("churn:1", "ci"));

            CliRun run = ok(registry("promote", "churn:2", "--to", "production", "--reason", "r", "--principal", "ci",
                    "--role", "pipeline", "--expect-production", "1"));

            assertThat(run.outLines()).containsExactly("churn:2 candidate -> production by ci: r",
                    "churn:1 production -> archived by ci: replaced in production by version 2");
        }

        @Test
        void aBadExpectationIsAUsageError() {
            twoVersions();

            CliRun word = registry("promote", "churn:2", "--to", "production", "--reason", "r",
                    "--expect-production", "latest");
            CliRun zero = registry("promote", "churn:2", "--to", "production", "--reason", "r",
                    "--expect-production", "0");
            CliRun staging = registry("promote", "churn:2", "--to", "staging", "--reason", "r",
                    "--expect-production", "none");

            assertThat(word.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(word.err()).startsWith("--expect-production must be a version number (from 1) or none but "
                    + "was 'latest'");
            assertThat(zero.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(zero.err()).startsWith("--expect-production must be a version number (from 1) or none");
            assertThat(staging.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(staging.err()).startsWith("--expect-production applies to --to production only");
        }

        @Test
        void ofTwoProcessesPromotingAtOnceExactlyOneWins() throws Exception {
            twoVersions();
            ok(registry("approve", "churn:2", "--principal", "bob"));
            List<Process> processes = new ArrayList<>();
            for (String version : List.of("churn:1", "churn:2")) {
                ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                        MlopsCommand.class.getName(),
                        "registry", "promote", version, "--to", "production", "--reason", "race", "--principal", "ci",
                        "--role", "pipeline", "--expect-production", "none", "--store", store.toString());
                builder.environment().putAll(environment);
                builder.redirectOutput(dir.resolve(version.replace(':', '-') + ".out").toFile());
                builder.redirectError(dir.resolve(version.replace(':', '-') + ".err").toFile());
                processes.add(builder.start());
            }
            List<Integer> exits = new ArrayList<>();
            for (Process process : processes) {
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                exits.add(process.exitValue());
            }

            assertThat(exits).containsExactlyInAnyOrder(MlopsCommand.EXIT_OK, MlopsCommand.EXIT_CHECK_FAILED);
            String loser = exits.get(0) == MlopsCommand.EXIT_OK ? "churn-2" : "churn-1";
            assertThat(Files.readString(dir.resolve(loser + ".err"), StandardCharsets.UTF_8))
                    .startsWith("mlops: refused: cannot move " + loser.replace('-', ':') + " to production: the "
                            + "production slot of model 'churn' holds version ")
                    .contains("nothing changed (principal ci)");
            assertThat(registry("list", "--stage", "production").outLines()).hasSize(2);
        }
    }

    @Nested
    class Archive {
        @Test
        void archivesACandidate() {
            twoVersions();

            CliRun run = ok(registry("archive", "churn:2", "--reason", "superseded", "--principal", "alice"));

            assertThat(run.out()).isEqualTo("churn:2 candidate -> archived by alice: superseded\n");
        }

        @Test
        void archivingProductionNeedsThePipelineRole() {
            twoVersions();
            ok(promoteToProduction("churn:1", "ci"));

            CliRun refused = registry("archive", "churn@production", "--reason", "broken", "--principal", "alice");
            CliRun allowed = registry("archive", "churn@production", "--reason", "broken", "--principal", "ci",
                    "--role", "pipeline");

            assertThat(refused.exitCode()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(refused.err()).startsWith("mlops: refused: alice may not registry.promote.production "
                    + "model/churn/1");
            assertThat(ok(allowed).out()).isEqualTo("churn:1 production -> archived by ci: broken\n");
        }

        @Test
        void anArchivedVersionIsBadInput() {
            twoVersions();
            ok(registry("archive", "churn:2", "--reason", "superseded"));

            CliRun run = registry("archive", "churn:2", "--reason", "again");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: churn:2 is in archived already; nothing changed\n");
        }
    }

    @Nested
    class Lineage {
        @Test
        void aBareModelIsItsProductionVersion() {
            twoVersions();
            ok(registry("register", "churn", yes.toString(), "--format", "constant", "--build", "ci-7"));
            ok(registry("approve", "churn:3", "--principal", "bob"));
            ok(promoteToProduction("churn:3", "ci"));

            CliRun run = ok(lineage("churn"));

            assertThat(run.out()).startsWith("model churn:3 (production), format constant, artifact sha256:")
                    .contains("build: ci-7\n", " by bob", "candidate -> production");
        }

        @Test
        void namesAVersionAndPrintsJson() throws IOException {
            twoVersions();

            JsonNode document = json(lineage("churn:1", "--json"));

            assertThat(document.get("kind").asText()).isEqualTo("model-lineage");
            assertThat(document.get("version").asInt()).isEqualTo(1);
            assertThat(document.get("approvals").get(0).get("principal").asText()).isEqualTo("bob");
        }

        @Test
        void aModelWithoutAProductionVersionIsBadInput() {
            twoVersions();

            CliRun run = lineage("churn");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: model 'churn' has no version in production; name one as "
                    + "churn:VERSION\n");
        }

        @Test
        void aPolicyThatDeniesReadingRefusesWithExitOne() throws IOException {
            twoVersions();
            Path policy = dir.resolve("policy.json");
            Policy.builder().allow(Subject.ANYONE, "registry.*", "model/**")
                    .deny(Subject.principal("eve"), ModelRegistry.READ.name(), "model/**").build().write(policy);

            CliRun run = lineage("churn:1", "--principal", "eve", "--policy", policy.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(run.err()).startsWith("mlops: refused: eve may not registry.read model/churn/1");
        }

        @Test
        void aPolicyFileThatCannotBeReadIsBadInput() {
            twoVersions();

            CliRun run = lineage("churn:1", "--policy", dir.resolve("absent.json").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: ").contains("absent.json");
        }
    }

    @Nested
    class Help {
        @Test
        void theGroupSaysWhereTheRegistryLivesWhoActsAndTheExitCodes() {
            CliRun run = CliRun.mlops("registry", "--help");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out().replaceAll("\\s+", " ")).contains("list", "show", "register", "approve", "promote",
                    "archive", "MODEL:VERSION (churn:3)", "--principal NAME", "--role",
                    "Exit 1 when the registry refuses a change", "Exit 2 for bad input");
        }

        @Test
        void withoutASubcommandItIsAUsageError() {
            CliRun run = CliRun.mlops("registry");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("Missing required subcommand");
        }
    }
}
