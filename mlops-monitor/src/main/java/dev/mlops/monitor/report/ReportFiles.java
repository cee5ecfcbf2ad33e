package dev.mlops.monitor.report;

import dev.mlops.core.io.AtomicFiles;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where {@link #write} put a report: {@code report.html} and {@code report.json} side by side in
 * one directory.
 *
 * @param html the page, {@code report.html}
 * @param json the JSON document, {@code report.json}
 */
public record ReportFiles(Path html, Path json) {
    /** The page's file name. */
    public static final String HTML = "report.html";
    /** The JSON document's file name. */
    public static final String JSON = "report.json";

    /**
     * Checks that both paths are there.
     *
     * @param html the page
     * @param json the JSON document
     */
    public ReportFiles {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(json, "json");
    }

    /**
     * Writes a report as {@value #JSON} and then {@value #HTML} in a directory, each atomically
     * ({@link AtomicFiles}: a reader sees the old file or the new, never a part), creating the
     * directory if needed and replacing the files of an earlier report. Open the page in any
     * browser; it needs no network.
     *
     * @param report the report
     * @param directory the directory
     * @return the two files
     * @throws UncheckedIOException if a file cannot be written; the message names it
     */
    public static ReportFiles write(MonitoringReport report, Path directory) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(directory, "directory");
        ReportFiles files = new ReportFiles(directory.resolve(HTML), directory.resolve(JSON));
        AtomicFiles.writeString(files.json(), report.toJson() + "\n");
        AtomicFiles.writeString(files.html(), report.toHtml());
        return files;
    }
}
