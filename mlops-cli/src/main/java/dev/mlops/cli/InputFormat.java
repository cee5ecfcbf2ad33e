package dev.mlops.cli;

import dev.mlops.core.table.Table;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.JsonLinesFormat;
import dev.mlops.data.io.TableFormat;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    /** @return the file name extension, with its dot, of a file written in this format */
    String extension() {
        return this == JSONL ? ".jsonl" : ".csv";
    }

    /** Reads {@code --format}: {@code csv} or {@code jsonl} in any case. */
    static final class Converter extends EnumNameConverter<InputFormat> {
        Converter() {
            super(InputFormat.class);
        }
    }

    /**
     * The options that say how a command reads its input file, {@code --format}, {@code --delimiter},
     * {@code --missing}, {@code --charset} and {@code --zone}: a picocli mixin
     * ({@code @Mixin InputFormat.Options input}) on every command that reads a table. The CSV-only
     * options ({@code --delimiter}, {@code --missing}, {@code --charset}) are refused for a JSON
     * Lines file, which is UTF-8 by definition.
     */
    static final class Options {
        @Spec(Spec.Target.MIXEE)
        private @Nullable CommandSpec mixee;

        @Option(names = "--format", paramLabel = "FORMAT", converter = Converter.class,
                description = "csv or jsonl, when the file name does not tell.")
        private @Nullable InputFormat format;

        @Option(names = "--delimiter", paramLabel = "CHAR", converter = CommandSupport.DelimiterConverter.class,
                description = "CSV only: the character between values (default: ,); 'tab' or '\\t' for a tab.")
        private @Nullable Character delimiter;

        @Option(names = "--missing", paramLabel = "TOKEN",
                description = "CSV only: a cell text that means a missing value; repeat for several. "
                        + "Replaces the defaults: the empty cell, NA and ? (give --missing '' to keep the empty cell).")
        private @Nullable List<String> missingTokens;

        @Option(names = "--charset", paramLabel = "CHARSET", converter = CommandSupport.CharsetConverter.class,
                description = "CSV only: the file's character encoding, such as ISO-8859-1 or windows-1252 "
                        + "(default: UTF-8).")
        private @Nullable Charset charset;

        @Option(names = "--zone", paramLabel = "ZONE", converter = CommandSupport.ZoneConverter.class,
                description = "Read local dates and times as timestamps in this zone, such as Europe/Berlin or UTC; "
                        + "without it they are categories.")
        private @Nullable ZoneId zone;

        /** @return true if any of the options was given */
        boolean given() {
            return format != null || delimiter != null || missingTokens != null || charset != null || zone != null;
        }

        /** @return true if {@code --zone} was given */
        boolean zoneGiven() {
            return zone != null;
        }

        /**
         * @param file the input file
         * @return the format given with {@code --format}, or else the one the file's name says
         */
        InputFormat formatOf(Path file) {
            return format != null ? format : of(file);
        }

        /**
         * Reads the input file with type inference, logging at debug level how long it took.
         *
         * @param file the input file
         * @return its table
         * @throws picocli.CommandLine.ParameterException if a CSV-only option is given for a JSON Lines file
         */
        Table read(Path file) {
            TableFormat tableFormat = tableFormat(file);
            // looked up here, not in a static field: --verbose sets the log level before the first logger exists
            Logger log = LoggerFactory.getLogger(InputFormat.class);
            log.debug("reading {} as {}", file, formatOf(file));
            long start = System.nanoTime();
            Table table = tableFormat.read(file);
            log.debug("read {} rows and {} columns in {} ms", table.rowCount(), table.columnCount(),
                    (System.nanoTime() - start) / 1_000_000);
            return table;
        }

        /**
         * @param file the input file
         * @return how to read (and write back) the file with these options
         * @throws picocli.CommandLine.ParameterException if a CSV-only option is given for a JSON Lines file
         */
        TableFormat tableFormat(Path file) {
            if (formatOf(file) == JSONL) {
                if (delimiter != null || missingTokens != null || charset != null) {
                    throw CommandSupport.usage(Objects.requireNonNull(mixee, "mixee"),
                            "--delimiter, --missing and --charset apply to CSV only, but " + file
                                    + " is read as JSON Lines (UTF-8)");
                }
                return zone == null ? JsonLinesFormat.defaults() : JsonLinesFormat.builder().zone(zone).build();
            }
            CsvFormat.Builder builder = CsvFormat.builder();
            if (delimiter != null) {
                builder.delimiter(delimiter);
            }
            if (missingTokens != null) {
                builder.missingTokens(missingTokens.toArray(String[]::new));
            }
            if (charset != null) {
                builder.charset(charset);
            }
            if (zone != null) {
                builder.zone(zone);
            }
            return builder.build();
        }
    }
}
