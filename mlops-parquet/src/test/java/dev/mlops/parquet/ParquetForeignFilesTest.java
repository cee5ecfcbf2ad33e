package dev.mlops.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.LocalTimes;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Files written by other tools, without mlops' schema: Parquet's types decide the columns' types. */
class ParquetForeignFilesTest {
    private static final long TWO_TO_53 = 1L << 53;
    private static final ParquetFormat PARQUET = ParquetFormat.defaults();

    @TempDir
    Path directory;

    private Path file(String name) {
        return directory.resolve(name + ".parquet");
    }

    @Nested
    class Numbers {
        @Test
        void integersFloatsAndDoublesAreNumericAndNullsMissing() {
            Path file = ForeignFiles.write(file("numbers"), "message m { optional int32 small; required int32 tiny "
                    + "(INTEGER(8,true)); optional int64 big; optional float f; optional double d; }",
                    row -> row.append("small", 7).append("tiny", -3).append("big", TWO_TO_53).append("f", 0.1f)
                            .append("d", Double.NaN),
                    row -> row.append("tiny", 0).append("big", -TWO_TO_53).append("f", Float.NEGATIVE_INFINITY));

            Table read = PARQUET.read(file);

            assertThat(read.schema()).isEqualTo(Schema.of(Field.of("small", ColumnType.NUMERIC),
                    Field.of("tiny", ColumnType.NUMERIC), Field.of("big", ColumnType.NUMERIC),
                    Field.of("f", ColumnType.NUMERIC), Field.of("d", ColumnType.NUMERIC)));
            assertThat(read).isEqualTo(Table.rowBuilder(read.schema())
                    .addRow(7.0, -3.0, (double) TWO_TO_53, (double) 0.1f, Double.NaN)
                    .addRow(null, 0.0, (double) -TWO_TO_53, Double.NEGATIVE_INFINITY, null)
                    .build());
        }

        @ParameterizedTest(name = "{0} pages, dictionary {1}")
        @CsvSource({"PARQUET_1_0, true", "PARQUET_1_0, false", "PARQUET_2_0, true", "PARQUET_2_0, false"})
        void doublesReadFromEveryPageFormatAndEncodingAcrossPages(ParquetProperties.WriterVersion pages, boolean dictionary) {
            int rows = 230;
            List<Consumer<Group>> filled = new java.util.ArrayList<>();
            Double[] optional = new Double[rows];
            double[] required = new double[rows];
            for (int i = 0; i < rows; i++) {
                int row = i;
                optional[i] = row % 5 == 0 ? null : row % 7 == 0 ? Double.NaN : row % 3 - 0.5 * row;
                required[i] = -row * 1.25;
                filled.add(group -> {
                    if (optional[row] != null) {
                        group.append("optional", optional[row]);
                    }
                    group.append("required", required[row]);
                });
            }
            Path file = ForeignFiles.write(file("doubles"), "message m { optional double optional; required double required; }",
                    true, Map.of(), pages, dictionary, filled);

            Table read = PARQUET.read(file);

            Table.Builder expected = Table.builder();
            dev.mlops.core.table.NumericColumn.Builder column = dev.mlops.core.table.NumericColumn.builder("optional");
            for (Double value : optional) {
                if (value == null) {
                    column.addMissing();
                } else {
                    column.add(value);
                }
            }
            assertThat(read).isEqualTo(expected.add(column.build()).numeric("required", required).build());
        }

        @ParameterizedTest(name = "statistics {0}")
        @ValueSource(booleans = {true, false})
        void aLongBeyondTwoToThe53IsAnIdAndTheColumnCategorical(boolean statistics) {
            Path file = ForeignFiles.write(file("ids"), "message m { optional int64 id; optional int64 count; "
                    + "optional int64 negative; }", statistics, Map.of(),
                    row -> row.append("id", 42L).append("count", 1L).append("negative", 5L),
                    row -> row.append("count", 2L).append("negative", -TWO_TO_53 - 1),
                    row -> row.append("id", TWO_TO_53 + 1).append("count", TWO_TO_53));

            Table read = PARQUET.read(file);

            assertThat(read).isEqualTo(Table.builder()
                    .categorical("id", "42", null, "9007199254740993")
                    .numeric("count", 1, 2, TWO_TO_53)
                    .categorical("negative", "5", "-9007199254740993", null)
                    .build());
            assertThat(read.schema()).as("as CSV's inference reads such a column").isEqualTo(
                    dev.mlops.data.io.CsvFormat.defaults().read(new java.io.ByteArrayInputStream(
                            "id,count,negative\n42,1,5\n,2,-9007199254740993\n9007199254740993,9007199254740992,\n"
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "csv").schema());
        }

        @ParameterizedTest(name = "null count only {0}")
        @ValueSource(booleans = {true, false})
        void withoutMinimumAndMaximumTheValuesDecideInEveryRowGroup(boolean nullCountOnly) throws java.io.IOException {
            Path within = StatisticsFreeFile.write(file("within"), nullCountOnly, new long[] {TWO_TO_53, 1},
                    new long[] {-TWO_TO_53, 0});
            Path late = StatisticsFreeFile.write(file("late"), nullCountOnly, new long[] {1, 2},
                    new long[] {3, TWO_TO_53 + 1, 4});
            Path negative = StatisticsFreeFile.write(file("negative"), nullCountOnly, new long[] {-TWO_TO_53 - 1});

            assertThat(PARQUET.read(within)).isEqualTo(Table.builder().numeric("id", TWO_TO_53, 1, -TWO_TO_53, 0).build());
            assertThat(PARQUET.read(late)).isEqualTo(Table.builder()
                    .categorical("id", "1", "2", "3", "9007199254740993", "4").build());
            assertThat(PARQUET.read(negative)).isEqualTo(Table.builder().categorical("id", "-9007199254740993").build());
            try (org.apache.parquet.hadoop.ParquetFileReader footer = Footers.open(late)) {
                assertThat(footer.getRowGroups().get(1).getColumns().get(0).getStatistics().hasNonNullValue())
                        .as("the file has no minimum and maximum").isFalse();
            }
        }

        @Test
        void theDecisionHoldsForEveryRowGroupAndChunk() {
            Path file = ForeignFiles.write(file("late"), "message m { optional int64 id; }", false, Map.of(),
                    row -> row.append("id", 1L), row -> row.append("id", Long.MIN_VALUE));

            Table read = PARQUET.read(file);

            assertThat(read.categoricalColumn("id").get(1)).isEqualTo("-9223372036854775808");
            try (var chunks = PARQUET.readChunks(file)) {
                assertThat(chunks.schema().field("id").type()).isEqualTo(ColumnType.CATEGORICAL);
                assertThat(chunks.next()).isEqualTo(read);
            }
        }

        @Test
        void unsignedIntegersReadAsUnsigned() {
            Path file = ForeignFiles.write(file("unsigned"), "message m { optional int32 u32 (INTEGER(32,false)); "
                    + "optional int64 u64 (INTEGER(64,false)); optional int64 small (INTEGER(64,false)); }", false, Map.of(),
                    row -> row.append("u32", -1).append("u64", -1L).append("small", TWO_TO_53),
                    row -> row.append("u32", 5).append("u64", 3L).append("small", 1L));

            assertThat(PARQUET.read(file)).isEqualTo(Table.builder()
                    .numeric("u32", 4_294_967_295.0, 5)
                    .categorical("u64", "18446744073709551615", "3")
                    .numeric("small", TWO_TO_53, 1)
                    .build());
        }

        @Test
        void theFirstPassOverAColumnReadsThatColumnAlone() {
            Path file = Corruption.damage(ForeignFiles.write(file("first-pass"), "message m { optional int64 u "
                    + "(INTEGER(64,false)); optional binary note (STRING); }",
                    row -> row.append("u", 1L).append("note", "a fairly long note that fills the page with bytes"),
                    row -> row.append("u", -1L).append("note", "another fairly long note to damage in the middle")),
                    "note");

            assertThat(PARQUET.read(file, List.of("u"))).isEqualTo(Table.builder()
                    .categorical("u", "1", "18446744073709551615").build());
            assertThatThrownBy(() -> PARQUET.read(file)).hasMessageContaining("column 'note' (2)");
        }

        @Test
        void aValueThatCannotBeDecodedInTheFirstPassNamesItsRow() throws java.io.IOException {
            Path file = file("undecodable");
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file);
                    org.apache.parquet.hadoop.ParquetWriter<Group> writer = org.apache.parquet.hadoop.example
                            .ExampleParquetWriter.builder(new StreamOutputFile(out))
                            .withConf(new org.apache.parquet.conf.PlainParquetConfiguration())
                            .withCodecFactory(new AirliftCodecs())
                            .withCompressionCodec(org.apache.parquet.hadoop.metadata.CompressionCodecName.SNAPPY)
                            .withPageWriteChecksumEnabled(false)
                            .withType(org.apache.parquet.schema.MessageTypeParser.parseMessageType(
                                    "message m { optional int64 u (INTEGER(64,false)); }"))
                            .build()) {
                org.apache.parquet.example.data.simple.SimpleGroupFactory groups =
                        new org.apache.parquet.example.data.simple.SimpleGroupFactory(
                                org.apache.parquet.schema.MessageTypeParser.parseMessageType(
                                        "message m { optional int64 u (INTEGER(64,false)); }"));
                for (long i = 0; i < 200; i++) {
                    writer.write(groups.newGroup().append("u", i * 7919));
                }
            }
            Corruption.damage(file, "u");

            assertThatThrownBy(() -> PARQUET.read(file))
                    .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.column()).contains("u"))
                    .hasMessageContaining("row 0 (0-based) in row group 1 of 1 (rows 0 to 199, 0-based) cannot be decoded");
        }

        @Test
        void decimalsAreNumericUnlessAnIntegerLiesBeyondTwoToThe53() {
            Path file = ForeignFiles.write(file("decimals"), "message m { optional int32 price (DECIMAL(9,2)); "
                    + "optional int64 account (DECIMAL(18,0)); optional fixed_len_byte_array(16) ratio (DECIMAL(38,10)); "
                    + "optional binary small (DECIMAL(20,0)); optional int64 edge (DECIMAL(18,0)); }",
                    row -> row.append("price", 150).append("account", 12345678901234567L)
                            .append("ratio", fixed(BigInteger.valueOf(-25_000_000_000L), 16))
                            .append("small", Binary.fromConstantByteArray(BigInteger.valueOf(-42).toByteArray()))
                            .append("edge", -TWO_TO_53),
                    row -> row.append("price", -1).append("account", 3L));

            Table read = PARQUET.read(file);

            assertThat(read).isEqualTo(Table.rowBuilder(Schema.of(Field.of("price", ColumnType.NUMERIC),
                    Field.of("account", ColumnType.CATEGORICAL), Field.of("ratio", ColumnType.NUMERIC),
                    Field.of("small", ColumnType.NUMERIC), Field.of("edge", ColumnType.NUMERIC)))
                    .addRow(1.5, "12345678901234567", -2.5, -42.0, (double) -TWO_TO_53)
                    .addRow(-0.01, "3", null, null, null)
                    .build());
        }

        private static Binary fixed(BigInteger unscaled, int length) {
            byte[] bytes = unscaled.toByteArray();
            byte[] padded = new byte[length];
            byte sign = (byte) (unscaled.signum() < 0 ? -1 : 0);
            java.util.Arrays.fill(padded, sign);
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            return Binary.fromConstantByteArray(padded);
        }
    }

    @Test
    void stringsAreCategoricalBooleansBoolean() {
        Path file = ForeignFiles.write(file("strings"), "message m { optional binary s (STRING); optional binary e (ENUM); "
                + "optional binary j (JSON); optional boolean b; }",
                row -> row.append("s", "München").append("e", "RED").append("j", "{\"a\":1}").append("b", true),
                row -> row.append("s", "12").append("b", false));

        Table read = PARQUET.read(file);

        assertThat(read).isEqualTo(Table.builder().categorical("s", "München", "12").categorical("e", "RED", null)
                .categorical("j", "{\"a\":1}", null).bool("b", true, false).build());
    }

    @Test
    void invalidUtf8IsAnErrorNamingTheColumnAndRow() {
        Path file = ForeignFiles.write(file("latin1"), "message m { optional int32 n; optional binary s (STRING); }",
                row -> row.append("n", 1).append("s", "ok"),
                row -> row.append("n", 2).append("s", Binary.fromConstantByteArray(new byte[] {'M', (byte) 0xFC, 'n'})));

        assertThatThrownBy(() -> PARQUET.read(file))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.column()).contains("s");
                    assertThat(e.columnIndex()).hasValue(2);
                    assertThat(e.line()).isZero();
                })
                .hasMessageContaining(file.toString())
                .hasMessageContaining("row 1 (0-based) in row group 1 of 1 (rows 0 to 1, 0-based): ")
                .hasMessageContaining("not valid UTF-8");
    }

    @Nested
    class Times {
        @Test
        void timestampsAdjustedToUtcInEveryUnitAreInstants() {
            Path file = ForeignFiles.write(file("times"), "message m { optional int64 ms (TIMESTAMP(MILLIS,true)); "
                    + "optional int64 us (TIMESTAMP(MICROS,true)); optional int64 ns (TIMESTAMP(NANOS,true)); "
                    + "optional int32 day (DATE); }",
                    row -> row.append("ms", -1L).append("us", -1L).append("ns", -1L).append("day", -1),
                    row -> row.append("ms", 1_706_702_400_123L).append("us", 1_706_702_400_123_456L)
                            .append("ns", 1_706_702_400_123_456_789L).append("day", 19_753));

            assertThat(PARQUET.read(file)).isEqualTo(Table.builder()
                    .timestamp("ms", Instant.parse("1969-12-31T23:59:59.999Z"), Instant.parse("2024-01-31T12:00:00.123Z"))
                    .timestamp("us", Instant.parse("1969-12-31T23:59:59.999999Z"),
                            Instant.parse("2024-01-31T12:00:00.123456Z"))
                    .timestamp("ns", Instant.parse("1969-12-31T23:59:59.999999999Z"),
                            Instant.parse("2024-01-31T12:00:00.123456789Z"))
                    .timestamp("day", Instant.parse("1969-12-31T00:00:00Z"), Instant.parse("2024-01-31T00:00:00Z"))
                    .build());
        }

        @Test
        void sparksLegacyInt96IsAnInstant() {
            Path file = ForeignFiles.write(file("int96"), "message m { optional int96 t; }",
                    row -> row.append("t", int96(2_460_341, 43_200_123_456_789L)),
                    row -> row.append("t", int96(2_440_587, 86_399_000_000_000L)));

            assertThat(PARQUET.read(file)).isEqualTo(Table.builder().timestamp("t",
                    Instant.parse("2024-01-31T12:00:00.123456789Z"), Instant.parse("1969-12-31T23:59:59Z")).build());
        }

        private static Binary int96(int julianDay, long nanosOfDay) {
            return Binary.fromConstantByteArray(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(nanosOfDay).putInt(julianDay).array());
        }

        private Path localTimes() {
            // 2024-03-31T02:30 is in Berlin's spring gap, 2024-10-27T02:30 in its autumn overlap
            return ForeignFiles.write(file("local"), "message m { optional int64 t (TIMESTAMP(MICROS,false)); }",
                    row -> row.append("t", micros("2024-01-31T12:00:00Z")),
                    row -> row.append("t", micros("2024-10-27T02:30:00Z")));
        }

        private static long micros(String text) {
            Instant instant = Instant.parse(text);
            return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
        }

        @Test
        void localDateTimesWithoutAZoneAreTheirTextAsCsvReadsThem() {
            assertThat(PARQUET.read(localTimes())).isEqualTo(Table.builder()
                    .categorical("t", "2024-01-31T12:00", "2024-10-27T02:30").build());
        }

        @Test
        void localDateTimesInAZoneAreInstantsAndAnOverlapIsRefusedOrResolvedAsTold() {
            Path file = localTimes();
            ParquetFormat berlin = ParquetFormat.builder().zone(ZoneId.of("Europe/Berlin")).build();

            assertThatThrownBy(() -> berlin.read(file))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("column 't' (1)")
                    .hasMessageContaining("row 1 (0-based)")
                    .hasMessageContaining("2024-10-27T02:30 is in a daylight-saving overlap of Europe/Berlin");
            assertThat(ParquetFormat.builder().zone(ZoneId.of("Europe/Berlin")).localTimes(LocalTimes.EARLIER).build()
                    .read(file)).isEqualTo(Table.builder().timestamp("t", Instant.parse("2024-01-31T11:00:00Z"),
                            Instant.parse("2024-10-27T00:30:00Z")).build());
            assertThat(ParquetFormat.builder().zone(ZoneId.of("Europe/Berlin")).localTimes(LocalTimes.LATER).build()
                    .read(file).timestampColumn("t").get(1)).isEqualTo(Instant.parse("2024-10-27T01:30:00Z"));
        }

        @Test
        void aLocalDateTimeInAGapMovesForwardOrIsRefused() {
            Path file = ForeignFiles.write(file("gap"), "message m { optional int64 t (TIMESTAMP(MILLIS,false)); }",
                    row -> row.append("t", Instant.parse("2024-03-31T02:30:00Z").toEpochMilli()));

            assertThatThrownBy(() -> ParquetFormat.builder().zone(ZoneId.of("Europe/Berlin")).build().read(file))
                    .hasMessageContaining("daylight-saving gap");
            assertThat(ParquetFormat.builder().zone(ZoneId.of("Europe/Berlin")).localTimes(LocalTimes.LATER).build()
                    .read(file).timestampColumn("t").get(0)).isEqualTo(Instant.parse("2024-03-31T01:30:00Z"));
        }
    }

    @Nested
    class Unsupported {
        private static final String SCHEMA = "message m { optional int32 id; optional group address { optional binary "
                + "city (STRING); } repeated int32 scores; optional int32 at (TIME(MILLIS,true)); "
                + "optional binary raw; optional fixed_len_byte_array(16) uuid (UUID); }";

        private Path file() {
            return ForeignFiles.write(directory.resolve("mixed.parquet"), SCHEMA, row -> row.append("id", 1));
        }

        @Test
        void aNestedColumnIsAnErrorNamingIt() {
            Path file = file();
            assertThatThrownBy(() -> PARQUET.read(file))
                    .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.column()).contains("address"))
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("column 'address' (2): the column is nested");
        }

        @Test
        void eachUnreadableColumnIsNamedAndAProjectionLeavesThemOut() {
            Path file = file();
            assertThatThrownBy(() -> PARQUET.read(file, List.of("scores"))).hasMessageContaining("column 'scores' (3)")
                    .hasMessageContaining("repeated");
            assertThatThrownBy(() -> PARQUET.read(file, List.of("at"))).hasMessageContaining("column 'at' (4)")
                    .hasMessageContaining("TIME(MILLIS,true)").hasMessageContaining("has no mlops column type");
            assertThatThrownBy(() -> PARQUET.read(file, List.of("raw"))).hasMessageContaining("column 'raw' (5)");
            assertThatThrownBy(() -> PARQUET.read(file, List.of("uuid"))).hasMessageContaining("column 'uuid' (6)");

            assertThat(PARQUET.read(file, List.of("id", "missing"))).isEqualTo(Table.builder().numeric("id", 1).build());
        }
    }

    @Nested
    class StoredSchemaDocument {
        @Test
        void aStoredTypeTheValuesCannotTakeIsIgnored() {
            Path file = ForeignFiles.write(file("rewritten"), "message m { optional double x; optional binary s (STRING); }",
                    true, Map.of(StoredSchema.KEY, "{\"formatVersion\":1,\"fields\":[{\"name\":\"x\",\"type\":\"BOOLEAN\"},"
                            + "{\"name\":\"s\",\"type\":\"TEXT\",\"sensitive\":true}]}"),
                    row -> row.append("x", 1.0).append("s", "a"));

            Table read = PARQUET.read(file);

            assertThat(read.schema()).isEqualTo(Schema.of(Field.of("x", ColumnType.NUMERIC),
                    Field.sensitive("s", ColumnType.TEXT)));
        }

        @Test
        void aMalformedOrNewerDocumentIsAnErrorNamingTheFile() {
            Path malformed = ForeignFiles.write(file("malformed"), "message m { optional double x; }", true,
                    Map.of(StoredSchema.KEY, "{\"formatVersion\":1,\"fields\":["), row -> row.append("x", 1.0));
            Path newer = ForeignFiles.write(file("newer"), "message m { optional double x; }", true,
                    Map.of(StoredSchema.KEY, "{\"formatVersion\":2,\"fields\":[]}"), row -> row.append("x", 1.0));

            assertThatThrownBy(() -> PARQUET.read(malformed)).isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith(malformed + ": the key-value metadata 'dev.mlops.schema' is not an mlops schema");
            assertThatThrownBy(() -> PARQUET.read(newer)).isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("formatVersion 2; this version of mlops reads 1 to 1");
        }
    }
}
