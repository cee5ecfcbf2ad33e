package dev.mlops.data.split;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The result of a {@link Splitter}, and an artifact to keep beside a model: the named sets and
 * their rows, the splitter's {@link ComponentSpec} (its type and settings, seed included), the
 * {@link GuaranteeReport} and the {@link Fingerprint} of the table that was split. The spec
 * rebuilds the splitter ({@link #splitter(ComponentRegistry)}), so {@code split.json} alone
 * reproduces the split of the same table.
 *
 * <p>Invariants, checked by {@link Builder#build}: the sets are those of {@link #sets()}, in
 * order; each set's rows are ascending 0-based rows of the table and not empty; the sets and the
 * excluded rows (those a temporal gap removed) are disjoint and together hold every row exactly
 * once. Immutable and
 * thread-safe: the row arrays are never handed out, only copies or views.
 */
public final class Split {
    /** The setting that holds a seeded splitter's seed. */
    private static final String SEED = "seed";

    private final ComponentSpec splitter;
    private final SplitSets sets;
    private final Fingerprint fingerprint;
    private final int rowCount;
    private final int[][] rows;
    private final int[] excluded;
    private final GuaranteeReport report;

    private Split(ComponentSpec splitter, SplitSets sets, Fingerprint fingerprint, int rowCount, int[][] rows,
            int[] excluded, GuaranteeReport report) {
        this.splitter = splitter;
        this.sets = sets;
        this.fingerprint = fingerprint;
        this.rowCount = rowCount;
        this.rows = rows;
        this.excluded = excluded;
        this.report = report;
    }

    /**
     * Starts a split made by a splitter, for an implementation of {@link Splitter}: add every
     * set's rows with {@link Builder#set}, the rows in no set with {@link Builder#excluded}, the
     * report with {@link Builder#report}, then {@link Builder#build}.
     *
     * @param splitter the splitter that made the split; its {@link Splitter#spec()} is recorded
     * @param sets the sets and the fractions they were split by
     * @param fingerprint the fingerprint of the table that was split
     * @param rowCount the table's row count, not negative
     * @return the builder
     * @throws IllegalArgumentException if the row count is negative
     */
    public static Builder builder(Splitter splitter, SplitSets sets, Fingerprint fingerprint, int rowCount) {
        return builder(Objects.requireNonNull(splitter, "splitter").spec(), sets, fingerprint, rowCount);
    }

    /**
     * Starts a split made by the splitter a spec describes, as {@link #builder(Splitter, SplitSets,
     * Fingerprint, int)} does.
     *
     * @param splitter the spec of the splitter that made the split
     * @param sets the sets and the fractions they were split by
     * @param fingerprint the fingerprint of the table that was split
     * @param rowCount the table's row count, not negative
     * @return the builder
     * @throws IllegalArgumentException if the row count is negative
     */
    public static Builder builder(ComponentSpec splitter, SplitSets sets, Fingerprint fingerprint, int rowCount) {
        return new Builder(splitter, sets, fingerprint, rowCount);
    }

    /** Builds a split from arrays this package made as a partition with no empty set; takes them without copying. */
    static Split trusted(ComponentSpec splitter, SplitSets sets, Fingerprint fingerprint, int rowCount, int[][] rows,
            int[] excluded, GuaranteeReport report) {
        return new Split(splitter, sets, fingerprint, rowCount, rows, excluded, report);
    }

    /**
     * Returns the spec of the splitter that made the split: its type and settings, as
     * {@code split.json} records them.
     *
     * @return the spec, such as {@code stratified(sizes=guide, label=class, seed=42, smallClasses=refuse, labelType=inferred)}
     */
    public ComponentSpec splitter() {
        return splitter;
    }

    /**
     * Rebuilds the splitter that made the split from its recorded spec; it splits the same table
     * into an equal split.
     *
     * @param registry the registry that knows the splitter's type, such as
     *     {@link ComponentRegistry#defaults()}
     * @return the splitter
     * @throws dev.mlops.core.component.ComponentException if the registry does not know the type
     *     or refuses the settings
     */
    public Splitter splitter(ComponentRegistry registry) {
        return registry.create(Splitter.class, splitter);
    }

    /**
     * Returns the seed: the splitter's integer setting {@code seed}, which every seeded built-in
     * splitter has.
     *
     * @return the seed, or empty for a splitter that draws nothing at random
     */
    public OptionalLong seed() {
        JsonNode seed = splitter.settings().get(SEED);
        return seed != null && seed.isIntegralNumber() && seed.canConvertToLong() ? OptionalLong.of(seed.longValue())
                : OptionalLong.empty();
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
     * Returns the split as a JSON document for people and diffs ({@link Documents#write}): the
     * fields {@code kind} ({@code "split"}), {@code formatVersion} ({@code 2}), {@code splitter}
     * (the splitter's flat component JSON, {@code {"type": "stratified", "label": "class",
     * "seed": 42, ...}}, from which {@link #splitter(ComponentRegistry)} rebuilds it),
     * {@code fingerprint}, {@code rowCount}, {@code sets} (in split order, each with {@code name},
     * {@code fraction} and ascending {@code rows}), {@code excludedRows}, and {@code report}
     * ({@code held}, {@code classCounts}, {@code classesNotInEverySet}, {@code removedByGap},
     * {@code notes}).
     *
     * @return the JSON text
     */
    public String toJson() {
        return Documents.write(toDocument());
    }

    /**
     * Returns the JSON document that {@link #toJson()} writes, as a tree, for a report that
     * embeds part of it (such as the guarantee report or the splitter).
     *
     * @return a new tree
     */
    public ObjectNode toDocument() {
        return SplitJson.document(this);
    }

    /**
     * Reads a split from the JSON that {@link #toJson()} writes, checking it as {@link Builder#build}
     * does. A document of format version 1 (before splitters recorded a rebuildable spec) is
     * refused with a message that says to split the data again.
     *
     * @param json the JSON text
     * @return the split, equal to the one written
     * @throws dev.mlops.core.DataFormatException if the text is not JSON; it names the line and character
     * @throws dev.mlops.core.json.DocumentException if the document is not a split of format
     *     version 2, a field is absent, unknown or of the wrong type, or the rows are not a
     *     partition; the message names the source and the field's path
     */
    public static Split fromJson(String json) {
        return SplitJson.read(Documents.parse(Objects.requireNonNull(json, "json"), "split JSON"));
    }

    /**
     * Writes {@link #toJson()} to a file atomically (UTF-8), creating missing parent directories.
     *
     * @param file the file to create or replace
     * @throws UncheckedIOException if the file cannot be written; it is then unchanged
     */
    public void save(Path file) {
        AtomicFiles.writeString(file, Documents.write(toDocument()));
    }

    /**
     * Reads a split that {@link #save} wrote.
     *
     * @param file the file
     * @return the split
     * @throws UncheckedIOException if the file cannot be read
     * @throws dev.mlops.core.DataFormatException if the file is not JSON; it names the file and line
     * @throws dev.mlops.core.json.DocumentException if the document is not a valid split; it
     *     names the file and the field's path
     */
    public static Split load(Path file) {
        return SplitJson.read(Documents.load(file));
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Split that
                && splitter.equals(that.splitter) && sets.equals(that.sets) && fingerprint.equals(that.fingerprint) && rowCount == that.rowCount
                && Arrays.deepEquals(rows, that.rows) && Arrays.equals(excluded, that.excluded)
                && report.equals(that.report);
    }

    @Override
    public int hashCode() {
        return Objects.hash(splitter, sets, fingerprint, rowCount, Arrays.deepHashCode(rows),
                Arrays.hashCode(excluded), report);
    }

    /** @return the splitter's spec, set sizes and guarantees, without the rows */
    @Override
    public String toString() {
        StringBuilder sizes = new StringBuilder();
        for (int s = 0; s < rows.length; s++) {
            sizes.append(s == 0 ? "" : ", ").append(sets.names().get(s)).append('=').append(rows[s].length);
        }
        return "Split[" + splitter + ", " + rowCount + " rows: " + sizes + (excluded.length > 0 ? ", excluded=" + excluded.length : "")
                + ", held " + report.held() + ", table " + fingerprint + "]";
    }

    /**
     * Collects a split's parts for {@link #builder}; not thread-safe, and used once.
     */
    public static final class Builder {
        private final ComponentSpec splitter;
        private final SplitSets sets;
        private final Fingerprint fingerprint;
        private final int rowCount;
        private final int[] @Nullable [] rows;
        private int[] excluded = new int[0];
        private @Nullable GuaranteeReport report;

        private Builder(ComponentSpec splitter, SplitSets sets, Fingerprint fingerprint, int rowCount) {
            this.splitter = Objects.requireNonNull(splitter, "splitter");
            this.sets = Objects.requireNonNull(sets, "sets");
            this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
            if (rowCount < 0) {
                throw new IllegalArgumentException("rowCount must not be negative but was " + rowCount);
            }
            this.rowCount = rowCount;
            this.rows = new int[sets.size()][];
        }

        /**
         * Gives a set its rows.
         *
         * @param name the set's name, one of the sets'
         * @param setRows its ascending 0-based rows, not empty; copied
         * @return this builder
         * @throws IllegalArgumentException if there is no such set or it already has its rows
         */
        public Builder set(String name, int[] setRows) {
            int index = sets.indexOf(Objects.requireNonNull(name, "name"));
            if (rows[index] != null) {
                throw new IllegalArgumentException("set '" + name + "' already has its rows");
            }
            rows[index] = Objects.requireNonNull(setRows, "setRows").clone();
            return this;
        }

        /**
         * Gives the rows in no set (such as those a temporal gap removed); none unless called.
         *
         * @param excludedRows ascending 0-based rows; copied
         * @return this builder
         */
        public Builder excluded(int[] excludedRows) {
            excluded = Objects.requireNonNull(excludedRows, "excludedRows").clone();
            return this;
        }

        /**
         * Gives the guarantees that hold and what was measured; required.
         *
         * @param guaranteeReport the report
         * @return this builder
         */
        public Builder report(GuaranteeReport guaranteeReport) {
            report = Objects.requireNonNull(guaranteeReport, "guaranteeReport");
            return this;
        }

        /**
         * Checks that the parts make a split, as {@link Guarantee} promises, and builds it.
         *
         * @return the split
         * @throws IllegalArgumentException if a set has no rows given or is empty, no report was
         *     given, the rows are not ascending or out of range, a row is in two sets, or a row is
         *     in no set and not excluded; the message names the set and row
         */
        public Split build() {
            if (report == null) {
                throw new IllegalArgumentException("a split needs its guarantee report; call report(...) before build()");
            }
            int[][] checked = new int[rows.length][];
            boolean[] seen = new boolean[rowCount];
            for (int s = 0; s < rows.length; s++) {
                String name = sets.names().get(s);
                int[] setRows = rows[s];
                if (setRows == null) {
                    throw new IllegalArgumentException("set '" + name + "' has no rows; call set(\"" + name
                            + "\", rows) for each of the sets " + sets.names());
                }
                if (setRows.length == 0) {
                    throw new IllegalArgumentException("set '" + name + "' is empty; a split gives every set at least one"
                            + " row (a splitter refuses such a table with a SplitException instead)");
                }
                mark(setRows, "set '" + name + "'", seen);
                checked[s] = setRows;
            }
            mark(excluded, "the excluded rows", seen);
            for (int row = 0; row < rowCount; row++) {
                if (!seen[row]) {
                    throw new IllegalArgumentException("row " + row + " is in no set and not excluded; a split covers all "
                            + rowCount + " rows");
                }
            }
            return new Split(splitter, sets, fingerprint, rowCount, checked, excluded, report);
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
    }
}
