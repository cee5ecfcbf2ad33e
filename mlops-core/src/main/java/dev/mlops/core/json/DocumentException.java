package dev.mlops.core.json;

import dev.mlops.core.MlopsException;

/**
 * A JSON document (a suite, a split, a profile, a report) is well-formed JSON but not the
 * document expected: a field is absent, of the wrong type or unknown, or the kind or format
 * version is not one this version reads. The message names the source, the field's path (such
 * as {@code checks[2].column}) and what was expected.
 */
public class DocumentException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** The document's name, such as a file name. */
    private final String source;
    /** The path of the field at fault, such as {@code checks[2].column}, or empty for the whole document. */
    private final String path;

    /**
     * Creates an error about a place in a document.
     *
     * @param source the document's name, such as its file
     * @param path the path of the object or field at fault, such as {@code checks[2]}; empty for the root
     * @param problem what was found and what was expected
     */
    public DocumentException(String source, String path, String problem) {
        super(source + (path.isEmpty() ? "" : ": " + path) + ": " + problem);
        this.source = source;
        this.path = path;
    }

    /** @return the document's name */
    public String source() {
        return source;
    }

    /** @return the path of the object or field at fault, such as {@code checks[2]}; empty for the root */
    public String path() {
        return path;
    }
}
