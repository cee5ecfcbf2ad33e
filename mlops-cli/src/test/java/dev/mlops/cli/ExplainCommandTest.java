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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mlops explain} on runs that {@code mlops train} made of the bundled credit-g data. */
class ExplainCommandTest {
    @TempDir
    Path dir;

    Path store;
    String tree;

    @BeforeEach
    void train() {
        store = dir.resolve("store");
        CliRun run = mlops("train", CliRun.creditG().toString(), "--label", "class", "--store", store.toString(),
                "--model", "cart(maxDepth=4)");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        try (TrackingStore tracking = TrackingStore.open(store)) {
            tree = tracking.search(RunQuery.in("credit-g").build()).stream()
                    .filter(record -> record.info().name().startsWith("cart")).map(RunRecord::id).findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void printsEachFeaturesPermutationImportanceAndMeanAbsoluteShap() {
        CliRun run = mlops("explain", tree.substring(0, 8), CliRun.creditG().toString(), "--store", store.toString(),
                "--class", "bad", "--rows", "10", "--samples", "16", "--repeats", "3");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("cart(maxDepth=4, minChildWeight=5.0), trained again from its spec, seed and split")
                .contains("drop of accuracy on the validation rows").contains("the log-odds of 'bad'")
                .contains("checking_status", "credit_amount", "importance", "mean|SHAP|");
        assertThat(run.outLines().stream().filter(line -> line.matches("[a-z_]+ +-?[0-9.]+ +\\[.*\\] +[0-9.]+ +[0-9.]+")))
                .hasSize(20);
    }

    @Test
    void theJsonFormIsOneDocumentAndTheSameSeedGivesTheSameNumbers() throws Exception {
        String[] args = {"explain", tree, CliRun.creditG().toString(), "--store", store.toString(), "--rows", "5",
            "--samples", "8", "--repeats", "2", "--json"};

        CliRun first = mlops(args);
        CliRun second = mlops(args);

        assertThat(first.exitCode()).as(first.toString()).isZero();
        JsonNode document = Json.reader().readTree(first.out());
        assertThat(document.get("kind").asText()).isEqualTo(ExplainCommand.KIND);
        assertThat(document.get("features")).hasSize(20);
        assertThat(document.get("explained").asText()).startsWith("the log-odds of ");
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void otherDataOrAnUnknownClassIsAClearError() throws Exception {
        Path other = Files.writeString(dir.resolve("other.csv"), String.join("\n",
                Files.readAllLines(CliRun.creditG()).subList(0, 500)) + "\n");

        CliRun wrongData = mlops("explain", tree, other.toString(), "--store", store.toString());
        CliRun wrongClass = mlops("explain", tree, CliRun.creditG().toString(), "--store", store.toString(), "--class",
                "maybe");
        CliRun badRows = mlops("explain", tree, CliRun.creditG().toString(), "--store", store.toString(), "--rows", "0");

        assertThat(wrongData.exitCode()).isEqualTo(2);
        assertThat(wrongData.err()).contains("is not the data run " + tree + " was trained on");
        assertThat(wrongClass.exitCode()).isEqualTo(2);
        assertThat(wrongClass.err()).contains("--class maybe is not one of the model's classes");
        assertThat(badRows.exitCode()).isEqualTo(2);
    }
}
