package dev.mlops.testkit;

import dev.mlops.core.table.Schema;
import dev.mlops.data.io.TableFormat;
import dev.mlops.parquet.ParquetFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Runs the {@link TableFormatContract} against {@link ParquetFormat} with its default settings. A
 * Parquet file carries its own schema (mlops' in its metadata), so the format with a schema is
 * the default one; it has no lines; and its {@code TIMESTAMP(MICROS)} holds instants to the
 * microsecond within about ±292,000 years of 1970, refusing the others.
 */
class ParquetFormatContractTest extends TableFormatContract {
    private static final long MICROS_PER_SECOND = 1_000_000L;

    @Override
    protected TableFormat format() {
        return ParquetFormat.defaults();
    }

    @Override
    protected TableFormat format(Schema schema) {
        return ParquetFormat.defaults();
    }

    /** A Parquet file whose footer was cut off: its last bytes are not the footer's length and magic number. */
    @Override
    protected byte[] malformedInput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("PAR1".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("no pages, no footer".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Override
    protected long malformedLine() {
        return 0;
    }

    @Override
    protected boolean holdsInstant(Instant instant) {
        if (instant.getNano() % 1_000 != 0) {
            return false;
        }
        long second = instant.getEpochSecond();
        return second >= Math.floorDiv(Long.MIN_VALUE, MICROS_PER_SECOND) + 1
                && second <= Math.floorDiv(Long.MAX_VALUE, MICROS_PER_SECOND) - 1;
    }
}
