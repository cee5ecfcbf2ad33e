package dev.mlops.cli;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats the commands read: a file whose name ends with .jsonl or .ndjson is JSON Lines, any other CSV. */
enum InputFormat {
    CSV,
    JSONL;

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
