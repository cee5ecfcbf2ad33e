package dev.mlops.data.check;

import java.util.Map;

/** A check of this package, which a {@link CheckSuite} can write as JSON and read back. */
interface BuiltInCheck extends Check {

    /**
     * Puts the check's settings, all but {@code type} and {@code severity}, into its JSON object.
     *
     * @param fields the object's fields, in any order (the writer sorts keys)
     */
    void writeSettings(Map<String, Object> fields);
}
