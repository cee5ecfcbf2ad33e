package dev.mlops.parquet;

import dev.mlops.core.component.ComponentType;
import dev.mlops.data.io.TableFormat;

/**
 * The component type {@value ParquetFormat#TYPE}: builds a {@link ParquetFormat} from its
 * {@link ParquetFormat.Settings}. Found by {@link dev.mlops.core.component.ComponentRegistry}
 * through {@link java.util.ServiceLoader} when mlops-parquet is on the class path; immutable and
 * thread-safe.
 */
public final class ParquetFormatType extends ComponentType<TableFormat, ParquetFormat.Settings> {

    /** Describes the type. */
    public ParquetFormatType() {
        super(TableFormat.class, ParquetFormat.TYPE, ParquetFormat.Settings.class,
                "Apache Parquet files: typed columns, projection, streaming by row group; Snappy, zstd, gzip, LZ4");
    }

    @Override
    public TableFormat create(ParquetFormat.Settings settings) {
        return ParquetFormat.of(settings);
    }
}
