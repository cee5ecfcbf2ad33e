package dev.mlops.parquet;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;
import org.jspecify.annotations.Nullable;

/**
 * Reads a flat column of UTF-8 strings into a categorical column, each distinct value decoded
 * once: a dictionary-encoded page's ids map to the column's codes through an array filled as
 * each dictionary entry is first met (so levels come in the order their values first appear,
 * as in any other format's read); other pages' strings through a map from their bytes. UTF-8 is
 * decoded strictly. Not thread-safe.
 */
final class CategoryPages extends PagedDecoder {
    private final CategoricalColumn.Builder builder;
    private final Map<Binary, Integer> codes = new HashMap<>();
    private final CharsetDecoder utf8 = utf8();
    private @Nullable Dictionary dictionary;
    /** The code of each entry of the chunk's dictionary, or -1 until the entry is met. */
    private int[] entryCodes = new int[0];

    /** @param builder the column being built */
    CategoryPages(CategoricalColumn.Builder builder) {
        this.builder = builder;
    }

    @Override
    void startChunk(@Nullable Dictionary chunkDictionary) {
        dictionary = chunkDictionary;
        if (chunkDictionary != null) {
            entryCodes = new int[chunkDictionary.getMaxId() + 1];
            Arrays.fill(entryCodes, -1);
        }
    }

    @Override
    void appendPage(ColumnDescriptor column, Encoding encoding, ByteBuffer data, int values, int present,
            int @Nullable [] presence) {
        int max = column.getMaxDefinitionLevel();
        if (encoding.usesDictionary()) {
            Dictionary entries = dictionary(dictionary);
            int[] ids = dictionaryIds(data, present, entries.getMaxId() + 1, presence, max);
            int next = 0;
            for (int i = 0; i < values; i++) {
                if (presence == null || presence[i] == max) {
                    int id = ids[next++];
                    int code = entryCodes[id];
                    if (code < 0) {
                        entryCodes[id] = builder.addLevel(text(entries.decodeToBinary(id), i));
                    } else {
                        builder.addCode(code);
                    }
                } else {
                    builder.addMissing();
                }
            }
        } else {
            ValuesReader reader = valuesReader(column, encoding, data, present);
            for (int i = 0; i < values; i++) {
                if (presence == null || presence[i] == max) {
                    Binary value;
                    try {
                        value = reader.readBytes();
                    } catch (RuntimeException e) {
                        throw new RowException(i, e);
                    }
                    add(value, i);
                } else {
                    builder.addMissing();
                }
            }
        }
    }

    private void add(Binary value, int row) {
        Integer code = codes.get(value);
        if (code == null) {
            // a copy of the bytes, so that the key holds no page of the file
            codes.put(Binary.fromConstantByteArray(value.getBytes()), builder.addLevel(text(value, row)));
        } else {
            builder.addCode(code);
        }
    }

    /** @return the value's text, or a RowException naming the page's row if it is not valid UTF-8 */
    private String text(Binary value, int row) {
        try {
            return utf8(utf8, value);
        } catch (IllegalArgumentException e) {
            throw new RowException(row, e);
        }
    }

    @Override
    ColumnBuilder builder() {
        return builder;
    }
}
