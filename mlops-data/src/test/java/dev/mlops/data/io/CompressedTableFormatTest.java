package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.component.ComponentException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CSV and JSON Lines files compressed with gzip, zstd, bzip2 and xz read and write as the plain
 * files do: the same tables, the same errors at the same lines, the same batch origins; a cut or
 * damaged archive is an error naming the file and a line, never a short table.
 */
class CompressedTableFormatTest {
    private static final long MASTER_SEED = 0xc0_4b_9e_55L;
    private static final ComponentRegistry REGISTRY = ComponentRegistry.defaults();
    private static final String CSV = "id,city,temp,seen,ok\n1,München,12.5,2024-03-01T10:00:00Z,true\n"
            + "2,São Paulo,NaN,2024-03-02T11:30:00Z,false\n3,\"Bonn, am Rhein\",NA,,TRUE\n4,Köln,-Infinity,"
            + "2024-03-04T00:00:00Z,\n";

    @TempDir
    Path dir;

    static Stream<Compression> codecs() {
        return CompressionTest.codecs();
    }

    /** Each codec with each built-in format and the extension its files take. */
    static Stream<Arguments> codecsAndFormats() {
        return codecs().flatMap(codec -> Stream.of(Arguments.of(codec, CsvFormat.defaults(), ".csv"),
                Arguments.of(codec, JsonLinesFormat.defaults(), ".jsonl")));
    }

    private static Table sample() {
        return CsvFormat.defaults().read(new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)), "sample.csv");
    }

    private Path compressedFile(String name, Compression codec, byte[] text) throws IOException {
        return Files.write(dir.resolve(name + codec.extension()), CompressionTest.compressed(codec, text));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class RoundTrip {
        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressedTableFormatTest#codecsAndFormats")
        void aFileNamedAsCompressedIsWrittenCompressedAndReadsBackEqual(Compression codec, TableFormat format,
                String extension) throws IOException {
            Path file = dir.resolve("rows" + extension + codec.extension());

            format.write(sample(), file);

            assertThat(Compression.of(file)).isEqualTo(codec);
            assertThat(format.read(file)).isEqualTo(sample());
            try (InputStream in = Files.newInputStream(file)) {
                assertThat(format.read(in, "stdin")).isEqualTo(sample());
            }
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            format.write(sample(), plain);
            try (InputStream in = Compression.open(file)) {
                assertThat(in.readAllBytes()).isEqualTo(plain.toByteArray());
            }
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressedTableFormatTest#codecsAndFormats")
        void theReadsOfAProjectionAndOfPiecesUncompressToo(Compression codec, TableFormat format, String extension) {
            Path file = dir.resolve("rows" + extension + codec.extension());
            format.write(sample(), file);

            assertThat(format.read(file, List.of("temp", "id", "absent"))).isEqualTo(sample().select("id", "temp"));
            List<Table> pieces = new ArrayList<>();
            try (TableChunks chunks = format.readChunks(file)) {
                chunks.forEachRemaining(pieces::add);
            }
            assertThat(pieces).containsExactly(sample());
        }

        @Test
        void aFormatOfItsOwnGetsCompressedFilesFromTheDefaultsAndFromTableBuilder() throws IOException {
            TableFormat pipes = new PipeFormat();
            Table table = sample().select("id", "city");
            Path file = dir.resolve("rows.txt.xz");

            pipes.write(table, file);

            assertThat(Compression.of(file)).isEqualTo(Compression.XZ);
            try (InputStream in = Compression.open(file)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("id|city\n1|München\n");
            }
            assertThat(pipes.read(file)).isEqualTo(table);
            assertThat(TableBuilder.read(file, TableBuilder.Options.defaults(), PipeFormat.PASS)).isEqualTo(table);
        }

        @Test
        void aLargeCompressedFileReadsAsThePlainOneWhateverTheThreads() throws IOException {
            SplittableRandom random = new SplittableRandom(MASTER_SEED);
            String csv = CsvFormatParallelReadTest.randomCsv(random, 3000);
            Path plain = Files.writeString(dir.resolve("big.csv"), csv, StandardCharsets.UTF_8);
            Path gzip = compressedFile("big.csv", Compression.GZIP, utf8(csv));

            Table expected = CsvFormat.defaults().read(plain, 1, Long.MAX_VALUE);

            assertThat(CsvFormat.defaults().read(gzip, 4, 1 << 12)).isEqualTo(expected);
            assertThat(CsvFormat.defaults().read(plain, 4, 1 << 12)).isEqualTo(expected);
        }
    }

    @Nested
    class Setting {
        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressedTableFormatTest#codecs")
        void theSettingCompressesAStreamAndAFileWhateverItsName(Compression codec) throws IOException {
            for (TableFormat format : List.<TableFormat>of(CsvFormat.builder().compression(codec).build(),
                    JsonLinesFormat.builder().compression(codec).build())) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                format.write(sample(), bytes);
                Path file = dir.resolve("rows.txt");
                format.write(sample(), file);

                assertThat(Compression.detect(bytes.toByteArray(), bytes.size())).isEqualTo(codec);
                assertThat(format.read(new ByteArrayInputStream(bytes.toByteArray()), "stdin")).isEqualTo(sample());
                assertThat(Compression.of(file)).isEqualTo(codec);
                assertThat(format.read(file)).isEqualTo(sample());
            }
        }

        @Test
        void noneWritesPlainTextWhateverTheName() throws IOException {
            Path file = dir.resolve("rows.csv.gz");

            CsvFormat.builder().compression(Compression.NONE).build().write(sample(), file);

            assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("id,city,temp,seen,ok\n1,München");
            assertThat(CsvFormat.defaults().read(file)).isEqualTo(sample());
        }

        @Test
        void withoutTheSettingAStreamIsWrittenPlain() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();

            JsonLinesFormat.defaults().write(sample(), bytes);

            assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("{\"id\":1,\"city\":\"München\"");
        }

        @Test
        void theSettingRebuildsThroughTheRegistryFromItsSpecAndItsJson() {
            for (TableFormat format : List.<TableFormat>of(CsvFormat.builder().delimiter(';')
                    .compression(Compression.ZSTD).build(), JsonLinesFormat.builder().compression(Compression.BZIP2)
                    .build())) {
                String spec = format.spec().toString();
                String json = Documents.write(format.spec().toJson());

                assertThat(REGISTRY.create(TableFormat.class, spec)).isEqualTo(format);
                assertThat(REGISTRY.create(TableFormat.class, ComponentSpec.read(Documents.parse(json, "format.json"))))
                        .isEqualTo(format);
            }
            assertThat(REGISTRY.create(TableFormat.class, "csv(compression=GZip)"))
                    .isEqualTo(CsvFormat.builder().compression(Compression.GZIP).build());
            assertThat(REGISTRY.create(TableFormat.class, "jsonl(compression=xz)"))
                    .isEqualTo(JsonLinesFormat.builder().compression(Compression.XZ).build());
            assertThat(CsvFormat.builder().compression(Compression.GZIP).build().spec().toString())
                    .endsWith(", compression=gzip)");
            assertThat(CsvFormat.defaults().spec().toString()).doesNotContain("compression");
            assertThat(JsonLinesFormat.defaults().spec().toString()).isEqualTo("jsonl()");
        }

        @Test
        void anUnknownCompressionIsRefusedNamingTheChoices() {
            assertThatThrownBy(() -> REGISTRY.create(TableFormat.class, "csv(compression=lz4)"))
                    .isInstanceOf(ComponentException.class)
                    .hasMessageContaining("compression must be none, gzip, zstd, bzip2 or xz but was 'lz4'");
        }
    }

    @Nested
    class Errors {
        static Stream<Arguments> malformed() {
            Schema numbers = Schema.of(Field.of("a", ColumnType.NUMERIC), Field.of("b", ColumnType.NUMERIC));
            return codecs().flatMap(codec -> Stream.of(
                    Arguments.of(codec, CsvFormat.defaults(), "a,b\n1,2\n3,\"open\n4,5\n"),
                    Arguments.of(codec, CsvFormat.defaults(), "a,b\r\n1,2\r\n\r\n3,4,5\r\n"),
                    Arguments.of(codec, CsvFormat.builder().schema(numbers).build(), "a,b\n1,2\n3,x\n"),
                    Arguments.of(codec, CsvFormat.defaults(), "\na,a\n1,2\n"),
                    Arguments.of(codec, JsonLinesFormat.defaults(), "{\"a\": 1}\n\n{\"a\": [2]}\n"),
                    Arguments.of(codec, JsonLinesFormat.defaults(), "{\"a\": 1}\n{\"a\": 2\n")));
        }

        @ParameterizedTest
        @MethodSource("malformed")
        void aMalformedFileFailsAsThePlainFileDoesButForItsName(Compression codec, TableFormat format, String text)
                throws IOException {
            Path plain = Files.writeString(dir.resolve("bad.txt"), text, StandardCharsets.UTF_8);
            Path compressed = compressedFile("bad.txt", codec, utf8(text));
            DataFormatException expected = catchThrowableOfType(DataFormatException.class, () -> format.read(plain));

            DataFormatException actual = catchThrowableOfType(DataFormatException.class, () -> format.read(compressed));

            assertThat(expected).isNotNull();
            assertThat(actual).isNotNull();
            assertThat(actual.getMessage()).isEqualTo(expected.getMessage().replace(plain.toString(),
                    compressed.toString()));
            assertThat(actual.line()).isEqualTo(expected.line());
            assertThat(actual.source()).isEqualTo(compressed.toString());
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressedTableFormatTest#codecs")
        void undecodableBytesAreNamedAtTheUncompressedLineAndOffset(Compression codec) throws IOException {
            byte[] latin1 = "a,b\n1,Köln\n".getBytes(StandardCharsets.ISO_8859_1);
            Path plain = Files.write(dir.resolve("latin1.csv"), latin1);
            Path compressed = compressedFile("latin1.csv", codec, latin1);
            String expected = catchThrowable(() -> CsvFormat.defaults().read(plain)).getMessage();

            assertThatThrownBy(() -> CsvFormat.defaults().read(compressed)).isInstanceOf(DataFormatException.class)
                    .hasMessage(expected.replace(plain.toString(), compressed.toString()))
                    .hasMessageContaining("line 2").hasMessageContaining("byte offset 7");
        }
    }

    @Nested
    class Batches {
        private static final Schema EXPECTED = Schema.of(Field.of("id", ColumnType.NUMERIC),
                Field.of("age", ColumnType.NUMERIC));
        private static final String TEXT = "id,age,city\n1,30,Bonn\n\n2,66.0,\"a,\r\nb\"\n3,abc,Köln\r\n4,41,Hamburg";
        private static final String JSON = "{\"id\":1,\"age\":30}\n\n{\"id\":2,\"age\":\"x\"}\r\n{\"id\":3,\"age\":66.0}";

        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressedTableFormatTest#codecs")
        void aBatchKnowsTheUncompressedLinesAndBytesAndCopiesTheOriginalRows(Compression codec) throws IOException {
            for (TableFormat format : List.<TableFormat>of(CsvFormat.defaults(), JsonLinesFormat.defaults())) {
                String text = format instanceof CsvFormat ? TEXT : JSON;
                Path plain = Files.writeString(dir.resolve("batch.txt"), text, StandardCharsets.UTF_8);
                Path compressed = compressedFile("batch.txt", codec, utf8(text));
                Batch expected = format.readBatch(plain, EXPECTED);

                Batch actual = format.readBatch(compressed, EXPECTED);

                assertThat(actual.table()).isEqualTo(expected.table());
                assertThat(actual.problems()).isEqualTo(expected.problems()).isNotEmpty();
                assertThat(origins(actual)).isEqualTo(origins(expected));
                int[] rows = IntStream.range(0, actual.table().rowCount()).toArray();
                int[] backwards = IntStream.range(0, rows.length).map(i -> rows[rows.length - 1 - i]).toArray();
                for (int[] order : List.of(rows, backwards, new int[0])) {
                    assertThat(copy(actual, compressed, order)).as(Arrays.toString(order))
                            .isEqualTo(copy(expected, plain, order));
                }
            }
        }

        @Test
        void aCopyFromACompressedFileThatChangedSinceIsAnError() throws IOException {
            Path compressed = compressedFile("batch.csv", Compression.GZIP, utf8(TEXT));
            Batch batch = CsvFormat.defaults().readBatch(compressed, EXPECTED);
            compressedFile("batch.csv", Compression.GZIP, utf8("id,age,city\n1,30,Bonn\n"));

            assertThatThrownBy(() -> copy(batch, compressed, 2)).isInstanceOf(UncheckedIOException.class)
                    .hasMessage("cannot copy rows of " + compressed)
                    .cause().hasMessageContaining(compressed + " ends before byte ")
                    .hasMessageEndingWith(" of its uncompressed text; it changed since it was read");
        }

        private static List<String> origins(Batch batch) {
            RowOrigins origins = batch.origins().orElseThrow();
            return IntStream.range(0, origins.rowCount())
                    .mapToObj(i -> origins.line(i) + ":" + origins.start(i) + "-" + origins.end(i)).toList();
        }

        private static String copy(Batch batch, Path file, int... rows) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            batch.origins().orElseThrow().copy(file, rows, out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @Nested
    class DamagedArchives {
        /** For each codec, seeds and a table size drawn from one master seed. */
        static Stream<Arguments> sweep() {
            SplittableRandom master = new SplittableRandom(MASTER_SEED);
            return codecs().flatMap(codec -> LongStream.range(0, 2)
                    .mapToObj(i -> Arguments.of(codec, master.nextLong(), 40 + master.nextInt(200))));
        }

        @ParameterizedTest(name = "{0}, seed {1}, {2} rows")
        @MethodSource("sweep")
        void anArchiveCutAnywhereIsAnErrorNamingTheFileAndALineNeverAShortTable(Compression codec, long seed, int rows)
                throws IOException {
            SplittableRandom random = new SplittableRandom(seed);
            boolean json = random.nextBoolean();
            TableFormat format = json ? JsonLinesFormat.defaults() : CsvFormat.defaults();
            String text = json ? jsonLines(random, rows) : CsvFormatParallelReadTest.randomCsv(random, rows);
            byte[] plain = utf8(text);
            long lines = 1 + CellDecoder.lineBreaks(plain, 0, plain.length);
            byte[] data = CompressionTest.compressed(codec, plain);
            // the header, the middle, the trailer and checksum: every cut, at the ends, and a sample in between
            List<Integer> cuts = new ArrayList<>();
            IntStream.range(0, Math.min(12, data.length)).forEach(cuts::add);
            IntStream.range(Math.max(12, data.length - 12), data.length).forEach(cuts::add);
            random.ints(8, 12, Math.max(13, data.length - 12)).forEach(cuts::add);
            Path file = dir.resolve("cut" + (json ? ".jsonl" : ".csv") + codec.extension());

            for (int i = 0; i < cuts.size(); i++) {
                int cut = cuts.get(i);
                Files.write(file, Arrays.copyOf(data, cut));
                String where = "seed " + seed + ", " + rows + " rows, cut at " + cut + " of " + data.length;
                List<Throwable> errors = new ArrayList<>(List.of(catchThrowable(() -> format.read(file))));
                if (i % 3 == 0) {
                    errors.add(catchThrowable(() -> format.readBatch(file, Schema.of())));
                }

                for (Throwable thrown : errors) {
                    assertThat(thrown).as(where).isInstanceOf(DataFormatException.class);
                    DataFormatException error = (DataFormatException) thrown;
                    assertThat(error.source()).as(where).isEqualTo(file.toString());
                    assertThat(error.line()).as(where).isBetween(1L, lines);
                    assertThat(error.getMessage()).as(where).startsWith(file + " line " + error.line() + ": ")
                            .containsAnyOf("data ends early or is corrupt", "the archive is truncated");
                }
            }
            // cut in the trailer or checksum: all but the last piece the codec hands out was read
            Files.write(file, Arrays.copyOf(data, data.length - 1));
            long lowest = 1 + CellDecoder.lineBreaks(plain, 0, Math.max(0, plain.length - piece(codec)));
            assertThat(catchThrowableOfType(DataFormatException.class, () -> format.read(file)).line())
                    .isBetween(lowest, lines);
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressedTableFormatTest#codecs")
        void aDamagedByteIsAnErrorNamingTheFile(Compression codec) throws IOException {
            SplittableRandom random = new SplittableRandom(MASTER_SEED + codec.ordinal());
            byte[] plain = utf8(CsvFormatParallelReadTest.randomCsv(random, 300));
            byte[] data = CompressionTest.compressed(codec, plain);
            Path file = dir.resolve("damaged.csv" + codec.extension());
            // past the headers, so that the file is still recognised as compressed
            for (int position : random.ints(5, 16, data.length).toArray()) {
                byte[] damaged = data.clone();
                damaged[position] ^= (byte) (1 + random.nextInt(255));
                Files.write(file, damaged);

                Throwable thrown = catchThrowable(() -> CsvFormat.defaults().read(file));

                assertThat(thrown).as("byte %d of %d", position, data.length).isInstanceOf(DataFormatException.class)
                        .hasMessageStartingWith(file + " line ");
            }
        }

        @Test
        void aCheckSumThatDoesNotMatchIsNamed() throws IOException {
            byte[] data = CompressionTest.compressed(Compression.GZIP, utf8(CSV));
            data[data.length - 8] ^= 1;
            Path file = Files.write(dir.resolve("crc.csv.gz"), data);

            assertThatThrownBy(() -> CsvFormat.defaults().read(file)).isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith(file + " line ").hasMessageContaining("CRC");
        }
    }

    @Test
    void aStreamOfConcatenatedMembersReadsAsOneTable() throws IOException {
        String header = "id,city,temp,seen,ok\n";
        int split = CSV.indexOf("3,");
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(CompressionTest.compressed(Compression.GZIP, utf8(CSV.substring(0, split))));
        both.write(CompressionTest.compressed(Compression.GZIP, utf8(CSV.substring(split))));

        assertThat(header).isEqualTo(CSV.substring(0, header.length()));
        assertThat(CsvFormat.defaults().read(new ByteArrayInputStream(both.toByteArray()), "stdin"))
                .isEqualTo(sample());
    }

    /**
     * The most text a codec uncompresses before it finds the damage and loses it: a piece of
     * {@link DecompressedInput}, or a zstd block of up to 128 KiB, which aircompressor hands out
     * only once it has checked the frame's checksum when the block is the last.
     */
    private static int piece(Compression codec) {
        return codec == Compression.ZSTD ? 128 << 10 : DecompressedInput.PIECE;
    }

    private static String jsonLines(SplittableRandom random, int rows) {
        StringBuilder text = new StringBuilder();
        for (int row = 0; row < rows; row++) {
            text.append("{\"id\": ").append(row).append(", \"city\": \"").append(random.nextBoolean() ? "München" : "Bonn")
                    .append("\", \"x\": ").append(random.nextDouble()).append(random.nextInt(5) == 0 ? "}\r\n" : "}\n");
        }
        return text.toString();
    }

    /**
     * A user's format of pipe-separated lines that implements only the stream methods, through
     * {@link TableBuilder} and without looking for compression, so that files reach it through the
     * interface's defaults.
     */
    private record PipeFormat() implements TableFormat {
        static final TableBuilder.Pass PASS = (input, table) -> {
            BufferedReader lines = new BufferedReader(table.decode(input, StandardCharsets.UTF_8));
            String line = lines.readLine();
            for (String name : line.split("\\|")) {
                table.addColumn(name, 1);
            }
            long number = 1;
            while ((line = lines.readLine()) != null) {
                table.addRow(++number, List.of(line.split("\\|", -1)));
            }
        };

        @Override
        public Table read(InputStream in, String source) {
            return TableBuilder.read(in, source, TableBuilder.Options.defaults(), PASS);
        }

        @Override
        public void write(Table table, OutputStream out) {
            StringBuilder text = new StringBuilder(String.join("|", table.schema().names())).append('\n');
            for (int row = 0; row < table.rowCount(); row++) {
                for (int column = 0; column < table.columnCount(); column++) {
                    text.append(column == 0 ? "" : "|").append(table.columns().get(column).format(row));
                }
                text.append('\n');
            }
            try {
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String type() {
            return "pipe";
        }

        @Override
        public Record settings() {
            return this;
        }
    }
}
