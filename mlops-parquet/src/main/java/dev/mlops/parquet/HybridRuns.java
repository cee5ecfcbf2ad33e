package dev.mlops.parquet;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;

/**
 * Decodes Parquet's RLE/bit-packed hybrid encoding, in which definition levels and dictionary
 * ids are stored, many values at a time: a run of one repeated value is filled in at once, and a
 * bit-packed run is unpacked eight values at a time ({@link BytePacker}), where parquet-column's
 * decoder returns one value per call. Each run starts with a ULEB128 header: an even header is
 * a repeated run of {@code header >>> 1} values, the value in the next {@code ceil(width / 8)}
 * bytes (little-endian); an odd one is {@code header >>> 1} groups of eight values, packed in
 * {@code width} bytes per group. As in parquet-column, the last bit-packed run of the data may be
 * cut short: the values it lacks read as 0, and a caller asks only for as many values as the
 * page holds. Reads from a buffer's position to its limit, without moving either. Not
 * thread-safe.
 */
final class HybridRuns {
    private static final int GROUP = 8;
    private static final int MAX_WIDTH = 32;

    private final ByteBuffer data;
    private final int width;
    private final BytePacker packer;
    private final int[] group = new int[GROUP];
    private int at;
    private boolean repeated;
    private int repeatedValue;
    private int left;
    private int groupAt = GROUP;

    /**
     * @param data the encoded values, from its position to its limit
     * @param width the bits of each value, 0 to 32
     * @throws IllegalArgumentException if the width is out of range
     */
    HybridRuns(ByteBuffer data, int width) {
        if (width < 0 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("a bit width of " + width + " is outside 0 to " + MAX_WIDTH);
        }
        this.data = data;
        this.width = width;
        this.packer = Packer.LITTLE_ENDIAN.newBytePacker(width);
        this.at = data.position();
    }

    /**
     * Decodes the next values.
     *
     * @param target where to put them
     * @param offset the index of the first
     * @param count how many to decode
     * @throws IllegalArgumentException if the data ends before that many values, or a run header
     *     or repeated value is malformed
     */
    void read(int[] target, int offset, int count) {
        int to = offset + count;
        int next = offset;
        while (next < to) {
            if (left == 0) {
                startRun();
            }
            int n = Math.min(to - next, left);
            if (repeated) {
                Arrays.fill(target, next, next + n, repeatedValue);
            } else {
                unpack(target, next, n);
            }
            next += n;
            left -= n;
        }
    }

    /** Copies n values of the current bit-packed run: the rest of a group unpacked before, whole groups, then a part. */
    private void unpack(int[] target, int offset, int n) {
        int next = offset;
        int to = offset + n;
        while (next < to && groupAt < GROUP) {
            target[next++] = group[groupAt++];
        }
        while (to - next >= GROUP) {
            unpackGroup(target, next);
            next += GROUP;
        }
        if (next < to) {
            unpackGroup(group, 0);
            groupAt = 0;
            while (next < to) {
                target[next++] = group[groupAt++];
            }
        }
    }

    /** Unpacks one group of eight values, zero-filling the bytes a cut-short run lacks. */
    private void unpackGroup(int[] target, int offset) {
        if (at + width <= data.limit()) {
            packer.unpack8Values(data, at, target, offset);
        } else {
            byte[] padded = new byte[width];
            if (at < data.limit()) {
                data.get(at, padded, 0, data.limit() - at);
            }
            packer.unpack8Values(ByteBuffer.wrap(padded), 0, target, offset);
        }
        at += width;
    }

    /** Reads run headers up to the next run of at least one value (a writer may store an empty one). */
    private void startRun() {
        while (left == 0) {
            if (at >= data.limit()) {
                throw new IllegalArgumentException("the encoded values end before the page's values do");
            }
            long header = header();
            repeated = (header & 1) == 0;
            long values = repeated ? header >>> 1 : (header >>> 1) * GROUP;
            if (values > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a run of " + values + " values, more than a page holds");
            }
            left = (int) values;
            if (repeated) {
                repeatedValue = repeatedValue();
            } else {
                groupAt = GROUP;
            }
        }
    }

    /** @return the run header, a ULEB128 varint of at most 5 bytes */
    private long header() {
        long value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (at >= data.limit()) {
                break;
            }
            int b = data.get(at++);
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a run header is cut short or longer than 5 bytes");
    }

    private int repeatedValue() {
        int bytes = (width + 7) / 8;
        if (at + bytes > data.limit()) {
            throw new IllegalArgumentException("a repeated run's value is cut short");
        }
        int value = 0;
        for (int i = 0; i < bytes; i++) {
            value |= (data.get(at++) & 0xFF) << (8 * i);
        }
        return value;
    }
}
