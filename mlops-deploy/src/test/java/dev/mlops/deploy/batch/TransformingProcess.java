package dev.mlops.deploy.batch;

import dev.mlops.data.io.CsvFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM that runs a slow batch transform of the input it is given to the output it is
 * given, resuming if a checkpoint is there, so that the parent kills it half-way.
 */
final class TransformingProcess {
    static final int CHUNK_ROWS = 50;
    static final String MODEL = "logistic-1";

    private TransformingProcess() {
    }

    public static void main(String[] args) {
        transform(Path.of(args[0]), Path.of(args[1]), TimeUnit.MILLISECONDS.toNanos(40)).run();
    }

    static BatchTransform transform(Path input, Path output, long pauseNanos) {
        return BatchTransform.builder(new Logistic(pauseNanos), MODEL)
                .input(input, CsvFormat.defaults())
                .output(output, CsvFormat.defaults())
                .idColumn("id")
                .keep(List.of("city"))
                .chunkRows(CHUNK_ROWS)
                .threads(2)
                .resume(true)
                .build();
    }
}
