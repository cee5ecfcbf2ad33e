package dev.mlops.cli;

import static dev.mlops.cli.CliRun.creditG;
import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.Method;
import dev.mlops.data.profile.NumericProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileCommandTest {
    /** A column's first line in the summary: position, name, (type), counts. */
    private static final Pattern COLUMN_HEADER = Pattern.compile(" *\\d+ .+ \\([a-z]+(, sensitive)?\\): \\d+ rows?, \\d+ missing");
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** @return the lines of one column's block in the summary: its header line and the indented lines below */
    private static List<String> block(CliRun run, String column) {
        List<String> lines = run.outLines();
        int start = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (COLUMN_HEADER.matcher(lines.get(i)).matches() && lines.get(i).strip().startsWith(
                    lines.get(i).strip().split(" ")[0] + " " + column + " (")) {
                start = i;
                break;
            }
        }
        assertThat(start).as("the block of column %s in%n%s", column, run.out()).isPositive();
        int end = start + 1;
        while (end < lines.size() && lines.get(end).startsWith("  ") && !COLUMN_HEADER.matcher(lines.get(end)).matches()) {
            end++;
        }
        return lines.subList(start, end).stream().map(String::strip).toList();
    }

    @Nested
    class CreditG {

        @Test
        void summarisesEveryColumn() {
            CliRun run = mlops("profile", creditG().toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.outLines().get(0)).isEqualTo(creditG() + ": 1000 rows, 21 columns");
            assertThat(run.outLines()).filteredOn(line -> COLUMN_HEADER.matcher(line).matches()).hasSize(21);
            assertThat(block(run, "duration")).containsExactly(
                    "2 duration (numeric): 1000 rows, 0 missing",
                    "distinct 33 (exact)",
                    "mean 20.903  std 12.0588  zeros 0  negatives 0",
                    "min 4  p1 6  p5 6  p25 12  p50 18  p75 24  p95 48  p99 60  max 72  (exact quantiles)");
            assertThat(block(run, "checking_status")).containsExactly(
                    "1 checking_status (categorical): 1000 rows, 0 missing",
                    "distinct 4 (exact)",
                    "top \"no checking\" 394 (39.4%), \"<0\" 274 (27.4%), \"0<=X<200\" 269 (26.9%), \">=200\" 63 (6.3%)");
            assertThat(block(run, "age").get(3)).startsWith("min 19  ").contains("  p99 67.01  ").endsWith("max 75  (exact quantiles)");
            assertThat(block(run, "class")).contains("top \"good\" 700 (70.0%), \"bad\" 300 (30.0%)");
        }

        @Test
        void jsonIsTheProfileAndReadsBack() throws IOException {
            CliRun run = mlops("profile", "--json", creditG().toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).isEmpty();
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("kind").asText()).isEqualTo("dataset-profile");
            assertThat(json.get("rowCount").asInt()).isEqualTo(1000);
            DatasetProfile profile = DatasetProfile.fromJson(run.out());
            assertThat(profile.columns()).hasSize(21);
            assertThat(((NumericProfile) profile.column("age")).mean()).hasValueCloseTo(35.546, offset(1e-9));
        }

        @Test
        void outWritesTheProfileAndTheSummaryNamesTheFile() throws IOException {
            Path out = dir.resolve("nested/credit-g.profile.json");

            CliRun run = mlops("profile", creditG().toString(), "--out", out.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines().get(0)).isEqualTo(creditG() + ": 1000 rows, 21 columns");
            assertThat(run.outLines()).last().isEqualTo("profile written to " + out);
            DatasetProfile written = DatasetProfile.fromJson(Files.readString(out, StandardCharsets.UTF_8));
            assertThat(written.rowCount()).isEqualTo(1000);
            assertThat(dir.resolve("nested")).isDirectoryNotContaining("glob:**.tmp");
        }

        @Test
        void jsonAndOutAreTheSameDocument() throws IOException {
            Path out = dir.resolve("profile.json");

            CliRun run = mlops("profile", creditG().toString(), "--out", out.toString(), "--json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(run.out()).endsWith("}\n");
        }
    }

    @Nested
    class Options {

        @Test
        void exactLimitsOfZeroUseSketchesAndTheSummarySaysSo() {
            CliRun run = mlops("profile", creditG().toString(), "--exact-quantile-limit", "0",
                    "--exact-distinct-limit", "0");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(block(run, "age").get(3)).startsWith("min 19  ").endsWith("max 75  (KLL sketch quantiles, rank error ±1.33%)");
            List<String> purpose = block(run, "purpose");
            assertThat(purpose.get(1)).matches("distinct ~10 \\(HyperLogLog, \\d+ to \\d+\\)");
            assertThat(purpose.get(2)).startsWith("top \"radio/tv\" ~280 (28.0%, 280 to 280), ")
                    .endsWith("(frequent-items sketch: only values guaranteed frequent, counts within ±0)");
        }

        @Test
        void evenlyUsedCategoriesAreSaidToHaveNoFrequentValue(@TempDir Path directory) throws IOException {
            StringBuilder csv = new StringBuilder("c\n");
            for (int i = 0; i < 2_000; i++) {
                csv.append('v').append(i % 500).append('\n');
            }
            Path file = directory.resolve("even.csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);

            CliRun run = mlops("profile", file.toString(), "--exact-distinct-limit", "10",
                    "--frequent-items-map-size", "64");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            List<String> c = block(run, "c");
            assertThat(c).hasSize(3);
            assertThat(c.get(2)).matches("no value is frequent \\(every count is within the sketch's error ±\\d+\\)");
        }

        @Test
        void aFrequentValueIsListedWithItsBounds(@TempDir Path directory) throws IOException {
            StringBuilder csv = new StringBuilder("c\n");
            for (int i = 0; i < 2_000; i++) {
                csv.append(i % 4 == 0 ? "heavy" : "v" + i % 500).append('\n');
            }
            Path file = directory.resolve("skewed.csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);

            CliRun run = mlops("profile", file.toString(), "--exact-distinct-limit", "10",
                    "--frequent-items-map-size", "64");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            // 500 "heavy" of 2,000; the bounds must hold the true 500
            Matcher top = Pattern.compile("top \"heavy\" ~(\\d+) \\((\\d+\\.\\d)%, (\\d+) to (\\d+)\\)  \\(frequent-items"
                    + " sketch: only values guaranteed frequent, counts within ±(\\d+)\\)").matcher(block(run, "c").get(2));
            assertThat(top.matches()).as(block(run, "c").get(2)).isTrue();
            assertThat(500L).isBetween(Long.parseLong(top.group(3)), Long.parseLong(top.group(4)));
            assertThat(Long.parseLong(top.group(3))).isGreaterThan(Long.parseLong(top.group(5)));
        }

        @Test
        void aMapSizeNotAPowerOfTwoIsAUsageError() {
            CliRun run = mlops("profile", creditG().toString(), "--frequent-items-map-size", "100");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--frequent-items-map-size must be a power of 2 from 8 to 67108864 but was 100");
        }

        @Test
        void exactLimitsReachTheStoredProfile() throws IOException {
            CliRun run = mlops("profile", creditG().toString(), "--json", "--exact-quantile-limit", "10",
                    "--exact-distinct-limit", "3", "--top-k", "1");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            DatasetProfile profile = DatasetProfile.fromJson(run.out());
            assertThat(profile.options().exactQuantileLimit()).isEqualTo(10);
            assertThat(profile.options().exactDistinctLimit()).isEqualTo(3);
            assertThat(profile.options().topK()).isEqualTo(1);
            assertThat(((NumericProfile) profile.column("age")).quantileMethod()).isEqualTo(Method.SKETCH);
        }

        @Test
        void topKLimitsTheListedValues() {
            CliRun run = mlops("profile", creditG().toString(), "--top-k", "2");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(block(run, "purpose").get(2)).isEqualTo("top \"radio/tv\" 280 (28.0%), \"new car\" 234 (23.4%)");
        }

        @Test
        void topKOfZeroListsNoValues() {
            CliRun run = mlops("profile", creditG().toString(), "--top-k", "0");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(block(run, "purpose")).containsExactly("4 purpose (categorical): 1000 rows, 0 missing",
                    "distinct 10 (exact)");
        }

        @ParameterizedTest
        @CsvSource({"--exact-quantile-limit", "--exact-distinct-limit", "--top-k"})
        void aNegativeLimitIsAUsageError(String option) {
            CliRun run = mlops("profile", creditG().toString(), option, "-1");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith(option + " must not be negative but was -1");
        }

        @Test
        void aLimitThatIsNoNumberIsAUsageError() {
            CliRun run = mlops("profile", creditG().toString(), "--top-k", "ten");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("--top-k", "'ten'");
        }

        @Test
        void delimiterAndMissingTokens() throws IOException {
            Path file = file("semi.csv", "city;amount\nMünchen;1.5\nSão Paulo;-\nMünchen;3\n");

            CliRun run = mlops("profile", file.toString(), "--delimiter", ";", "--missing", "-");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(block(run, "city")).containsExactly("1 city (categorical): 3 rows, 0 missing",
                    "distinct 2 (exact)", "top \"München\" 2 (66.7%), \"São Paulo\" 1 (33.3%)");
            assertThat(block(run, "amount")).containsExactly("2 amount (numeric): 3 rows, 1 missing",
                    "distinct 2 (exact)",
                    "mean 2.25  std 1.06066  zeros 0  negatives 0",
                    "min 1.5  p1 1.515  p5 1.575  p25 1.875  p50 2.25  p75 2.625  p95 2.925  p99 2.985  max 3  (exact quantiles)");
        }

        @Test
        void jsonLinesWithTimestampsInAZone() throws IOException {
            Path file = file("events.jsonl", "{\"day\":\"2024-01-31\",\"ok\":true}\n{\"day\":\"2024-02-01\",\"ok\":false}\n"
                    + "{\"day\":null,\"ok\":true}\n");

            CliRun run = mlops("profile", file.toString(), "--zone", "Europe/Berlin");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(block(run, "day")).containsExactly("1 day (timestamp): 3 rows, 1 missing",
                    "earliest 2024-01-30T23:00:00Z  latest 2024-01-31T23:00:00Z");
            assertThat(block(run, "ok")).containsExactly("2 ok (boolean): 3 rows, 0 missing", "distinct 2 (exact)",
                    "top \"true\" 2 (66.7%), \"false\" 1 (33.3%)");
        }

        @Test
        void formatOverridesTheFileName() throws IOException {
            Path file = file("events.txt", "{\"n\":1}\n{\"n\":2}\n");

            CliRun run = mlops("profile", file.toString(), "--format", "jsonl");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(block(run, "n").get(0)).isEqualTo("1 n (numeric): 2 rows, 0 missing");
        }

        @Test
        void delimiterForJsonLinesIsAUsageError() throws IOException {
            Path file = file("events.jsonl", "{\"n\":1}\n");

            CliRun run = mlops("profile", file.toString(), "--delimiter", ";");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--delimiter does not apply to format 'jsonl' (its settings: zone, localTimes, schema, compression)");
        }
    }

    @Nested
    class Values {

        @Test
        void nanAndInfinitiesAreCountedApart() throws IOException {
            Path file = file("x.csv", "x\n1\nNaN\nInfinity\n-Infinity\n3\n\n");

            CliRun run = mlops("profile", file.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(block(run, "x")).containsExactly("1 x (numeric): 6 rows, 1 missing",
                    "finite 2  NaN 1  +Infinity 1  -Infinity 1",
                    "distinct 2 (exact)",
                    "mean 2  std 1.41421  zeros 0  negatives 0",
                    "min 1  p1 1.02  p5 1.1  p25 1.5  p50 2  p75 2.5  p95 2.9  p99 2.98  max 3  (exact quantiles)");
        }

        @Test
        void categoriesThatReadAsOtherTypesSaySo() throws IOException {
            Path file = file("mixed.csv", "age,code,city\n30,true,München\n41,2,Berlin\nabc,x,Paris\n41,,Rom\n");

            CliRun run = mlops("profile", file.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(block(run, "age")).containsExactly("1 age (categorical): 4 rows, 0 missing", "distinct 3 (exact)",
                    "values read as numeric 3 (75.0%), text 1 (25.0%)",
                    "top \"41\" 2 (50.0%), \"30\" 1 (25.0%), \"abc\" 1 (25.0%)");
            assertThat(block(run, "code")).contains("values read as numeric 1 (33.3%), boolean 1 (33.3%), text 1 (33.3%)");
            assertThat(block(run, "city")).noneMatch(line -> line.startsWith("values read as"));
        }

        @Test
        void numericDistinctCountsAreSketchedAboveTheLimit() {
            CliRun run = mlops("profile", creditG().toString(), "--exact-distinct-limit", "10");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(block(run, "duration").get(1)).matches("distinct ~3\\d \\(HyperLogLog, \\d+ to \\d+\\)");
            assertThat(block(run, "installment_commitment").get(1)).isEqualTo("distinct 4 (exact)");
        }

        @Test
        void aColumnWithoutFiniteValuesSaysSo() throws IOException {
            Path file = file("x.csv", "x,y\nNaN,a\nNaN,\n");

            CliRun run = mlops("profile", file.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(block(run, "x")).containsExactly("1 x (numeric): 2 rows, 0 missing",
                    "finite 0  NaN 2  +Infinity 0  -Infinity 0", "no finite values");
            assertThat(block(run, "y")).containsExactly("2 y (categorical): 2 rows, 1 missing", "distinct 1 (exact)",
                    "top \"a\" 1 (100.0%)");
        }

        @Test
        void anEmptyTableHasZeroCounts() throws IOException {
            Path file = file("empty.csv", "a,b\n");

            CliRun run = mlops("profile", file.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines().get(0)).isEqualTo(file + ": 0 rows, 2 columns");
            assertThat(run.outLines()).contains("   no values");
        }

        @Test
        void aLongValueAndALongNameAreCutWithTheirLengths() throws IOException {
            String name = "c".repeat(200);
            Path file = file("long.csv", name + "\n" + "a".repeat(50_000) + "\n\"two\nlines\u0007\"\n");

            CliRun run = mlops("profile", file.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out().length()).isLessThan(1_000);
            assertThat(run.out()).contains("1 " + "c".repeat(39) + "… (200 characters) (categorical)",
                    "\"" + "a".repeat(39) + "…\" (50,000 characters) 1 (50.0%)", "\"two\\nlines\\u0007\" 1 (50.0%)");
        }

        @Test
        void valuesAreQuotedWithEscapes() throws IOException {
            Path file = file("q.csv", "v\n\"say \"\"hi\"\"\"\n\"a\\b\"\n\"tab\there\"\n");

            CliRun run = mlops("profile", file.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(block(run, "v").get(2)).isEqualTo(
                    "top \"a\\\\b\" 1 (33.3%), \"say \\\"hi\\\"\" 1 (33.3%), \"tab\\there\" 1 (33.3%)");
        }
    }

    @Nested
    class SensitiveColumns {
        private static final String FORMAT = "csv(schema=[{name=ssn, type=text, sensitive=true}, {name=age, type=numeric}])";

        @Test
        void theWrittenProfileAndTheSummaryHoldNoRawValueOfASensitiveColumn() throws IOException {
            StringBuilder csv = new StringBuilder("ssn,age\n");
            for (int i = 0; i < 40; i++) {
                csv.append("SSN-").append(1000 + i % 3).append(',').append(20 + i).append('\n');
            }
            Path file = file("people.csv", csv.toString());
            Path out = dir.resolve("profile.json");

            CliRun run = mlops("profile", file.toString(), "--format", FORMAT, "--out", out.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).doesNotContain("SSN-");
            assertThat(block(run, "ssn")).containsExactly("1 ssn (text, sensitive): 40 rows, 0 missing",
                    "distinct ~3 (HyperLogLog, 3 to 4)", "top values not shown: the column is sensitive");
            String written = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(written).doesNotContain("SSN-").contains("\"sensitive\": true");
            assertThat(block(run, "age").get(1)).contains("(exact)");
        }
    }

    @Nested
    class BadInput {

        @Test
        void aMissingFileIsNamed() {
            CliRun run = mlops("profile", dir.resolve("nope.csv").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("mlops: no such file: " + dir.resolve("nope.csv") + "\n");
        }

        @Test
        void aMalformedFileNamesTheLine() throws IOException {
            Path file = file("ragged.csv", "a,b\n1,2\n3\n");

            CliRun run = mlops("profile", file.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: " + file + " line 3: ").doesNotContain("\tat ");
        }

        @Test
        void outMustNotBeTheInput() throws IOException {
            Path file = file("a.csv", "a\n1\n");

            CliRun run = mlops("profile", file.toString(), "--out", file.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--out " + file + " would overwrite the input file");
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("a\n1\n");
        }

        @Test
        void withoutAFileItIsAUsageError() {
            CliRun run = mlops("profile");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("Missing required parameter: 'FILE'", "Usage: mlops profile");
        }
    }
}
