package dev.mlops.cli;

import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.JsonLinesFormat;
import dev.mlops.data.io.TableFormat;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats the commands read: a file whose name ends with .jsonl or .ndjson is JSON Lines, any other CSV. */
enum InputFormat {
    CSV,
    JSONL;

    /** @return the format of a file, read and written with the default settings */
    static TableFormat defaultsFor(Path file) {
        return of(file) == JSONL ? JsonLinesFormat.defaults() : CsvFormat.defaults();
    }

    static InputFormat of(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") ? JSONL : CSV;
    }

    /** Reads {@code --format}: {@code csv} or {@code jsonl} in any case. */
    static final class Converter extends EnumNameConverter<InputFormat> {
        Converter() {
            super(InputFormat.class);
        }
    }
}
