package dev.mlops.monitor.quality;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (comma, RFC 4180 quotes within the line) into cells. */
final class Csv {

    private Csv() {
    }

    /** The cells of a line (without its line end); empty if a quote never closes. */
    static List<String> split(String text) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c != '"') {
                    cell.append(c);
                } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return List.of();
        }
        cells.add(cell.toString());
        return cells;
    }
}
