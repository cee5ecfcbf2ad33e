package dev.mlops.cli;

import static dev.mlops.cli.CliRun.creditG;
import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.data.check.Check;
import dev.mlops.data.check.CheckSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SuggestCommandTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static List<String> names(CheckSuite suite) {
        return suite.checks().stream().map(Check::name).toList();
    }

    @Nested
    class CreditG {

        @Test
        void writesASuiteThatCreditGPassesAndPrintsEachCheckWithItsRationale() {
            Path suite = dir.resolve("suite.json");

            CliRun run = mlops("suggest", creditG().toString(), "--out", suite.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).isEmpty();
            CheckSuite written = CheckSuite.load(suite);
            assertThat(written.name()).isEqualTo("credit-g");
            assertThat(run.outLines().get(0)).isEqualTo("suggested suite 'credit-g': " + written.checks().size()
                    + " checks");
            assertThat(run.outLines()).hasSize(written.checks().size() + 2);
            assertThat(names(written)).contains("schema", "completeness(age)", "range(age)", "allowed-values(purpose)");
            assertThat(run.out()).containsPattern("error +completeness\\(age\\) +no missing value in 1000 rows")
                    .containsPattern("error +range\\(age\\) +no negative value; the smallest is 19")
                    .doesNotContainPattern("warning +range\\(age\\)")
                    .containsPattern("error +allowed-values\\(purpose\\) +10 distinct values in 1000 present rows");
            assertThat(run.outLines()).last().isEqualTo("suite written to " + suite
                    + "; check data against it with: mlops check FILE --suite " + suite);

            CliRun check = mlops("check", creditG().toString(), "--suite", suite.toString());
            assertThat(check.exitCode()).as(check.toString()).isZero();
            assertThat(check.outLines().get(0)).startsWith("check report for suite 'credit-g': passed ("
                    + written.checks().size() + " passed, 0 errors, 0 warnings)");
        }

        @Test
        void referenceChecksAddPsiPerNumericAndChiSquarePerCategoricalAtWarningSeverity() {
            Path plain = dir.resolve("plain.json");
            Path suite = dir.resolve("suite.json");
            assertThat(mlops("suggest", creditG().toString(), "--out", plain.toString()).exitCode()).isZero();

            CliRun run = mlops("suggest", creditG().toString(), "--reference-checks", "--out", suite.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            CheckSuite written = CheckSuite.load(suite);
            assertThat(written.checks()).hasSize(CheckSuite.load(plain).checks().size() + 7 + 14);
            assertThat(names(written)).contains("psi(age)", "psi(duration)", "chi-square(class)",
                    "chi-square(purpose)");
            assertThat(written.needsReference()).isTrue();
            assertThat(run.out())
                    .containsPattern("warning +psi\\(age\\) +the population stability index against the baseline at"
                            + " most 0.25")
                    .containsPattern("warning +chi-square\\(purpose\\) +the same category shares as the baseline's")
                    .contains("check data against it with: mlops check FILE --suite " + suite
                            + " --reference PROFILE_JSON");
        }

        @Test
        void fromAStoredProfileTheSuiteIsTheSame() throws IOException {
            Path profile = dir.resolve("credit-g.profile.json");
            assertThat(mlops("profile", creditG().toString(), "--out", profile.toString()).exitCode()).isZero();
            Path fromFile = dir.resolve("from-file.json");
            Path fromProfile = dir.resolve("from-profile.json");

            CliRun direct = mlops("suggest", creditG().toString(), "--out", fromFile.toString(), "--name", "credit-g");
            CliRun stored = mlops("suggest", "--profile", profile.toString(), "--out", fromProfile.toString(), "--name",
                    "credit-g");

            assertThat(direct.exitCode()).as(direct.toString()).isZero();
            assertThat(stored.exitCode()).as(stored.toString()).isZero();
            assertThat(Files.readString(fromProfile, StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(fromFile, StandardCharsets.UTF_8));
        }

        @Test
        void theDefaultNameOfASuiteFromAProfileIsTheProfilesFileName() throws IOException {
            Path profile = dir.resolve("baseline.json");
            assertThat(mlops("profile", creditG().toString(), "--out", profile.toString()).exitCode()).isZero();

            CliRun run = mlops("suggest", "--profile", profile.toString(), "--out", dir.resolve("s.json").toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(CheckSuite.load(dir.resolve("s.json")).name()).isEqualTo("baseline");
        }

        @Test
        void jsonListsTheSuggestionsAndHoldsTheSuiteAsWritten() throws IOException {
            Path suite = dir.resolve("suite.json");

            CliRun run = mlops("suggest", creditG().toString(), "--out", suite.toString(), "--json", "--name", "gate");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            ObjectMapper mapper = new ObjectMapper();
            JsonNode json = mapper.readTree(run.out());
            assertThat(json.fieldNames()).toIterable().containsExactly("formatVersion", "kind", "name", "source",
                    "suggestions", "suite", "suiteFile");
            assertThat(json.get("kind").asText()).isEqualTo("check-suggestion");
            assertThat(json.get("source").asText()).isEqualTo(creditG().toString());
            assertThat(json.get("suiteFile").asText()).isEqualTo(suite.toString());
            assertThat(json.get("name").asText()).isEqualTo("gate");
            assertThat(json.get("suite")).isEqualTo(mapper.readTree(Files.readString(suite, StandardCharsets.UTF_8)));
            JsonNode suggestions = json.get("suggestions");
            assertThat(suggestions).hasSize(json.get("suite").get("checks").size());
            JsonNode age = suggestions.get(names(CheckSuite.load(suite)).indexOf("completeness(age)"));
            assertThat(age.get("type").asText()).isEqualTo("completeness");
            assertThat(age.get("columns")).hasSize(1);
            assertThat(age.get("columns").get(0).asText()).isEqualTo("age");
            assertThat(age.get("severity").asText()).isEqualTo("error");
            assertThat(age.get("rationale").asText()).isEqualTo("no missing value in 1000 rows");
        }
    }

    @Nested
    class Options {

        @Test
        void maxCategoriesLimitsTheAllowedValuesChecks() {
            Path suite = dir.resolve("suite.json");

            CliRun run = mlops("suggest", creditG().toString(), "--out", suite.toString(), "--max-categories", "3");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(names(CheckSuite.load(suite))).contains("allowed-values(class)", "allowed-values(housing)")
                    .doesNotContain("allowed-values(purpose)", "allowed-values(checking_status)");
        }

        @Test
        void sketchedCategoriesGetNoAllowedValues() {
            Path suite = dir.resolve("suite.json");

            CliRun run = mlops("suggest", creditG().toString(), "--out", suite.toString(), "--exact-distinct-limit", "0");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(names(CheckSuite.load(suite))).noneMatch(name -> name.startsWith("allowed-values"))
                    .contains("completeness(class)");
        }

        @Test
        void inputOptionsReadTheBaseline() throws IOException {
            Path data = file("cities.txt", "city;amount\nMünchen;10\nSão Paulo;-\nMünchen;3\n");
            Path suite = dir.resolve("suite.json");

            CliRun run = mlops("suggest", data.toString(), "--delimiter", ";", "--missing", "-", "--out",
                    suite.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(CheckSuite.load(suite).name()).isEqualTo("cities");
            assertThat(Files.readString(suite, StandardCharsets.UTF_8)).contains("\"München\"", "\"São Paulo\"");
            assertThat(run.out()).containsPattern("warning +completeness\\(amount\\) +66.67% present in 3 rows");
            CliRun check = mlops("check", data.toString(), "--delimiter", ";", "--missing", "-", "--suite",
                    suite.toString());
            assertThat(check.exitCode()).as(check.toString()).isZero();
        }

        @Test
        void aMaxCategoriesBelowOneIsAUsageError() {
            CliRun run = mlops("suggest", creditG().toString(), "--out", dir.resolve("s.json").toString(),
                    "--max-categories", "0");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--max-categories must be at least 1 but was 0");
            assertThat(dir.resolve("s.json")).doesNotExist();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " "})
        void aBlankNameIsAUsageError(String name) {
            CliRun run = mlops("suggest", creditG().toString(), "--out", dir.resolve("s.json").toString(), "--name",
                    name);

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--name must not be blank");
        }
    }

    @Nested
    class Usage {

        @Test
        void withoutBaselineItIsAUsageError() {
            CliRun run = mlops("suggest", "--out", dir.resolve("s.json").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("give the baseline: FILE or --profile PROFILE_JSON")
                    .contains("Usage: mlops suggest");
        }

        @Test
        void fileAndProfileTogetherAreAUsageError() {
            CliRun run = mlops("suggest", creditG().toString(), "--profile", dir.resolve("p.json").toString(), "--out",
                    dir.resolve("s.json").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("give the baseline as FILE or as --profile PROFILE_JSON, not both");
        }

        @ParameterizedTest
        @ValueSource(strings = {"--delimiter=;", "--zone=UTC", "--top-k=3", "--exact-distinct-limit=5"})
        void optionsForReadingAFileDoNotApplyToAProfile(String option) {
            CliRun run = mlops("suggest", "--profile", dir.resolve("p.json").toString(), option, "--out",
                    dir.resolve("s.json").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--profile reads a stored profile: the options that say how to read");
        }

        @Test
        void outIsRequired() {
            CliRun run = mlops("suggest", creditG().toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("Missing required option: '--out=SUITE_JSON'");
        }

        @Test
        void outMustNotBeTheBaseline() throws IOException {
            Path data = file("a.csv", "a\n1\n");

            CliRun run = mlops("suggest", data.toString(), "--out", data.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--out " + data + " would overwrite " + data);
            assertThat(Files.readString(data, StandardCharsets.UTF_8)).isEqualTo("a\n1\n");
        }

        @Test
        void aMissingProfileIsNamed() {
            CliRun run = mlops("suggest", "--profile", dir.resolve("p.json").toString(), "--out",
                    dir.resolve("s.json").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: no such file: " + dir.resolve("p.json") + "\n");
        }

        @Test
        void aFileWithoutColumnsIsBadInput() throws IOException {
            Path data = file("empty.jsonl", "");

            CliRun run = mlops("suggest", data.toString(), "--out", dir.resolve("s.json").toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: ").doesNotContain("\tat ");
            assertThat(dir.resolve("s.json")).doesNotExist();
        }
    }
}
