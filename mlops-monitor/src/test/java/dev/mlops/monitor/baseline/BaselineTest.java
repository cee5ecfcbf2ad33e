package dev.mlops.monitor.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.DataFormatException;
import dev.mlops.core.json.DocumentException;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.check.Check;
import dev.mlops.data.check.CheckReport;
import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.Method;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.profile.ProfileOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaselineTest {
    static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    /**
     * Twelve training rows: age (whole numbers, one missing), income (fractional, negatives),
     * city (categorical, one missing, non-ASCII), salary and zip (sensitive), member (boolean),
     * joined (timestamps, one missing).
     */
    static Table training() {
        NumericColumn.Builder age = NumericColumn.builder("age");
        for (double value : new double[] {23, 35, 41}) {
            age.add(value);
        }
        age.addMissing();
        for (double value : new double[] {29, 52, 35, 61, 18, 44, 35, 27}) {
            age.add(value);
        }
        TimestampColumn.Builder joined = TimestampColumn.builder("joined");
        for (int day = 1; day <= 11; day++) {
            joined.add(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * day));
        }
        joined.addMissing();
        return Table.of(age.build(),
                NumericColumn.of("income", 1250.5, -80.25, 3100.0, 2200.75, 0.0, 4800.125, 1999.99, 2750.0, -15.5,
                        3600.0, 2425.25, 1100.0),
                CategoricalColumn.of("city", "München", "Berlin", "São Paulo", "München", "Berlin", "München",
                        "Hamburg", "München", "Berlin", "São Paulo", "München", null),
                NumericColumn.of("salary", 52000, 61000, 48000, 75000, 39000, 88000, 57000, 69000, 33000, 91000,
                        64000, 45000).withSensitive(true),
                CategoricalColumn.of("zip", "80331", "10115", "80331", "20095", "10115", "80331", "20095", "80331",
                        "10115", "50667", "80331", "10115").withSensitive(true),
                BooleanColumn.of("member", true, false, true, true, false, true, false, true, true, false, true, true),
                joined.build());
    }

    static Baseline baseline() {
        return Baseline.builder().clock(CLOCK).build(training());
    }

    private static List<String> checkNames(Baseline baseline) {
        return baseline.suite().checks().stream().map(Check::name).toList();
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    private void edit(String name, String from, String to) throws IOException {
        String text = read(name);
        assertThat(text).contains(from);
        Files.writeString(dir.resolve(name), text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Nested
    class Making {
        @Test
        void holdsTheSchemaProfileSuiteFingerprintRowCountAndTheClocksInstant() {
            Table table = training();

            Baseline baseline = Baseline.builder().clock(CLOCK).build(table);

            assertThat(baseline.schema()).isEqualTo(table.schema());
            assertThat(baseline.schema().field("salary").sensitive()).isTrue();
            assertThat(baseline.rowCount()).isEqualTo(12);
            assertThat(baseline.fingerprint()).isEqualTo(Fingerprint.of(table));
            assertThat(baseline.createdAt()).isEqualTo(NOW);
            assertThat(baseline.profile().createdAt()).contains(NOW);
            assertThat(baseline.profile().rowCount()).isEqualTo(12);
            assertThat(baseline.profile().sensitiveColumns()).containsExactly("salary", "zip");
            assertThat(baseline.suite().name()).isEqualTo(Baseline.DEFAULT_SUITE_NAME);
            assertThat(baseline.integralColumns()).containsExactly("age", "salary");
            assertThat(baseline.maxCategories()).isEqualTo(50);
            assertThat(baseline.referenceChecks()).isTrue();
            assertThat(baseline).hasToString("Baseline[12 rows, 7 columns, created 2026-12-07T02:00:00Z, suite"
                    + " 'baseline' of " + baseline.suite().checks().size() + " checks]");
        }

        @Test
        void sensitiveColumnsAreSketchOnlyInMemoryAsOnDisk() {
            Baseline baseline = baseline();

            NumericProfile salary = (NumericProfile) baseline.profile().column("salary");
            CategoricalProfile zip = (CategoricalProfile) baseline.profile().column("zip");
            assertThat(salary.quantileMethod()).isEqualTo(Method.SKETCH);
            assertThat(salary.exactValues()).isEmpty();
            assertThat(zip.distinctMethod()).isEqualTo(Method.SKETCH);
            assertThat(zip.exactCounts()).isEmpty();
            assertThat(((NumericProfile) baseline.profile().column("age")).exactValues()).isPresent();
            assertThat(((CategoricalProfile) baseline.profile().column("city")).exactCounts()).isPresent();
        }

        @Test
        void theSuiteIsSuggestedFromTheStoredProfileWithReferenceChecksAndListsNoSensitiveValues() {
            Baseline baseline = baseline();

            assertThat(checkNames(baseline)).contains("schema", "completeness(age)", "range(age)", "range(income)",
                    "allowed-values(city)", "allowed-values(member)", "psi(age)", "chi-square(city)", "psi(salary)")
                    .doesNotContain("allowed-values(zip)", "chi-square(zip)");
            assertThat(baseline.suite().needsReference()).isTrue();
            CheckReport report = baseline.suite().run(training(), baseline.profile());
            assertThat(report.passed()).as(report.toString()).isTrue();
            assertThat(report.header().createdAt()).isEqualTo(NOW);
        }

        @Test
        void settingsReachTheProfileAndTheSuggester() {
            ProfileOptions options = ProfileOptions.defaults().withTopK(3);

            Baseline baseline = Baseline.builder().profileOptions(options).maxCategories(3).referenceChecks(false)
                    .suiteName("churn").clock(CLOCK).build(training());

            assertThat(baseline.profile().options()).isEqualTo(options);
            assertThat(baseline.suite().name()).isEqualTo("churn");
            assertThat(baseline.maxCategories()).isEqualTo(3);
            assertThat(baseline.referenceChecks()).isFalse();
            assertThat(checkNames(baseline)).contains("allowed-values(member)")
                    .doesNotContain("allowed-values(city)", "psi(age)");
            assertThat(baseline.suite().needsReference()).isFalse();
        }

        @Test
        void aColumnWithAFractionOrNoValueOrANonFiniteOneIsNotIntegral() {
            Table table = Table.of(NumericColumn.of("whole", -2, 0, 7), NumericColumn.of("half", 1, 2.5, 3),
                    NumericColumn.of("infinite", 1, Double.POSITIVE_INFINITY, 3), NumericColumn.of("nan", 1, Double.NaN, 3),
                    NumericColumn.builder("empty").addMissing().addMissing().addMissing().build(),
                    CategoricalColumn.of("label", "1", "2", "3"));

            assertThat(Baseline.of(table).integralColumns()).containsExactly("whole");
        }

        @Test
        void refusesATableWithoutRowsOrColumnsAndBadSettings() {
            Table empty = Table.empty(Schema.of(Field.of("x", dev.mlops.core.table.ColumnType.NUMERIC)));

            assertThatThrownBy(() -> Baseline.of(empty)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a baseline needs at least one row but the table of 1 columns has none");
            assertThatThrownBy(() -> Baseline.of(Table.of(List.of()))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a baseline needs at least one column but the table has none");
            assertThatThrownBy(() -> Baseline.builder().maxCategories(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maxCategories must be at least 1 but was 0");
            assertThatThrownBy(() -> Baseline.builder().suiteName(" ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("suiteName must not be blank but was ' '");
        }
    }

    @Nested
    class Storing {
        @Test
        void readsBackEqualAndWritesTheSameBytesAgain() throws IOException {
            Baseline baseline = baseline();
            baseline.write(dir);
            String manifest = read(Baseline.MANIFEST_FILE);
            String profile = read(Baseline.PROFILE_FILE);
            String suite = read(Baseline.SUITE_FILE);

            Baseline again = Baseline.load(dir);

            assertThat(again).isEqualTo(baseline).hasSameHashCodeAs(baseline);
            assertThat(again.schema()).isEqualTo(baseline.schema());
            assertThat(again.createdAt()).isEqualTo(NOW);
            assertThat(again.fingerprint()).isEqualTo(baseline.fingerprint());
            assertThat(again.rowCount()).isEqualTo(12);
            assertThat(again.integralColumns()).containsExactly("age", "salary");
            assertThat(again.maxCategories()).isEqualTo(50);
            assertThat(again.referenceChecks()).isTrue();
            assertThat(again.suite().checks()).isEqualTo(baseline.suite().checks());
            assertThat(again.profile().toJson()).isEqualTo(baseline.profile().toJson());
            again.write(dir);
            assertThat(read(Baseline.MANIFEST_FILE)).isEqualTo(manifest).endsWith("}\n");
            assertThat(read(Baseline.PROFILE_FILE)).isEqualTo(profile);
            assertThat(read(Baseline.SUITE_FILE)).isEqualTo(suite);
        }

        @Test
        void otherSettingsReadBackToo() {
            Baseline baseline = Baseline.builder().clock(CLOCK).maxCategories(1).referenceChecks(false)
                    .build(training());
            baseline.write(dir);

            Baseline again = Baseline.load(dir);

            assertThat(again).isEqualTo(baseline);
            assertThat(again.maxCategories()).isEqualTo(1);
            assertThat(again.referenceChecks()).isFalse();
        }

        @Test
        void baselinesOfOtherTablesOrSettingsDiffer() {
            Baseline baseline = baseline();

            assertThat(baseline).isNotEqualTo(Baseline.builder().clock(CLOCK).build(training().head(11)))
                    .isNotEqualTo(Baseline.builder().clock(CLOCK).referenceChecks(false).build(training()))
                    .isNotEqualTo(Baseline.builder().clock(Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC))
                            .build(training()))
                    .isNotEqualTo("baseline");
            assertThat(baseline.hashCode()).isNotEqualTo(Baseline.builder().clock(CLOCK).referenceChecks(false)
                    .build(training()).hashCode());
        }

        @Test
        void theManifestSaysTheLayout() throws IOException {
            baseline().write(dir.resolve("new/dir"));

            JsonNode manifest = Documents.parseTree(Files.readString(dir.resolve("new/dir/baseline.json"),
                    StandardCharsets.UTF_8), "manifest");
            assertThat(manifest.get("kind").textValue()).isEqualTo("baseline");
            assertThat(manifest.get("formatVersion").intValue()).isEqualTo(1);
            assertThat(manifest.get("createdAt").textValue()).isEqualTo("2026-12-07T02:00:00Z");
            assertThat(manifest.get("rowCount").longValue()).isEqualTo(12);
            assertThat(manifest.get("fingerprint").textValue()).isEqualTo(Fingerprint.of(training()).sha256());
            assertThat(manifest.get("schema").get(3).toString())
                    .isEqualTo("{\"name\":\"salary\",\"sensitive\":true,\"type\":\"NUMERIC\"}");
            assertThat(manifest.get("schema").get(0).toString()).isEqualTo("{\"name\":\"age\",\"type\":\"NUMERIC\"}");
            assertThat(manifest.get("integralColumns").toString()).isEqualTo("[\"age\",\"salary\"]");
            assertThat(manifest.get("suggester").toString()).isEqualTo("{\"maxCategories\":50,\"referenceChecks\":true}");
            assertThat(manifest.size()).isEqualTo(8);
            JsonNode profile = Documents.parseTree(Files.readString(dir.resolve("new/dir/profile.json"),
                    StandardCharsets.UTF_8), "profile");
            assertThat(profile.get("kind").textValue()).isEqualTo("dataset-profile");
            JsonNode suite = Documents.parseTree(Files.readString(dir.resolve("new/dir/suite.json"),
                    StandardCharsets.UTF_8), "suite");
            assertThat(suite.get("kind").textValue()).isEqualTo("check-suite");
        }

        @Test
        void theStoredProfileKeepsNoRawValueOfASensitiveColumn() throws IOException {
            baseline().write(dir);

            JsonNode columns = Documents.parseTree(read(Baseline.PROFILE_FILE), "profile").get("columns");
            JsonNode salary = columns.get(3);
            JsonNode zip = columns.get(4);
            assertThat(salary.get("sensitive").booleanValue()).isTrue();
            assertThat(salary.has("exactValues")).isFalse();
            assertThat(salary.get("quantileMethod").textValue()).isEqualTo("SKETCH");
            assertThat(zip.get("sensitive").booleanValue()).isTrue();
            assertThat(zip.has("counts")).isFalse();
            assertThat(zip.has("topK")).isFalse();
            assertThat(read(Baseline.PROFILE_FILE) + read(Baseline.SUITE_FILE)).doesNotContain("80331", "10115");
            assertThat(columns.get(2).has("counts")).isTrue();
        }
    }

    @Nested
    class BadDirectories {
        @ParameterizedTest
        @ValueSource(strings = {Baseline.MANIFEST_FILE, Baseline.PROFILE_FILE, Baseline.SUITE_FILE})
        void aMissingFileIsNamed(String name) throws IOException {
            baseline().write(dir);
            Files.delete(dir.resolve(name));

            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(BaselineException.class)
                    .hasMessage(dir.resolve(name) + ": is missing; a baseline directory holds baseline.json,"
                            + " profile.json and suite.json")
                    .extracting(e -> ((BaselineException) e).file()).isEqualTo(dir.resolve(name).toString());
        }

        @Test
        void aDirectoryInPlaceOfAFileIsNamed() throws IOException {
            baseline().write(dir);
            Files.delete(dir.resolve(Baseline.SUITE_FILE));
            Files.createDirectory(dir.resolve(Baseline.SUITE_FILE));

            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(BaselineException.class)
                    .hasMessageStartingWith(dir.resolve(Baseline.SUITE_FILE) + ": is not a regular file;");
        }

        @ParameterizedTest
        @ValueSource(strings = {Baseline.MANIFEST_FILE, Baseline.PROFILE_FILE, Baseline.SUITE_FILE})
        void aCorruptFileIsNamedWithTheLine(String name) throws IOException {
            baseline().write(dir);
            Files.writeString(dir.resolve(name), "{\n  \"kind\": \n", StandardCharsets.UTF_8);

            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith(dir.resolve(name) + " line 3: not valid JSON");
        }

        @ParameterizedTest
        @ValueSource(strings = {Baseline.MANIFEST_FILE + " baseline", Baseline.PROFILE_FILE + " dataset-profile",
            Baseline.SUITE_FILE + " check-suite"})
        void aNewerFormatVersionIsRefusedNamingTheFile(String fileAndKind) throws IOException {
            String name = fileAndKind.split(" ")[0];
            String kind = fileAndKind.split(" ")[1];
            baseline().write(dir);
            String text = read(name);
            Files.writeString(dir.resolve(name), text.replaceFirst("\"formatVersion\": \\d+", "\"formatVersion\": 99"),
                    StandardCharsets.UTF_8);

            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(DocumentException.class)
                    .hasMessageStartingWith(dir.resolve(name) + ": format version 99 of '" + kind
                            + "' is not supported; this version of mlops-java reads");
        }

        @Test
        void aProfileOfAnotherTableIsRefused() throws IOException {
            baseline().write(dir);
            Baseline.builder().clock(CLOCK).build(training().head(11)).write(dir.resolve("other"));
            Files.copy(dir.resolve("other/profile.json"), dir.resolve(Baseline.PROFILE_FILE),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(BaselineException.class)
                    .hasMessage(dir.resolve(Baseline.PROFILE_FILE) + ": profiles 11 rows; baseline.json says 12: the"
                            + " files are of different baselines");
        }

        @Test
        void aProfileOfAnotherTableOfTheSameSizeIsRefusedByItsFingerprint() throws IOException {
            baseline().write(dir);
            String print = Fingerprint.of(training()).sha256();
            edit(Baseline.MANIFEST_FILE, print, "0".repeat(64));

            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(BaselineException.class)
                    .hasMessage(dir.resolve(Baseline.PROFILE_FILE) + ": profiles the table(s) [" + print + "];"
                            + " baseline.json says the table " + "0".repeat(64) + ": the files are of different"
                            + " baselines");
        }

        @Test
        void aSchemaAtOddsWithTheProfileIsRefused() throws IOException {
            baseline().write(dir);
            edit(Baseline.MANIFEST_FILE, "\"name\": \"income\"", "\"name\": \"revenue\"");

            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(BaselineException.class)
                    .hasMessageStartingWith(dir.resolve(Baseline.PROFILE_FILE) + ": has the columns [age NUMERIC,"
                            + " income NUMERIC,")
                    .hasMessageContaining("; baseline.json says [age NUMERIC, revenue NUMERIC,");
        }

        @Test
        void aSensitiveMarkAtOddsWithTheProfileIsRefused() throws IOException {
            baseline().write(dir);
            ObjectNode manifest = (ObjectNode) Documents.parseTree(read(Baseline.MANIFEST_FILE), "m");
            ((ObjectNode) manifest.get("schema").get(4)).remove("sensitive");
            Files.writeString(dir.resolve(Baseline.MANIFEST_FILE), Documents.write(manifest), StandardCharsets.UTF_8);

            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(BaselineException.class)
                    .hasMessage(dir.resolve(Baseline.PROFILE_FILE) + ": marks the columns [salary, zip] sensitive;"
                            + " baseline.json says [salary]");
        }

        @Test
        void badManifestFieldsAreNamed() throws IOException {
            baseline().write(dir);
            String manifest = read(Baseline.MANIFEST_FILE);
            Path file = dir.resolve(Baseline.MANIFEST_FILE);

            Files.writeString(file, manifest.replace("\"age\",\n    \"salary\"", "\"age\",\n    \"city\""),
                    StandardCharsets.UTF_8);
            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(DocumentException.class)
                    .hasMessage(file + ": 'integralColumns' names 'city', which is not a numeric column of the schema");
            Files.writeString(file, manifest.replace("\"age\",\n    \"salary\"", "\"height\""),
                    StandardCharsets.UTF_8);
            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(DocumentException.class)
                    .hasMessage(file + ": 'integralColumns' names 'height', which is not a numeric column of the schema");
            Files.writeString(file, manifest.replace("\"maxCategories\": 50", "\"maxCategories\": 0"),
                    StandardCharsets.UTF_8);
            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(DocumentException.class)
                    .hasMessage(file + ": suggester: 'maxCategories' must be at least 1 but was 0");
            Files.writeString(file, manifest.replace("\"referenceChecks\": true", "\"referenceChecks\": \"yes\""),
                    StandardCharsets.UTF_8);
            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(DocumentException.class)
                    .hasMessage(file + ": suggester: 'referenceChecks' must be true or false but was \"yes\"");
            Files.writeString(file, manifest.replace("\"type\": \"NUMERIC\"", "\"type\": \"DECIMAL\""),
                    StandardCharsets.UTF_8);
            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(DocumentException.class)
                    .hasMessage(file + ": schema[0]: 'type' must be one of [NUMERIC, CATEGORICAL, BOOLEAN, TIMESTAMP,"
                            + " TEXT] but was 'DECIMAL'");
            Files.writeString(file, manifest.replace("\"name\": \"income\"", "\"name\": \"age\""),
                    StandardCharsets.UTF_8);
            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(DocumentException.class)
                    .hasMessage(file + ": 'schema' is not a valid schema: field name 'age' appears twice, at positions"
                            + " 1 and 2");
            Files.writeString(file, manifest.replace("\"name\": \"income\"", "\"name\": \" \""),
                    StandardCharsets.UTF_8);
            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(DocumentException.class)
                    .hasMessage(file + ": schema[1]: field name must not be blank but was ' '");
            Files.writeString(file, manifest.replace("\"rowCount\"", "\"rows\": 1,\n  \"rowCount\""),
                    StandardCharsets.UTF_8);
            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(DocumentException.class)
                    .hasMessageStartingWith(file + ": unknown field 'rows'");
        }

        @Test
        void unknownFieldsInTheSchemaOrTheSuggesterAreNamed() throws IOException {
            baseline().write(dir);
            String manifest = read(Baseline.MANIFEST_FILE);
            Path file = dir.resolve(Baseline.MANIFEST_FILE);

            Files.writeString(file, manifest.replace("\"maxCategories\": 50", "\"maxCategory\": 3, \"maxCategories\": 50"),
                    StandardCharsets.UTF_8);
            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(DocumentException.class)
                    .hasMessageStartingWith(file + ": suggester: unknown field 'maxCategory'");
            Files.writeString(file, manifest.replace("\"name\": \"income\"", "\"nam\": 1, \"name\": \"income\""),
                    StandardCharsets.UTF_8);
            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(DocumentException.class)
                    .hasMessageStartingWith(file + ": schema[1]: unknown field 'nam'");
        }

        @Test
        void anotherKindIsRefused() throws IOException {
            baseline().write(dir);
            Files.copy(dir.resolve(Baseline.SUITE_FILE), dir.resolve(Baseline.MANIFEST_FILE),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            assertThatThrownBy(() -> Baseline.load(dir)).isInstanceOf(DocumentException.class)
                    .hasMessage(dir.resolve(Baseline.MANIFEST_FILE) + ": expected a document of kind 'baseline' but its"
                            + " kind is 'check-suite'");
        }
    }

    @Test
    void theIntegralColumnsAreASetOfNames() {
        Set<String> integral = baseline().integralColumns();

        assertThatThrownBy(() -> integral.add("income")).isInstanceOf(UnsupportedOperationException.class);
    }
}
