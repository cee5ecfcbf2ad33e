package dev.mlops.benchmarks;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A benchmark input written once beside its source and reused: written to a temporary file that
 * is moved into place when complete, so that an interrupted writer never leaves a partial file
 * under the final name.
 */
final class DerivedFile {
    /** Writes the content of a file. */
    @FunctionalInterface
    interface Writer {
        /**
         * Writes the whole content to the file.
         *
         * @param file the (temporary) file to write; it does not exist yet
         * @throws IOException if it cannot be written
         */
        void write(Path file) throws IOException;
    }

    private DerivedFile() {
    }

    /**
     * Returns the file, writing it first if it is not there.
     *
     * @param file the file's final name
     * @param writer writes its content
     * @return the file
     * @throws IOException if it cannot be written or moved into place
     */
    static Path ensure(Path file, Writer writer) throws IOException {
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path temporary = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            writer.write(temporary);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }
}
