package dev.mlops.parquet;

import dev.mlops.core.table.ColumnBuilder;
import dev.mlops.core.table.NumericColumn;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.util.EnumSet;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.jspecify.annotations.Nullable;

/**
 * Reads the pages of a flat column of {@code DOUBLE}, {@code FLOAT} or signed {@code INT32} or
 * {@code INT64} numbers into a numeric column, the hot path of numeric tables: {@code PLAIN}
 * doubles are copied from the page in one bulk append
 * ({@link NumericColumn.Builder#add(DoubleBuffer)}), other {@code PLAIN} numbers converted from
 * the page's little-endian values in one loop, dictionary-encoded ones looked up in the chunk's
 * dictionary, converted once into an array of doubles; other encodings ({@code BYTE_STREAM_SPLIT},
 * the delta encodings) go through Parquet's reader. An integer becomes the nearest double, as
 * Java's conversion gives. Missing values are placed by the page's definition levels. Not
 * thread-safe.
 */
final class NumberPages extends PagedDecoder {
    /** The physical types read. */
    static final Set<PrimitiveTypeName> READ = EnumSet.of(PrimitiveTypeName.DOUBLE, PrimitiveTypeName.FLOAT,
            PrimitiveTypeName.INT32, PrimitiveTypeName.INT64);

    private final NumericColumn.Builder builder;
    private final PrimitiveTypeName type;
    private @Nullable Dictionary dictionary;
    private double[] entries = new double[0];
    private double[] dense = new double[0];

    /**
     * @param builder the column being built
     * @param type the column's physical type: {@code DOUBLE}, {@code FLOAT}, {@code INT32} or
     *     {@code INT64}, the integers signed
     * @throws IllegalArgumentException if the type is another
     */
    NumberPages(NumericColumn.Builder builder, PrimitiveTypeName type) {
        if (!READ.contains(type)) {
            throw new IllegalArgumentException("pages of " + type + " are not read as numbers");
        }
        this.builder = builder;
        this.type = type;
    }

    @Override
    void startChunk(@Nullable Dictionary chunkDictionary) {
        dictionary = chunkDictionary;
        if (chunkDictionary != null) {
            entries = new double[chunkDictionary.getMaxId() + 1];
            for (int id = 0; id < entries.length; id++) {
                entries[id] = switch (type) {
                    case DOUBLE -> chunkDictionary.decodeToDouble(id);
                    case FLOAT -> chunkDictionary.decodeToFloat(id);
                    case INT32 -> chunkDictionary.decodeToInt(id);
                    default -> chunkDictionary.decodeToLong(id);
                };
            }
        }
    }

    @Override
    void appendPage(ColumnDescriptor column, Encoding encoding, ByteBuffer data, int values, int present,
            int @Nullable [] presence) {
        DoubleBuffer decoded;
        if (encoding == Encoding.PLAIN) {
            decoded = plain(data, present, presence, column.getMaxDefinitionLevel());
        } else if (encoding.usesDictionary()) {
            int[] ids = dictionaryIds(data, present, dictionary(dictionary).getMaxId() + 1, presence,
                    column.getMaxDefinitionLevel());
            double[] target = dense(present);
            for (int i = 0; i < present; i++) {
                target[i] = entries[ids[i]];
            }
            decoded = DoubleBuffer.wrap(target, 0, present);
        } else {
            ValuesReader reader = valuesReader(column, encoding, data, present);
            double[] target = dense(present);
            for (int i = 0; i < present; i++) {
                try {
                    target[i] = switch (type) {
                        case DOUBLE -> reader.readDouble();
                        case FLOAT -> reader.readFloat();
                        case INT32 -> reader.readInteger();
                        default -> reader.readLong();
                    };
                } catch (RuntimeException e) {
                    throw new RowException(rowOfPresent(i, presence, column.getMaxDefinitionLevel()), e);
                }
            }
            decoded = DoubleBuffer.wrap(target, 0, present);
        }
        if (presence == null) {
            builder.add(decoded);
        } else {
            // each run of present values in one bulk append
            int max = column.getMaxDefinitionLevel();
            int i = 0;
            while (i < values) {
                int start = i;
                while (i < values && presence[i] == max) {
                    i++;
                }
                builder.add(decoded.limit(decoded.position() + i - start));
                while (i < values && presence[i] != max) {
                    builder.addMissing();
                    i++;
                }
            }
        }
    }

    /**
     * @return the page's first {@code present} little-endian values as doubles
     * @throws RowException naming the row of the first value the page lacks the bytes of
     */
    private DoubleBuffer plain(ByteBuffer data, int present, int @Nullable [] presence, int max) {
        int bytes = switch (type) {
            case DOUBLE, INT64 -> Long.BYTES;
            default -> Integer.BYTES;
        };
        if (data.remaining() / bytes < present) {
            throw new RowException(rowOfPresent(data.remaining() / bytes, presence, max), new IllegalArgumentException(
                    "the page holds " + data.remaining() + " bytes of values, fewer than its " + present
                    + " present values of " + bytes + " bytes need"));
        }
        if (type == PrimitiveTypeName.DOUBLE) {
            return data.asDoubleBuffer().limit(present);
        }
        double[] target = dense(present);
        int at = data.position();
        for (int i = 0; i < present; i++, at += bytes) {
            target[i] = switch (type) {
                case FLOAT -> data.getFloat(at);
                case INT32 -> data.getInt(at);
                default -> data.getLong(at);
            };
        }
        return DoubleBuffer.wrap(target, 0, present);
    }

    private double[] dense(int present) {
        if (dense.length < present) {
            dense = new double[present];
        }
        return dense;
    }

    @Override
    ColumnBuilder builder() {
        return builder;
    }
}
