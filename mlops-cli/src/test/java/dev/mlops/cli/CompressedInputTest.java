package dev.mlops.cli;

import static dev.mlops.cli.CliRun.creditG;
import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.data.io.Compression;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.JsonLinesFormat;
import dev.mlops.train.tracking.RunQuery;
import dev.mlops.train.tracking.RunRecord;
import dev.mlops.train.tracking.TrackingStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that reads a table reads it compressed (gzip, zstd, bzip2, xz) as it reads the
 * plain file, and the files a command writes in the format it read keep the compression. Each
 * command is run on a compressed file and on the plain one, and says the same but for the name.
 */
class CompressedInputTest {
    private static final String CITIES = "city,amount\nMünchen,10\nSão Paulo,12.5\nHamburg,-3\nMünchen,\nBerlin,7\n";

    @TempDir
    static Path shared;

    static Path model;
    static Path store;
    static String trainOutput;
    /** The sets that {@code mlops split} writes of the plain credit-g with seed 7. */
    static Path plainSets;

    @TempDir
    Path dir;

    /** Writes the text compressed as the name says. */
    static Path compressed(Path file, byte[] text) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Compression.forName(file).compress(Files.newOutputStream(file))) {
            out.write(text);
        }
        return file;
    }

    static Path compressedCreditG(Path directory, String extension) throws IOException {
        return compressed(directory.resolve("credit-g.csv" + extension), Files.readAllBytes(creditG()));
    }

    static String uncompressed(Path file) throws IOException {
        try (InputStream in = Compression.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static CliRun ok(CliRun run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    /**
     * The compressed run says what the plain one says, with the compressed files' names for the plain
     * ones' (pairs of paths: the compressed run's, then the plain run's) and another time of creation.
     */
    private static void sameBut(CliRun compressed, CliRun plain, Path... paths) {
        String expected = plain.out();
        for (int i = 0; i < paths.length; i += 2) {
            expected = expected.replace(paths[i + 1].toString(), paths[i].toString());
        }
        assertThat(compressed.exitCode()).as(compressed.toString()).isEqualTo(plain.exitCode());
        assertThat(withoutTimes(compressed.out())).isEqualTo(withoutTimes(expected));
    }

    private static String withoutTimes(String text) {
        return text.replaceAll("created \\S+Z", "created");
    }

    @BeforeAll
    static void splitAndTrainOnZstd() throws IOException {
        model = shared.resolve("cart.model");
        store = shared.resolve("store");
        Path data = compressedCreditG(shared, ".zst");
        plainSets = shared.resolve("plain-sets");
        ok(mlops("split", creditG().toString(), "--out", plainSets.toString(), "--label", "class", "--seed", "7"));
        trainOutput = ok(mlops("train", data.toString(), "--label", "class", "--store", store.toString(), "--model",
                "cart(maxDepth=2)", "--save-model", model.toString())).out();
    }

    /** The reproduction, and the names that choose a type after the compression's extension. */
    @Nested
    class Schema {
        static Stream<Arguments> names() {
            String csv = "id,city\n1,Bonn\n2,München\n3,NA\n";
            String jsonl = "{\"id\": 1, \"city\": \"Bonn\"}\n{\"id\": 2, \"city\": \"München\"}\n{\"id\": 3}\n";
            return Stream.of(Arguments.of("data.csv.gz", csv, List.of()), Arguments.of("data.csv.zst", csv, List.of()),
                    Arguments.of("data.CSV.BZ2", csv, List.of()), Arguments.of("data.csv.xz", csv, List.of()),
                    Arguments.of("rows.jsonl.zst", jsonl, List.of()), Arguments.of("x.ndjson.bz2", jsonl, List.of()),
                    Arguments.of("data.tsv.xz", csv.replace(',', '\t'), List.of("--delimiter", "tab")),
                    Arguments.of("rows.txt.gz", jsonl, List.of("--format", "jsonl")));
        }

        @ParameterizedTest
        @MethodSource("names")
        void aCompressedFileHasThePlainFilesSchema(String name, String text, List<String> options) throws IOException {
            Path file = compressed(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
            Path plain = Files.writeString(dir.resolve("plain-" + Compression.withoutExtension(name)), text,
                    StandardCharsets.UTF_8);

            CliRun run = mlops(args("schema", file, options));

            assertThat(run.outLines()).as(run.toString()).containsExactly(file + ": 3 rows, 2 columns",
                    "  1  id    numeric      0 missing", "  2  city  categorical  1 missing");
            sameBut(run, mlops(args("schema", plain, options)), file, plain);
        }

        @Test
        void aDamagedArchiveIsBadInputNamingTheFileAndLine() throws IOException {
            byte[] data = Files.readAllBytes(compressedCreditG(dir, ".gz"));
            Path cut = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(data, data.length / 2));

            CliRun run = mlops("schema", cut.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).startsWith("mlops: " + cut + " line ").contains("the gzip data ends early or is corrupt")
                    .doesNotContain("\tat ");
        }

        private static String[] args(String command, Path file, List<String> options) {
            List<String> all = new ArrayList<>(List.of(command, file.toString()));
            all.addAll(options);
            return all.toArray(String[]::new);
        }
    }

    @Nested
    class WrittenInTheFormatRead {
        @ParameterizedTest
        @CsvSource({".csv.gz, '', .csv.gz", ".csv.bz2, '', .csv.bz2", ".txt.zst, jsonl, .jsonl.zst",
            ".csv, 'csv(compression=xz)', .csv.xz", ".csv.gz, 'csv(compression=none)', .csv"})
        void splitWritesEachSetCompressedAsTheInputIs(String inputExtension, String format, String setExtension)
                throws IOException {
            Path data = inputExtension.startsWith(".txt") ? jsonLinesCreditG(inputExtension)
                    : compressedCreditG(dir, inputExtension);
            Path out = dir.resolve("sets");
            List<String> args = new ArrayList<>(List.of("split", data.toString(), "--out", out.toString(), "--label",
                    "class", "--seed", "7"));
            if (!format.isEmpty()) {
                args.addAll(List.of("--format", format));
            }

            ok(mlops(args.toArray(String[]::new)));

            for (String set : List.of("train", "validation", "test")) {
                Path written = out.resolve(set + setExtension);
                assertThat(Compression.of(written)).as(set).isEqualTo(Compression.forName(written));
                String plain = Files.readString(plainSets.resolve(set + ".csv"), StandardCharsets.UTF_8);
                if (setExtension.startsWith(".jsonl")) {
                    assertThat(uncompressed(written).lines()).as(set).hasSize((int) plain.lines().count() - 1);
                } else {
                    assertThat(uncompressed(written)).as(set).isEqualTo(plain);
                }
            }
        }

        private Path jsonLinesCreditG(String extension) {
            Path jsonl = dir.resolve("credit-g" + extension);
            JsonLinesFormat.builder().compression(Compression.forName(jsonl)).build()
                    .write(CsvFormat.defaults().read(creditG()), jsonl);
            return jsonl;
        }

        @Test
        void checkQuarantinesTheOriginalRowsIntoFilesCompressedAsTheInput() throws IOException {
            Path suite = Files.writeString(dir.resolve("suite.json"), "{\"kind\": \"check-suite\", \"formatVersion\": 1,"
                    + " \"name\": \"cities\", \"checks\": [{\"type\": \"completeness\", \"column\": \"amount\"},"
                    + " {\"type\": \"range\", \"column\": \"amount\", \"min\": 0}]}", StandardCharsets.UTF_8);
            Path plain = Files.writeString(dir.resolve("cities.csv"), CITIES, StandardCharsets.UTF_8);
            Path xz = compressed(dir.resolve("in").resolve("cities.csv.xz"), CITIES.getBytes(StandardCharsets.UTF_8));
            Path plainOut = Files.createDirectories(dir.resolve("plain-quarantine"));
            Path out = Files.createDirectories(dir.resolve("quarantine"));

            CliRun run = mlops("check", xz.toString(), "--suite", suite.toString(), "--quarantine", out.toString());
            CliRun plainRun = mlops("check", plain.toString(), "--suite", suite.toString(), "--quarantine",
                    plainOut.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(withoutTimes(run.out())).isEqualTo(withoutTimes(plainRun.out().replace(plain.toString(),
                    xz.toString()).replace(plainOut.resolve("cities.").toString(), out.resolve("cities.").toString())
                    .replaceAll("(cities\\.[a-z.]+)\\.csv", "$1.csv.xz")));
            for (String name : List.of("passing", "quarantined", "quarantined.reasons")) {
                Path written = out.resolve("cities." + name + ".csv.xz");
                assertThat(Compression.of(written)).as(name).isEqualTo(Compression.XZ);
                assertThat(uncompressed(written)).as(name).isEqualTo(Files.readString(
                        plainOut.resolve("cities." + name + ".csv"), StandardCharsets.UTF_8));
            }
            assertThat(uncompressed(out.resolve("cities.quarantined.csv.xz")))
                    .isEqualTo("city,amount\nHamburg,-3\nMünchen,\n");
        }

        @Test
        void aggregateLabelsWritesCompressedAsTheOutputsNameSays() throws IOException {
            String annotations = "item,worker,label\na,w1,cat\na,w2,cat\na,w3,dog\nc,w1,München\nc,w2,München\n";
            Path gz = compressed(dir.resolve("annotations.csv.gz"), annotations.getBytes(StandardCharsets.UTF_8));
            Path plain = Files.writeString(dir.resolve("annotations.csv"), annotations, StandardCharsets.UTF_8);
            Path out = dir.resolve("labels.csv.zst");
            Path plainOut = dir.resolve("labels.csv");

            sameBut(mlops("aggregate-labels", gz.toString(), "--out", out.toString()),
                    ok(mlops("aggregate-labels", plain.toString(), "--out", plainOut.toString())), gz, plain, out,
                    plainOut);

            assertThat(Compression.of(out)).isEqualTo(Compression.ZSTD);
            assertThat(uncompressed(out)).isEqualTo(Files.readString(plainOut, StandardCharsets.UTF_8));
        }

        @Test
        void featuresIngestAndJoinReadCompressedFilesAndWriteAsTheOutputsNameSays() throws IOException {
            Path features = dir.resolve("features");
            Path group = Files.writeString(dir.resolve("customer.json"), "{\"kind\": \"feature-group\", "
                    + "\"formatVersion\": 1, \"name\": \"customer\", \"entityKey\": \"customer_id\", \"eventTime\": "
                    + "\"observed_at\", \"owner\": \"risk\", \"features\": [{\"name\": \"age\", \"type\": \"numeric\"}]}",
                    StandardCharsets.UTF_8);
            Path records = compressed(dir.resolve("customer.csv.bz2"), ("customer_id,observed_at,age\n"
                    + "c-1,2026-11-01T00:00:00Z,30\nc-2,2026-11-02T00:00:00Z,41\n").getBytes(StandardCharsets.UTF_8));
            Path rows = compressed(dir.resolve("applications.csv.gz"), ("application,customer_id,applied_at\n"
                    + "a1,c-1,2026-11-05T00:00:00Z\na2,c-2,2026-10-01T00:00:00Z\n").getBytes(StandardCharsets.UTF_8));
            Path out = dir.resolve("training.csv.xz");
            String[] writer = {"--store", features.toString(), "--principal", "alice", "--role", "feature-writer"};

            ok(mlops(concat(new String[] {"features", "define", group.toString()}, writer)));
            assertThat(ok(mlops(concat(new String[] {"features", "ingest", "customer", records.toString()}, writer)))
                    .out()).startsWith("ingested 2 records into customer");
            ok(mlops("features", "join", rows.toString(), "--prediction-time", "applied_at", "--features",
                    "customer:age", "--output", out.toString(), "--store", features.toString()));

            assertThat(Compression.of(out)).isEqualTo(Compression.XZ);
            assertThat(uncompressed(out)).isEqualTo("application,customer_id,applied_at,age\n"
                    + "a1,c-1,2026-11-05T00:00:00Z,30\na2,c-2,2026-10-01T00:00:00Z,\n");
        }

        private static String[] concat(String[] first, String[] second) {
            String[] all = Arrays.copyOf(first, first.length + second.length);
            System.arraycopy(second, 0, all, first.length, second.length);
            return all;
        }
    }

    /** The commands that read a table and report on it: the same report from a compressed file. */
    @Nested
    class Reports {
        @Test
        void profileOfBzip2() throws IOException {
            Path bz2 = compressedCreditG(dir, ".bz2");

            sameBut(mlops("profile", bz2.toString()), ok(mlops("profile", creditG().toString())), bz2, creditG());
        }

        @Test
        void baselineAndDriftOfGzipAndXz() throws IOException {
            Path gz = compressedCreditG(dir, ".gz");
            Path xz = compressedCreditG(dir, ".xz");
            Path baseline = dir.resolve("baseline.json");
            Path plainBaseline = dir.resolve("plain-baseline.json");

            sameBut(mlops("baseline", gz.toString(), "--out", baseline.toString()),
                    ok(mlops("baseline", creditG().toString(), "--out", plainBaseline.toString())), gz, creditG(),
                    baseline, plainBaseline);
            sameBut(mlops("drift", "--reference", baseline.toString(), "--current", xz.toString()),
                    ok(mlops("drift", "--reference", plainBaseline.toString(), "--current", creditG().toString())), xz,
                    creditG());
        }

        @Test
        void suggestOfZstd() throws IOException {
            Path zst = compressedCreditG(dir, ".zst");
            Path suite = dir.resolve("suite.json");
            Path plainSuite = dir.resolve("plain-suite.json");

            ok(mlops("suggest", zst.toString(), "--out", suite.toString()));
            ok(mlops("suggest", creditG().toString(), "--out", plainSuite.toString()));

            assertThat(Files.readString(suite).replace(zst.toString(), creditG().toString()))
                    .isEqualTo(Files.readString(plainSuite));
        }

        @Test
        void leakageOfXzAgainstASplitOfThePlainFile() throws IOException {
            Path xz = compressedCreditG(dir, ".xz");
            Path sets = dir.resolve("sets");
            ok(mlops("split", creditG().toString(), "--out", sets.toString(), "--label", "class", "--seed", "3"));
            Path split = sets.resolve("split.json");

            sameBut(mlops("leakage", xz.toString(), "--split", split.toString(), "--label", "class"),
                    mlops("leakage", creditG().toString(), "--split", split.toString(), "--label", "class"), xz,
                    creditG());
        }
    }

    /** The commands that read a table with a model. */
    @Nested
    class Models {
        @Test
        void trainReadsZstdAndNamesTheExperimentWithoutTheExtensions() {
            // the numbers are the plain file's: explain below retrains the run only on data of its fingerprint
            assertThat(trainOutput).startsWith(shared.resolve("credit-g.csv.zst") + ": 1000 rows; label 'class' "
                    + "(classification); train 700, validation 150, test 150 rows")
                    .contains("Runs: experiment 'credit-g' in ");
        }

        @Test
        void gateValidatesOnBzip2() throws IOException {
            Path bz2 = compressedCreditG(dir, ".bz2");
            String[] options = {"--candidate", model.toString(), "--production", model.toString(), "--label", "class"};

            sameBut(mlops(concatValidation(options, bz2)), ok(mlops(concatValidation(options, creditG()))), bz2,
                    creditG());
        }

        private static String[] concatValidation(String[] options, Path validation) {
            List<String> all = new ArrayList<>(List.of("gate"));
            all.addAll(List.of(options));
            all.addAll(List.of("--validation", validation.toString()));
            return all.toArray(String[]::new);
        }

        @Test
        void serveBatchPredictsAGzipInputAndRefusesACompressedOutput() throws IOException {
            Path gz = compressedCreditG(dir, ".gz");
            Path out = dir.resolve("predictions.csv");
            Path plainOut = dir.resolve("plain-predictions.csv");

            CliRun run = ok(mlops("serve-batch", model.toString(), gz.toString(), "--out", out.toString(), "--keep",
                    "class", "--quiet"));
            ok(mlops("serve-batch", model.toString(), creditG().toString(), "--out", plainOut.toString(), "--keep",
                    "class", "--quiet"));
            CliRun refused = mlops("serve-batch", model.toString(), gz.toString(), "--out",
                    dir.resolve("predictions.csv.gz").toString(), "--quiet");

            assertThat(run.out()).startsWith("1000 rows in, 1000 out, 0 errors in ");
            assertThat(Files.readString(out)).isEqualTo(Files.readString(plainOut));
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.err()).contains("writes it uncompressed: name it without .gz");
        }

        @Test
        void explainRetrainsOnAGzipFileAsOnThePlainOne() throws IOException {
            Path gz = compressedCreditG(dir, ".gz");
            String run;
            try (TrackingStore tracking = TrackingStore.open(store)) {
                run = tracking.search(RunQuery.in("credit-g").build()).stream().map(RunRecord::id).findFirst()
                        .orElseThrow();
            }
            String[] options = {"--store", store.toString(), "--rows", "5", "--samples", "8", "--repeats", "2"};

            sameBut(mlops(explain(run, gz, options)), ok(mlops(explain(run, creditG(), options))), gz, creditG());
        }

        private static String[] explain(String run, Path data, String[] options) {
            List<String> all = new ArrayList<>(List.of("explain", run, data.toString()));
            all.addAll(List.of(options));
            return all.toArray(String[]::new);
        }
    }

    @Nested
    class Names {
        private final ComponentRegistry registry = ComponentRegistry.defaults();

        @ParameterizedTest
        @CsvSource({"data.csv.gz, csv", "rows.jsonl.zst, jsonl", "x.ndjson.bz2, jsonl", "rows.JSONL.XZ, jsonl",
            "data.tsv.xz, ''", "rows.gz, ''"})
        void theTypeIsNamedByTheExtensionBeforeTheCompressions(String name, String type) {
            assertThat(InputFormat.typeNamedBy(Path.of(name), registry).orElse("")).isEqualTo(type);
        }
    }
}
