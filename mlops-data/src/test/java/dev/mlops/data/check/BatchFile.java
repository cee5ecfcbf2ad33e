package dev.mlops.data.check;

import dev.mlops.data.io.CellProblem;
import dev.mlops.data.io.RowOrigins;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file written for a test, header and data rows given as their exact text (terminators
 * included), that knows each row's physical line and bytes: the origins and cell problems a
 * reader would report, built by hand.
 */
final class BatchFile {
    private final Path path;
    private final List<String> rows;
    private final long[] lines;
    private final long[] starts;
    private final long[] ends;
    private final long dataStart;

    BatchFile(Path path, String header, String... rows) throws IOException {
        this.path = path;
        this.rows = List.of(rows);
        this.lines = new long[rows.length];
        this.starts = new long[rows.length];
        this.ends = new long[rows.length];
        this.dataStart = bytes(header);
        long offset = dataStart;
        long line = 1 + header.chars().filter(c -> c == '\n').count();
        for (int i = 0; i < rows.length; i++) {
            lines[i] = line;
            starts[i] = offset;
            offset += bytes(rows[i]);
            ends[i] = offset;
            line += rows[i].chars().filter(c -> c == '\n').count();
        }
        Files.writeString(path, header + String.join("", rows), StandardCharsets.UTF_8);
    }

    private static long bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    Path path() {
        return path;
    }

    /** @return the text of a data row, as written */
    String row(int row) {
        return rows.get(row);
    }

    /** @return the physical line a data row starts on */
    long line(int row) {
        return lines[row];
    }

    /** @return the origins of the given data rows, the ones that were read */
    RowOrigins origins(int... read) {
        RowOrigins.Builder builder = RowOrigins.builder(dataStart);
        for (int row : read) {
            builder.add(lines[row], starts[row], ends[row]);
        }
        return builder.build();
    }

    /** @return a cell of a data row that is not a number */
    CellProblem notANumber(int row, String column, int position, String text) {
        return new CellProblem(lines[row], starts[row], ends[row], column, position, text, "expected a number");
    }
}
