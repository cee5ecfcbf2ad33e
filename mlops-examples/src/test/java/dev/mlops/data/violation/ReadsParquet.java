package dev.mlops.data.violation;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** Breaks the rule that Parquet's API stays in mlops-parquet: mlops-data parses a Parquet schema itself. */
public final class ReadsParquet {
    private ReadsParquet() {
    }

    /**
     * Parses a schema, as only mlops-parquet may.
     *
     * @param text a Parquet schema in its text form
     * @return the schema
     */
    public static MessageType schema(String text) {
        return MessageTypeParser.parseMessageType(text);
    }
}
