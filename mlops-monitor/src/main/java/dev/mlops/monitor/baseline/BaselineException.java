package dev.mlops.monitor.baseline;

import dev.mlops.core.MlopsException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A baseline directory is not a baseline: one of its files is missing, or its files do not
 * describe the same training table (another row count, fingerprint or schema). The message names
 * the file and says what was expected. A file that is not JSON, or a document of another kind or
 * a newer format version, is refused by the document reader instead
 * ({@link dev.mlops.core.DataFormatException}, {@link dev.mlops.core.json.DocumentException}),
 * whose message names the file too.
 */
public class BaselineException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** The file at fault. */
    private final String file;

    /**
     * Creates an error about a file of a baseline directory.
     *
     * @param file the file at fault
     * @param problem what was found and what was expected
     */
    public BaselineException(Path file, String problem) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(problem, "problem"));
        this.file = file.toString();
    }

    /** @return the file at fault, as its path was given */
    public String file() {
        return file;
    }
}
