package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.io.CsvFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How {@code mlops features get} and {@code export} give the values they read, a picocli mixin:
 * a table on stdout by default, one JSON document with {@code --json}, CSV on stdout with
 * {@code --csv}, or a file with {@code --output FILE} in the format its extension names
 * ({@code .csv}, {@code .jsonl}, a plugin's). Missing values print as {@code -} in the table, as
 * null in JSON and as an empty cell in CSV.
 */
final class FeatureTableOutput {
    /** The kind of the JSON document. */
    static final String KIND = "feature-values";
    /** The version of its format. */
    static final int FORMAT_VERSION = 1;

    @Spec(Spec.Target.MIXEE)
    private @Nullable CommandSpec mixee;

    @Option(names = "--json", description = "Print one JSON document: the columns (name, type, sensitive) and the rows.")
    private boolean json;

    @Option(names = "--csv", description = "Print CSV instead of a table.")
    private boolean csv;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the values to FILE instead, in the format its extension names (.csv, .jsonl, a "
                    + "plugin's; else CSV).")
    private @Nullable Path output;

    FeatureTableOutput() {
    }

    /**
     * Checks that at most one way of output is chosen, before the command reads anything.
     *
     * @throws picocli.CommandLine.ParameterException if more than one of {@code --json}, {@code --csv},
     *     {@code --output} is given
     */
    void check() {
        int chosen = (json ? 1 : 0) + (csv ? 1 : 0) + (output != null ? 1 : 0);
        if (chosen > 1) {
            throw CommandSupport.usage(Objects.requireNonNull(mixee, "mixee"),
                    "give at most one of --json, --csv and --output FILE");
        }
    }

    /**
     * Gives the values as the options ask.
     *
     * @param table the values
     * @param document the JSON document to add {@code columns} and {@code rows} to, with what was read
     * @param summary what was read, in words, for the line printed after writing a file
     */
    void print(Table table, ObjectNode document, String summary) {
        CommandSpec command = Objects.requireNonNull(mixee, "mixee");
        PrintWriter out = command.commandLine().getOut();
        if (output != null) {
            InputFormat.defaultsFor(output, InputFormat.Options.registry(command)).write(table, output);
            out.print("wrote " + table.rowCount() + " rows of " + summary + " to " + output + "\n");
        } else if (json) {
            CommandSupport.printJson(out, json(table, document));
        } else if (csv) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CsvFormat.defaults().write(table, bytes);
            out.print(bytes.toString(StandardCharsets.UTF_8));
        } else if (table.rowCount() == 0) {
            out.print("no values of " + summary + "\n");
        } else {
            out.print(text(table));
        }
    }

    /** @return the table as a text table, missing values as {@code -} */
    static String text(Table table) {
        RunsText.Table text = new RunsText.Table("");
        text.row(table.columns().stream().map(Column::name).toArray(String[]::new));
        for (int row = 0; row < table.rowCount(); row++) {
            String[] cells = new String[table.columnCount()];
            for (int column = 0; column < cells.length; column++) {
                Column values = table.column(column);
                cells[column] = values.isMissing(row) ? RunsText.ABSENT : values.format(row);
            }
            text.row(cells);
        }
        return text.render();
    }

    /**
     * @param table the values
     * @param document the document to add to
     * @return the document with {@code columns} (name, type, sensitive) and {@code rows} (one object
     *     per row, a missing value null, a number that is not finite as its text)
     */
    static ObjectNode json(Table table, ObjectNode document) {
        ArrayNode columns = document.putArray("columns");
        for (Column column : table.columns()) {
            columns.addObject().put("name", column.name()).put("type", column.type().name().toLowerCase(Locale.ROOT))
                    .put("sensitive", column.sensitive());
        }
        ArrayNode rows = document.putArray("rows");
        for (int row = 0; row < table.rowCount(); row++) {
            ObjectNode values = rows.addObject();
            for (Column column : table.columns()) {
                put(values, column, row);
            }
        }
        return document;
    }

    private static void put(ObjectNode values, Column column, int row) {
        String name = column.name();
        if (column.isMissing(row)) {
            values.putNull(name);
        } else if (column instanceof NumericColumn numbers) {
            double value = numbers.get(row);
            if (Double.isFinite(value)) {
                values.put(name, value);
            } else {
                values.put(name, Double.toString(value));
            }
        } else if (column instanceof BooleanColumn booleans) {
            values.put(name, booleans.get(row));
        } else if (column instanceof TimestampColumn times) {
            values.put(name, times.get(row).toString());
        } else {
            values.put(name, column.format(row));
        }
    }
}
