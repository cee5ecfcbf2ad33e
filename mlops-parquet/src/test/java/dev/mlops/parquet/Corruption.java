package dev.mlops.parquet;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/** Overwrites bytes in the middle of a column chunk's pages, as a damaged disk or copy would. */
final class Corruption {
    private Corruption() {
    }

    /**
     * @param file a Parquet file
     * @param column the column whose chunks are damaged
     * @param rowGroups the 0-based row groups whose chunk is damaged; none for every row group
     * @return the file
     */
    static Path damage(Path file, String column, int... rowGroups) {
        try (ParquetFileReader reader = Footers.open(file);
                RandomAccessFile bytes = new RandomAccessFile(file.toFile(), "rw")) {
            List<BlockMetaData> groups = reader.getRowGroups();
            for (int g = 0; g < groups.size(); g++) {
                int group = g;
                if (rowGroups.length > 0 && java.util.Arrays.stream(rowGroups).noneMatch(i -> i == group)) {
                    continue;
                }
                for (ColumnChunkMetaData chunk : groups.get(g).getColumns()) {
                    if (chunk.getPath().toDotString().equals(column)) {
                        bytes.seek(chunk.getStartingPos() + chunk.getTotalSize() * 3 / 4);
                        bytes.write(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 1, 2, 3, 4});
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
