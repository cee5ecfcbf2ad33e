package dev.mlops.cli;

import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.JsonLinesFormat;
import dev.mlops.data.split.Guarantee;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.Splitters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitCommandTest {
    private static final List<String> DEFAULT_SETS = List.of("train", "validation", "test");

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    private static Table csv(Path file) {
        return CsvFormat.defaults().read(file);
    }

    private static Map<String, Integer> classCounts(Table table, String column) {
        Map<String, Integer> counts = new HashMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            counts.merge(table.column(column).format(row), 1, Integer::sum);
        }
        return counts;
    }

    /** 60 rows of 20 customers, three rows each, in a shuffled order. */
    private Path customers() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int customer = 0; customer < 20; customer++) {
            for (int visit = 0; visit < 3; visit++) {
                lines.add(String.format(Locale.ROOT, "c%02d,%d,%s", customer, visit, customer % 4 == 0 ? "churn" : "stay"));
            }
        }
        Collections.shuffle(lines, new Random(5));
        return file("customers.csv", "customer,visit,label\n" + String.join("\n", lines) + "\n");
    }

    /** 100 rows an hour apart from 2024-01-01T00:00Z, in a shuffled order. */
    private Path events() throws IOException {
        List<String> lines = new ArrayList<>();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < 100; i++) {
            lines.add(start.plusSeconds(3600L * i) + "," + i);
        }
        Collections.shuffle(lines, new Random(9));
        return file("events.csv", "ts,value\n" + String.join("\n", lines) + "\n");
    }

    /** 50 rows of class a and 2 of class b: b cannot have a row in each of three sets. */
    private Path smallClass() throws IOException {
        StringBuilder text = new StringBuilder("x,y\n");
        for (int i = 0; i < 52; i++) {
            text.append(i).append(',').append(i < 50 ? "a" : "b").append('\n');
        }
        return file("small.csv", text.toString());
    }

    private static long[] epochSeconds(Table table) {
        return epochSeconds(table, "ts");
    }

    private static long[] epochSeconds(Table table, String column) {
        TimestampColumn ts = table.timestampColumn(column);
        long[] seconds = new long[table.rowCount()];
        for (int row = 0; row < seconds.length; row++) {
            seconds[row] = ts.epochSecond(row);
        }
        return seconds;
    }

    private static long max(long[] values) {
        long max = Long.MIN_VALUE;
        for (long value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    private static long min(long[] values) {
        long min = Long.MAX_VALUE;
        for (long value : values) {
            min = Math.min(min, value);
        }
        return min;
    }

    @Nested
    class Stratified {
        @Test
        void creditGByClassIs700150150WithTheClassShares() {
            Path out = dir.resolve("out");

            CliRun run = mlops("split", CliRun.creditG().toString(), "--out", out.toString(), "--method", "stratified",
                    "--label", "class");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            int total = 0;
            Map<String, Integer> expected = Map.of("train", 700, "validation", 150, "test", 150);
            for (String set : DEFAULT_SETS) {
                Table table = csv(out.resolve(set + ".csv"));
                assertThat(table.rowCount()).as(set).isEqualTo(expected.get(set));
                total += table.rowCount();
                Map<String, Integer> counts = classCounts(table, "class");
                assertThat(counts.keySet()).as(set).containsExactlyInAnyOrder("good", "bad");
                assertThat((double) counts.get("good")).as(set).isCloseTo(0.7 * table.rowCount(), within(1.0));
                assertThat((double) counts.get("bad")).as(set).isCloseTo(0.3 * table.rowCount(), within(1.0));
            }
            assertThat(total).isEqualTo(1000);
            assertThat(run.out()).contains(": 1000 rows, stratified split (stratified(sizes=guide, label=class, seed=0, smallClasses=refuse, labelType=inferred)), seed 0",
                    "  train        700 rows   70.00%  (fraction 0.7)",
                    "guarantees held: class counts within one row, every class in every set",
                    "class counts (train/validation/test):", "  bad   210/45/45", "  good  490/105/105");
            assertThat(run.err()).isEmpty();
        }

        @Test
        void aLabelAloneChoosesStratified() {
            CliRun run = mlops("split", CliRun.creditG().toString(), "--out", dir.resolve("out").toString(),
                    "--label", "class");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("stratified split");
        }

        @Test
        void theSplitFileLoadsAndMatchesTheTable() {
            Path out = dir.resolve("out");

            CliRun run = mlops("split", CliRun.creditG().toString(), "--out", out.toString(), "--label", "class",
                    "--seed", "3");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Split split = Split.load(out.resolve("split.json"));
            assertThat(split.matches(csv(CliRun.creditG()))).isTrue();
            assertThat(split.setNames()).containsExactlyElementsOf(DEFAULT_SETS);
            assertThat(split.seed().getAsLong()).isEqualTo(3);
            assertThat(split.report().holds(Guarantee.EVERY_CLASS_IN_EVERY_SET)).isTrue();
            Table table = csv(CliRun.creditG());
            assertThat(split.set(table, "test").rowCount()).isEqualTo(csv(out.resolve("test.csv")).rowCount());
        }

        @Test
        void theSameSeedWritesTheSameFilesAndAnotherSeedOthers() throws IOException {
            Path first = dir.resolve("first");
            Path second = dir.resolve("second");
            Path other = dir.resolve("other");

            mlops("split", CliRun.creditG().toString(), "--out", first.toString(), "--label", "class", "--seed", "42");
            mlops("split", CliRun.creditG().toString(), "--out", second.toString(), "--label", "class", "--seed", "42");
            mlops("split", CliRun.creditG().toString(), "--out", other.toString(), "--label", "class", "--seed", "43");

            for (String name : List.of("train.csv", "validation.csv", "test.csv", "split.json")) {
                assertThat(Files.readString(second.resolve(name))).as(name).isEqualTo(Files.readString(first.resolve(name)));
            }
            assertThat(Files.readString(other.resolve("train.csv"))).isNotEqualTo(Files.readString(first.resolve("train.csv")));
        }

        @Test
        void aClassTooSmallIsRefusedWithItsCountAndNothingIsWritten() throws IOException {
            Path out = dir.resolve("out");

            CliRun run = mlops("split", smallClass().toString(), "--out", out.toString(), "--label", "y");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: cannot stratify").contains("'b' (2 rows)").doesNotContain("\tat ")
                    .contains("or pass --allow-small-classes to split it").doesNotContain("SmallClasses", "smallClasses");
            assertThat(run.out()).isEmpty();
            assertThat(out).doesNotExist();
        }

        @Test
        void aClassOfOneRowIsOneRow() throws IOException {
            Path input = file("one.csv", "x,y\n" + "1,a\n".repeat(20) + "2,b\n");

            CliRun run = mlops("split", input.toString(), "--out", dir.resolve("out").toString(), "--label", "y");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("class 'b' (1 row) has too few rows").doesNotContain("1 rows");
        }

        @Test
        void aNumericZeroOneLabelIsStratifiedWithLabelTypeCategorical() throws IOException {
            StringBuilder content = new StringBuilder("x,y\n");
            for (int row = 0; row < 40; row++) {
                content.append(row).append(',').append(row % 4 == 0 ? 1 : 0).append('\n');
            }
            Path input = file("zero-one.csv", content.toString());
            Path out = dir.resolve("out");

            CliRun refused = mlops("split", input.toString(), "--out", out.toString(), "--label", "y");
            CliRun run = mlops("split", input.toString(), "--out", out.toString(), "--label", "y",
                    "--label-type", "categorical", "--sets", "train=0.5,test=0.5");

            assertThat(refused.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(refused.err()).contains("label column 'y' is NUMERIC", "--label-type categorical");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("labelType=categorical", "guarantees held: class counts within one row",
                    "  0  15/15", "  1  5/5");
            Table train = csv(out.resolve("train.csv"));
            assertThat(train.column("y").type()).isEqualTo(dev.mlops.core.table.ColumnType.NUMERIC);
            assertThat(classCounts(train, "y")).containsEntry("0", 15).containsEntry("1", 5);
            assertThat(Split.load(out.resolve("split.json")).splitter().toString()).contains("labelType=categorical");
        }

        @Test
        void aBadLabelTypeIsAUsageError() throws IOException {
            CliRun run = mlops("split", smallClass().toString(), "--out", dir.resolve("out").toString(), "--label", "y",
                    "--label-type", "numeric");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("--label-type", "expected inferred or categorical but was 'numeric'");
        }

        @Test
        void smallClassesAreAllowedOnRequestAndListed() throws IOException {
            Path out = dir.resolve("out");

            CliRun run = mlops("split", smallClass().toString(), "--out", out.toString(), "--label", "y",
                    "--allow-small-classes");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("guarantees held: class counts within one row\n",
                    "fallback: classes not in every set: b");
            assertThat(Split.load(out.resolve("split.json")).report().classesNotInEverySet()).containsExactly("b");
        }

        @Test
        void namedSetsAreWrittenInOrder() {
            Path out = dir.resolve("out");

            CliRun run = mlops("split", CliRun.creditG().toString(), "--out", out.toString(), "--label", "class",
                    "--sets", "fit=0.5,tune=0.25,holdout=0.25");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(csv(out.resolve("fit.csv")).rowCount()).isEqualTo(500);
            assertThat(csv(out.resolve("holdout.csv")).rowCount()).isEqualTo(250);
            assertThat(Split.load(out.resolve("split.json")).setNames()).containsExactly("fit", "tune", "holdout");
        }
    }

    @Nested
    class Grouped {
        @Test
        void noCustomerIsInTwoSets() throws IOException {
            Path out = dir.resolve("out");

            CliRun run = mlops("split", customers().toString(), "--out", out.toString(), "--method", "grouped",
                    "--group", "customer", "--seed", "1");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Map<String, String> setOfCustomer = new HashMap<>();
            int rows = 0;
            for (String set : DEFAULT_SETS) {
                Table table = csv(out.resolve(set + ".csv"));
                rows += table.rowCount();
                for (int row = 0; row < table.rowCount(); row++) {
                    String customer = table.column("customer").format(row);
                    String previous = setOfCustomer.putIfAbsent(customer, set);
                    assertThat(previous == null || previous.equals(set))
                            .as("customer %s in %s and %s", customer, previous, set).isTrue();
                }
            }
            assertThat(rows).isEqualTo(60);
            assertThat(setOfCustomer).hasSize(20);
            assertThat(run.out()).contains("grouped split (grouped(sizes=guide, group=customer, seed=1))", "guarantees held: groups intact");
        }

        @Test
        void labelAndGroupKeepGroupsAndReportClassCounts() throws IOException {
            CliRun run = mlops("split", customers().toString(), "--out", dir.resolve("out").toString(),
                    "--label", "label", "--group", "customer");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("stratified-grouped split", "groups intact",
                    "class counts (train/validation/test):", "  churn  ");
        }
    }

    @Nested
    class Temporal {
        @Test
        void everyTrainTimeIsBeforeValidationAndTest() throws IOException {
            Path out = dir.resolve("out");

            CliRun run = mlops("split", events().toString(), "--out", out.toString(), "--method", "temporal",
                    "--time", "ts");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            long[] train = epochSeconds(csv(out.resolve("train.csv")));
            long[] validation = epochSeconds(csv(out.resolve("validation.csv")));
            long[] test = epochSeconds(csv(out.resolve("test.csv")));
            assertThat(train).hasSize(70);
            assertThat(max(train)).isLessThan(min(validation));
            assertThat(max(validation)).isLessThan(min(test));
            assertThat(run.out()).contains("temporal split (temporal(sizes=guide, time=ts, gap=PT0S)), no seed", "guarantees held: time ordered");
        }

        @Test
        void aGapDropsRowsAndANewestSetTakesTheNewestRows() throws IOException {
            Path out = dir.resolve("out");

            CliRun run = mlops("split", events().toString(), "--out", out.toString(), "--time", "ts",
                    "--sets", "train=0.5,test=0.5", "--gap", "PT5H", "--newest", "recent=0.2");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            long[] train = epochSeconds(csv(out.resolve("train.csv")));
            long[] test = epochSeconds(csv(out.resolve("test.csv")));
            long[] recent = epochSeconds(csv(out.resolve("recent.csv")));
            assertThat(min(test) - max(train)).isGreaterThan(5 * 3600L);
            assertThat(min(recent) - max(test)).isGreaterThan(5 * 3600L);
            assertThat(train.length + test.length + recent.length).isEqualTo(90);
            assertThat(run.out()).contains("  10 rows in no set (removed by the gap)", "recent");
        }

        @Test
        void localDatesNeedAZone() throws IOException {
            StringBuilder text = new StringBuilder("day,value\n");
            for (int day = 1; day <= 20; day++) {
                text.append(String.format(Locale.ROOT, "2024-01-%02d,%d\n", day, day));
            }
            Path input = file("days.csv", text.toString());
            Path out = dir.resolve("out");

            CliRun without = mlops("split", input.toString(), "--out", out.toString(), "--time", "day");
            CliRun with = mlops("split", input.toString(), "--out", out.toString(), "--time", "day", "--zone", "UTC");

            assertThat(without.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(without.err()).contains("column 'day' is CATEGORICAL, not TIMESTAMP", "--zone ZONE")
                    .doesNotContain("\tat ");
            assertThat(with.exitCode()).as(with.toString()).isZero();
            // the set files hold the days as UTC instants, which read back as timestamps without a zone
            assertThat(max(epochSeconds(csv(out.resolve("train.csv")), "day")))
                    .isLessThan(min(epochSeconds(csv(out.resolve("test.csv")), "day")));
        }
    }

    @Nested
    class Slices {
        @Test
        void sizesPerSetWithAWarningForASliceUnderTheMinimum() {
            CliRun run = mlops("split", CliRun.creditG().toString(), "--out", dir.resolve("out").toString(),
                    "--label", "class", "--slice", "young=age < 25");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("slices (a slice needs at least 100 rows in a set")
                    .containsPattern("young +train +\\d+ of +700 rows")
                    .containsPattern("young +test +\\d+ of +150 rows .*WARNING: too small for a meaningful metric")
                    .contains("WARNING: ");
        }

        @Test
        void theMinimumIsAnOption() {
            CliRun run = mlops("split", CliRun.creditG().toString(), "--out", dir.resolve("out").toString(),
                    "--label", "class", "--slice", "young=age < 25", "--min-slice-rows", "5");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("at least 5 rows").doesNotContain("WARNING");
        }

        @Test
        void aSliceOverAnUnknownColumnListsTheColumnsAndWritesNothing() {
            Path out = dir.resolve("out");

            CliRun run = mlops("split", CliRun.creditG().toString(), "--out", out.toString(), "--slice", "x=agee < 3");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("unknown column 'agee'", "checking_status", "class").doesNotContain("\tat ");
            assertThat(out).doesNotExist();
        }

        @Test
        void aSliceSyntaxErrorPointsAtTheCharacter() {
            CliRun run = mlops("split", CliRun.creditG().toString(), "--out", dir.resolve("out").toString(),
                    "--slice", "x=age <");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("--slice", "slice 'x'", "position 5");
        }
    }

    @Nested
    class JsonOutput {
        @Test
        void oneObjectWithTheSetSizesGuaranteesAndSlices() throws IOException {
            CliRun run = mlops("split", CliRun.creditG().toString(), "--out", dir.resolve("out").toString(),
                    "--label", "class", "--slice", "young=age < 25", "--json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode report = new ObjectMapper().readTree(run.out());
            assertThat(report.get("kind").asText()).isEqualTo("split-report");
            assertThat(report.get("formatVersion").asInt()).isEqualTo(2);
            assertThat(report.get("splitter").toString())
                    .isEqualTo("{\"label\":\"class\",\"labelType\":\"inferred\",\"seed\":0,\"sizes\":\"guide\",\"smallClasses\":\"refuse\",\"type\":\"stratified\"}");
            assertThat(report.get("rowCount").asInt()).isEqualTo(1000);
            List<String> names = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            report.get("sets").forEach(set -> {
                names.add(set.get("name").asText());
                sizes.add(set.get("size").asInt());
            });
            assertThat(names).containsExactlyElementsOf(DEFAULT_SETS);
            assertThat(sizes).containsExactly(700, 150, 150);
            assertThat(report.get("report").get("held").toString()).contains("CLASS_COUNTS_WITHIN_ONE_ROW");
            assertThat(report.get("report").get("classCounts").get("good").get("train").asInt()).isEqualTo(490);
            assertThat(report.get("slices").get("kind").asText()).isEqualTo("slice-report");
            assertThat(report.get("slices").get("sizes")).hasSize(3);
        }

        @Test
        void withoutSlicesThereIsNoSliceReport() throws IOException {
            CliRun run = mlops("split", CliRun.creditG().toString(), "--out", dir.resolve("out").toString(), "--json");

            JsonNode report = new ObjectMapper().readTree(run.out());
            assertThat(report.get("splitter").get("type").asText()).isEqualTo("random");
            assertThat(report.has("slices")).isFalse();
        }

        @Test
        void aSplitterSpecGivesTheSplitterAndItsSettings() throws IOException {
            Path out = dir.resolve("spec");
            CliRun run = mlops("split", CliRun.creditG().toString(), "--out", out.toString(), "--splitter",
                    "stratified(label=class, seed=42, sizes=\"train=0.8,test=0.2\")");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Split split = Split.load(out.resolve("split.json"));
            assertThat(split.splitter(ComponentRegistry.defaults()))
                    .isEqualTo(Splitters.stratified(SplitSets.trainTest(0.8, 0.2), "class", 42));
            assertThat(split.setNames()).containsExactly("train", "test");
        }

        @Test
        void aSplitterSpecWithOtherSplitterOptionsIsBadUsage() {
            CliRun run = mlops("split", CliRun.creditG().toString(), "--out", dir.resolve("x").toString(), "--splitter",
                    "random(seed=1)", "--seed", "2");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("--splitter SPEC gives the splitter and all its settings");
        }

        @Test
        void aBadSplitterSpecNamesTheSetting() {
            CliRun run = mlops("split", CliRun.creditG().toString(), "--out", dir.resolve("x").toString(), "--splitter",
                    "stratified(lable=class, seed=1)");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("unknown setting 'lable'", "label");
        }
    }

    @Nested
    class Formats {
        @Test
        void jsonLinesInJsonLinesOut() throws IOException {
            Path input = file("rows.jsonl", "{\"id\":1,\"city\":\"München\"}\n{\"id\":2,\"city\":\"São Paulo\"}\n"
                    + "{\"id\":3,\"city\":\"Hamburg\"}\n{\"id\":4,\"city\":\"Köln\"}\n");
            Path out = dir.resolve("out");

            CliRun run = mlops("split", input.toString(), "--out", out.toString(), "--sets", "train=0.5,test=0.5");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Set<String> cities = new HashSet<>();
            for (String set : List.of("train", "test")) {
                Table table = JsonLinesFormat.defaults().read(out.resolve(set + ".jsonl"));
                assertThat(table.rowCount()).isEqualTo(2);
                for (int row = 0; row < 2; row++) {
                    cities.add(table.column("city").format(row));
                }
            }
            assertThat(cities).containsExactlyInAnyOrder("München", "São Paulo", "Hamburg", "Köln");
            assertThat(out.resolve("train.csv")).doesNotExist();
        }

        @Test
        void theInputOptionsSayHowToReadAndTheSetsAreWrittenTheSameWay() throws IOException {
            Path input = dir.resolve("rows.txt");
            Files.writeString(input, "id;city\n1;München\n2;Köln\n3;Zürich\n4;Hamburg\n", StandardCharsets.ISO_8859_1);
            Path out = dir.resolve("out");

            CliRun run = mlops("split", input.toString(), "--out", out.toString(), "--sets", "train=0.5,test=0.5",
                    "--format", "csv", "--delimiter", ";", "--charset", "ISO-8859-1");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Set<String> cities = new HashSet<>();
            CsvFormat written = CsvFormat.builder().delimiter(';').charset(StandardCharsets.ISO_8859_1).build();
            for (String set : List.of("train", "test")) {
                Table table = written.read(out.resolve(set + ".csv"));
                assertThat(table.columns()).extracting(column -> column.name()).containsExactly("id", "city");
                for (int row = 0; row < table.rowCount(); row++) {
                    cities.add(table.column("city").format(row));
                }
            }
            assertThat(cities).containsExactlyInAnyOrder("München", "Köln", "Zürich", "Hamburg");
        }

        @Test
        void jsonLinesRefusesTheCsvOnlyOptions() throws IOException {
            Path input = file("rows.jsonl", "{\"id\":1}\n{\"id\":2}\n");

            CliRun run = mlops("split", input.toString(), "--out", dir.resolve("out").toString(), "--delimiter", ";");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--delimiter does not apply to format 'jsonl' (its settings: zone, localTimes, schema, compression)");
            assertThat(dir.resolve("out")).doesNotExist();
        }
    }

    @Nested
    class MethodOfAPlugin {
        private Path plugins() throws IOException {
            return PluginJar.buildCutSplitter(dir.resolve("work"), dir.resolve("plugins/cut-plugin.jar")).getParent();
        }

        private CliRun split(Path plugins, String out, String... options) {
            List<String> args = new ArrayList<>(List.of("split", CliRun.creditG().toString(), "--plugins",
                    plugins.toString(), "--out", dir.resolve(out).toString()));
            args.addAll(List.of(options));
            return mlops(args.toArray(String[]::new));
        }

        @Test
        void theSeedAndSetsGiveThePluginTypesSettings() throws IOException {
            Path plugins = plugins();

            CliRun run = split(plugins, "out", "--method", "cut", "--seed", "7", "--sets", "train=0.8,test=0.2", "--json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode report = new ObjectMapper().readTree(run.out());
            assertThat(report.get("splitter").toString())
                    .isEqualTo("{\"seed\":7,\"sizes\":\"train=0.8,test=0.2\",\"type\":\"cut\"}");
            assertThat(Split.load(dir.resolve("out/split.json")).setNames()).containsExactly("train", "test");
            assertThat(csv(dir.resolve("out/train.csv")).rowCount()).isEqualTo(800);
            assertThat(csv(dir.resolve("out/test.csv")).rowCount()).isEqualTo(200);
        }

        @Test
        void withoutOptionsThePluginTypeGetsTheDefaultSeedAndItsOwnDefaultSizes() throws IOException {
            Path plugins = plugins();

            CliRun first = split(plugins, "first", "--method", "cut");
            CliRun again = split(plugins, "again", "--method", "cut", "--seed", "0");
            CliRun other = split(plugins, "other", "--method", "cut", "--seed", "1");

            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(first.out()).contains("cut split (cut(sizes=\"train=0.5,test=0.5\", seed=0)), seed 0");
            Split split = Split.load(dir.resolve("first/split.json"));
            assertThat(split.rows("test")).hasSize(500);
            assertThat(Split.load(dir.resolve("again/split.json")).rows("test")).isEqualTo(split.rows("test"));
            assertThat(Split.load(dir.resolve("other/split.json")).rows("test")).isNotEqualTo(split.rows("test"));
        }

        @Test
        void anOptionThePluginTypeLacksIsRefusedNamingItsSettings() throws IOException {
            CliRun run = split(plugins(), "out", "--method", "cut", "--label", "class");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("--label applies to --method stratified or stratified-grouped only, not "
                    + "--method cut (its settings: sizes, seed)").doesNotContain("\tat ");
            assertThat(dir.resolve("out")).doesNotExist();
        }

        @Test
        void thePluginTypeIsKnownOnlyWithItsJar() throws IOException {
            Path plugins = plugins();

            CliRun run = mlops("split", CliRun.creditG().toString(), "--out", dir.resolve("out").toString(),
                    "--method", "cut");
            CliRun hint = split(plugins, "out", "--method", "cutt");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("--method: spec 'cut': unknown Splitter type 'cut'");
            assertThat(hint.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(hint.err()).contains("unknown Splitter type 'cutt'; did you mean 'cut'? (known types: cut, grouped,");
            assertThat(dir.resolve("out")).doesNotExist();
        }
    }

    @Nested
    class BadInput {
        private CliRun split(String... options) {
            List<String> args = new ArrayList<>(List.of("split", CliRun.creditG().toString(), "--out",
                    dir.resolve("out").toString()));
            args.addAll(List.of(options));
            return mlops(args.toArray(String[]::new));
        }

        private void assertUsageError(CliRun run, String message) {
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains(message).doesNotContain("\tat ", "Exception");
            assertThat(run.out()).isEmpty();
            assertThat(dir.resolve("out")).doesNotExist();
        }

        @Test
        void stratifiedNeedsALabel() {
            assertUsageError(split("--method", "stratified"), "--method stratified needs --label COLUMN");
        }

        @Test
        void anUnknownLabelColumnListsTheColumns() {
            assertUsageError(split("--label", "klass"), "no column named 'klass'; the 21 columns are: checking_status");
        }

        @Test
        void aSetWithoutAFractionIsNamed() {
            assertUsageError(split("--sets", "train=0.7,test"), "expected NAME=FRACTION,... such as "
                    + "train=0.7,validation=0.15,test=0.15 but was 'test'");
        }

        @Test
        void aFractionThatIsNotANumberIsNamed() {
            assertUsageError(split("--sets", "train=0.7,test=0,3"), "but was '3'");
            assertUsageError(split("--sets", "train=seventy,test=0.3"), "the fraction in 'train=seventy' is not a decimal");
        }

        @Test
        void aNegativeShareIsCalledNegative() {
            assertUsageError(split("--sets", "train=-0.1,test=1.1"), "the share in 'train=-0.1' is negative");
        }

        @Test
        void fractionsMustSumToOne() {
            assertUsageError(split("--sets", "train=0.7,test=0.2"), "the fractions must sum to 1 but sum to 0.9");
        }

        @Test
        void aSetNameMustSuitAFileName() {
            assertUsageError(split("--sets", "../train=0.5,test=0.5"), "the name in '../train=0.5'");
        }

        @Test
        void anOptionTheMethodDoesNotReadIsRefused() {
            assertUsageError(split("--method", "random", "--label", "class"),
                    "--label applies to --method stratified or stratified-grouped only, not --method random");
            assertUsageError(split("--gap", "PT1H"),
                    "--gap applies to --method temporal only, not --method random (its settings: sizes, seed)");
            assertUsageError(split("--label", "class", "--group", "purpose", "--allow-small-classes"),
                    "--allow-small-classes applies to --method stratified only, not --method stratified-grouped");
            assertUsageError(split("--method", "grouped", "--group", "purpose", "--newest", "recent=0.1"),
                    "--newest applies to --method temporal only, not --method grouped (its settings: sizes, group, seed)");
        }

        @Test
        void theSeedIsRefusedForATypeWithoutOne() {
            assertUsageError(split("--time", "ts", "--seed", "7"), "--seed applies to --method grouped, random, "
                    + "stratified or stratified-grouped only, not --method temporal (its settings: sizes, time, gap, newest)");
        }

        @Test
        void aColumnTheTypeRequiresNamesItsOption() {
            assertUsageError(split("--method", "grouped"), "--method grouped needs --group COLUMN (");
            assertUsageError(split("--method", "temporal", "--gap", "P1D"), "--method temporal needs --time COLUMN (");
            assertUsageError(split("--method", "stratified-grouped", "--group", "purpose"),
                    "--method stratified-grouped needs --label COLUMN (");
            assertThat(split("--method", "stratified").err()).contains("the setting 'label' (a column name) is required");
        }

        @Test
        void settingsTheTypeRefusesAreNamedWithTheMethod() {
            assertUsageError(split("--method", "stratified", "--label", " "), "--method stratified: spec 'stratified(label=\" \","
                    + " seed=0)': Splitter 'stratified' refuses its settings: label column must not be blank but was ' '");
        }

        @Test
        void theSplitterSpecLeavesOutEveryOtherSplitterOption() {
            assertUsageError(split("--splitter", "random(seed=1)", "--gap", "P1D"), "--splitter SPEC gives the splitter "
                    + "and all its settings; leave out --method, --sets, --seed, --label, --label-type, --group, --time, --gap, "
                    + "--newest and --allow-small-classes");
        }

        @Test
        void aBadGapAndAnUnknownMethodAreNamed() {
            assertUsageError(split("--time", "ts", "--gap", "1 day"),
                    "expected an ISO-8601 duration such as PT24H, PT30M or P7D but was '1 day'");
            assertUsageError(split("--method", "shuffle"), "--method: spec 'shuffle': unknown Splitter type 'shuffle' "
                    + "(known types: grouped, random, stratified, stratified-grouped, temporal; a plugin's types are found"
                    + " when its jar is on the class path or in --plugins DIR)");
        }

        @Test
        void aMisspelledMethodGetsAHint() {
            assertUsageError(split("--method", "stratifed", "--label", "class"),
                    "--method: spec 'stratifed': unknown Splitter type 'stratifed'; did you mean 'stratified'?");
            assertUsageError(split("--method", ""), "--method: '' is not a type's name (a letter, then letters, digits,"
                    + " '_', '.' or '-'); --splitter takes a whole spec");
            assertUsageError(split("--method", "random(seed=1)"), "--method: 'random(seed=1)' is not a type's name");
        }

        @Test
        void theNewestSetNeedsItsOwnName() {
            assertUsageError(split("--time", "ts", "--newest", "test=0.1"), "--newest names the set 'test'");
        }

        @Test
        void aSetIsNeverWrittenOverTheInput() throws IOException {
            Path input = file("train.csv", "x\n1\n2\n3\n4\n");

            CliRun run = mlops("split", input.toString(), "--out", dir.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("the set 'train' would be written over the input");
            assertThat(Files.readString(input)).isEqualTo("x\n1\n2\n3\n4\n");
        }

        @Test
        void aMissingFileIsExitTwo() {
            CliRun run = mlops("split", dir.resolve("nope.csv").toString(), "--out", dir.resolve("out").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("no such file").doesNotContain("\tat ");
        }
    }

    @Nested
    class LongClassNames {

        @Test
        void aLongClassNameIsCutWithItsLength() throws IOException {
            StringBuilder csv = new StringBuilder(LongText.NAME_CSV + ",x\n");
            for (int row = 0; row < 8; row++) {
                csv.append(row % 2 == 0 ? LongText.VALUE_CSV : "ok").append(',').append(row).append('\n');
            }
            Path data = file("long.csv", csv.toString());

            CliRun run = mlops("split", data.toString(), "--out", dir.resolve("out").toString(), "--label",
                    LongText.NAME, "--sets", "train=0.5,test=0.5");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out().length()).as(run.out()).isLessThan(LongText.MOST_CHARACTERS);
            String shown = LongText.VALUE_SHOWN + " " + LongText.VALUE_LENGTH;
            assertThat(run.out()).contains("  " + shown + "  2/2", "  ok" + " ".repeat(shown.length() - 2) + "  2/2")
                    .doesNotContain("\t", "\u0007");
        }
    }
}
