package dev.mlops.data.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.Documents;
import dev.mlops.core.json.Json;
import dev.mlops.core.report.ReportHeader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link CheckSuite} found in a table, in the report envelope every mlops-java report
 * shares ({@link ReportHeader}): one {@link CheckResult} per check, in suite order.
 *
 * <p>The report passes when no error-severity check failed or found no data; warnings are
 * listed but do not fail it. Immutable.
 *
 * @param header kind {@value #KIND}, format version, creation time, the table's fingerprint
 * @param suite the suite's name
 * @param rowCount the number of rows checked
 * @param results the results in suite order, unmodifiable
 */
public record CheckReport(ReportHeader header, String suite, long rowCount, List<CheckResult> results) {
    /** The {@code kind} of the JSON document. */
    public static final String KIND = "check-report";
    /** The version of {@link #toJson()}'s format. */
    public static final int FORMAT_VERSION = 1;

    /**
    * Copies the results.
    *
    * @param header kind {@value #KIND}, format version, creation time, the table's fingerprint
    * @param suite the suite's name
    * @param rowCount the number of rows checked
    * @param results the results in suite order, unmodifiable
    */
    public CheckReport {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(suite, "suite");
        results = List.copyOf(results);
    }

    /** @return true if no error-severity check failed or found no data */
    public boolean passed() {
        return errors().isEmpty();
    }

    /** @return the error-severity results that did not pass, in suite order */
    public List<CheckResult> errors() {
        return results.stream().filter(CheckResult::isError).toList();
    }

    /** @return the warning-severity results that did not pass, in suite order */
    public List<CheckResult> warnings() {
        return results.stream().filter(CheckResult::isWarning).toList();
    }

    /**
     * Returns the result of the named check.
     *
     * @param check a check's name, such as {@code "range(age)"}
     * @return the first result of that name
     * @throws IllegalArgumentException if there is none; the message lists the names
     */
    public CheckResult result(String check) {
        for (CheckResult result : results) {
            if (result.check().equals(check)) {
                return result;
            }
        }
        throw new IllegalArgumentException("no check named '" + check + "' in the report; the checks are: "
                + String.join(", ", results.stream().map(CheckResult::check).toList()));
    }

    /**
     * Enforces the report, for a pipeline or a test that must stop on bad data.
     *
     * @return this report when it {@link #passed()}
     * @throws CheckFailedException listing each error that did not pass with its message and up to
     *     five of its failing rows
     */
    public CheckReport requirePassed() {
        if (passed()) {
            return this;
        }
        throw new CheckFailedException(describeFailures(errors(), 5));
    }

    /**
     * Describes results that did not pass, for an exception or an assertion message.
     *
     * @param failures the results
     * @param rowsPerCheck how many failing rows to show per check
     * @return the text, starting with a line that names the suite and the table
     */
    public String describeFailures(List<CheckResult> failures, int rowsPerCheck) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%d of %d checks of suite '%s' did not pass on table %s (%d rows):", failures.size(),
                results.size(), suite, header.fingerprint(), rowCount));
        for (CheckResult failure : failures) {
            text.append("\n  ").append(failure.verdict().label()).append(' ').append(failure.message());
            List<FailingRow> rows = failure.sample().subList(0, Math.min(rowsPerCheck, failure.sample().size()));
            for (FailingRow row : rows) {
                text.append("\n    ").append(row.location()).append(": ").append(row.value());
            }
            if (failure.failingRows() > rows.size()) {
                text.append("\n    and ").append(failure.failingRows() - rows.size()).append(" more failing rows");
            }
        }
        return text.toString();
    }

    /**
     * Returns the report as a JSON document (the shared {@link Json#prettyWriter()}: keys sorted):
     * the header's {@code kind}, {@code formatVersion}, {@code createdAt} and {@code fingerprint};
     * {@code suite}, {@code rowCount}, {@code passed}, {@code errors} and {@code warnings} (counts);
     * and {@code results}, each with {@code check}, {@code type}, {@code columns},
     * {@code severity}, {@code verdict} ({@code "passed"}, {@code "failed"}, {@code "no-data"}),
     * {@code message}, {@code measured}, {@code threshold} ({@code lower}, {@code upper}),
     * {@code statistic}, {@code failingRows}, {@code sample} (each {@code row}, {@code line}
     * when the rows' origins are known, and {@code value}) and {@code spec}, the check's component spec ({@code type} and settings) that
     * rebuilds it. Non-finite numbers are the strings {@code "NaN"}, {@code "Infinity"} and
     * {@code "-Infinity"}.
     *
     * @return the JSON text
     */
    public String toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("suite", suite);
        document.put("rowCount", rowCount);
        document.put("passed", passed());
        document.put("errors", errors().size());
        document.put("warnings", warnings().size());
        List<Map<String, Object>> written = new ArrayList<>(results.size());
        for (CheckResult result : results) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("check", result.check());
            entry.put("type", result.type());
            entry.put("columns", result.columns());
            entry.put("severity", result.severity().label());
            entry.put("verdict", result.verdict().label());
            entry.put("message", result.message());
            entry.put("measured", result.measured());
            entry.put("threshold", Map.of("lower", result.threshold().lower(), "upper", result.threshold().upper()));
            entry.put("statistic", result.statistic());
            entry.put("failingRows", result.failingRows());
            entry.put("sample", result.sample().stream().map(CheckReport::sampleEntry).toList());
            entry.put("spec", result.spec().toJson());
            written.add(entry);
        }
        document.put("results", written);
        ObjectNode root = header.toDocument();
        root.setAll((ObjectNode) Json.toTree(document));
        return Documents.write(root);
    }

    /** @return a sampled row as JSON: its row, its line when known, its value */
    private static Map<String, Object> sampleEntry(FailingRow row) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("row", row.row());
        row.line().ifPresent(line -> entry.put("line", line));
        entry.put("value", row.value());
        return entry;
    }

    /**
     * Returns the report as text: a verdict line with the counts, the table and time, then one
     * line per check (verdict, severity, message) and an indented line per sampled failing row:
     * {@code line 5, row 3: -2}, or {@code row 3: -2} when the rows' lines are not known.
     *
     * @return the text, lines ending in {@code '\n'}
     */
    public String toText() {
        StringBuilder text = new StringBuilder();
        long passedCount = results.stream().filter(CheckResult::passed).count();
        text.append(String.format(Locale.ROOT, "check report for suite '%s': %s (%d passed, %d error%s, %d warning%s)\n",
                suite, passed() ? "passed" : "FAILED", passedCount, errors().size(), errors().size() == 1 ? "" : "s",
                warnings().size(), warnings().size() == 1 ? "" : "s"));
        text.append("table ").append(header.fingerprint()).append(", ").append(rowCount).append(" rows, created ")
                .append(header.createdAt()).append('\n');
        for (CheckResult result : results) {
            text.append(String.format(Locale.ROOT, "%-7s %-7s %s\n", result.verdict().label(),
                    result.severity().label(), result.message()));
            for (FailingRow row : result.sample()) {
                text.append("                ").append(row.location()).append(": ").append(row.value()).append('\n');
            }
            if (result.failingRows() > result.sample().size()) {
                text.append("                and ").append(result.failingRows() - result.sample().size())
                        .append(" more\n");
            }
        }
        return text.toString();
    }
}
