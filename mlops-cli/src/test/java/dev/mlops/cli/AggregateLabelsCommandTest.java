package dev.mlops.cli;

import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.CsvFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregateLabelsCommandTest {
    /** Three items: a clear majority, a 1-1 tie, and a unanimous München. */
    private static final String ANNOTATIONS = "item,worker,label\n"
            + "a,w1,cat\na,w2,cat\na,w3,dog\n"
            + "b,w1,cat\nb,w2,dog\n"
            + "c,w1,München\nc,w2,München\nc,w3,München\n";

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    private Table labels(Path out) {
        return CsvFormat.defaults().read(out);
    }

    @Nested
    class InputOptions {
        @Test
        void aSemicolonFileIsReadWithDelimiter() throws IOException {
            Path annotations = file("a.txt", ANNOTATIONS.replace(',', ';'));
            Path out = dir.resolve("labels.csv");

            CliRun run = mlops("aggregate-labels", annotations.toString(), "--out", out.toString(), "--delimiter", ";",
                    "--format", "csv");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Table labels = labels(out);
            assertThat(labels.rowCount()).isEqualTo(3);
            assertThat(labels.column("label").format(2)).isEqualTo("München");
        }

        @Test
        void withoutItTheColumnsAreNotFound() throws IOException {
            Path annotations = file("a.csv", ANNOTATIONS.replace(',', ';'));

            CliRun run = mlops("aggregate-labels", annotations.toString(), "--out", dir.resolve("labels.csv").toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: ").contains("item");
        }

        @Test
        void aMissingTokenIsAMissingLabelWhichIsRefused() throws IOException {
            Path annotations = file("a.csv", ANNOTATIONS.replace("b,w2,dog", "b,w2,none"));
            Path out = dir.resolve("labels.csv");

            CliRun run = mlops("aggregate-labels", annotations.toString(), "--out", out.toString(), "--missing", "none");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("is missing; every annotation needs an item, a worker and a label");
            assertThat(out).doesNotExist();
        }
    }

    @Nested
    class ErrorPlaces {
        @Test
        void aDuplicatePairIsNamedByFileAndPhysicalLine() throws IOException {
            Path annotations = file("dup.csv", "item,worker,label\na,w1,cat\na,w2,dog\nb,w1,cat\na,w1,dog\n");

            CliRun run = mlops("aggregate-labels", annotations.toString(), "--out", dir.resolve("labels.csv").toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains(annotations + " line 5: worker 'w1' labelled item 'a' again (first at "
                    + annotations + " line 2)").doesNotContain("table row");
        }

        @Test
        void aMissingLabelIsNamedByLineInJsonLines() throws IOException {
            Path annotations = file("a.jsonl", "{\"item\":\"a\",\"worker\":\"w1\",\"label\":\"cat\"}\n"
                    + "{\"item\":\"a\",\"worker\":\"w2\",\"label\":null}\n");

            CliRun run = mlops("aggregate-labels", annotations.toString(), "--out", dir.resolve("labels.csv").toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains(annotations + " line 2: column 'label' is missing");
        }

        @Test
        void whenARecordSpansLinesTheRowIsNamedInstead() throws IOException {
            Path annotations = file("multi.csv", "item,worker,label\n\"a\nb\",w1,cat\nc,w1,dog\nc,w1,dog\n");

            CliRun run = mlops("aggregate-labels", annotations.toString(), "--out", dir.resolve("labels.csv").toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains(annotations + " row 2 (0-based, the header not counted): worker 'w1'");
        }
    }

    @Nested
    class MajorityVote {
        @Test
        void writesOneLabelPerItemAndLeavesATieUnresolvedByDefault() throws IOException {
            Path out = dir.resolve("labels.csv");

            CliRun run = mlops("aggregate-labels", file("a.csv", ANNOTATIONS).toString(), "--out", out.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Table labels = labels(out);
            assertThat(labels.rowCount()).isEqualTo(3);
            assertThat(labels.column("item").format(0)).isEqualTo("a");
            assertThat(labels.column("label").format(0)).isEqualTo("cat");
            assertThat(labels.column("label").isMissing(1)).isTrue();
            assertThat(labels.column("unresolved").format(1)).isEqualToIgnoringCase("tie");
            assertThat(labels.column("label").format(2)).isEqualTo("München");
            assertThat(run.out()).contains("3 items, 3 workers", "resolved: 2 items; unresolved: 1 (tie: 1, too few votes: 0)",
                    "labels written to " + out);
        }

        @Test
        void aPreferredOrderResolvesTheTie() throws IOException {
            Path out = dir.resolve("labels.csv");

            CliRun run = mlops("aggregate-labels", file("a.csv", ANNOTATIONS).toString(), "--out", out.toString(),
                    "--tie", "prefer", "--prefer", "dog,cat");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(labels(out).column("label").format(1)).isEqualTo("dog");
        }

        @Test
        void aSeededRandomTieIsTheSameInEveryRun() throws IOException {
            Path input = file("a.csv", ANNOTATIONS);
            Path first = dir.resolve("first.csv");
            Path second = dir.resolve("second.csv");

            mlops("aggregate-labels", input.toString(), "--out", first.toString(), "--tie", "random", "--seed", "7");
            mlops("aggregate-labels", input.toString(), "--out", second.toString(), "--tie", "random", "--seed", "7");

            assertThat(labels(first).column("label").isMissing(1)).isFalse();
            assertThat(Files.readString(first)).isEqualTo(Files.readString(second));
        }

        @Test
        void tooFewVotesLeaveAnItemUnresolved() throws IOException {
            Path out = dir.resolve("labels.csv");

            CliRun run = mlops("aggregate-labels", file("a.csv", ANNOTATIONS).toString(), "--out", out.toString(),
                    "--min-votes", "3");

            assertThat(run.out()).contains("unresolved: 1 (tie: 0, too few votes: 1)");
        }
    }

    @Nested
    class Report {
        @Test
        void theJsonReportListsLowAgreementItemsAndWorkers() throws IOException {
            CliRun run = mlops("aggregate-labels", file("a.csv", ANNOTATIONS).toString(), "--out",
                    dir.resolve("labels.csv").toString(), "--json", "--low-agreement", "0.9");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode report = new ObjectMapper().readTree(run.out());
            assertThat(report.get("kind").asText()).isEqualTo("label-aggregation");
            assertThat(report.get("formatVersion").asInt()).isEqualTo(1);
            assertThat(report.get("annotations").asInt()).isEqualTo(8);
            assertThat(report.get("resolved").asInt()).isEqualTo(2);
            assertThat(report.get("lowAgreement").size()).isEqualTo(2);
            assertThat(report.get("lowAgreement").get(0).get("item").asText()).isEqualTo("a");
            assertThat(report.get("lowAgreement").get(0).get("agreement").asDouble()).isEqualTo(2.0 / 3.0);
            assertThat(report.get("aggregator")).isEqualTo(new ObjectMapper()
                    .readTree("{\"type\":\"majority-vote\",\"tie\":\"unresolved\",\"minVotes\":1}"));
        }

        @Test
        void anAggregatorSpecIsTheSameAsItsOptions() throws IOException {
            Path input = file("a.csv", ANNOTATIONS);
            Path byOptions = dir.resolve("options.csv");
            Path bySpec = dir.resolve("spec.csv");

            mlops("aggregate-labels", input.toString(), "--out", byOptions.toString(), "--tie", "random", "--seed", "7");
            CliRun run = mlops("aggregate-labels", input.toString(), "--out", bySpec.toString(), "--json",
                    "--aggregator", "majority-vote(tie=random, seed=7)");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(Files.readString(bySpec)).isEqualTo(Files.readString(byOptions));
            assertThat(new ObjectMapper().readTree(run.out()).get("aggregator")).isEqualTo(new ObjectMapper()
                    .readTree("{\"type\":\"majority-vote\",\"tie\":\"random\",\"seed\":7,\"minVotes\":1}"));
        }

        @Test
        void givenWeightsAreAddedToTheSpecAndReported() throws IOException {
            Path weights = file("weights.csv", "worker,weight\nw1,2\nw2,1\nw3,1\nw4,1\n");

            CliRun run = mlops("aggregate-labels", file("a.csv", ANNOTATIONS).toString(), "--out",
                    dir.resolve("labels.csv").toString(), "--aggregator", "weighted-vote(tie=prefer, prefer=[dog])",
                    "--weights", weights.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("aggregator: weighted-vote(weights=[{worker=w1, weight=2.0}, {worker=w2,"
                    + " weight=1.0}, {worker=w3, weight=1.0}, {worker=w4, weight=1.0}], tie=prefer, prefer=[dog],"
                    + " minVotes=1)");
        }

        @Test
        void majorityVoteSaysWorkerQualityIsNotEstimated() throws IOException {
            CliRun run = mlops("aggregate-labels", file("a.csv", ANNOTATIONS).toString(), "--out",
                    dir.resolve("labels.csv").toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("worker quality: not estimated (majority-vote rates no workers)")
                    .doesNotContain("at or below chance");
        }

        @Test
        void aPreferredLabelTheAnnotationsLackIsBadInput() throws IOException {
            CliRun run = mlops("aggregate-labels", file("a.csv", ANNOTATIONS).toString(), "--out",
                    dir.resolve("labels.csv").toString(), "--tie", "prefer", "--prefer", "dog,bird");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("'bird'", "[München, cat, dog]");
            assertThat(dir.resolve("labels.csv")).doesNotExist();
        }

        /** 200 items of yes or no; w0 to w3 right 85 % of the time, w-yes answering yes 95 % of the time. */
        private Path biasedCrowd() throws IOException {
            StringBuilder csv = new StringBuilder("item,worker,label\n");
            SplittableRandom random = new SplittableRandom(14);
            String[] classes = {"yes", "no"};
            for (int item = 0; item < 200; item++) {
                int truth = random.nextBoolean() ? 0 : 1;
                for (int worker = 0; worker < 4; worker++) {
                    int label = random.nextDouble() < 0.85 ? truth : 1 - truth;
                    csv.append("i").append(item).append(",w").append(worker).append(',').append(classes[label]).append('\n');
                }
                csv.append("i").append(item).append(",w-yes,").append(random.nextDouble() < 0.95 ? "yes" : "no").append('\n');
            }
            return file("biased.csv", csv.toString());
        }

        @Test
        void dawidSkeneTakesItsIterationSettingsAndReportsPriorsAndBiasedWorkers() throws IOException {
            Path input = biasedCrowd();

            CliRun text = mlops("aggregate-labels", input.toString(), "--method", "dawid-skene", "--out",
                    dir.resolve("labels.csv").toString(), "--max-iterations", "7", "--tolerance", "0.001");
            CliRun json = mlops("aggregate-labels", input.toString(), "--method", "dawid-skene", "--out",
                    dir.resolve("labels.csv").toString(), "--max-iterations", "7", "--tolerance", "0.001", "--json");

            assertThat(text.exitCode()).as(text.toString()).isZero();
            assertThat(text.out()).contains("maxIterations=7, tolerance=0.001", "workers biased toward one answer: w-yes (yes)");
            JsonNode report = new ObjectMapper().readTree(json.out());
            assertThat(report.get("aggregator").get("maxIterations").asInt()).isEqualTo(7);
            assertThat(report.get("iterations").asInt()).isBetween(1, 7);
            assertThat(report.get("priors").size()).isEqualTo(2);
            assertThat(report.get("priors").get("yes").asDouble() + report.get("priors").get("no").asDouble())
                    .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        }

        @Test
        void theIterationOptionsAreRefusedForMajorityVoteAndBesideASpec() throws IOException {
            Path input = file("a.csv", ANNOTATIONS);

            CliRun majority = mlops("aggregate-labels", input.toString(), "--out", dir.resolve("labels.csv").toString(),
                    "--max-iterations", "5");
            CliRun spec = mlops("aggregate-labels", input.toString(), "--out", dir.resolve("labels.csv").toString(),
                    "--aggregator", "dawid-skene()", "--tolerance", "0.01");

            assertThat(majority.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(majority.err()).contains("--max-iterations applies to an aggregator with the setting 'maxIterations', such as dawid-skene");
            assertThat(spec.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(spec.err()).contains("--tolerance cannot be combined with --aggregator");
        }

        @Test
        void dawidSkeneFlagsASpammerAndWritesWorkerQuality() throws IOException {
            StringBuilder csv = new StringBuilder("item,worker,label\n");
            SplittableRandom random = new SplittableRandom(11);
            String[] classes = {"yes", "no"};
            for (int item = 0; item < 400; item++) {
                int truth = random.nextDouble() < 0.6 ? 0 : 1;
                for (int worker = 0; worker < 5; worker++) {
                    int label = worker == 4 ? random.nextInt(2) : random.nextDouble() < 0.85 ? truth : 1 - truth;
                    csv.append("i").append(item).append(",w").append(worker).append(',').append(classes[label]).append('\n');
                }
            }
            Path workers = dir.resolve("workers.csv");

            CliRun run = mlops("aggregate-labels", file("crowd.csv", csv.toString()).toString(), "--method", "dawid-skene",
                    "--out", dir.resolve("labels.csv").toString(), "--workers", workers.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("aggregator: dawid-skene(tie=unresolved, minVotes=1, maxIterations=100", "converged", "workers at or below chance: w4");
            assertThat(CsvFormat.defaults().read(workers).rowCount()).isEqualTo(5);
        }

        @Test
        void weightsFromGoldItemsAreLearned() throws IOException {
            Path gold = file("gold.csv", "item,label\na,cat\nc,München\n");
            Path out = dir.resolve("labels.jsonl");

            CliRun run = mlops("aggregate-labels", file("a.csv", ANNOTATIONS).toString(), "--method", "weighted",
                    "--gold", gold.toString(), "--out", out.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(Files.readString(out)).startsWith("{\"item\":\"a\"");
        }
    }

    @Nested
    class BadInput {
        @Test
        void aDuplicateItemWorkerPairIsExitTwoWithTheRows() throws IOException {
            CliRun run = mlops("aggregate-labels", file("dup.csv", "item,worker,label\na,w1,cat\na,w1,dog\n").toString(),
                    "--out", dir.resolve("labels.csv").toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("mlops: ").contains("w1").doesNotContain("\tat ");
            assertThat(dir.resolve("labels.csv")).doesNotExist();
        }

        @Test
        void weightedVoteNeedsGoldOrWeights() throws IOException {
            CliRun run = mlops("aggregate-labels", file("a.csv", ANNOTATIONS).toString(), "--method", "weighted",
                    "--out", dir.resolve("labels.csv").toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("weighted-vote", "exactly one of weights (each worker's weight) and gold");
        }

        @Test
        void anUnknownMethodNamesTheChoices() throws IOException {
            CliRun run = mlops("aggregate-labels", file("a.csv", ANNOTATIONS).toString(), "--method", "vote",
                    "--out", dir.resolve("labels.csv").toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--method 'vote' names no aggregator type; the types are dawid-skene, majority-vote,"
                    + " weighted-vote");
        }

        @Test
        void aMissingLabelColumnNamesTheColumns() throws IOException {
            CliRun run = mlops("aggregate-labels", file("a.csv", "item,worker,answer\na,w1,cat\n").toString(),
                    "--out", dir.resolve("labels.csv").toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("no column named 'label'", "answer");
        }

        @Test
        void anAggregatorSpecRefusesTheOptionsItReplaces() throws IOException {
            CliRun run = mlops("aggregate-labels", file("a.csv", ANNOTATIONS).toString(), "--aggregator", "majority-vote",
                    "--tie", "random", "--out", dir.resolve("labels.csv").toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--tie cannot be combined with --aggregator");
        }

        @Test
        void aBadSettingInTheSpecIsNamed() throws IOException {
            CliRun run = mlops("aggregate-labels", file("a.csv", ANNOTATIONS).toString(), "--aggregator",
                    "dawid-skene(maxIterations=0)", "--out", dir.resolve("labels.csv").toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("dawid-skene(maxIterations=0)", "maxIterations must be at least 1 but was 0")
                    .doesNotContain("\tat ");
        }

        @Test
        void goldNeedsAnAggregatorWithGoldLabels() throws IOException {
            CliRun run = mlops("aggregate-labels", file("a.csv", ANNOTATIONS).toString(), "--gold",
                    file("gold.csv", "item,label\na,cat\n").toString(), "--out", dir.resolve("labels.csv").toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--gold applies to an aggregator with the setting 'gold'",
                    "LabelAggregator 'majority-vote' has none");
        }

        @Test
        void preferNeedsAnOrder() throws IOException {
            CliRun run = mlops("aggregate-labels", file("a.csv", ANNOTATIONS).toString(), "--tie", "prefer",
                    "--out", dir.resolve("labels.csv").toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--tie prefer needs --prefer");
        }
    }
}
