package dev.mlops.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.LocalTimes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.bitpacking.ByteBitPackingValuesWriter;
import org.apache.parquet.column.values.bitpacking.Packer;
import org.apache.parquet.column.values.plain.PlainValuesWriter;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.schema.MessageTypeParser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Pages no current writer produces, built with Parquet's own encoders and handed to the decoder
 * through Parquet's page API: definition levels in the deprecated {@code BIT_PACKED} encoding, a
 * page of no values, definition levels whose stated length overruns the page by one byte.
 */
class PagedDecoderTest {
    private static final FileColumn COLUMN = FileColumn.of("pages", MessageTypeParser.parseMessageType(
            "message m { optional double x; }"), 0);

    @Test
    @SuppressWarnings("deprecation") // BIT_PACKED, what old writers used for levels, is what this reads
    void definitionLevelsInTheDeprecatedBitPackedEncodingPlaceTheMissingValues() throws IOException {
        int[] levels = {1, 0, 1, 1, 0, 0, 1, 1, 1, 0, 1};
        ValuesWriter bitPacked = new ByteBitPackingValuesWriter(1, Packer.BIG_ENDIAN);
        for (int level : levels) {
            bitPacked.writeInteger(level);
        }
        DataPage page = v1(BytesInput.concat(bitPacked.getBytes(), plain(1, 2, 3, 4, 5, 6, 7)), levels.length,
                Encoding.BIT_PACKED);

        assertThat(decoded(levels.length, page)).isEqualTo(column(1.0, null, 2.0, 3.0, null, null, 4.0, 5.0, 6.0, null, 7.0));
    }

    @Test
    void aPageOfNoValuesAddsNothing() throws IOException {
        DataPage empty = v1(BytesInput.fromInt(0), 0, Encoding.RLE);

        assertThat(decoded(4, rlePage(new int[] {1, 0}, 1.5), empty, rlePage(new int[] {0, 1}, 2.5), empty))
                .isEqualTo(column(1.5, null, null, 2.5));
    }

    @Test
    void aPageOfNullsOnlyHoldsOnlyItsLevels() throws IOException {
        assertThat(decoded(3, rlePage(new int[] {0, 0, 0}))).isEqualTo(column(null, null, null));
    }

    @Test
    void definitionLevelsLongerByOneByteThanThePageNameThePagesFirstRow() throws IOException {
        BytesInput levels = rle(new int[] {1, 1});
        BytesInput values = plain(1, 2);
        DataPage overrun = v1(BytesInput.concat(BytesInput.fromInt((int) (levels.size() + values.size() + 1)), levels,
                values), 2, Encoding.RLE);

        assertThatThrownBy(() -> decoded(5, rlePage(new int[] {1, 1, 0}, 1, 2), overrun))
                .isInstanceOfSatisfying(ColumnDecoder.RowException.class, e -> assertThat(e.row()).isEqualTo(3))
                .hasMessage("the page's definition levels are cut short");
    }

    private static Table decoded(int rows, DataPage... pages) {
        ColumnDecoder decoder = ColumnDecoder.of(COLUMN, ColumnType.NUMERIC, null, LocalTimes.ERROR, rows);
        decoder.decode(COLUMN, null, store(pages), rows);
        return Table.of(decoder.build());
    }

    private static Table column(@Nullable Double... values) {
        NumericColumn.Builder column = NumericColumn.builder("x");
        for (Double value : values) {
            if (value == null) {
                column.addMissing();
            } else {
                column.add(value);
            }
        }
        return Table.of(column.build());
    }

    private static DataPage v1(BytesInput bytes, int values, Encoding levels) throws IOException {
        return new DataPageV1(materialized(bytes), values, (int) bytes.size(), null, Encoding.RLE, levels, Encoding.PLAIN);
    }

    /** @return a v1 page of RLE definition levels, their length first, then the present values */
    private static DataPage rlePage(int[] levels, double... present) throws IOException {
        BytesInput runs = rle(levels);
        return v1(BytesInput.concat(BytesInput.fromInt((int) runs.size()), runs, plain(present)), levels.length,
                Encoding.RLE);
    }

    private static BytesInput rle(int[] levels) throws IOException {
        try (RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(1, 64, 1024,
                HeapByteBufferAllocator.getInstance())) {
            for (int level : levels) {
                encoder.writeInt(level);
            }
            return materialized(encoder.toBytes());
        }
    }

    private static BytesInput plain(double... values) throws IOException {
        ValuesWriter writer = new PlainValuesWriter(64, 1024, HeapByteBufferAllocator.getInstance());
        for (double value : values) {
            writer.writeDouble(value);
        }
        return materialized(writer.getBytes());
    }

    /** @return the bytes in one array, as a page read from a file holds them */
    private static BytesInput materialized(BytesInput bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bytes.writeAllTo(out);
        return BytesInput.from(out.toByteArray());
    }

    /** @return a row group of one column's pages, as Parquet's reader hands them over */
    private static PageReadStore store(DataPage... pages) {
        Deque<DataPage> left = new ArrayDeque<>(List.of(pages));
        long values = Arrays.stream(pages).mapToLong(DataPage::getValueCount).sum();
        PageReader reader = new PageReader() {
            @Override
            public @Nullable DictionaryPage readDictionaryPage() {
                return null;
            }

            @Override
            public long getTotalValueCount() {
                return values;
            }

            @Override
            public @Nullable DataPage readPage() {
                return left.poll();
            }
        };
        return new PageReadStore() {
            @Override
            public PageReader getPageReader(ColumnDescriptor descriptor) {
                return reader;
            }

            @Override
            public long getRowCount() {
                return values;
            }
        };
    }
}
