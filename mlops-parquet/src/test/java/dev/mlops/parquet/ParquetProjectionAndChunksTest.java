package dev.mlops.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.TableChunks;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParquetProjectionAndChunksTest {
    private static final long MASTER_SEED = 0x9a_4e_70_26L;
    /** Small enough that a few hundred rows span several row groups (the writer checks every 100 rows). */
    private static final ParquetFormat SMALL_GROUPS = ParquetFormat.builder().rowGroupBytes(2_048).build();

    @TempDir
    Path directory;

    private Path written(Table table) {
        Path file = directory.resolve("table.parquet");
        SMALL_GROUPS.write(table, file);
        return file;
    }

    private static List<BlockMetaData> rowGroups(Path file) throws IOException {
        try (ParquetFileReader reader = Footers.open(file)) {
            return reader.getRowGroups();
        }
    }

    static Stream<Arguments> sweep() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        return IntStream.rangeClosed(1, 10).mapToObj(i -> Arguments.of(master.nextLong(), master.nextInt(0, 1_500)));
    }

    @ParameterizedTest(name = "seed {0}, {1} rows")
    @MethodSource("sweep")
    void theChunksAreTheRowGroupsInOrderAndStackToTheWholeTable(long seed, int rows) throws IOException {
        Table table = RandomTables.table(seed, rows);
        Path file = written(table);
        List<BlockMetaData> groups = rowGroups(file);

        List<Table> chunks = new ArrayList<>();
        try (TableChunks pieces = SMALL_GROUPS.readChunks(file)) {
            assertThat(pieces.schema()).isEqualTo(table.schema());
            pieces.forEachRemaining(chunks::add);
        }

        assertThat(SMALL_GROUPS.read(file)).as("seed %d, %d rows", seed, rows).isEqualTo(table);
        assertThat(chunks).as("one chunk per row group").hasSize(groups.size());
        int first = 0;
        for (int i = 0; i < chunks.size(); i++) {
            int size = (int) groups.get(i).getRowCount();
            assertThat(chunks.get(i).rowCount()).isEqualTo(size);
            assertThat(chunks.get(i)).as("chunk %d of seed %d", i, seed)
                    .isEqualTo(table.rows(IntStream.range(first, first + size).toArray()));
            first += size;
        }
        assertThat(first).isEqualTo(rows);
    }

    @Test
    void aLargerTableSpansSeveralRowGroups() throws IOException {
        assertThat(rowGroups(written(RandomTables.table(1, 1_000)))).hasSizeGreaterThan(3);
    }

    @Test
    void chunksOfAProjectionHoldOnlyItsColumnsInTheFilesOrder() {
        Table table = RandomTables.table(7, 500);
        Path file = written(table);

        try (TableChunks pieces = SMALL_GROUPS.readChunks(file, List.of("text", "number", "absent"))) {
            assertThat(pieces.schema().names()).containsExactly("number", "text");
            int first = 0;
            while (pieces.hasNext()) {
                Table chunk = pieces.next();
                int[] rows = IntStream.range(first, first + chunk.rowCount()).toArray();
                assertThat(chunk).isEqualTo(table.select("number", "text").rows(rows));
                first += chunk.rowCount();
            }
            assertThat(first).isEqualTo(500);
            assertThatThrownBy(pieces::next).isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("every row group of " + file + " was read");
        }
        assertThat(SMALL_GROUPS.read(file, List.of("flag"))).isEqualTo(table.select("flag"));
        assertThat(SMALL_GROUPS.read(file, List.of())).isEqualTo(Table.of());
    }

    @Nested
    class ACorruptColumn {
        private Path corrupted(Table table, String column) {
            return Corruption.damage(written(table), column);
        }

        /** Overwrites the middle of a column chunk's bytes in the row groups from the 0-based index on. */
        private void corrupt(Path file, String column, int fromRowGroup) throws IOException {
            List<BlockMetaData> groups = rowGroups(file);
            try (RandomAccessFile bytes = new RandomAccessFile(file.toFile(), "rw")) {
                for (BlockMetaData group : groups.subList(fromRowGroup, groups.size())) {
                    for (ColumnChunkMetaData chunk : group.getColumns()) {
                        if (chunk.getPath().toDotString().equals(column)) {
                            long middle = chunk.getStartingPos() + chunk.getTotalSize() * 3 / 4;
                            bytes.seek(middle);
                            bytes.write(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 1, 2, 3, 4});
                        }
                    }
                }
            }
        }

        @Test
        void isReadByNextNotByHasNextSoThatOneRowGroupIsInMemory() throws IOException {
            Table table = RandomTables.table(3, 300);
            Path file = written(table);

            try (TableChunks pieces = SMALL_GROUPS.readChunks(file)) {
                Table first = pieces.next();
                assertThat(pieces.hasNext()).isTrue();
                corrupt(file, "text", 1);
                assertThat(first).isEqualTo(table.rows(IntStream.range(0, first.rowCount()).toArray()));
                assertThatThrownBy(pieces::next).isInstanceOf(DataFormatException.class)
                        .hasMessageContaining("row group 2 of ")
                        .hasMessageContaining("CRC checksum verification failed");
            }
        }

        @Test
        void failsNamingTheFileTheColumnAndTheRowGroup() throws IOException {
            Path file = corrupted(RandomTables.table(3, 300), "text");

            assertThatThrownBy(() -> SMALL_GROUPS.read(file))
                    .isInstanceOfSatisfying(DataFormatException.class, e -> {
                        assertThat(e.source()).isEqualTo(file.toString());
                        assertThat(e.column()).contains("text");
                        assertThat(e.columnIndex()).hasValue(5);
                    })
                    .hasMessageContaining("row group 1 of 3 (rows 0 to 99, 0-based)")
                    .hasMessageContaining("CRC checksum verification failed");
        }

        @Test
        void inALaterRowGroupNamesThatRowGroupsRows() throws IOException {
            Path file = Corruption.damage(written(RandomTables.table(3, 300)), "category", 2);
            List<BlockMetaData> groups = rowGroups(file);
            long first = groups.get(0).getRowCount() + groups.get(1).getRowCount();

            assertThatThrownBy(() -> SMALL_GROUPS.read(file))
                    .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.column()).contains("category"))
                    .hasMessageContaining("row group 3 of 3 (rows " + first + " to 299, 0-based)");
            try (TableChunks pieces = SMALL_GROUPS.readChunks(file)) {
                assertThat(pieces.next().rowCount()).isEqualTo(groups.get(0).getRowCount());
                assertThat(pieces.next().rowCount()).isEqualTo(groups.get(1).getRowCount());
                assertThatThrownBy(pieces::next).hasMessageContaining("row group 3 of 3");
            }
        }

        @Test
        void isNeverReadWhenAProjectionLeavesItOut() throws IOException {
            Table table = RandomTables.table(3, 300);
            Path file = corrupted(table, "text");

            assertThat(SMALL_GROUPS.read(file, List.of("number", "category", "flag", "at")))
                    .isEqualTo(table.select("number", "category", "flag", "at"));
            try (TableChunks pieces = SMALL_GROUPS.readChunks(file, List.of("at"))) {
                int rows = 0;
                while (pieces.hasNext()) {
                    rows += pieces.next().rowCount();
                }
                assertThat(rows).isEqualTo(300);
            }
        }
    }
}
