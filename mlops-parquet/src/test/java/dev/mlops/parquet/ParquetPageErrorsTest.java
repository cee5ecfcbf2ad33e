package dev.mlops.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pages that parquet-hadoop's writer wrote and a damaged disk changed where the page decoders
 * read them ({@link NumberPages}, {@link CategoryPages}): a dictionary id beyond the dictionary,
 * plain values fewer than the definition levels say, definition levels cut short, a
 * dictionary-encoded page without its dictionary. Each fails naming the file, the column, the
 * row group and the row: the value's row, or the first row of a page that cannot be read at all.
 */
class ParquetPageErrorsTest {
    private static final ParquetFormat PARQUET = ParquetFormat.defaults();
    private static final String SCHEMA = "message m { optional binary s (STRING); optional double d; "
            + "optional float f; optional int32 i; optional int64 l; }";
    private static final List<String> COLUMNS = List.of("s", "d", "f", "i", "l");
    private static final int ROWS = 60;
    private static final int PAGE_ROWS = 20;
    /** The second page's rows start here: its first row, which names a page that cannot be read. */
    private static final int SECOND_PAGE = PAGE_ROWS;
    private static final String ROW_GROUP = "in row group 1 of 1 (rows 0 to 59, 0-based)";

    @TempDir
    Path directory;

    /** A row's value is missing where the row is a multiple of 5; three distinct values, none repeated in a row. */
    private Path written(WriterVersion pages, boolean dictionary) {
        List<Consumer<Group>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            int row = i;
            rows.add(group -> {
                if (row % 5 != 0) {
                    group.append("s", List.of("a", "b", "c").get(row % 3)).append("d", row % 3 + 0.5)
                            .append("f", row % 3 + 0.25f).append("i", row % 3 - 1).append("l", row % 3 + 10L);
                }
            });
        }
        return ForeignFiles.write(directory.resolve(pages + "-" + dictionary + ".parquet"), SCHEMA, writer -> writer
                .withWriterVersion(pages).withDictionaryEncoding(dictionary).withPageRowCountLimit(PAGE_ROWS)
                .withMinRowCountForPageSizeCheck(1).withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withPageWriteChecksumEnabled(false), rows);
    }

    /** @return the row of the n-th (0-based) present value from a row on */
    private static int presentRow(int from, int n) {
        int seen = -1;
        for (int row = from;; row++) {
            if (row % 5 != 0 && ++seen == n) {
                return row;
            }
        }
    }

    @ParameterizedTest(name = "column {0}, {1} pages")
    @CsvSource({"s, PARQUET_1_0", "s, PARQUET_2_0", "d, PARQUET_1_0", "d, PARQUET_2_0", "f, PARQUET_1_0",
        "i, PARQUET_2_0", "l, PARQUET_1_0"})
    void aDictionaryIdBeyondTheDictionaryNamesItsRow(String column, WriterVersion pages) throws IOException {
        Path file = written(pages, true);
        Page second = pages(file, column).get(2);
        assertThat(pages(file, column).get(0).header().getType()).isEqualTo(PageType.DICTIONARY_PAGE);
        byte[] bytes = Files.readAllBytes(file);
        int ids = second.values(bytes);
        assertThat(bytes[ids]).as("the ids' bit width, for 3 entries").isEqualTo((byte) 2);
        assertThat(bytes[ids + 1] & 1).as("one bit-packed run of 16 ids: 2 groups").isEqualTo(1);
        bytes[ids + 3] = (byte) 0xff; // ids 4 to 7 of the page become 3

        assertThatThrownBy(() -> PARQUET.read(Files.write(file, bytes)))
                .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.column()).contains(column))
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("column '" + column + "' (" + (COLUMNS.indexOf(column) + 1) + ")")
                .hasMessageContaining("row " + presentRow(SECOND_PAGE, 4) + " (0-based) " + ROW_GROUP)
                .hasMessageContaining("dictionary id 3 names no entry of the chunk's dictionary of 3");
    }

    @ParameterizedTest(name = "column {0}, {1} pages")
    @CsvSource({"s, PARQUET_1_0", "s, PARQUET_2_0", "d, PARQUET_1_0", "d, PARQUET_2_0", "f, PARQUET_2_0",
        "i, PARQUET_1_0", "l, PARQUET_2_0"})
    void plainValuesFewerThanThePresentOnesNameTheRowOfTheFirstMissing(String column, WriterVersion pages)
            throws IOException {
        Path file = written(pages, false);
        Page second = pages(file, column).get(1);
        byte[] bytes = Files.readAllBytes(file);
        int levels = second.levels();
        assertThat(bytes[levels]).as("one bit-packed run of 20 levels: 3 groups").isEqualTo((byte) 7);
        Arrays.fill(bytes, levels + 1, levels + 4, (byte) 0xff); // every value of the page is present

        // the page holds its 16 present values: the 17th, row 16 of the page, is the first it lacks
        String expected = "row " + (SECOND_PAGE + 16) + " (0-based) " + ROW_GROUP;
        assertThatThrownBy(() -> PARQUET.read(Files.write(file, bytes)))
                .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.column()).contains(column))
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{0} pages, column {1}")
    @CsvSource({"PARQUET_1_0, s", "PARQUET_1_0, d", "PARQUET_2_0, s", "PARQUET_2_0, i"})
    void definitionLevelsCutShortNameThePagesFirstRow(WriterVersion pages, String column) throws IOException {
        Path file = written(pages, false);
        Page second = pages(file, column).get(1);
        byte[] bytes = Files.readAllBytes(file);
        String problem;
        if (pages == WriterVersion.PARQUET_1_0) {
            // the levels' length, before them, says more bytes than the page holds
            ByteBuffer.wrap(bytes, second.data(), Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt(second.data(), 1 << 20);
            problem = "the page's definition levels are cut short";
        } else {
            // a run header that does not end within the levels
            Arrays.fill(bytes, second.levels(), second.levels() + second.levelsLength(), (byte) 0x80);
            problem = "a run header is cut short or longer than 5 bytes";
        }

        assertThatThrownBy(() -> PARQUET.read(Files.write(file, bytes)))
                .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.column()).contains(column))
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("row " + SECOND_PAGE + " (0-based) " + ROW_GROUP)
                .hasMessageContaining(problem);
    }

    @ParameterizedTest(name = "column {0}, {1} pages")
    @CsvSource({"s, PARQUET_1_0", "d, PARQUET_2_0", "l, PARQUET_1_0"})
    void aDictionaryEncodedPageWithoutADictionaryPageNamesTheFirstRow(String column, WriterVersion pages)
            throws IOException {
        Path file = written(pages, true);
        Page dictionary = pages(file, column).get(0);
        byte[] bytes = Files.readAllBytes(file);
        // the page header's first field, its type, as the compact protocol writes it: 0x15, then zigzag(2)
        assertThat(Arrays.copyOfRange(bytes, dictionary.start(), dictionary.start() + 2)).containsExactly(0x15, 4);
        bytes[dictionary.start() + 1] = 2; // an index page, which readers skip

        assertThatThrownBy(() -> PARQUET.read(Files.write(file, bytes)))
                .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.column()).contains(column))
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("row 0 (0-based) " + ROW_GROUP)
                .hasMessageContaining("a page is dictionary-encoded, but the column chunk has no dictionary page");
    }

    /**
     * A page of a column chunk, where the file holds it.
     *
     * @param start where its header starts
     * @param header its header
     * @param data where its (uncompressed) bytes start
     */
    private record Page(int start, PageHeader header, int data) {
        /** @return where the definition levels' runs start */
        int levels() {
            return header.getType() == PageType.DATA_PAGE_V2
                    ? data + header.getData_page_header_v2().getRepetition_levels_byte_length()
                    : data + Integer.BYTES;
        }

        /** @return the length of the definition levels' runs */
        int levelsLength() {
            return header.getData_page_header_v2().getDefinition_levels_byte_length();
        }

        /** @return where the values start, after the definition levels */
        int values(byte[] bytes) {
            if (header.getType() == PageType.DATA_PAGE_V2) {
                return levels() + levelsLength();
            }
            return levels() + ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(data);
        }
    }

    /** @return the pages of the column's chunk in the first row group, the dictionary's first */
    private static List<Page> pages(Path file, String column) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ColumnChunkMetaData chunk;
        try (ParquetFileReader reader = Footers.open(file)) {
            chunk = reader.getRowGroups().get(0).getColumns().get(COLUMNS.indexOf(column));
        }
        List<Page> pages = new ArrayList<>();
        int at = (int) chunk.getStartingPos();
        while (at < chunk.getStartingPos() + chunk.getTotalSize()) {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes, at, bytes.length - at);
            PageHeader header = Util.readPageHeader(in);
            int data = bytes.length - in.available();
            pages.add(new Page(at, header, data));
            at = data + header.getCompressed_page_size();
        }
        return pages;
    }
}
