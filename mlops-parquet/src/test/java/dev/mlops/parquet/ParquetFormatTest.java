package dev.mlops.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.component.ComponentException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.LocalTimes;
import dev.mlops.data.io.TableFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetFormatTest {
    private static final Instant NOON = Instant.parse("2024-01-31T12:00:00Z");

    @TempDir
    Path directory;

    /** Every type, with missing values, NaN, -0.0, infinities, non-ASCII text and a sensitive column. */
    static Table table() {
        return Table.builder()
                .numeric("amount", 1.5, Double.NaN, -0.0, Double.NEGATIVE_INFINITY, Double.MAX_VALUE)
                .categorical("city", "München", null, "São Paulo", "東京 😀", "München")
                .bool("member", true, null, false, true, false)
                .timestamp("seen", Instant.parse("2024-01-31T12:00:00.123456Z"), null, Instant.parse("0001-01-01T00:00:00Z"),
                        Instant.parse("-1000-06-01T00:00:00Z"), Instant.parse("+200000-01-01T00:00:00Z"))
                .text("note", "a, \"quoted\"\nline", "", null, "NA", "  spaces  ")
                .build()
                .rows(0, 1, 2, 3, 4);
    }

    private static Table withMissingNumber() {
        return Table.rowBuilder(Schema.of(Field.of("x", ColumnType.NUMERIC), Field.sensitive("ssn", ColumnType.TEXT)))
                .addRow(null, "123-45-6789")
                .addRow(Double.NaN, null)
                .build();
    }

    @Nested
    class RoundTrip {
        @ParameterizedTest
        @EnumSource(ParquetCodec.class)
        void everyTypeReadsBackEqualWithEveryCodec(ParquetCodec codec) {
            Table table = table();
            Path file = directory.resolve("table.parquet");
            ParquetFormat format = ParquetFormat.builder().codec(codec).build();

            format.write(table, file);
            Table read = format.read(file);

            assertThat(read).isEqualTo(table);
            assertThat(read.schema()).isEqualTo(table.schema());
            assertThat(Fingerprint.of(read)).isEqualTo(Fingerprint.of(table));
            assertThat(codecsOf(file)).containsOnly(codec.parquetName());
        }

        @Test
        void missingIsNullAndNanStaysNanAndTheSensitiveMarkSurvives() {
            Table table = withMissingNumber();
            Path file = directory.resolve("missing.parquet");
            ParquetFormat.defaults().write(table, file);

            Table read = ParquetFormat.defaults().read(file);

            assertThat(read).isEqualTo(table);
            assertThat(read.column("x").isMissing(0)).isTrue();
            assertThat(read.column("x").isMissing(1)).isFalse();
            assertThat(read.numericColumn("x").get(1)).isNaN();
            assertThat(read.schema().field("ssn").sensitive()).isTrue();
            assertThat(read.schema().field("x").sensitive()).isFalse();
        }

        @Test
        void theFileHoldsParquetsOwnTypesAndMlopsSchemaInItsMetadata() throws IOException {
            Path file = directory.resolve("types.parquet");
            ParquetFormat.defaults().write(table(), file);

            try (ParquetFileReader reader = Footers.open(file)) {
                MessageType schema = reader.getFileMetaData().getSchema();
                assertThat(schema.getFields()).allMatch(field -> field.isRepetition(Type.Repetition.OPTIONAL));
                assertThat(primitive(schema, "amount")).isEqualTo(PrimitiveType.PrimitiveTypeName.DOUBLE);
                assertThat(primitive(schema, "city")).isEqualTo(PrimitiveType.PrimitiveTypeName.BINARY);
                assertThat(schema.getType("city").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.stringType());
                assertThat(schema.getType("note").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.stringType());
                assertThat(primitive(schema, "member")).isEqualTo(PrimitiveType.PrimitiveTypeName.BOOLEAN);
                assertThat(primitive(schema, "seen")).isEqualTo(PrimitiveType.PrimitiveTypeName.INT64);
                assertThat(schema.getType("seen").getLogicalTypeAnnotation()).isEqualTo(
                        LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
                ColumnChunkMetaData city = reader.getRowGroups().get(0).getColumns().get(1);
                assertThat(city.getEncodings().toString()).as("the categorical column's encodings").contains("DICTIONARY");
                Map<String, String> metadata = reader.getFileMetaData().getKeyValueMetaData();
                assertThat(metadata).containsEntry("writer.model.name", "mlops");
                assertThat(metadata.get(StoredSchema.KEY)).isEqualTo("{\"formatVersion\":1,\"fields\":["
                        + "{\"name\":\"amount\",\"type\":\"NUMERIC\"},{\"name\":\"city\",\"type\":\"CATEGORICAL\"},"
                        + "{\"name\":\"member\",\"type\":\"BOOLEAN\"},{\"name\":\"seen\",\"type\":\"TIMESTAMP\"},"
                        + "{\"name\":\"note\",\"type\":\"TEXT\"}]}");
            }
        }

        @Test
        void aTableWithoutRowsKeepsItsSchema() {
            Table empty = Table.empty(table().schema());
            Path file = directory.resolve("empty.parquet");
            ParquetFormat.defaults().write(empty, file);

            assertThat(ParquetFormat.defaults().read(file)).isEqualTo(empty);
            try (var chunks = ParquetFormat.defaults().readChunks(file)) {
                assertThat(chunks.schema()).isEqualTo(empty.schema());
                assertThat(chunks.hasNext()).isFalse();
            }
        }

        @Test
        void aStreamIsReadToItsEndAndLeftOpenAndWritingFlushesWithoutClosing() {
            Table table = table();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            boolean[] closed = {false, false};
            java.io.OutputStream out = new java.io.BufferedOutputStream(bytes, 1 << 20) {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };
            ParquetFormat.defaults().write(table, out);
            assertThat(closed[0]).isFalse();
            assertThat(bytes.size()).as("bytes flushed to the caller's stream").isPositive();

            ByteArrayInputStream in = new ByteArrayInputStream(bytes.toByteArray()) {
                @Override
                public void close() {
                    closed[1] = true;
                }
            };
            assertThat(ParquetFormat.defaults().read(in, "stream")).isEqualTo(table);
            assertThat(in.available()).isZero();
            assertThat(closed[1]).isFalse();
        }

        @Test
        void theSameTableWritesTheSameBytes() {
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            ByteArrayOutputStream second = new ByteArrayOutputStream();
            ParquetFormat.defaults().write(table(), first);
            ParquetFormat.defaults().write(table(), second);

            assertThat(second.toByteArray()).isEqualTo(first.toByteArray());
        }
    }

    @Nested
    class Instants {
        @Test
        void aFractionOfAMicrosecondIsRefusedNamingTheColumnAndRowAndNothingIsWritten() {
            Table table = Table.builder()
                    .numeric("x", 1, 2, 3)
                    .timestamp("at", NOON, null, Instant.parse("2024-01-31T12:00:00.000000001Z"))
                    .build();
            Path file = directory.resolve("nanos.parquet");

            assertThatThrownBy(() -> ParquetFormat.defaults().write(table, file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("column 'at' (2), row 2 (0-based)")
                    .hasMessageContaining("2024-01-31T12:00:00.000000001Z")
                    .hasMessageContaining("fraction of a microsecond");
            assertThat(file).doesNotExist();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThatThrownBy(() -> ParquetFormat.defaults().write(table, out)).isInstanceOf(IllegalArgumentException.class);
            assertThat(out.size()).as("bytes written to the stream before the refusal").isZero();
        }

        @Test
        void anInstantBeyondSixtyFourBitsOfMicrosecondsIsRefused() {
            Table table = Table.builder().timestamp("at", Instant.MAX).build();

            assertThatThrownBy(() -> ParquetFormat.defaults().write(table, new ByteArrayOutputStream()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("column 'at' (1), row 0 (0-based)")
                    .hasMessageContaining("292,000 years");
        }

        @Test
        void theLimitsOfSixtyFourBitsOfMicrosecondsReadBack() {
            Instant first = Instant.ofEpochSecond(Math.floorDiv(Long.MIN_VALUE, 1_000_000L),
                    Math.floorMod(Long.MIN_VALUE, 1_000_000L) * 1_000L);
            Instant last = Instant.ofEpochSecond(Math.floorDiv(Long.MAX_VALUE, 1_000_000L),
                    Math.floorMod(Long.MAX_VALUE, 1_000_000L) * 1_000L);
            Table table = Table.builder().timestamp("at", first, last, Instant.EPOCH.minusNanos(1_000)).build();
            Path file = directory.resolve("limits.parquet");

            ParquetFormat.defaults().write(table, file);

            assertThat(ParquetFormat.defaults().read(file)).isEqualTo(table);
            assertThatThrownBy(() -> ParquetFormat.defaults().write(Table.builder().timestamp("at", last.plusNanos(1_000))
                    .build(), new ByteArrayOutputStream())).hasMessageContaining("292,000 years");
            assertThatThrownBy(() -> ParquetFormat.defaults().write(Table.builder().timestamp("at", first.minusNanos(1_000))
                    .build(), new ByteArrayOutputStream())).hasMessageContaining("292,000 years");
        }
    }

    @Test
    void aTableWithoutColumnsIsRefused() {
        assertThatThrownBy(() -> ParquetFormat.defaults().write(Table.of(), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one column");
    }

    @Test
    void anAbsentFileIsAnInputOutputErrorNamingIt() {
        Path absent = directory.resolve("absent.parquet");

        assertThatThrownBy(() -> ParquetFormat.defaults().read(absent))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(absent.toString());
    }

    @Nested
    class Settings {
        private final ComponentRegistry registry = ComponentRegistry.defaults();

        @Test
        void theRegistryFindsTheTypeAndItsDefaults() {
            TableFormat format = registry.create(TableFormat.class, "parquet");

            assertThat(format).isEqualTo(ParquetFormat.defaults());
            assertThat(format.spec().toString()).isEqualTo("parquet(codec=snappy, rowGroupBytes=134217728)");
            ParquetFormat.Settings settings = ParquetFormat.defaults().settings();
            assertThat(settings.codec()).isEqualTo(ParquetCodec.SNAPPY);
            assertThat(settings.rowGroupBytes()).isEqualTo(128L << 20);
            assertThat(settings.zone()).isNull();
            assertThat(settings.localTimes()).isNull();
        }

        @Test
        void everySettingSurvivesTheSpecStringAndTheJson() {
            ParquetFormat format = ParquetFormat.builder().codec(ParquetCodec.ZSTD).rowGroupBytes(1 << 20)
                    .zone(ZoneId.of("Europe/Berlin")).localTimes(LocalTimes.LATER).build();
            String spec = format.spec().toString();

            assertThat(spec).isEqualTo("parquet(codec=zstd, rowGroupBytes=1048576, zone=Europe/Berlin, localTimes=later)");
            assertThat(registry.create(TableFormat.class, spec)).isEqualTo(format);
            String json = Documents.write(format.spec().toJson());
            assertThat(registry.create(TableFormat.class, ComponentSpec.read(Documents.parse(json, "format.json"))))
                    .isEqualTo(format);
            assertThat(ParquetFormat.builder().localTimes(LocalTimes.ERROR).build()).isEqualTo(ParquetFormat.defaults());
        }

        @Test
        void aCodecReadsInAnyCaseAndAnUnknownOneIsNamed() {
            assertThat(registry.create(TableFormat.class, "parquet(codec=LZ4_RAW)"))
                    .isEqualTo(ParquetFormat.builder().codec(ParquetCodec.LZ4_RAW).build());
            assertThatThrownBy(() -> registry.create(TableFormat.class, "parquet(codec=brotli)"))
                    .isInstanceOf(ComponentException.class)
                    .hasMessageContaining("codec must be one of snappy, zstd, gzip, lz4_raw, uncompressed but was 'brotli'");
        }

        @Test
        void aRowGroupSizeMustBePositive() {
            assertThatThrownBy(() -> ParquetFormat.builder().rowGroupBytes(0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("rowGroupBytes must be positive but was 0");
            assertThatThrownBy(() -> registry.create(TableFormat.class, "parquet(rowGroupBytes=0)"))
                    .isInstanceOf(ComponentException.class).hasMessageContaining("rowGroupBytes must be positive but was 0");
            assertThat(ParquetFormat.builder().rowGroupBytes(1).build().settings().rowGroupBytes()).isEqualTo(1);
            assertThat(registry.create(TableFormat.class, "parquet(rowGroupBytes=1)"))
                    .isEqualTo(ParquetFormat.builder().rowGroupBytes(1).build());
        }
    }

    private static PrimitiveType.PrimitiveTypeName primitive(MessageType schema, String name) {
        return schema.getType(name).asPrimitiveType().getPrimitiveTypeName();
    }

    static java.util.Set<CompressionCodecName> codecsOf(Path file) {
        try (ParquetFileReader reader = Footers.open(file)) {
            java.util.Set<CompressionCodecName> codecs = new java.util.HashSet<>();
            for (BlockMetaData group : reader.getRowGroups()) {
                group.getColumns().forEach(chunk -> codecs.add(chunk.getCodec()));
            }
            return codecs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
