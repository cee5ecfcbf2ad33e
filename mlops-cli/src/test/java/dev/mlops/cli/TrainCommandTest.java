package dev.mlops.cli;

import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.json.Json;
import dev.mlops.train.tracking.RunQuery;
import dev.mlops.train.tracking.RunRecord;
import dev.mlops.train.tracking.TrackingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mlops train} on the bundled credit-g data, with a real SQLite store in a temporary directory. */
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsBaselinesAndModelsTracksThemAndPrintsTheLeaderboard() {
        Path store = dir.resolve("store");

        CliRun run = mlops("train", CliRun.creditG().toString(), "--label", "class", "--store", store.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("label 'class' (classification); train 700, validation 150, test 150 rows")
                .contains("baseline-classifier(strategy=MOST_FREQUENT) [baseline]")
                .contains("logistic-regression(epochs=5, learningRate=1.0, minibatchSize=1)")
                .contains("cart(maxDepth=6, minChildWeight=5.0)")
                .contains("accuracy", "macro_f1", "auc", "log_loss", "lift")
                .contains("mlops runs list --experiment credit-g");
        try (TrackingStore tracking = TrackingStore.open(store)) {
            List<RunRecord> runs = tracking.search(RunQuery.in("credit-g").build());
            assertThat(runs).hasSize(5);
            assertThat(runs).allSatisfy(record -> assertThat(record.metrics()).containsKey("test.accuracy"));
        }
    }

    @Test
    void theModelsEncodingSaysWhichColumnsWereLeftOutAndWhereValuesWereImputed() throws Exception {
        StringBuilder csv = new StringBuilder("x,constant,class\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i % 10 == 3 ? "" : String.valueOf(i)).append(",7,").append(i < 50 ? "a" : "b").append('\n');
        }
        Path file = Files.writeString(dir.resolve("rows.csv"), csv.toString());

        CliRun run = mlops("train", file.toString(), "--label", "class", "--store", dir.resolve("store").toString(),
                "--model", "cart(maxDepth=2)");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Left out of the features: constant (constant in the training rows)\n")
                .containsPattern("Missing in the training rows, imputed: x \\([1-9][0-9]*\\)\n");
    }

    @Test
    void givenModelsAndTheJsonFormTheLeaderboardIsOneDocument() throws Exception {
        CliRun run = mlops("train", CliRun.creditG().toString(), "--label", "class", "--store",
                dir.resolve("store").toString(), "--model", "cart(maxDepth=3)", "--experiment", "trees", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode document = Json.reader().readTree(run.out());
        assertThat(document.get("kind").asText()).isEqualTo(TrainCommand.KIND);
        assertThat(document.get("experiment").asText()).isEqualTo("trees");
        assertThat(document.get("rows")).hasSize(4);
        assertThat(document.get("primaryMetric").asText()).isEqualTo("accuracy");
        assertThat(document.get("rows").findValuesAsText("experiment")).contains("cart(maxDepth=3, minChildWeight=5.0)");
        assertThat(document.get("sets").get("test").asInt()).isEqualTo(150);
    }

    @Test
    void aSplitFromMlopsSplitIsUsedAsItIs() {
        Path out = dir.resolve("split");
        CliRun split = mlops("split", CliRun.creditG().toString(), "--out", out.toString(), "--label", "class",
                "--seed", "3");
        assertThat(split.exitCode()).as(split.toString()).isZero();

        CliRun run = mlops("train", CliRun.creditG().toString(), "--label", "class", "--store",
                dir.resolve("store").toString(), "--split", out.resolve("split.json").toString(), "--model",
                "baseline-classifier");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("train 700, validation 150, test 150 rows");
    }

    @Test
    void aNumericLabelTrainsRegressionModels() throws Exception {
        Path file = Files.writeString(dir.resolve("line.csv"), line());

        CliRun run = mlops("train", file.toString(), "--label", "y", "--store", dir.resolve("store").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("(regression)", "linear-regression", "baseline-regressor(strategy=MEDIAN)",
                "rmse", "r2");
    }

    private static String line() {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 200; i++) {
            csv.append(i).append(',').append(2 * i + 1 + (i % 3)).append('\n');
        }
        return csv.toString();
    }

    @Test
    void badInputIsAClearErrorWithExitTwo() {
        CliRun noLabel = mlops("train", CliRun.creditG().toString(), "--label", "nope", "--store",
                dir.resolve("store").toString());
        CliRun badModel = mlops("train", CliRun.creditG().toString(), "--label", "class", "--store",
                dir.resolve("store").toString(), "--model", "no-such-model");
        CliRun missing = mlops("train", dir.resolve("absent.csv").toString(), "--label", "class");

        assertThat(noLabel.exitCode()).isEqualTo(2);
        assertThat(noLabel.err()).contains("--label nope is not a column").contains("checking_status");
        assertThat(badModel.exitCode()).isEqualTo(2);
        assertThat(badModel.err()).contains("no-such-model");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("absent.csv");
    }
}
