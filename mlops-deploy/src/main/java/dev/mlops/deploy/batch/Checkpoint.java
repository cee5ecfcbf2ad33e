package dev.mlops.deploy.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The progress of a batch transform after its last completed chunk, as its checkpoint file keeps
 * it: what was read (the input's hash, the model's fingerprint, the output's columns) and how far
 * (chunks, input offset and line, the committed lengths of the output and error files, counts).
 * Written atomically after the output and error files are forced to disk, so that a checkpoint
 * never claims bytes a crash could lose.
 *
 * @param inputSha256 the input file's SHA-256, hex
 * @param model the model's fingerprint
 * @param columns the output's columns, in order
 * @param chunks the chunks completed
 * @param inputOffset the input offset where the next chunk starts
 * @param inputLine the physical line where the next chunk starts
 * @param outputLength the output file's committed length
 * @param errorsLength the error file's committed length
 * @param rowsIn the rows read so far
 * @param rowsOut the rows predicted so far
 * @param errors the rows set apart so far
 * @param complete whether the whole input was transformed
 */
record Checkpoint(String inputSha256, String model, List<String> columns, long chunks, long inputOffset,
        long inputLine, long outputLength, long errorsLength, long rowsIn, long rowsOut, long errors,
        boolean complete) {
    /** The checkpoint document's kind. */
    static final String KIND = "batch-transform-checkpoint";
    private static final int FORMAT_VERSION = 1;

    Checkpoint {
        Objects.requireNonNull(inputSha256, "inputSha256");
        Objects.requireNonNull(model, "model");
        columns = List.copyOf(columns);
    }

    /**
     * @param chunkEnd the input offset past the chunk
     * @param chunkEndLine the line past the chunk
     * @param outputBytes the bytes the chunk added to the output
     * @param errorBytes the bytes it added to the error file
     * @param in its rows
     * @param out its predicted rows
     * @param bad its rows set apart
     * @return the checkpoint after one more chunk
     */
    Checkpoint advance(long chunkEnd, long chunkEndLine, long outputBytes, long errorBytes, long in, long out,
            long bad) {
        return new Checkpoint(inputSha256, model, columns, chunks + 1, chunkEnd, chunkEndLine,
                outputLength + outputBytes, errorsLength + errorBytes, rowsIn + in, rowsOut + out, errors + bad,
                false);
    }

    /** @return this checkpoint, marked complete */
    Checkpoint completed() {
        return new Checkpoint(inputSha256, model, columns, chunks, inputOffset, inputLine, outputLength,
                errorsLength, rowsIn, rowsOut, errors, true);
    }

    /**
     * Writes the checkpoint atomically.
     *
     * @param file the checkpoint file
     */
    void write(Path file) {
        ObjectNode document = Documents.create(KIND, FORMAT_VERSION);
        document.put("inputSha256", inputSha256);
        document.put("model", model);
        ArrayNode names = document.putArray("columns");
        columns.forEach(names::add);
        document.put("chunks", chunks);
        document.put("inputOffset", inputOffset);
        document.put("inputLine", inputLine);
        document.put("outputLength", outputLength);
        document.put("errorsLength", errorsLength);
        document.put("rowsIn", rowsIn);
        document.put("rowsOut", rowsOut);
        document.put("errors", errors);
        document.put("complete", complete);
        AtomicFiles.writeString(file, Documents.write(document));
    }

    /**
     * @param file a checkpoint file
     * @return the checkpoint it holds
     * @throws dev.mlops.core.DataFormatException if it is not valid JSON
     * @throws dev.mlops.core.json.DocumentException if it is not a checkpoint
     */
    static Checkpoint read(Path file) {
        DocumentReader reader = Documents.load(file);
        reader.requireKind(KIND, FORMAT_VERSION);
        return new Checkpoint(reader.text("inputSha256"), reader.text("model"), reader.texts("columns"),
                reader.longValue("chunks"), reader.longValue("inputOffset"), reader.longValue("inputLine"),
                reader.longValue("outputLength"), reader.longValue("errorsLength"), reader.longValue("rowsIn"),
                reader.longValue("rowsOut"), reader.longValue("errors"), reader.bool("complete", false));
    }
}
