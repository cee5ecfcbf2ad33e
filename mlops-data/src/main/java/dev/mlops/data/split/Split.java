package dev.mlops.data.split;

import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The result of a {@link Splitter}, and an artifact to keep beside a model: the named sets and
 * their rows, the seed, the splitter and its settings, the {@link GuaranteeReport} and the
 * {@link Fingerprint} of the table that was split.
 *
 * <p>Invariants, checked on construction: the sets are those of {@link #sets()}, in order; each
 * set's rows are ascending 0-based rows of the table; the sets and the excluded rows (those a
 * temporal gap removed) are disjoint and together hold every row exactly once. Immutable and
 * thread-safe: the row arrays are never handed out, only copies or views.
 */
public final class Split {
    private final String splitter;
    private final Map<String, String> settings;
    private final OptionalLong seed;
    private final SplitSets sets;
    private final Fingerprint fingerprint;
    private final int rowCount;
    private final int[][] rows;
    private final int[] excluded;
    private final GuaranteeReport report;

    private Split(String splitter, Map<String, String> settings, OptionalLong seed, SplitSets sets,
            Fingerprint fingerprint, int rowCount, int[][] rows, int[] excluded, GuaranteeReport report) {
        this.splitter = splitter;
        this.settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        this.seed = seed;
        this.sets = sets;
        this.fingerprint = fingerprint;
        this.rowCount = rowCount;
        this.rows = rows;
        this.excluded = excluded;
        this.report = report;
    }

    /**
     * Returns a split after checking that it is a partition of the table's rows.
     *
     * @param splitter the splitter's name, such as {@code "stratified"}
     * @param settings the splitter's settings as text, such as {@code label=class}
     * @param seed the seed, or empty for a splitter that draws nothing at random
     * @param sets the sets and the fractions they were split by
     * @param fingerprint the fingerprint of the table that was split
     * @param rowCount the table's row count
     * @param rows each set's rows, in the order of {@code sets}; copied
     * @param excluded rows in no set (removed by a temporal gap); copied
     * @param report the guarantees that hold and what was measured
     * @return the split
     * @throws IllegalArgumentException if the rows are not ascending, out of range, shared between
     *     sets, or do not cover every row, or there is not one array per set
     */
    public static Split of(String splitter, Map<String, String> settings, OptionalLong seed, SplitSets sets,
            Fingerprint fingerprint, int rowCount, List<int[]> rows, int[] excluded, GuaranteeReport report) {
        Objects.requireNonNull(splitter, "splitter");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(sets, "sets");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(report, "report");
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount must not be negative but was " + rowCount);
        }
        if (rows.size() != sets.size()) {
            throw new IllegalArgumentException("rows must hold one array per set (" + sets.size() + ": " + sets.names()
                    + ") but held " + rows.size());
        }
        int[][] copies = new int[rows.size()][];
        boolean[] seen = new boolean[rowCount];
        for (int s = 0; s < copies.length; s++) {
            copies[s] = rows.get(s).clone();
            mark(copies[s], "set '" + sets.names().get(s) + "'", seen);
        }
        int[] excludedCopy = excluded.clone();
        mark(excludedCopy, "the excluded rows", seen);
        for (int row = 0; row < rowCount; row++) {
            if (!seen[row]) {
                throw new IllegalArgumentException("row " + row + " is in no set and not excluded; a split covers all "
                        + rowCount + " rows");
            }
        }
        return new Split(splitter, settings, seed, sets, fingerprint, rowCount, copies, excludedCopy, report);
    }

    private static void mark(int[] rows, String where, boolean[] seen) {
        int previous = -1;
        for (int row : rows) {
            if (row <= previous || row >= seen.length) {
                throw new IllegalArgumentException("rows of " + where + " must be ascending rows of [0, " + seen.length
                        + ") but hold " + row + " after " + previous);
            }
            if (seen[row]) {
                throw new IllegalArgumentException("row " + row + " of " + where + " is also in another set");
            }
            seen[row] = true;
            previous = row;
        }
    }

    /** Builds a split from arrays this package made as a partition; takes them without copying. */
    static Split trusted(String splitter, Map<String, String> settings, OptionalLong seed, SplitSets sets,
            Fingerprint fingerprint, int rowCount, int[][] rows, int[] excluded, GuaranteeReport report) {
        return new Split(splitter, settings, seed, sets, fingerprint, rowCount, rows, excluded, report);
    }

    /** @return the splitter's name, such as {@code "random"} or {@code "temporal"} */
    public String splitter() {
        return splitter;
    }

    /** @return the splitter's settings as text, sorted by key, unmodifiable */
    public Map<String, String> settings() {
        return settings;
    }

    /** @return the seed, or empty for a splitter that draws nothing at random */
    public OptionalLong seed() {
        return seed;
    }

    /** @return the sets, in order, and the fractions they were split by */
    public SplitSets sets() {
        return sets;
    }

    /** @return the set names, in order */
    public List<String> setNames() {
        return sets.names();
    }

    /** @return the fingerprint of the table that was split */
    public Fingerprint fingerprint() {
        return fingerprint;
    }

    /** @return the row count of the table that was split */
    public int rowCount() {
        return rowCount;
    }

    /** @return the guarantees that hold and what the splitter measured */
    public GuaranteeReport report() {
        return report;
    }

    /**
     * Returns a set's rows.
     *
     * @param set the set's name
     * @return a copy of its ascending 0-based rows
     * @throws IllegalArgumentException if there is no such set
     */
    public int[] rows(String set) {
        return rows[sets.indexOf(set)].clone();
    }

    /**
     * Returns a set's size.
     *
     * @param set the set's name
     * @return its number of rows
     * @throws IllegalArgumentException if there is no such set
     */
    public int size(String set) {
        return rows[sets.indexOf(set)].length;
    }

    /** @return a copy of the rows in no set (removed by a temporal gap), ascending; empty for most splitters */
    public int[] excludedRows() {
        return excluded.clone();
    }

    /**
     * Returns a set of the table as a zero-copy view.
     *
     * @param table the table that was split (only its row count is checked; see {@link #matches})
     * @param set the set's name
     * @return the set's rows of the table, in ascending order
     * @throws IllegalArgumentException if there is no such set or the table's row count differs
     */
    public Table set(Table table, String set) {
        checkSize(table.rowCount(), "table");
        return table.rows(rows[sets.indexOf(set)]);
    }

    /**
     * Returns a set of a list.
     *
     * @param <T> the items' type
     * @param items the items that were split, in the order they were split in
     * @param set the set's name
     * @return the set's items, in ascending row order, unmodifiable
     * @throws IllegalArgumentException if there is no such set or the list's size differs
     */
    public <T> List<T> set(List<T> items, String set) {
        checkSize(items.size(), "list");
        int[] selected = rows[sets.indexOf(set)];
        List<T> result = new ArrayList<>(selected.length);
        for (int row : selected) {
            result.add(items.get(row));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * Tells whether a table is the one that was split, by its fingerprint.
     *
     * @param table a table
     * @return true if its fingerprint equals this split's
     */
    public boolean matches(Table table) {
        return Fingerprint.of(table).equals(fingerprint);
    }

    private void checkSize(int size, String what) {
        if (size != rowCount) {
            throw new IllegalArgumentException("the " + what + " has " + size + " rows but the split was made for "
                    + rowCount + " rows");
        }
    }

    /**
     * Returns the split as a JSON document for people and diffs: two-space indentation, the
     * keys of every object sorted (the shared {@link dev.mlops.core.json.Json} writer), and these
     * fields: {@code kind} ({@code "split"}), {@code formatVersion} ({@code 1}), {@code splitter},
     * {@code settings} (an object of strings), {@code seed} (an integer, or null for a splitter
     * without one), {@code fingerprint}, {@code rowCount}, {@code sets} (in split order, each with
     * {@code name}, {@code fraction} and ascending {@code rows}), {@code excludedRows}, and
     * {@code report} ({@code held}, {@code classCounts}, {@code classesNotInEverySet},
     * {@code removedByGap}, {@code notes}).
     *
     * @return the JSON text
     */
    public String toJson() {
        return SplitJson.write(this);
    }

    /**
     * Reads a split from the JSON that {@link #toJson()} writes, checking it as {@link #of} does.
     *
     * @param json the JSON text
     * @return the split, equal to the one written
     * @throws dev.mlops.core.DataFormatException if the text is not JSON; it names the line
     * @throws SplitException if the document is not a split of format version 1, a field is absent
     *     or of the wrong type, or the rows are not a partition; the message names the field
     */
    public static Split fromJson(String json) {
        return SplitJson.read(Objects.requireNonNull(json, "json"), "split JSON");
    }

    /**
     * Writes {@link #toJson()} to a file atomically (UTF-8), creating missing parent directories.
     *
     * @param file the file to create or replace
     * @throws UncheckedIOException if the file cannot be written; it is then unchanged
     */
    public void save(Path file) {
        AtomicFiles.writeString(file, toJson());
    }

    /**
     * Reads a split that {@link #save} wrote.
     *
     * @param file the file
     * @return the split
     * @throws UncheckedIOException if the file cannot be read
     * @throws dev.mlops.core.DataFormatException if the file is not JSON; it names the file and line
     * @throws SplitException if the document is not a valid split; it names the file and field
     */
    public static Split load(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the split file " + file, e);
        }
        return SplitJson.read(json, file.toString());
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Split that
                && splitter.equals(that.splitter) && settings.equals(that.settings) && seed.equals(that.seed)
                && sets.equals(that.sets) && fingerprint.equals(that.fingerprint) && rowCount == that.rowCount
                && Arrays.deepEquals(rows, that.rows) && Arrays.equals(excluded, that.excluded)
                && report.equals(that.report);
    }

    @Override
    public int hashCode() {
        return Objects.hash(splitter, settings, seed, sets, fingerprint, rowCount, Arrays.deepHashCode(rows),
                Arrays.hashCode(excluded), report);
    }

    /** @return the splitter, seed, set sizes and guarantees, without the rows */
    @Override
    public String toString() {
        StringBuilder sizes = new StringBuilder();
        for (int s = 0; s < rows.length; s++) {
            sizes.append(s == 0 ? "" : ", ").append(sets.names().get(s)).append('=').append(rows[s].length);
        }
        return "Split[" + splitter + " " + settings + ", seed " + (seed.isPresent() ? seed.getAsLong() : "none") + ", "
                + rowCount + " rows: " + sizes + (excluded.length > 0 ? ", excluded=" + excluded.length : "")
                + ", held " + report.held() + ", table " + fingerprint + "]";
    }
}
