package dev.mlops.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;

/** Opens a Parquet file with parquet-hadoop directly, as the tests inspect what was written. */
final class Footers {
    private Footers() {
    }

    /** @return a reader of the file, with the pure-Java codecs and no Hadoop configuration */
    static ParquetFileReader open(Path file) {
        try {
            return ParquetFileReader.open(new LocalInputFile(file), ParquetReadOptions
                    .builder(new PlainParquetConfiguration()).withCodecFactory(new AirliftCodecs()).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
