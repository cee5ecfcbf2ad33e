package dev.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mlops.core.json.Json;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.JsonLinesFormat;
import dev.mlops.data.io.TableFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code mlops schema FILE}: reads a CSV or JSON Lines file with type inference and prints its
 * schema, one line per column with its position, name, type and number of missing values, or
 * one JSON object with {@code --json}.
 */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Prints the inferred schema of a CSV or JSON Lines file: each column's position, name, type "
                    + "(numeric, categorical, boolean, timestamp, text) and number of missing values.",
            "A file whose name ends with .jsonl or .ndjson is read as JSON Lines, any other as CSV."
        })
final class SchemaCommand implements Callable<Integer> {
    /** How the file is read. */
    record SchemaReport(String file, int rows, List<ColumnReport> columns) {
    }

    /** One column of the {@code --json} output. */
    record ColumnReport(String name, String type, int missing) {
    }

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV or JSON Lines file (UTF-8).")
    private @Nullable Path file;

    @Option(names = "--format", paramLabel = "FORMAT", converter = InputFormat.Converter.class,
            description = "csv or jsonl, when the file name does not tell.")
    private @Nullable InputFormat format;

    @Option(names = "--delimiter", paramLabel = "CHAR", converter = DelimiterConverter.class,
            description = "CSV only: the character between values (default: ,); 'tab' or '\\t' for a tab.")
    private @Nullable Character delimiter;

    @Option(names = "--missing", paramLabel = "TOKEN",
            description = "CSV only: a cell text that means a missing value; repeat for several. "
                    + "Replaces the defaults: the empty cell, NA and ? (give --missing '' to keep the empty cell).")
    private @Nullable List<String> missingTokens;

    @Option(names = "--zone", paramLabel = "ZONE", converter = ZoneConverter.class,
            description = "Read local dates and times as timestamps in this zone, such as Europe/Berlin or UTC; "
                    + "without it they are categories.")
    private @Nullable ZoneId zone;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    private boolean json;

    SchemaCommand() {
    }

    @Override
    public Integer call() throws JsonProcessingException {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        Path input = Objects.requireNonNull(file, "file");
        InputFormat inputFormat = format != null ? format : InputFormat.of(input);
        TableFormat tableFormat = tableFormat(inputFormat, commandSpec);
        // looked up here, not in a static field: --verbose sets the log level before the first logger exists
        Logger log = LoggerFactory.getLogger(SchemaCommand.class);
        log.debug("reading {} as {}", input, inputFormat);
        long start = System.nanoTime();
        Table table = tableFormat.read(input);
        log.debug("read {} rows and {} columns in {} ms", table.rowCount(), table.columnCount(),
                (System.nanoTime() - start) / 1_000_000);
        PrintWriter out = commandSpec.commandLine().getOut();
        String text = json ? Json.writer().writeValueAsString(report(input, table)) : text(input, table);
        out.print(text);
        out.print('\n');
        out.flush();
        return MlopsCommand.EXIT_OK;
    }

    private TableFormat tableFormat(InputFormat inputFormat, CommandSpec commandSpec) {
        if (inputFormat == InputFormat.JSONL) {
            if (delimiter != null || missingTokens != null) {
                throw new ParameterException(commandSpec.commandLine(), "--delimiter and --missing apply to CSV only, but "
                        + file + " is read as JSON Lines");
            }
            JsonLinesFormat.Builder builder = JsonLinesFormat.builder();
            if (zone != null) {
                builder.zone(zone);
            }
            return builder.build();
        }
        CsvFormat.Builder builder = CsvFormat.builder();
        if (delimiter != null) {
            builder.delimiter(delimiter);
        }
        if (missingTokens != null) {
            builder.missingTokens(missingTokens.toArray(String[]::new));
        }
        if (zone != null) {
            builder.zone(zone);
        }
        return builder.build();
    }

    private static SchemaReport report(Path input, Table table) {
        List<ColumnReport> columns = new ArrayList<>(table.columnCount());
        for (Column column : table.columns()) {
            columns.add(new ColumnReport(column.name(), typeName(column), column.missingCount()));
        }
        return new SchemaReport(input.toString(), table.rowCount(), List.copyOf(columns));
    }

    /** The header line, then one aligned line per column: position, name, type, missing count. */
    private static String text(Path input, Table table) {
        int positionWidth = Math.max(3, digits(table.columnCount()));
        int nameWidth = 1;
        int typeWidth = 1;
        int missingWidth = 1;
        for (Column column : table.columns()) {
            nameWidth = Math.max(nameWidth, column.name().length());
            typeWidth = Math.max(typeWidth, typeName(column).length());
            missingWidth = Math.max(missingWidth, digits(column.missingCount()));
        }
        String line = "%" + positionWidth + "d  %-" + nameWidth + "s  %-" + typeWidth + "s  %" + missingWidth
                + "d missing";
        StringBuilder text = new StringBuilder();
        text.append(input).append(": ").append(count(table.rowCount(), "row")).append(", ")
                .append(count(table.columnCount(), "column"));
        for (int i = 0; i < table.columnCount(); i++) {
            Column column = table.column(i);
            text.append('\n').append(String.format(Locale.ROOT, line, i + 1, column.name(), typeName(column),
                    column.missingCount()).stripTrailing());
        }
        return text.toString();
    }

    private static String typeName(Column column) {
        return column.type().name().toLowerCase(Locale.ROOT);
    }

    private static int digits(int value) {
        return Integer.toString(value).length();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Reads {@code --delimiter}: one character, or {@code tab} or {@code \t} for a tab. */
    static final class DelimiterConverter implements ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            if ("tab".equalsIgnoreCase(value) || "\\t".equals(value)) {
                return '\t';
            }
            if (value.length() != 1) {
                throw new TypeConversionException("expected one character, or 'tab', but was '" + value + "'");
            }
            char c = value.charAt(0);
            if (c == '\n' || c == '\r' || c == '"') {
                throw new TypeConversionException("the delimiter must not be a line break or the quote character \"");
            }
            return c;
        }
    }

    /** Reads {@code --zone}: a zone ID such as {@code Europe/Berlin}, {@code UTC} or {@code +05:30}. */
    static final class ZoneConverter implements ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value);
            } catch (DateTimeException e) {
                throw new TypeConversionException("expected a time zone such as Europe/Berlin, UTC or +05:30 but was '"
                        + value + "'");
            }
        }
    }
}
