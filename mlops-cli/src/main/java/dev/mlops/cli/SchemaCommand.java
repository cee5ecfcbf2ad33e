package dev.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mlops.core.json.Json;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.core.text.ReadableText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlops schema FILE}: reads a CSV or JSON Lines file with type inference and prints its
 * schema, one line per column with its position, name, type and number of missing values, or
 * one JSON object with {@code --json}. A file without rows shows each type as
 * {@value #UNKNOWN_TYPE} and says that no type can be inferred.
 */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Prints the inferred schema of a CSV or JSON Lines file: each column's position, name, type "
                    + "(numeric, categorical, boolean, timestamp, text) and number of missing values. A file with a "
                    + "header but no rows has no evidence of any type: its columns' type is 'unknown'.",
            "A file whose name ends with .jsonl or .ndjson is read as JSON Lines, one whose extension names another "
                    + "registered format (a plugin's too) in that format, any other as CSV; --format says otherwise."
        })
final class SchemaCommand implements Callable<Integer> {
    /** How the file is read. */
    record SchemaReport(String file, int rows, List<ColumnReport> columns) {
    }

    /** One column of the {@code --json} output. */
    record ColumnReport(String name, String type, int missing) {
    }

    /** The type printed for a column of a file without rows: no cell shows what it holds. */
    static final String UNKNOWN_TYPE = "unknown";

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV or JSON Lines file (UTF-8).")
    private @Nullable Path file;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    private boolean json;

    @Mixin
    private InputFormat.Options input = new InputFormat.Options();

    SchemaCommand() {
    }

    @Override
    public Integer call() throws JsonProcessingException {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        Path inputFile = Objects.requireNonNull(file, "file");
        Table table = input.read(inputFile);
        PrintWriter out = commandSpec.commandLine().getOut();
        String text = json ? Json.writer().writeValueAsString(report(inputFile, table)) : text(inputFile, table);
        out.print(text);
        out.print('\n');
        out.flush();
        return MlopsCommand.EXIT_OK;
    }

    private static SchemaReport report(Path input, Table table) {
        List<ColumnReport> columns = new ArrayList<>(table.columnCount());
        for (Column column : table.columns()) {
            columns.add(new ColumnReport(column.name(), typeName(table, column), column.missingCount()));
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
            nameWidth = Math.max(nameWidth, ReadableText.name(column.name()).length());
            typeWidth = Math.max(typeWidth, typeName(table, column).length());
            missingWidth = Math.max(missingWidth, digits(column.missingCount()));
        }
        String line = "%" + positionWidth + "d  %-" + nameWidth + "s  %-" + typeWidth + "s  %" + missingWidth
                + "d missing";
        StringBuilder text = new StringBuilder();
        text.append(input).append(": ").append(count(table.rowCount(), "row")).append(", ")
                .append(count(table.columnCount(), "column"));
        if (table.rowCount() == 0 && table.columnCount() > 0) {
            text.append("; with no rows no type can be inferred");
        }
        for (int i = 0; i < table.columnCount(); i++) {
            Column column = table.column(i);
            text.append('\n').append(String.format(Locale.ROOT, line, i + 1, ReadableText.name(column.name()), typeName(table, column),
                    column.missingCount()).stripTrailing());
        }
        return text.toString();
    }

    /** The column's type in lower case, or {@value #UNKNOWN_TYPE} when the table has no row to infer it from. */
    private static String typeName(Table table, Column column) {
        return table.rowCount() == 0 ? UNKNOWN_TYPE : column.type().name().toLowerCase(Locale.ROOT);
    }

    private static int digits(int value) {
        return Integer.toString(value).length();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
