package dev.mlops.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReadStore;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.jspecify.annotations.Nullable;

/**
 * A decoder that reads a flat column's pages itself, a page at a time, instead of value by value
 * through parquet-column's {@code ColumnReader}: the hot path of the types most tables hold. For
 * each data page (format v1 or v2) it decodes the definition levels in bulk ({@link HybridRuns};
 * the deprecated bit-packed levels through Parquet's reader), counts the present values, and
 * hands the page's value bytes to the subclass, which decodes them in bulk too. Dictionary ids
 * are decoded here for the subclasses ({@link #dictionaryIds}); other encodings without a bulk
 * path go through Parquet's own {@link ValuesReader} ({@link #valuesReader}).
 */
abstract class PagedDecoder extends ColumnDecoder {
    private int[] levels = new int[0];
    private int[] ids = new int[0];

    @Override
    final void decode(FileColumn column, ColumnReadStore readers, PageReadStore pages, int rows) {
        ColumnDescriptor descriptor = column.descriptor();
        PageReader reader = pages.getPageReader(descriptor);
        int read = 0;
        try {
            DictionaryPage dictionaryPage = reader.readDictionaryPage();
            startChunk(dictionaryPage == null ? null
                    : dictionaryPage.getEncoding().initDictionary(descriptor, dictionaryPage));
            for (DataPage page = reader.readPage(); page != null; page = reader.readPage()) {
                if (page instanceof DataPageV1 v1) {
                    readV1(descriptor, v1);
                } else {
                    readV2(descriptor, (DataPageV2) page);
                }
                read += page.getValueCount();
            }
        } catch (RowException e) {
            throw new RowException(read + e.row(), (RuntimeException) e.getCause());
        } catch (IOException | RuntimeException e) {
            throw new RowException(Math.min(read, rows), e instanceof IOException io
                    ? new UncheckedIOException(io.getMessage(), io) : (RuntimeException) e);
        }
        if (read != rows) {
            throw new RowException(Math.min(read, rows), new IllegalStateException(
                    "the column's pages hold " + read + " values, but its row group has " + rows + " rows"));
        }
    }

    private void readV1(ColumnDescriptor column, DataPageV1 page) throws IOException {
        ByteBuffer bytes = buffer(page.getBytes()).order(ByteOrder.LITTLE_ENDIAN);
        int values = page.getValueCount();
        int[] pageLevels = null;
        if (column.getMaxDefinitionLevel() > 0) {
            pageLevels = levels(values);
            if (page.getDlEncoding() == Encoding.RLE) {
                // a flat column has no repetition levels; the definition levels' length comes first
                int at = bytes.position();
                if (bytes.remaining() < Integer.BYTES || bytes.getInt(at) < 0
                        || bytes.getInt(at) > bytes.remaining() - Integer.BYTES) {
                    throw new IllegalArgumentException("the page's definition levels are cut short");
                }
                int length = bytes.getInt(at);
                new HybridRuns(bytes.slice(at + Integer.BYTES, length), width(column)).read(pageLevels, 0, values);
                bytes.position(at + Integer.BYTES + length);
            } else {
                ByteBufferInputStream in = ByteBufferInputStream.wrap(bytes);
                ValuesReader reader = page.getDlEncoding().getValuesReader(column, ValuesType.DEFINITION_LEVEL);
                reader.initFromPage(values, in);
                for (int i = 0; i < values; i++) {
                    pageLevels[i] = reader.readInteger();
                }
                bytes = in.slice(in.available());
            }
        }
        appendPage(column, page.getValueEncoding(), bytes.slice().order(ByteOrder.LITTLE_ENDIAN), values, pageLevels);
    }

    private void readV2(ColumnDescriptor column, DataPageV2 page) throws IOException {
        int values = page.getValueCount();
        int[] pageLevels = null;
        if (column.getMaxDefinitionLevel() > 0) {
            pageLevels = levels(values);
            new HybridRuns(buffer(page.getDefinitionLevels()), width(column)).read(pageLevels, 0, values);
        }
        appendPage(column, page.getDataEncoding(), buffer(page.getData()).order(ByteOrder.LITTLE_ENDIAN),
                values, pageLevels);
    }

    private void appendPage(ColumnDescriptor column, Encoding encoding, ByteBuffer data, int values,
            int @Nullable [] pageLevels) {
        int present = values;
        if (pageLevels != null) {
            int max = column.getMaxDefinitionLevel();
            present = 0;
            for (int i = 0; i < values; i++) {
                present += pageLevels[i] == max ? 1 : 0;
            }
        }
        appendPage(column, encoding, data, values, present, present == values ? null : pageLevels);
    }

    /** @return the bytes as one buffer: a view of them where they are in one already */
    private static ByteBuffer buffer(BytesInput bytes) throws IOException {
        ByteBufferInputStream in = bytes.toInputStream();
        return in.slice(in.available());
    }

    private static int width(ColumnDescriptor column) {
        return BytesUtils.getWidthFromMaxInt(column.getMaxDefinitionLevel());
    }

    private int[] levels(int values) {
        if (levels.length < values) {
            levels = new int[values];
        }
        return levels;
    }

    /**
     * Starts a row group's chunk of the column.
     *
     * @param dictionary the chunk's dictionary, or null if it has none
     */
    abstract void startChunk(@Nullable Dictionary dictionary);

    /**
     * Appends one page's values to the column being built.
     *
     * @param column the column
     * @param encoding the encoding of the page's values
     * @param data the encoded present values, from the buffer's position to its limit,
     *     little-endian
     * @param values the page's values, present or missing
     * @param present how many of them are present, which the data holds
     * @param presence null if every value is present, else each value's definition level:
     *     present where it is the column's maximum
     * @throws RowException naming the value, 0-based in the page, that cannot be read as the type
     */
    abstract void appendPage(ColumnDescriptor column, Encoding encoding, ByteBuffer data, int values, int present,
            int @Nullable [] presence);

    /**
     * Decodes a dictionary-encoded page's ids: a byte giving their bit width, then the ids in
     * the RLE/bit-packed hybrid encoding.
     *
     * @param data the page's value bytes
     * @param present how many ids to decode
     * @param dictionarySize the entries of the chunk's dictionary, which every id must name
     * @param presence null if every value of the page is present, else each value's definition
     *     level, to name the row of an id that names no entry
     * @param max the column's maximum definition level: a present value's
     * @return an array whose first {@code present} elements are the ids, reused by the next call
     * @throws IllegalArgumentException if the ids are cut short
     * @throws RowException naming the page's row whose id names no entry
     */
    final int[] dictionaryIds(ByteBuffer data, int present, int dictionarySize, int @Nullable [] presence, int max) {
        if (ids.length < present) {
            ids = new int[present];
        }
        if (present == 0) {
            return ids;
        }
        if (!data.hasRemaining()) {
            throw new IllegalArgumentException("the page's dictionary ids are missing");
        }
        int width = data.get(data.position());
        new HybridRuns(data.slice(data.position() + 1, data.remaining() - 1), width).read(ids, 0, present);
        for (int i = 0; i < present; i++) {
            if (ids[i] < 0 || ids[i] >= dictionarySize) {
                throw new RowException(rowOfPresent(i, presence, max), new IllegalArgumentException("dictionary id "
                        + Integer.toUnsignedString(ids[i]) + " names no entry of the chunk's dictionary of " + dictionarySize));
            }
        }
        return ids;
    }

    /**
     * @param index the 0-based index of a value among the page's present values
     * @param presence null if every value of the page is present, else each value's definition level
     * @param max the column's maximum definition level: a present value's
     * @return the 0-based row of the page that holds it
     */
    static int rowOfPresent(int index, int @Nullable [] presence, int max) {
        if (presence == null) {
            return index;
        }
        int seen = -1;
        for (int row = 0;; row++) {
            if (presence[row] == max && ++seen == index) {
                return row;
            }
        }
    }

    /**
     * @param column the column
     * @param encoding the values' encoding: one without a bulk path here, and not a dictionary's
     * @param data the page's value bytes
     * @param present how many values they hold
     * @return Parquet's reader of the values, ready to read the first
     */
    static ValuesReader valuesReader(ColumnDescriptor column, Encoding encoding, ByteBuffer data, int present) {
        ValuesReader reader = encoding.getValuesReader(column, ValuesType.VALUES);
        try {
            reader.initFromPage(present, ByteBufferInputStream.wrap(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return reader;
    }

    /**
     * @param dictionary the chunk's dictionary, or null
     * @return the dictionary
     * @throws IllegalStateException if there is none
     */
    static Dictionary dictionary(@Nullable Dictionary dictionary) {
        if (dictionary == null) {
            throw new IllegalStateException("a page is dictionary-encoded, but the column chunk has no dictionary page");
        }
        return dictionary;
    }
}
