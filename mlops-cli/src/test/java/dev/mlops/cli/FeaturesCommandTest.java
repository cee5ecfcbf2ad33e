package dev.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.core.access.Outcome;
import dev.mlops.core.access.Policy;
import dev.mlops.core.access.Principal;
import dev.mlops.core.access.Subject;
import dev.mlops.features.FeatureStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlops features ...} on a real SQLite store in a temporary directory, with real
 * definition, record and row files, principals named by {@code --principal} and policies read
 * from {@code --policy} files.
 */
class FeaturesCommandTest {
    private static final String WRITER = FeatureStore.WRITER_ROLE;
    private static final Pattern WRITTEN_AT = Pattern.compile("written at (\\S+);");

    @TempDir
    Path dir;

    Path store;
    Path customer;
    Path records;

    @BeforeEach
    void files() throws IOException {
        store = dir.resolve("store");
        customer = write("customer.json", """
                {"kind": "feature-group", "formatVersion": 1, "name": "customer", "entityKey": "customer_id",
                 "eventTime": "observed_at", "owner": "risk-team", "description": "what we know of a customer",
                 "tags": ["crm"], "ttl": "P90D", "retention": "P365D",
                 "features": [
                   {"name": "age", "type": "numeric", "description": "age in years", "tags": ["profile"]},
                   {"name": "segment", "type": "categorical"},
                   {"name": "vip", "type": "boolean"},
                   {"name": "income", "type": "numeric", "description": "yearly income in EUR", "sensitive": true}
                 ]}
                """);
        records = write("customer.csv", """
                customer_id,observed_at,age,segment,vip,income
                c-1,2026-11-01T00:00:00Z,30,gold,true,52000
                c-2,2026-11-02T00:00:00Z,41,silver,false,61000
                c-1,2026-11-10T00:00:00Z,31,gold,true,53000
                """);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private CliRun features(String... args) {
        List<String> command = new ArrayList<>(List.of("features"));
        command.addAll(List.of(args));
        command.addAll(List.of("--store", store.toString()));
        return CliRun.mlops(Map.of(), command.toArray(String[]::new));
    }

    private static CliRun ok(CliRun run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEmpty();
        return run;
    }

    /** A failed run: the exit status, and no stack trace (an error is one line, a usage error its message then the usage). */
    private static CliRun fails(CliRun run, int exitCode) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.err()).as(run.toString()).doesNotContain("\tat ");
        return run;
    }

    private static JsonNode json(CliRun run) throws IOException {
        return new ObjectMapper().readTree(ok(run).out());
    }

    private CliRun define(Path file) {
        return features("define", file.toString(), "--principal", "alice", "--role", WRITER);
    }

    private CliRun ingest(Path file) {
        return features("ingest", "customer", file.toString(), "--principal", "alice", "--role", WRITER);
    }

    /** Defines customer and ingests the three records; returns the batch's write time. */
    private String defined() {
        ok(define(customer));
        return writtenAt(ok(ingest(records)));
    }

    private static String writtenAt(CliRun run) {
        Matcher matcher = WRITTEN_AT.matcher(run.out());
        assertThat(matcher.find()).as(run.toString()).isTrue();
        return matcher.group(1);
    }

    /** A policy that lets anyone read, the analysts read income, and denies bob the feature age. */
    private Path policy() throws IOException {
        Path file = dir.resolve("policy.json");
        Policy.builder()
                .allow(Subject.ANYONE, FeatureStore.READ.name(), "feature/**")
                .allow(Subject.group("analysts"), FeatureStore.READ_SENSITIVE.name(), "feature/customer/income")
                .deny(Subject.principal("bob"), FeatureStore.READ.name(), "feature/customer/age")
                .build().write(file);
        return file;
    }

    @Nested
    class Define {
        @Test
        void printsTheStoredVersionAndCreatesTheStore() {
            CliRun run = ok(define(customer));

            assertThat(run.out()).isEqualTo("feature group customer version 1: 4 features, 1 sensitive\n");
            assertThat(store.resolve(FeatureStore.DATABASE_FILE)).isRegularFile();
            assertThat(store.resolve(FeatureStore.AUDIT_FILE)).isRegularFile();
        }

        @Test
        void definingTheSameAgainChangesNothingAndAddingAFeatureMakesVersionTwo() throws IOException {
            ok(define(customer));
            CliRun again = ok(define(customer));
            Path added = write("customer2.json", Files.readString(customer).replace(
                    "\"sensitive\": true}", "\"sensitive\": true}, {\"name\": \"tenure\", \"type\": \"numeric\"}"));

            CliRun second = ok(define(added));

            assertThat(again.out()).startsWith("feature group customer version 1:");
            assertThat(second.out()).isEqualTo("feature group customer version 2: 5 features, 1 sensitive\n");
        }

        @Test
        void anIncompatibleChangeIsBadInputNamingIt() throws IOException {
            ok(define(customer));
            Path retyped = write("retyped.json", Files.readString(customer).replace(
                    "{\"name\": \"segment\", \"type\": \"categorical\"}", "{\"name\": \"segment\", \"type\": \"numeric\"}"));

            CliRun run = fails(define(retyped), MlopsCommand.EXIT_BAD_INPUT);

            assertThat(run.err()).contains("customer", "incompatible", "segment");
        }

        @Test
        void aBadFeatureTypeIsBadInputNamingTheFileAndField() throws IOException {
            Path bad = write("bad.json", Files.readString(customer).replace("\"type\": \"boolean\"",
                    "\"type\": \"string\""));
            Path text = write("text.json", Files.readString(customer).replace("\"type\": \"boolean\"",
                    "\"type\": \"text\""));

            CliRun run = fails(define(bad), MlopsCommand.EXIT_BAD_INPUT);
            CliRun textRun = fails(define(text), MlopsCommand.EXIT_BAD_INPUT);

            assertThat(run.err()).startsWith("mlops: ").contains("bad.json", "features[2]", "type",
                    "expected one of NUMERIC, CATEGORICAL, BOOLEAN, TIMESTAMP but was 'string'").hasLineCount(1);
            assertThat(textRun.err()).contains("text.json", "features[2]", "feature 'vip' is TEXT");
        }

        @Test
        void anUnknownFieldIsBadInputNamingIt() throws IOException {
            Path bad = write("bad.json", Files.readString(customer).replace("\"owner\"", "\"team\""));
            Path badFeature = write("feature.json", Files.readString(customer).replace("\"sensitive\": true",
                    "\"secret\": true"));

            CliRun run = fails(define(bad), MlopsCommand.EXIT_BAD_INPUT);
            CliRun feature = fails(define(badFeature), MlopsCommand.EXIT_BAD_INPUT);

            assertThat(run.err()).contains("bad.json", "team");
            assertThat(feature.err()).contains("feature.json", "features[3]", "secret");
        }

        @Test
        void aDefinitionTheBuilderRefusesIsBadInputNamingTheDocument() throws IOException {
            Path bad = write("bad.json", Files.readString(customer).replace("\"ttl\": \"P90D\"", "\"ttl\": \"-P1D\""));
            Path noFeatures = write("empty.json", """
                    {"kind": "feature-group", "formatVersion": 1, "name": "empty", "features": []}""");
            Path badDuration = write("duration.json", Files.readString(customer).replace("P90D", "90 days"));
            Path badName = write("name.json", Files.readString(customer).replace("\"customer\"", "\"9lives\""));

            assertThat(fails(define(bad), MlopsCommand.EXIT_BAD_INPUT).err()).contains("bad.json", "ttl",
                    "must be positive");
            assertThat(fails(define(noFeatures), MlopsCommand.EXIT_BAD_INPUT).err()).contains("empty.json",
                    "has no feature");
            assertThat(fails(define(badDuration), MlopsCommand.EXIT_BAD_INPUT).err()).contains("duration.json",
                    "ttl", "ISO-8601 duration", "'90 days'");
            assertThat(fails(define(badName), MlopsCommand.EXIT_BAD_INPUT).err()).contains("name.json", "'9lives'");
        }

        @Test
        void aMissingFileIsBadInput() {
            CliRun run = fails(define(dir.resolve("absent.json")), MlopsCommand.EXIT_BAD_INPUT);

            assertThat(run.err()).contains("absent.json");
        }

        @Test
        void withoutTheWriterRoleThePolicyRefusesNamingThePrincipal() {
            CliRun run = fails(features("define", customer.toString(), "--principal", "mallory"),
                    MlopsCommand.EXIT_CHECK_FAILED);

            assertThat(run.err()).startsWith("mlops: refused: ").contains("mallory", "customer");
        }
    }

    @Nested
    class ListGroups {
        @Test
        void listsEachGroupWithItsCounts() throws IOException {
            ok(define(customer));
            ok(define(write("account.json", """
                    {"kind": "feature-group", "formatVersion": 1, "name": "account",
                     "features": [{"name": "balance", "type": "numeric"}]}""")));

            CliRun run = ok(features("list"));

            assertThat(run.outLines()).containsExactly(
                    "GROUP     VERSION  ENTITY KEY   FEATURES  SENSITIVE  OWNER      TTL",
                    "account   1        entity_id    1         0          -          -",
                    "customer  1        customer_id  4         1          risk-team  90d");
        }

        @Test
        void asJsonGivesEachGroupsDocument() throws IOException {
            ok(define(customer));

            JsonNode document = json(features("list", "--json"));

            assertThat(document.get("kind").asText()).isEqualTo(FeaturesListCommand.KIND);
            JsonNode group = document.get("groups").get(0);
            assertThat(group.get("name").asText()).isEqualTo("customer");
            assertThat(group.get("version").asInt()).isEqualTo(1);
            assertThat(group.get("features")).hasSize(4);
            assertThat(group.get("features").get(3).get("sensitive").asBoolean()).isTrue();
        }

        @Test
        void aPrincipalWhoMayReadNoGroupIsToldSo() throws IOException {
            ok(define(customer));
            Path denyAll = dir.resolve("deny.json");
            Policy.builder().deny(Subject.ANYONE, FeatureStore.READ.name(), "feature/**").build().write(denyAll);

            CliRun run = ok(features("list", "--principal", "carol", "--policy", denyAll.toString()));

            assertThat(run.out()).isEqualTo("no feature groups that carol may read\n");
        }

        @Test
        void aStoreThatDoesNotExistIsBadInput() {
            CliRun run = fails(features("list"), MlopsCommand.EXIT_BAD_INPUT);

            assertThat(run.err()).contains(store.toString(), "does not exist");
        }
    }

    @Nested
    class Describe {
        @Test
        void showsEveryFeatureAndTheVersions() {
            ok(define(customer));

            CliRun run = ok(features("describe", "customer"));

            assertThat(run.out()).isEqualTo("""
                    feature group customer version 1 of 1
                    entity key: customer_id
                    event time: observed_at
                    owner: risk-team
                    description: what we know of a customer
                    tags: crm
                    ttl: 90d
                    retention: 365d
                    features:
                      FEATURE  TYPE         SENSITIVE  DESCRIPTION           TAGS
                      age      numeric      no         age in years          profile
                      segment  categorical  no         -                     -
                      vip      boolean      no         -                     -
                      income   numeric      yes        yearly income in EUR  -
                    versions:
                      1: 4 features
                    """);
        }

        @Test
        void jsonIsADocumentDefineReadsBack() throws IOException {
            ok(define(customer));
            JsonNode described = json(features("describe", "customer", "--json"));
            Path copy = write("copy.json", described.toString().replace("risk-team", "fraud-team"));

            CliRun redefined = ok(define(copy));

            assertThat(described.get("versions").get(0).asInt()).isEqualTo(1);
            assertThat(described.get("ttl").asText()).isEqualTo("PT2160H");
            assertThat(described.get("retention").asText()).isEqualTo("PT8760H");
            assertThat(described.get("tags").get(0).asText()).isEqualTo("crm");
            assertThat(described.get("features").get(0).get("tags").get(0).asText()).isEqualTo("profile");
            assertThat(described.get("features").get(0).get("type").asText()).isEqualTo("NUMERIC");
            assertThat(redefined.out()).startsWith("feature group customer version 2:");
            assertThat(json(features("describe", "customer", "--json")).get("owner").asText()).isEqualTo("fraud-team");
        }

        @Test
        void anEarlierVersionOnRequest() throws IOException {
            ok(define(customer));
            ok(define(write("customer2.json", Files.readString(customer).replace("P90D", "PT12H"))));

            CliRun first = ok(features("describe", "customer", "--version", "1"));
            CliRun latest = ok(features("describe", "customer"));

            assertThat(first.out()).startsWith("feature group customer version 1 of 2\n").contains("ttl: 90d\n",
                    "versions:\n  1: 4 features\n  2: 4 features\n");
            assertThat(latest.out()).startsWith("feature group customer version 2 of 2\n").contains("ttl: PT12H\n");
        }

        @Test
        void anUnknownVersionOrGroupIsBadInput() {
            ok(define(customer));

            CliRun version = fails(features("describe", "customer", "--version", "3"), MlopsCommand.EXIT_BAD_INPUT);
            CliRun group = fails(features("describe", "custmer"), MlopsCommand.EXIT_BAD_INPUT);

            assertThat(version.err()).contains("feature group 'customer' has no version 3; its versions are 1 to 1");
            assertThat(group.err()).contains("custmer");
        }
    }

    @Nested
    class Ingest {
        @Test
        void printsWhatWasKept() {
            ok(define(customer));

            CliRun run = ok(ingest(records));

            assertThat(run.out()).matches("ingested 3 records into customer version 1 as batch 1 written at "
                    + "\\S+; refused 0\n");
        }

        @Test
        void readsJsonLines() throws IOException {
            ok(define(customer));
            Path lines = write("customer.jsonl", """
                    {"customer_id": "c-3", "observed_at": "2026-11-03T00:00:00Z", "age": 25, "segment": "gold"}
                    """);

            CliRun run = ok(ingest(lines));

            assertThat(run.out()).startsWith("ingested 1 records into customer version 1 as batch 1 ");
        }

        @Test
        void refusedRecordsAreListedWithTheirLinesAndExitOne() throws IOException {
            ok(define(customer));
            Path bad = write("bad.csv", """
                    customer_id,observed_at,age,segment,vip,income
                    c-1,2026-11-01T00:00:00Z,30,gold,true,52000
                    ,2026-11-02T00:00:00Z,41,silver,false,61000
                    c-3,2026-11-02T00:00:00Z,forty,silver,false,61000
                    """);

            CliRun run = fails(ingest(bad), MlopsCommand.EXIT_CHECK_FAILED);

            assertThat(run.err()).isEmpty();
            List<String> lines = run.outLines();
            assertThat(lines.get(0)).startsWith("ingested 1 records into customer version 1 as batch 1 ")
                    .endsWith("; refused 2");
            assertThat(lines.subList(1, lines.size())).satisfiesExactly(
                    line -> assertThat(line).startsWith("  refused ").contains("bad.csv line 3: "),
                    line -> assertThat(line).startsWith("  refused ").contains("bad.csv line 4: ", "age"));
        }

        @Test
        void whenEveryRecordIsRefusedNothingIsWritten() throws IOException {
            ok(define(customer));
            Path bad = write("bad.csv", """
                    customer_id,observed_at,age,segment,vip,income
                    c-3,2026-11-02T00:00:00Z,forty,silver,false,61000
                    """);

            CliRun run = fails(ingest(bad), MlopsCommand.EXIT_CHECK_FAILED);

            assertThat(run.out()).startsWith("ingested 0 records into customer version 1 (nothing written); "
                    + "refused 1\n");
        }

        @Test
        void aMissingFileOrUnknownGroupIsBadInput() {
            ok(define(customer));

            CliRun missing = fails(ingest(dir.resolve("absent.csv")), MlopsCommand.EXIT_BAD_INPUT);
            CliRun unknown = fails(features("ingest", "custmer", records.toString(), "--principal", "alice",
                    "--role", WRITER), MlopsCommand.EXIT_BAD_INPUT);

            assertThat(missing.err()).isEqualTo("mlops: no such file: " + dir.resolve("absent.csv") + "\n");
            assertThat(unknown.err()).contains("custmer");
        }

        @Test
        void withoutTheWriterRoleThePolicyRefuses() {
            ok(define(customer));

            CliRun run = fails(features("ingest", "customer", records.toString(), "--principal", "mallory"),
                    MlopsCommand.EXIT_CHECK_FAILED);

            assertThat(run.err()).startsWith("mlops: refused: ").contains("mallory");
        }
    }

    @Nested
    class Get {
        @Test
        void onlineGivesTheLatestValuesOfEachEntityInOrder() {
            defined();

            CliRun run = ok(features("get", "customer:age,segment,vip", "--entity", "c-2", "--entity", "c-1",
                    "--entity", "c-9"));

            assertThat(run.outLines()).containsExactly(
                    "customer_id  observed_at           age  segment  vip",
                    "c-2          2026-11-02T00:00:00Z  41   silver   false",
                    "c-1          2026-11-10T00:00:00Z  31   gold     true",
                    "c-9          -                     -    -        -");
        }

        @Test
        void asOfAnEventTimeReadsEveryEntityOrThoseGiven() {
            defined();

            CliRun all = ok(features("get", "customer:age", "--as-of", "2026-11-05"));
            CliRun one = ok(features("get", "customer:age", "--as-of", "2026-11-05T00:00:00Z", "--entity", "c-1",
                    "--entity", "c-7"));

            assertThat(all.outLines()).containsExactlyInAnyOrder(
                    "customer_id  observed_at           age",
                    "c-1          2026-11-01T00:00:00Z  30",
                    "c-2          2026-11-02T00:00:00Z  41");
            assertThat(one.outLines()).containsExactly(
                    "customer_id  observed_at           age",
                    "c-1          2026-11-01T00:00:00Z  30");
        }

        @Test
        void knownAtAnEarlierWriteTimeReadsWhatTheStoreKnewThen() throws IOException {
            String first = defined();
            Path correction = write("correction.csv", """
                    customer_id,observed_at,age
                    c-1,2026-11-10T00:00:00Z,32
                    """);
            ok(ingest(correction));

            CliRun now = ok(features("get", "customer:age", "--as-of", "2026-11-30", "--entity", "c-1"));
            CliRun then = ok(features("get", "customer:age", "--as-of", "2026-11-30", "--known-at", first, "--entity",
                    "c-1"));
            CliRun before = ok(features("get", "customer:age", "--as-of", "2026-11-30", "--known-at", "2000-01-01"));

            assertThat(now.outLines()).last().asString().endsWith(" 32");
            assertThat(then.outLines()).last().asString().endsWith(" 31");
            assertThat(before.out()).isEqualTo("no values of customer:age\n");
        }

        @Test
        void asJsonGivesTypedValuesAndSensitiveFlags() throws IOException {
            defined();

            JsonNode document = json(features("get", "customer", "--entity", "c-1", "--entity", "c-9", "--json",
                    "--principal", "ann", "--group", "analysts", "--policy", policy().toString()));

            assertThat(document.get("kind").asText()).isEqualTo(FeatureTableOutput.KIND);
            assertThat(document.get("selection").asText()).isEqualTo("customer");
            assertThat(document.get("asOf").isNull()).isTrue();
            assertThat(document.get("entities").get(0).asText()).isEqualTo("c-1");
            assertThat(document.get("entities").get(1).asText()).isEqualTo("c-9");
            assertThat(document.get("columns").findValuesAsText("name")).containsExactly("customer_id", "observed_at",
                    "age", "segment", "vip", "income");
            assertThat(document.get("columns").get(5).get("sensitive").asBoolean()).isTrue();
            JsonNode c1 = document.get("rows").get(0);
            assertThat(c1.get("customer_id").asText()).isEqualTo("c-1");
            assertThat(c1.get("observed_at").asText()).isEqualTo("2026-11-10T00:00:00Z");
            assertThat(c1.get("age").isNumber()).isTrue();
            assertThat(c1.get("age").asDouble()).isEqualTo(31.0);
            assertThat(c1.get("vip").isBoolean()).isTrue();
            assertThat(c1.get("income").asDouble()).isEqualTo(53000.0);
            assertThat(document.get("rows").get(1).get("age").isNull()).isTrue();
        }

        @Test
        void asCsvOrIntoAFile() throws IOException {
            defined();
            Path file = dir.resolve("out/values.jsonl");
            Files.createDirectories(file.getParent());

            CliRun csv = ok(features("get", "customer:age,segment", "--entity", "c-2", "--csv"));
            CliRun written = ok(features("get", "customer:age", "--entity", "c-2", "--output", file.toString()));

            assertThat(csv.outLines()).containsExactly("customer_id,observed_at,age,segment",
                    "c-2,2026-11-02T00:00:00Z,41,silver");
            assertThat(written.out()).isEqualTo("wrote 1 rows of customer:age to " + file + "\n");
            assertThat(Files.readString(file)).contains("\"customer_id\":\"c-2\"", "\"age\":41");
        }

        @Test
        void aSensitiveFeatureIsRefusedWithoutARuleNamingPrincipalAndFeature() {
            defined();

            CliRun run = fails(features("get", "customer:income", "--entity", "c-1", "--principal", "bob"),
                    MlopsCommand.EXIT_CHECK_FAILED);

            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).startsWith("mlops: refused: ").contains("bob", "income");
            try (FeatureStore opened = FeatureStore.open(store)) {
                assertThat(opened.audit(Principal.of("auditor"))).filteredOn(entry -> entry.principal().equals("bob"))
                        .singleElement().satisfies(entry -> {
                            assertThat(entry.outcome()).isEqualTo(Outcome.DENIED);
                            assertThat(entry.resource()).isEqualTo("feature/customer/income");
                        });
            }
        }

        @Test
        void aPolicyDenyingAFeatureRefusesEveryReadOfIt() throws IOException {
            defined();
            String policy = policy().toString();

            CliRun online = fails(features("get", "customer:age", "--entity", "c-1", "--principal", "bob", "--policy",
                    policy), MlopsCommand.EXIT_CHECK_FAILED);
            CliRun asOf = fails(features("get", "customer", "--as-of", "2026-11-30", "--principal", "bob", "--policy",
                    policy, "--group", "analysts"), MlopsCommand.EXIT_CHECK_FAILED);
            CliRun other = ok(features("get", "customer:segment", "--entity", "c-1", "--principal", "bob", "--policy",
                    policy));

            assertThat(online.err()).startsWith("mlops: refused: ").contains("bob", "age").hasLineCount(1);
            assertThat(asOf.err()).startsWith("mlops: refused: ").contains("bob", "age").hasLineCount(1);
            assertThat(other.outLines()).last().asString().contains("gold");
        }

        @Test
        void badRequestsAreBadInputNamingTheProblem() {
            defined();

            assertThat(fails(features("get", "customer"), MlopsCommand.EXIT_BAD_INPUT).err())
                    .contains("give --entity ID for the latest values, or --as-of TIME");
            assertThat(fails(features("get", "customer", "--entity", "c-1", "--known-at", "2026-11-01"),
                    MlopsCommand.EXIT_BAD_INPUT).err()).contains("--known-at needs --as-of TIME");
            assertThat(fails(features("get", "customer", "--as-of", "yesterday"), MlopsCommand.EXIT_BAD_INPUT).err())
                    .contains("--as-of", "expected a time such as 2026-12-01T08:30:00Z", "'yesterday'");
            assertThat(fails(features("get", "customer", "--entity", "c-1", "--json", "--csv"),
                    MlopsCommand.EXIT_BAD_INPUT).err()).contains("give at most one of --json, --csv and --output FILE");
            assertThat(fails(features("get", "customer", "--entity", "c-1", "--csv", "--output", "x.csv"),
                    MlopsCommand.EXIT_BAD_INPUT).err()).contains("give at most one of --json, --csv and --output FILE");
            assertThat(fails(features("get", "custmer", "--entity", "c-1"), MlopsCommand.EXIT_BAD_INPUT).err())
                    .contains("custmer");
            assertThat(fails(features("get", "customer:agee", "--entity", "c-1"), MlopsCommand.EXIT_BAD_INPUT).err())
                    .contains("agee");
            assertThat(fails(features("get", "customer:", "--entity", "c-1"), MlopsCommand.EXIT_BAD_INPUT).err())
                    .contains("'customer:' is not a feature selection");
        }
    }

    @Nested
    class Join {
        Path rows;

        @BeforeEach
        void rows() throws IOException {
            rows = write("applications.csv", """
                    application,customer_id,applied_at
                    a1,c-1,2026-11-05T00:00:00Z
                    a2,c-1,2026-11-15T00:00:00Z
                    a3,c-2,2026-10-01T00:00:00Z
                    """);
        }

        @Test
        void writesTheJoinedTableAndPrintsTheLineage() throws IOException {
            String writtenAt = defined();
            Path out = dir.resolve("training.csv");
            Path lineage = dir.resolve("lineage.json");

            CliRun run = ok(features("join", rows.toString(), "--prediction-time", "applied_at", "--features",
                    "customer:age,segment", "--output", out.toString(), "--lineage", lineage.toString()));

            assertThat(Files.readAllLines(out)).containsExactly("application,customer_id,applied_at,age,segment",
                    "a1,c-1,2026-11-05T00:00:00Z,30,gold", "a2,c-1,2026-11-15T00:00:00Z,31,gold",
                    "a3,c-2,2026-10-01T00:00:00Z,,");
            assertThat(run.outLines().get(0)).isEqualTo("joined 3 rows with 2 features to " + out + ", known at "
                    + writtenAt);
            assertThat(run.outLines().get(1)).startsWith("  read feature-group customer version 1@" + writtenAt);
            JsonNode document = new ObjectMapper().readTree(lineage.toFile());
            assertThat(document.get("kind").asText()).isEqualTo(FeaturesJoinCommand.LINEAGE_KIND);
            assertThat(document.get("predictionTime").asText()).isEqualTo("applied_at");
            assertThat(document.get("knownAt").asText()).isEqualTo(writtenAt);
            assertThat(document.get("inputs").get(0).get("name").asText()).isEqualTo("customer");
            assertThat(document.get("inputs").get(0).get("kind").asText()).isEqualTo("feature-group");
        }

        @Test
        void knownAtBoundsTheWritesSeen() throws IOException {
            String first = defined();
            ok(ingest(write("correction.csv", """
                    customer_id,observed_at,age
                    c-1,2026-11-10T00:00:00Z,32
                    """)));
            Path then = dir.resolve("then.csv");
            Path now = dir.resolve("now.csv");

            ok(features("join", rows.toString(), "--prediction-time", "applied_at", "--features", "customer:age",
                    "--known-at", first, "--output", then.toString()));
            ok(features("join", rows.toString(), "--prediction-time", "applied_at", "--features", "customer:age",
                    "--output", now.toString()));

            assertThat(Files.readAllLines(then).get(2)).endsWith(",31");
            assertThat(Files.readAllLines(now).get(2)).endsWith(",32");
        }

        @Test
        void knownAtPredictionTimeSeesNoWriteAfterTheRow() throws IOException {
            defined();
            Path out = dir.resolve("out.csv");

            ok(features("join", rows.toString(), "--prediction-time", "applied_at", "--features", "customer:age",
                    "--known-at-prediction-time", "--output", out.toString()));

            // the records were written today, after every prediction time of 2026-11
            assertThat(Files.readAllLines(out)).containsExactly("application,customer_id,applied_at,age",
                    "a1,c-1,2026-11-05T00:00:00Z,", "a2,c-1,2026-11-15T00:00:00Z,", "a3,c-2,2026-10-01T00:00:00Z,");
        }

        @Test
        void aPredictionTimeJoinIsReproducedWithItsCap() throws IOException {
            defined();
            // an event at the time of writing (the store's clock is the system's), predicted a day later
            Instant event = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String second = writtenAt(ok(ingest(write("fresh.csv", "customer_id,observed_at,age\nc-3," + event
                    + ",50\n"))));
            Path lateRows = write("late.csv", "customer_id,applied_at\nc-3," + event.plus(Duration.ofDays(1)) + "\n");
            Path then = dir.resolve("then.csv");
            CliRun run = ok(features("join", lateRows.toString(), "--prediction-time", "applied_at", "--features",
                    "customer:age", "--known-at-prediction-time", "--output", then.toString()));
            assertThat(run.outLines().get(1)).startsWith("  read feature-group customer version 1@" + second
                    + "/prediction-time");
            ok(ingest(write("correction.csv", "customer_id,observed_at,age\nc-3," + event + ",51\n")));
            Path again = dir.resolve("again.csv");
            Path now = dir.resolve("now.csv");

            ok(features("join", lateRows.toString(), "--prediction-time", "applied_at", "--features", "customer:age",
                    "--known-at-prediction-time", "--known-at", second, "--output", again.toString()));
            ok(features("join", lateRows.toString(), "--prediction-time", "applied_at", "--features", "customer:age",
                    "--known-at-prediction-time", "--output", now.toString()));

            assertThat(Files.readAllLines(then).get(1)).endsWith(",50");
            assertThat(Files.readAllLines(again)).isEqualTo(Files.readAllLines(then));
            assertThat(Files.readAllLines(now).get(1)).endsWith(",51");
        }

        @Test
        void anEntityColumnAndQualifiedNames() throws IOException {
            defined();
            Path renamed = write("renamed.csv", """
                    client,applied_at
                    c-2,2026-11-05T00:00:00Z
                    """);
            Path out = dir.resolve("out.csv");

            ok(features("join", renamed.toString(), "--prediction-time", "applied_at", "--features", "customer:age",
                    "--entity-column", "customer=client", "--qualified-names", "--output", out.toString()));

            assertThat(Files.readAllLines(out)).containsExactly("client,applied_at,customer.age",
                    "c-2,2026-11-05T00:00:00Z,41");
        }

        @Test
        void aDeniedFeatureIsRefused() throws IOException {
            defined();

            CliRun run = fails(features("join", rows.toString(), "--prediction-time", "applied_at", "--features",
                    "customer", "--principal", "bob", "--output", dir.resolve("out.csv").toString()),
                    MlopsCommand.EXIT_CHECK_FAILED);

            assertThat(run.err()).startsWith("mlops: refused: ").contains("bob", "income").hasLineCount(1);
            assertThat(dir.resolve("out.csv")).doesNotExist();
        }

        @Test
        void badRequestsAreBadInput() {
            defined();
            String out = dir.resolve("out.csv").toString();

            assertThat(fails(features("join", rows.toString(), "--prediction-time", "applied_at", "--features",
                    "customer:age", "--entity-column", "customer", "--output", out), MlopsCommand.EXIT_BAD_INPUT).err())
                    .contains("expected GROUP=COLUMN, such as account=account_no, but was 'customer'");
            assertThat(fails(features("join", rows.toString(), "--prediction-time", "applied_at", "--features",
                    "customer:age", "--entity-column", "customer=", "--output", out), MlopsCommand.EXIT_BAD_INPUT)
                    .err()).contains("but was 'customer='");
            assertThat(fails(features("join", rows.toString(), "--prediction-time", "applied_at", "--features",
                    "customer:age", "--entity-column", "=client", "--output", out), MlopsCommand.EXIT_BAD_INPUT)
                    .err()).contains("but was '=client'");
            assertThat(fails(features("join", rows.toString(), "--prediction-time", "applied_at", "--features",
                    "customer:age", "--output", rows.toString()), MlopsCommand.EXIT_BAD_INPUT).err())
                    .contains("is the rows file");
            assertThat(fails(features("join", dir.resolve("absent.csv").toString(), "--prediction-time", "applied_at",
                    "--features", "customer:age", "--output", out), MlopsCommand.EXIT_BAD_INPUT).err())
                    .contains("absent.csv");
            assertThat(fails(features("join", rows.toString(), "--prediction-time", "applied_at", "--features",
                    "custmer", "--output", out), MlopsCommand.EXIT_BAD_INPUT).err()).contains("custmer");
        }
    }

    @Nested
    class Export {
        @Test
        void givesEveryRecordOfTheWindowWithItsWriteTime() {
            String writtenAt = defined();

            CliRun run = ok(features("export", "customer:age", "--from", "2026-11-01", "--until", "2026-11-10",
                    "--csv"));

            assertThat(run.outLines()).containsExactly("customer_id,observed_at,write_time,age",
                    "c-1,2026-11-01T00:00:00Z," + writtenAt + ",30", "c-2,2026-11-02T00:00:00Z," + writtenAt + ",41");
        }

        @Test
        void asJsonNamesTheWindow() throws IOException {
            defined();

            JsonNode document = json(features("export", "customer:age", "--from", "2026-11-01", "--until",
                    "2026-12-01", "--json"));

            assertThat(document.get("from").asText()).isEqualTo("2026-11-01T00:00:00Z");
            assertThat(document.get("until").asText()).isEqualTo("2026-12-01T00:00:00Z");
            assertThat(document.get("rows")).hasSize(3);
        }

        @Test
        void anEmptyWindowSaysSoAndABackwardOneIsBadInput() {
            defined();

            CliRun empty = ok(features("export", "customer:age", "--from", "2025-01-01", "--until", "2025-02-01"));
            CliRun backward = fails(features("export", "customer:age", "--from", "2026-11-10", "--until",
                    "2026-11-01"), MlopsCommand.EXIT_BAD_INPUT);

            assertThat(empty.out()).isEqualTo("no values of customer:age\n");
            assertThat(fails(features("export", "customer:age", "--from", "2025-01-01", "--until", "2025-02-01",
                    "--json", "--csv"), MlopsCommand.EXIT_BAD_INPUT).err()).contains("give at most one of");
            assertThat(backward.err()).contains("--until 2026-11-01T00:00:00Z must be after --from 2026-11-10T00:00:00Z");
        }

        @Test
        void aDeniedFeatureIsRefused() throws IOException {
            defined();

            CliRun run = fails(features("export", "customer:age", "--from", "2026-11-01", "--until", "2026-12-01",
                    "--principal", "bob", "--policy", policy().toString()), MlopsCommand.EXIT_CHECK_FAILED);

            assertThat(run.err()).startsWith("mlops: refused: ").contains("bob", "age").hasLineCount(1);
        }
    }

    @Nested
    class Usage {
        @Test
        void withoutASubcommandIsAUsageError() {
            CliRun run = CliRun.mlops("features");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("Missing required subcommand");
        }

        @Test
        void theHelpNamesTheSubcommandsAndThePolicy() {
            CliRun run = CliRun.mlops("features", "--help");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("list", "describe", "define", "ingest", "get", "join", "export",
                    FeatureStore.WRITER_ROLE, FeatureStore.READ_SENSITIVE.name());
            assertThat(FeaturesCommand.READ_SENSITIVE).isEqualTo(FeatureStore.READ_SENSITIVE.name());
        }
    }
}
