package dev.mlops.parquet;

import dev.mlops.core.table.NumericColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.IntSupplier;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.jspecify.annotations.Nullable;

/**
 * Reads one row group's pages of a flat {@code DOUBLE} column straight into a numeric column:
 * the hot path of numeric tables. Definition levels and dictionary-encoded values go through
 * Parquet's own readers; {@code PLAIN} values, which parquet-column's plain reader assembles a
 * byte at a time, are read from the page's buffer as little-endian doubles. Pages of format v1
 * and v2 are read. One instance reads one column chunk: not thread-safe.
 */
final class DoublePages {
    private final ColumnDescriptor column;
    private final NumericColumn.Builder builder;
    private final int present;
    private @Nullable Dictionary dictionary;
    private int rowsRead;

    private DoublePages(ColumnDescriptor column, NumericColumn.Builder builder) {
        this.column = column;
        this.builder = builder;
        this.present = column.getMaxDefinitionLevel();
    }

    /**
     * Appends a row group's values of the column to the builder.
     *
     * @param pages the column chunk's pages
     * @param column the column
     * @param rows the row group's rows
     * @param builder the column being built
     * @throws ColumnDecoder.RowException naming the first row of a page that cannot be read, or
     *     the row group's end if the pages hold more or fewer values than it has rows
     */
    static void decode(PageReader pages, ColumnDescriptor column, int rows, NumericColumn.Builder builder) {
        DoublePages reader = new DoublePages(column, builder);
        DictionaryPage dictionaryPage = pages.readDictionaryPage();
        try {
            if (dictionaryPage != null) {
                reader.dictionary = dictionaryPage.getEncoding().initDictionary(column, dictionaryPage);
            }
            for (DataPage page = pages.readPage(); page != null; page = pages.readPage()) {
                page.accept(new DataPage.Visitor<Void>() {
                    @Override
                    public Void visit(DataPageV1 v1) {
                        reader.read(v1);
                        return null;
                    }

                    @Override
                    public Void visit(DataPageV2 v2) {
                        reader.read(v2);
                        return null;
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            throw new ColumnDecoder.RowException(reader.rowsRead, e instanceof IOException io
                    ? new UncheckedIOException(io.getMessage(), io) : (RuntimeException) e);
        }
        if (reader.rowsRead != rows) {
            throw new ColumnDecoder.RowException(Math.min(reader.rowsRead, rows), new IllegalStateException(
                    "the column's pages hold " + reader.rowsRead + " values, but its row group has " + rows + " rows"));
        }
    }

    private void read(DataPageV1 page) {
        try {
            ByteBufferInputStream in = page.getBytes().toInputStream();
            int values = page.getValueCount();
            // a flat column has no repetition levels: a v1 page holds none for it
            ValuesReader levels = page.getDlEncoding().getValuesReader(column, ValuesType.DEFINITION_LEVEL);
            levels.initFromPage(values, in);
            read(page.getValueEncoding(), values, levels::readInteger, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private void read(DataPageV2 page) {
        try {
            int values = page.getValueCount();
            IntSupplier levels;
            if (present == 0) {
                levels = () -> 0;
            } else {
                RunLengthBitPackingHybridDecoder decoder = new RunLengthBitPackingHybridDecoder(
                        BytesUtils.getWidthFromMaxInt(present), page.getDefinitionLevels().toInputStream());
                levels = () -> {
                    try {
                        return decoder.readInt();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e.getMessage(), e);
                    }
                };
            }
            read(page.getDataEncoding(), values, levels, page.getData().toInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private void read(Encoding encoding, int values, IntSupplier levels, ByteBufferInputStream in) throws IOException {
        if (encoding == Encoding.PLAIN) {
            ByteBuffer bytes = in.slice(in.available()).order(ByteOrder.LITTLE_ENDIAN);
            int at = bytes.position();
            for (int i = 0; i < values; i++) {
                if (levels.getAsInt() == present) {
                    builder.add(bytes.getDouble(at));
                    at += Double.BYTES;
                } else {
                    builder.addMissing();
                }
            }
        } else {
            ValuesReader reader = encoding.usesDictionary()
                    ? encoding.getDictionaryBasedValuesReader(column, ValuesType.VALUES, dictionary())
                    : encoding.getValuesReader(column, ValuesType.VALUES);
            reader.initFromPage(values, in);
            for (int i = 0; i < values; i++) {
                if (levels.getAsInt() == present) {
                    builder.add(reader.readDouble());
                } else {
                    builder.addMissing();
                }
            }
        }
        rowsRead += values;
    }

    private Dictionary dictionary() {
        if (dictionary == null) {
            throw new IllegalStateException("a page is dictionary-encoded, but the column chunk has no dictionary page");
        }
        return dictionary;
    }
}
