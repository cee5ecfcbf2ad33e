package dev.mlops.core.io;

import java.io.IOException;

/**
 * A callback that consumes a value and may fail with an {@link IOException}, such as the code
 * that writes a file's content to the stream {@link AtomicFiles#write(java.nio.file.Path,
 * IoConsumer)} hands it.
 *
 * @param <T> the type of the value consumed
 */
@FunctionalInterface
public interface IoConsumer<T> {

    /**
     * Consumes the value.
     *
     * @param value the value to consume
     * @throws IOException when reading or writing fails; the caller wraps or reports it
     */
    void accept(T value) throws IOException;
}
