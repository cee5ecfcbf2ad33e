package dev.mlops.data.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.MlopsException;
import dev.mlops.core.SchemaException;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.json.Json;
import dev.mlops.core.report.ReportHeader;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import dev.mlops.data.profile.DatasetProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named list of {@link Check}s run together over a table: the unit tests of a data set.
 *
 * <p>{@link #run(Table)} runs every check in order and returns a {@link CheckReport}; it never
 * throws for what it finds ({@link CheckReport#requirePassed()} enforces).
 * {@link #quarantine(Table)} sets apart the rows that fail an error-severity {@link RowCheck}.
 * A suite of built-in checks is written to and read from JSON ({@link #toJson()},
 * {@link #fromJson(String)}, {@link #save(Path)}, {@link #load(Path)}), a document people edit:
 * <pre>{@code
 * {
 *   "kind": "check-suite",
 *   "formatVersion": 1,
 *   "name": "credit-g",
 *   "checks": [
 *     { "type": "completeness", "column": "age", "min": 1.0, "severity": "error" },
 *     { "type": "range", "column": "age", "min": 18, "max": 100, "mostly": 0.99 }
 *   ]
 * }
 * }</pre>
 * A check's {@code severity} defaults to {@code "error"} and each optional threshold to its
 * strictest value ({@code mostly} 1, no unseen share); a cardinality's {@code min} and
 * {@code max} are required; an unknown type or field is an error naming the check's position. Immutable and
 * thread-safe.
 */
public final class CheckSuite {
    /** The {@code kind} of the JSON document. */
    public static final String KIND = "check-suite";
    /** The version of {@link #toJson()}'s format. */
    public static final int FORMAT_VERSION = 1;

    private final String name;
    private final List<Check> checks;
    private final Clock clock;

    private CheckSuite(String name, List<Check> checks, Clock clock) {
        this.name = name;
        this.checks = List.copyOf(checks);
        this.clock = clock;
    }

    /**
     * @param name the suite's name in reports, such as the data set's
     * @return a builder of an empty suite with the system UTC clock
     * @throws IllegalArgumentException if the name is blank
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the suite's name */
    public String name() {
        return name;
    }

    /** @return the checks in order, unmodifiable */
    public List<Check> checks() {
        return checks;
    }

    /**
     * @param newClock the clock that stamps the reports' creation time
     * @return this suite with that clock
     */
    public CheckSuite withClock(Clock newClock) {
        return new CheckSuite(name, checks, Objects.requireNonNull(newClock, "newClock"));
    }

    /** @return true if a check compares against a reference profile */
    public boolean needsReference() {
        return checks.stream().anyMatch(Check::needsReference);
    }

    /**
     * Runs the checks without a reference.
     *
     * @param table the table
     * @return the report
     * @throws MlopsException if a check needs a reference profile; the message names the checks
     */
    public CheckReport run(Table table) {
        return run(table, CheckContext.defaults());
    }

    /**
     * Runs the checks against a reference profile (the training data's, say).
     *
     * @param table the table
     * @param reference the reference profile for distribution checks
     * @return the report
     */
    public CheckReport run(Table table, DatasetProfile reference) {
        return run(table, CheckContext.defaults().withReference(reference));
    }

    /**
     * Runs the checks in a given context.
     *
     * @param table the table
     * @param context the reference and the failing-row sample size
     * @return the report
     * @throws MlopsException if a check needs a reference profile and the context has none
     */
    public CheckReport run(Table table, CheckContext context) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(context, "context");
        if (context.reference().isEmpty() && needsReference()) {
            throw new MlopsException("suite '" + name + "' compares distributions against a reference ("
                    + String.join(", ", checks.stream().filter(Check::needsReference).map(Check::name).toList())
                    + ") but was run without a reference profile; pass one (DatasetProfile.of(referenceTable))");
        }
        List<CheckResult> results = new ArrayList<>(checks.size());
        for (Check check : checks) {
            results.add(Objects.requireNonNull(check.run(table, context), () -> check.name() + " returned null"));
        }
        ReportHeader header = new ReportHeader(CheckReport.KIND, CheckReport.FORMAT_VERSION, clock.instant(),
                Fingerprint.of(table));
        return new CheckReport(header, name, table.rowCount(), results);
    }

    /**
     * Splits a table into the rows that pass every error-severity {@link RowCheck} of the suite
     * and the rows that fail one or more, with the names of the checks each failed. Other checks
     * (schema, cardinality, distributions) judge the whole table and quarantine nothing; a row
     * check whose column is missing quarantines nothing either (its report says why).
     *
     * @param table the table
     * @return the two views and the reasons
     */
    public Quarantine quarantine(Table table) {
        Objects.requireNonNull(table, "table");
        int rows = table.rowCount();
        List<List<String>> failed = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            failed.add(null);
        }
        for (Check check : checks) {
            if (!(check instanceof RowCheck rowCheck) || check.severity() != Severity.ERROR) {
                continue;
            }
            RowRule rule;
            try {
                rule = rowCheck.bind(table);
            } catch (SchemaException e) {
                continue;
            }
            for (int row = 0; row < rows; row++) {
                if (rule.applies(row) && !rule.passes(row)) {
                    List<String> names = failed.get(row);
                    if (names == null) {
                        names = new ArrayList<>(2);
                        failed.set(row, names);
                    }
                    names.add(check.name());
                }
            }
        }
        int[] passing = new int[rows];
        int[] quarantined = new int[rows];
        int passingCount = 0;
        int quarantinedCount = 0;
        List<QuarantinedRow> reasons = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            List<String> names = failed.get(row);
            if (names == null) {
                passing[passingCount++] = row;
            } else {
                quarantined[quarantinedCount++] = row;
                reasons.add(new QuarantinedRow(row, names));
            }
        }
        return new Quarantine(table.rows(Arrays.copyOf(passing, passingCount)),
                table.rows(Arrays.copyOf(quarantined, quarantinedCount)), reasons);
    }

    /**
     * Writes the suite as JSON (keys sorted, two-space indentation), the form described on this class.
     *
     * @return the JSON text
     * @throws MlopsException if a check is not built in (a check of your own lives in Java code)
     */
    public String toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", KIND);
        document.put("formatVersion", FORMAT_VERSION);
        document.put("name", name);
        List<Map<String, Object>> written = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            written.add(CheckJson.write(checks.get(i), i + 1));
        }
        document.put("checks", written);
        try {
            return Json.prettyWriter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write check suite '" + name + "' as JSON", e);
        }
    }

    /**
     * Reads a suite written by {@link #toJson()} or by hand.
     *
     * @param json the JSON text
     * @return the suite, with the system UTC clock
     * @throws MlopsException if the text is not a check suite of a known version, or a check is
     *     malformed; the message names the check's position (1-based) and field
     */
    public static CheckSuite fromJson(String json) {
        return read(Objects.requireNonNull(json, "json"), "check suite");
    }

    /**
     * Writes the suite to a file atomically, as {@link #toJson()} and a final newline, in UTF-8.
     *
     * @param file the file
     */
    public void save(Path file) {
        AtomicFiles.writeString(file, toJson() + "\n");
    }

    /**
     * Reads a suite from a UTF-8 file.
     *
     * @param file the file
     * @return the suite
     * @throws MlopsException as {@link #fromJson(String)}, the message naming the file
     * @throws UncheckedIOException if the file cannot be read
     */
    public static CheckSuite load(Path file) {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read check suite " + file, e);
        }
    }

    private static CheckSuite read(String json, String source) {
        JsonNode document;
        try {
            document = Json.reader().readTree(json);
        } catch (JsonProcessingException e) {
            throw new MlopsException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (document == null || !document.isObject()) {
            throw new MlopsException(source + ": a check suite must be a JSON object");
        }
        JsonFields fields = new JsonFields(document, source);
        String kind = fields.text("kind");
        if (!kind.equals(KIND)) {
            throw fields.error("expected a document of kind '" + KIND + "' but its kind is '" + kind + "'");
        }
        long version = fields.integer("formatVersion");
        if (version < 1 || version > FORMAT_VERSION) {
            throw fields.error("format version " + version + " is not supported; this version reads 1 to "
                    + FORMAT_VERSION);
        }
        Builder builder;
        try {
            builder = builder(fields.text("name"));
        } catch (IllegalArgumentException e) {
            throw fields.error(e.getMessage());
        }
        List<JsonNode> checks = fields.objects("checks");
        fields.requireNoOthers();
        for (int i = 0; i < checks.size(); i++) {
            builder.add(CheckJson.read(checks.get(i), source + ", check " + (i + 1)));
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "CheckSuite[" + name + ", " + checks.size() + " checks]";
    }

    /** Collects the checks of a {@link CheckSuite}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<Check> checks = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a suite's name must not be blank but was '" + name + "'");
            }
            this.name = name;
        }

        /**
         * @param check a check
         * @return this builder
         */
        public Builder add(Check check) {
            checks.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        /**
         * @param more checks
         * @return this builder
         */
        public Builder addAll(List<? extends Check> more) {
            more.forEach(this::add);
            return this;
        }

        /**
         * @param newClock the clock that stamps reports
         * @return this builder
         */
        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock, "newClock");
            return this;
        }

        /** @return the suite */
        public CheckSuite build() {
            return new CheckSuite(name, checks, clock);
        }
    }
}
