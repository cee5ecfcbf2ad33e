package dev.mlops.cli;

import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.data.io.Compression;
import dev.mlops.monitor.capture.CaptureRecord;
import dev.mlops.monitor.capture.CaptureStage;
import dev.mlops.monitor.capture.CaptureWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorCommandTest {
    private static final Instant DAY0 = Instant.parse("2026-11-02T00:00:00Z");
    private static final String[] CITIES = {"Berlin", "Hamburg", "München"};

    @TempDir
    Path dir;
    private Path baseline;
    private Path capture;
    private Path labels;

    /**
     * A baseline of 2,000 training rows (age about 40 ± 10, three cities); two days of 500 requests,
     * the second day's applicants 20 years older; labels for every request, the second day's
     * predictions right only half the time.
     */
    @BeforeEach
    void trainingAndTwoDaysOfRequests() throws IOException {
        SplittableRandom random = new SplittableRandom(17);
        StringBuilder train = new StringBuilder("age,city\n");
        for (int i = 0; i < 2_000; i++) {
            train.append(String.format(Locale.ROOT, "%.3f,%s\n", 40 + 10 * random.nextGaussian(),
                    CITIES[random.nextInt(3)]));
        }
        Path trainFile = Files.writeString(dir.resolve("train.csv"), train.toString(), StandardCharsets.UTF_8);
        baseline = dir.resolve("baseline");
        assertThat(mlops("baseline", trainFile.toString(), "--out", baseline.toString()).exitCode())
                .isEqualTo(MlopsCommand.EXIT_OK);
        capture = dir.resolve("capture");
        StringBuilder truth = new StringBuilder("inferenceId,label\n");
        try (CaptureWriter writer = CaptureWriter.builder(capture).build()) {
            for (int day = 0; day < 2; day++) {
                for (int i = 0; i < 500; i++) {
                    String id = "d" + day + "-" + i;
                    Instant time = DAY0.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(2L * i));
                    writer.write(new CaptureRecord(id, time, "credit-v1", CaptureStage.BEFORE_PREPROCESSING,
                            Map.of("age", 40 + 20 * day + 10 * random.nextGaussian(), "city", CITIES[random.nextInt(3)]),
                            Map.of()));
                    writer.write(new CaptureRecord(id, time, "credit-v1", CaptureStage.AFTER_MODEL, Map.of(),
                            Map.of("prediction", "good")));
                    truth.append(id).append(',').append(day == 1 && i % 2 == 1 ? "bad" : "good").append('\n');
                }
            }
        }
        labels = Files.writeString(dir.resolve("labels.csv"), truth.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void theOlderSecondDayFailsItsWindowAndTheReportIsWritten() throws IOException {
        Path report = dir.resolve("report");

        CliRun run = mlops("monitor", capture.toString(), "--baseline", baseline.toString(), "--html",
                report.toString());

        assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
        assertThat(run.out()).startsWith("2 windows (");
        assertThat(run.out()).contains("of stage 'before-preprocessing'; 2000 capture records read, 0 bad lines, 0 "
                + "torn lines\n");
        assertThat(run.out()).contains("2026-11-02T00:00:00Z     500 rows  ok\n");
        assertThat(run.out()).contains("2026-11-03T00:00:00Z     500 rows  FAILED\n    error: ");
        assertThat(run.out()).containsPattern("error: [^\\n]*'age'");
        assertThat(run.out()).doesNotContainPattern("error: [^\\n]*'city'");
        assertThat(run.out()).endsWith("FAILED: 1 of 2 windows\n");
        assertThat(run.err()).isEqualTo("Report: " + report.resolve("report.html").toAbsolutePath()
                + " (open it in a browser), data in report.json\n");
        JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
        assertThat(json.get("timelines")).hasSize(2);
        assertThat(json.get("timelines").get(0).get("feature").asText()).isEqualTo("age");
        assertThat(json.get("timelines").get(0).get("points")).hasSize(2);
        assertThat(Files.readString(report.resolve("report.html"), StandardCharsets.UTF_8)).contains("<svg");
    }

    @Test
    void lateLabelsGiveQualityPerWindowAgainstTheTrainingMetric() throws IOException {
        CliRun run = mlops("monitor", capture.toString(), "--baseline", baseline.toString(), "--ground-truth",
                labels.toString(), "--training-metric", "accuracy=0.9", "--json");

        assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode accuracy = null;
        for (JsonNode series : json.get("quality")) {
            if (series.get("metric").asText().equals("accuracy")) {
                accuracy = series;
            }
        }
        assertThat(accuracy).isNotNull();
        assertThat(accuracy.get("baseline").asDouble()).isEqualTo(0.9);
        assertThat(accuracy.get("points")).hasSize(2);
        assertThat(accuracy.get("points").get(0).get("value").asDouble()).isEqualTo(1.0);
        assertThat(accuracy.get("points").get(1).get("value").asDouble()).isEqualTo(0.5);
    }

    @Test
    void theTextNamesTheJoinedLabelsAndTheWorseWindow() {
        CliRun run = mlops("monitor", capture.toString(), "--baseline", baseline.toString(), "--ground-truth",
                labels.toString(), "--training-metric", "accuracy=0.9");

        assertThat(run.out()).contains("quality: 1000 labels joined, 0 for unknown inference ids, 0 bad lines\n");
        assertThat(run.out()).containsPattern("2026-11-03T00:00:00Z +500 labelled +accuracy 0\\.5000[^\\n]*WORSE than "
                + "training\n");
    }

    @Test
    void gzipLabelsJoinAsThePlainFilesDo() throws IOException {
        Path gzip = dir.resolve("labels.csv.gz");
        try (OutputStream out = Compression.GZIP.compress(Files.newOutputStream(gzip))) {
            out.write(Files.readAllBytes(labels));
        }

        CliRun plain = mlops("monitor", capture.toString(), "--baseline", baseline.toString(), "--ground-truth",
                labels.toString(), "--training-metric", "accuracy=0.9");
        CliRun compressed = mlops("monitor", capture.toString(), "--baseline", baseline.toString(), "--ground-truth",
                gzip.toString(), "--training-metric", "accuracy=0.9");

        assertThat(compressed.out()).contains("quality: 1000 labels joined, 0 for unknown inference ids, 0 bad lines\n")
                .isEqualTo(plain.out());
        assertThat(compressed.exitCode()).isEqualTo(plain.exitCode());
    }

    @Test
    void windowsByCountAreCountedInRecordsOfTheStage() {
        CliRun run = mlops("monitor", capture.toString(), "--baseline", baseline.toString(), "--window-rows", "250");

        assertThat(run.out()).startsWith("4 windows (");
        assertThat(run.out()).endsWith("FAILED: 2 of 4 windows\n");
    }

    @Test
    void recordsAfterTheirWindowClosedAndLongGapsAreNamed() throws IOException {
        try (CaptureWriter writer = CaptureWriter.builder(dir.resolve("capture")).build()) {
            writer.write(new CaptureRecord("straggler", DAY0.plusSeconds(60), "credit-v1",
                    CaptureStage.BEFORE_PREPROCESSING, Map.of("age", 41.0, "city", "Berlin"), Map.of()));
            writer.write(new CaptureRecord("far-off", DAY0.plus(Duration.ofDays(5_000)), "credit-v1",
                    CaptureStage.BEFORE_PREPROCESSING, Map.of("age", 41.0, "city", "Berlin"), Map.of()));
        }

        CliRun run = mlops("monitor", capture.toString(), "--baseline", baseline.toString());

        assertThat(run.out()).contains("1 records came after their window had closed and were left out (first: "
                + "straggler)\n");
        assertThat(run.out()).contains("4998 empty windows in gaps of more than 1000 were skipped\n");
    }

    @Test
    void contradictoryOrIncompleteOptionsAreUsageErrors() {
        CliRun both = mlops("monitor", capture.toString(), "--baseline", baseline.toString(), "--window", "1h",
                "--window-rows", "10");
        assertThat(both.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
        assertThat(both.err()).contains("--window and --window-rows exclude each other");

        CliRun noTruth = mlops("monitor", capture.toString(), "--baseline", baseline.toString(), "--training-metric",
                "accuracy=0.9");
        assertThat(noTruth.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
        assertThat(noTruth.err()).contains("--training-metric, --trained-at and --regression need --ground-truth");

        CliRun noRows = mlops("monitor", capture.toString(), "--baseline", baseline.toString(), "--window-rows", "0");
        assertThat(noRows.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
        assertThat(noRows.err()).contains("--window-rows must be at least 1 but was 0");
    }

    @Test
    void aCaptureDirectoryThatIsNotThereIsBadInputNamingIt() {
        Path absent = dir.resolve("nothing-here");

        CliRun run = mlops("monitor", absent.toString(), "--baseline", baseline.toString());

        assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains(absent + ": not a directory of capture files");
    }
}
