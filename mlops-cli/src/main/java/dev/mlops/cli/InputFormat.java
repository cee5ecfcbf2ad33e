package dev.mlops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.component.ComponentException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.Batch;
import dev.mlops.data.io.Compression;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.JsonLinesFormat;
import dev.mlops.data.io.LocalTimes;
import dev.mlops.data.io.TableFormat;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How the commands find a file's {@link TableFormat}: through the run's {@link ComponentRegistry},
 * so that every registered type, a plugin's too, reads and writes tables. A file's name chooses
 * the type when nothing else does: its extension, when a type has that name ({@code .csv},
 * {@code .jsonl}, a plugin's {@code .parquet}), {@code .ndjson} for JSON Lines, and CSV for any
 * other, after a compression's extension is removed ({@code data.csv.gz} is CSV,
 * {@code rows.jsonl.zst} JSON Lines; {@link Compression}). The formats read compressed files
 * whatever their names, and write them compressed as their names say. Stateless, thread-safe.
 */
final class InputFormat {
    /** JSON Lines' other common extension, which names no type. */
    private static final String NDJSON = "ndjson";

    private InputFormat() {
        throw new AssertionError("no instances");
    }

    /**
     * @param file a file
     * @param registry the run's types
     * @return the type its extension names, after a compression's extension ({@code .gz},
     *     {@code .zst}, {@code .bz2}, {@code .xz}) is removed: a {@link TableFormat} type of the
     *     extension's name (in any case), JSON Lines for {@code .ndjson}, or empty
     */
    static Optional<String> typeNamedBy(Path file, ComponentRegistry registry) {
        String name = Compression.withoutExtension(String.valueOf(file.getFileName()));
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (extension.equals(NDJSON)) {
            return Optional.of(JsonLinesFormat.TYPE);
        }
        return find(registry, extension).map(ComponentType::name);
    }

    /**
     * @param file a file
     * @param registry the run's types
     * @return the format of a file by its name alone (see {@link #typeNamedBy}; CSV when the
     *     extension names no type), with the type's default settings
     */
    static TableFormat defaultsFor(Path file, ComponentRegistry registry) {
        String type = typeNamedBy(file, registry).orElse(CsvFormat.TYPE);
        return registry.create(TableFormat.class, new ComponentSpec(type, JsonNodeFactory.instance.objectNode()));
    }

    /**
     * @param tableFormat a format
     * @return the compression its {@code compression} setting gives, if it has that setting and it
     *     is given (the built-in CSV and JSON Lines formats have it)
     */
    static Optional<Compression> compressionSetting(TableFormat tableFormat) {
        JsonNode setting = tableFormat.spec().settings().get("compression");
        return setting == null || !setting.isTextual() ? Optional.empty()
                : Optional.of(Compression.fromLabel(setting.asText()));
    }

    /**
     * @param tableFormat the format a file is written in
     * @param file the file
     * @return how the format compresses the file: as its {@code compression} setting says, or else
     *     as the file's name says ({@link Compression#forName})
     */
    static Compression compressionOf(TableFormat tableFormat, Path file) {
        return compressionSetting(tableFormat).orElse(Compression.forName(file));
    }

    /** @return the table format type of that name, or else the only one of that name in another case */
    private static Optional<ComponentType<?, ?>> find(ComponentRegistry registry, String name) {
        Optional<ComponentType<?, ?>> exact = registry.find(TableFormat.class, name);
        if (exact.isPresent()) {
            return exact;
        }
        List<ComponentType<?, ?>> others = registry.types(TableFormat.class).stream()
                .filter(type -> type.name().equalsIgnoreCase(name)).toList();
        return others.size() == 1 ? Optional.of(others.get(0)) : Optional.empty();
    }

    /**
     * The options that say how a command reads its input file, {@code --format}, {@code --delimiter},
     * {@code --missing}, {@code --charset}, {@code --zone} and {@code --local-times}: a picocli mixin
     * ({@code @Mixin InputFormat.Options input}) on every command that reads a table, which must be
     * a subcommand of {@link MlopsCommand}, whose {@link MlopsCommand#registry() registry} builds
     * the format. {@code --format} names any registered {@link TableFormat} type or gives a whole
     * spec; without it the file's name chooses ({@link #typeNamedBy}, CSV by default). The other
     * options are settings of the chosen type ({@code delimiter}, {@code missingTokens},
     * {@code charset}, {@code zone}, {@code localTimes}), refused for a type without that setting.
     */
    static final class Options {
        @Spec(Spec.Target.MIXEE)
        private @Nullable CommandSpec mixee;

        @Option(names = "--format", paramLabel = "FORMAT",
                description = "The format's type, such as csv or jsonl (or a plugin's), or its spec, such as "
                        + "'csv(delimiter=\";\", header=false)' or 'csv(compression=gzip)'; default: the type the file "
                        + "name's extension names after a .gz, .zst, .bz2 or .xz (.ndjson is jsonl), else csv. "
                        + "Compressed files read whatever their names. 'mlops components' lists the TableFormat types.")
        private @Nullable String format;

        @Option(names = "--delimiter", paramLabel = "CHAR", converter = CommandSupport.DelimiterConverter.class,
                description = "The format's setting 'delimiter' (CSV: the character between values, default ,); "
                        + "'tab' or '\\t' for a tab.")
        private @Nullable Character delimiter;

        @Option(names = "--missing", paramLabel = "TOKEN",
                description = "The format's setting 'missingTokens' (CSV): a cell text that means a missing value; "
                        + "repeat for several. Replaces the defaults: the empty cell, NA and ? (give --missing '' "
                        + "to keep the empty cell).")
        private @Nullable List<String> missingTokens;

        @Option(names = "--charset", paramLabel = "CHARSET", converter = CommandSupport.CharsetConverter.class,
                description = "The format's setting 'charset' (CSV): the file's character encoding, such as "
                        + "ISO-8859-1 or windows-1252 (default: UTF-8). Decoding is strict: bytes that are not valid "
                        + "in it are an error naming the line and byte offset (JSON Lines is always UTF-8).")
        private @Nullable Charset charset;

        @Option(names = "--zone", paramLabel = "ZONE", converter = CommandSupport.ZoneConverter.class,
                description = "The format's setting 'zone': read local dates and times as timestamps in this zone, "
                        + "such as Europe/Berlin or UTC; without it they are categories.")
        private @Nullable ZoneId zone;

        @Option(names = "--local-times", paramLabel = "POLICY", converter = LocalTimesConverter.class,
                description = "The format's setting 'localTimes': what to do with a local time that --zone skips or "
                        + "shows twice (a daylight-saving gap or overlap, such as 2024-03-31 02:30 or 2024-10-27 "
                        + "02:30 in Europe/Berlin): error (the default) refuses it naming the cell; earlier or later "
                        + "take the overlap's earlier or later instant, and both move a gap's time forward by the "
                        + "gap (02:30 reads as 03:30). The number resolved is logged.")
        private @Nullable LocalTimes localTimes;

        /** @return true if any of the options was given */
        boolean given() {
            return format != null || delimiter != null || missingTokens != null || charset != null || zone != null
                    || localTimes != null;
        }

        /** @return true if {@code --zone} was given */
        boolean zoneGiven() {
            return zone != null;
        }

        /**
         * The extension, with its dot, of the files a command writes in the format it read its
         * input with: the input's own extension when its name chose the format (no {@code --format})
         * or names the format's type, so {@code cities.tsv} gives {@code .tsv} and {@code rows.ndjson}
         * {@code .ndjson}; else the type's name, such as {@code .csv} for {@code rows.txt} read with
         * {@code --format csv}. The input's compression is kept: {@code data.csv.gz} gives
         * {@code .csv.gz}, and {@code rows.txt.zst} read with {@code --format jsonl} {@code .jsonl.zst};
         * a format whose {@code compression} setting is given ({@code csv(compression=xz)}) gives that
         * compression's extension ({@code .csv.xz}) or none.
         *
         * @param file the input file
         * @param tableFormat the format it was read with, from {@link #tableFormat}
         * @return the extension, such as {@code .csv}
         */
        String extension(Path file, TableFormat tableFormat) {
            String fileName = String.valueOf(file.getFileName());
            String name = Compression.withoutExtension(fileName);
            int dot = name.lastIndexOf('.');
            boolean named = typeNamedBy(file, registry(Objects.requireNonNull(mixee, "mixee")))
                    .filter(tableFormat.type()::equals).isPresent();
            String formatExtension = dot > 0 && (format == null || named) ? name.substring(dot) : "." + tableFormat.type();
            Optional<Compression> setting = compressionSetting(tableFormat);
            String compressionExtension = setting.map(Compression::extension)
                    .orElse(fileName.substring(name.length()));
            return formatExtension + compressionExtension;
        }

        /**
         * Reads the input file with the format of {@link #tableFormat}, logging at debug level how
         * long it took.
         *
         * @param file the input file
         * @return its table
         * @throws picocli.CommandLine.ParameterException as {@link #tableFormat} does
         */
        Table read(Path file) {
            TableFormat tableFormat = tableFormat(file);
            return timed(file, tableFormat, () -> tableFormat.read(file), Function.identity());
        }

        /**
         * Reads the input file as a batch against what is expected of it
         * ({@link TableFormat#readBatch}), with a given format, logging at debug level how long it took.
         *
         * @param file the input file
         * @param tableFormat its format, from {@link #tableFormat}
         * @param expected the columns whose types are expected, such as a check suite's schema
         * @return the rows that were read, their origins if the format knows them, and the bad cells
         */
        Batch readBatch(Path file, TableFormat tableFormat, Schema expected) {
            return timed(file, tableFormat, () -> tableFormat.readBatch(file, expected), Batch::table);
        }

        private static <T> T timed(Path file, TableFormat tableFormat, Supplier<T> reading, Function<T, Table> table) {
            // looked up here, not in a static field: --verbose sets the log level before the first logger exists
            Logger log = LoggerFactory.getLogger(InputFormat.class);
            log.debug("reading {} as {}", file, tableFormat.spec());
            long start = System.nanoTime();
            T read = reading.get();
            Table rows = table.apply(read);
            log.debug("read {} rows and {} columns in {} ms", rows.rowCount(), rows.columnCount(),
                    (System.nanoTime() - start) / 1_000_000);
            return read;
        }

        /**
         * @param file the input file
         * @return how to read (and write back) the file with these options, built by the registry
         * @throws picocli.CommandLine.ParameterException if {@code --format} does not parse or names
         *     no type (with a did-you-mean hint), an option is a setting the type lacks or that the
         *     spec already gives, or the type refuses the settings
         */
        TableFormat tableFormat(Path file) {
            CommandSpec command = Objects.requireNonNull(mixee, "mixee");
            ComponentRegistry registry = registry(command);
            ComponentSpec spec = spec(command, registry, file);
            Optional<ComponentType<?, ?>> found = find(registry, spec.type());
            if (found.isEmpty()) {
                // the registry refuses it, naming the known types with a did-you-mean hint
                String text = format != null ? format : spec.type();
                return create(command, () -> registry.create(TableFormat.class, text));
            }
            ComponentType<?, ?> type = found.get();
            ObjectNode settings = spec.settings();
            for (Map.Entry<String, Setting> option : options().entrySet()) {
                Setting setting = option.getValue();
                if (!type.settingNames().contains(setting.name())) {
                    throw CommandSupport.usage(command, option.getKey() + " does not apply to format '" + type.name()
                            + "' (its settings: " + String.join(", ", type.settingNames()) + ")");
                }
                if (settings.has(setting.name())) {
                    throw CommandSupport.usage(command, option.getKey() + " and --format '" + format
                            + "' both give the setting '" + setting.name() + "'; give it once");
                }
                settings.set(setting.name(), setting.value());
            }
            ComponentSpec complete = new ComponentSpec(type.name(), settings);
            return create(command, () -> registry.create(TableFormat.class, complete));
        }

        /** The spec of {@code --format}, or the type the file's name says with no settings. */
        private ComponentSpec spec(CommandSpec command, ComponentRegistry registry, Path file) {
            if (format == null) {
                return new ComponentSpec(typeNamedBy(file, registry).orElse(CsvFormat.TYPE),
                        JsonNodeFactory.instance.objectNode());
            }
            try {
                return ComponentSpec.parse(format);
            } catch (ComponentException e) {
                throw CommandSupport.usage(command, "--format: " + e.getMessage());
            }
        }

        /** Builds the format; a type the registry does not know or that refuses its settings is a usage error. */
        private static TableFormat create(CommandSpec command, Supplier<TableFormat> build) {
            try {
                return build.get();
            } catch (ComponentException e) {
                throw CommandSupport.usage(command, "--format: " + e.getMessage());
            }
        }

        /** @return the options given, by name, with the setting each gives */
        private Map<String, Setting> options() {
            JsonNodeFactory json = JsonNodeFactory.instance;
            Map<String, Setting> given = new LinkedHashMap<>();
            if (delimiter != null) {
                given.put("--delimiter", new Setting("delimiter", json.textNode(delimiter.toString())));
            }
            if (missingTokens != null) {
                ArrayNode tokens = json.arrayNode();
                missingTokens.forEach(tokens::add);
                given.put("--missing", new Setting("missingTokens", tokens));
            }
            if (charset != null) {
                given.put("--charset", new Setting("charset", json.textNode(charset.name())));
            }
            if (zone != null) {
                given.put("--zone", new Setting("zone", json.textNode(zone.getId())));
            }
            if (localTimes != null) {
                given.put("--local-times", new Setting("localTimes", json.textNode(localTimes.label())));
            }
            return given;
        }

        /** Reads {@code --local-times}: error, earlier or later. */
        static final class LocalTimesConverter extends EnumNameConverter<LocalTimes> {
            LocalTimesConverter() {
                super(LocalTimes.class);
            }
        }

        /** A setting that an option gives. */
        private record Setting(String name, JsonNode value) {
        }

        /** @return the registry of the {@code mlops} command whose subcommand this mixin is on */
        static ComponentRegistry registry(CommandSpec command) {
            if (command.root().userObject() instanceof MlopsCommand mlops) {
                return mlops.registry();
            }
            throw new IllegalStateException("the input options work on a subcommand of mlops, not on "
                    + command.qualifiedName());
        }
    }
}
