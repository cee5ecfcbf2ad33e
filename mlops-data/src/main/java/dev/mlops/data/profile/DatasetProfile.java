package dev.mlops.data.profile;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.internal.Tasks;
import dev.mlops.data.io.TableChunks;
import dev.mlops.data.io.TableSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.jspecify.annotations.Nullable;

/**
 * The profile of a {@link Table}: its row count, the fingerprints of the tables it describes, and
 * one {@link ColumnProfile} per column in schema order.
 *
 * <p>{@link #of(Table, ProfileOptions, Executor)} makes one pass over each column, the columns in
 * parallel on the given executor; the exact statistics do not depend on the executor.
 * {@link #merge(DatasetProfile)} combines the profiles of two partitions into the profile of their
 * union (see the package description for the guarantees), and {@link #toJson()} /
 * {@link #fromJson(String)} store it as versioned JSON with its sketches, so stored profiles still
 * merge. An empty table yields zero counts. Immutable and thread-safe.
 *
 * <p>A profile records when it was made ({@link #createdAt()}), from a {@link Clock} the caller
 * may pass ({@link Clock#systemUTC()} by default).
 */
public final class DatasetProfile {
    /**
     * The JSON format version that {@link #toJson()} writes. Version 2 added the numeric distinct
     * state ({@code "distinctValues"} or {@code "hll"}), the categorical {@code "typeShares"} and
     * {@code "createdAt"}. {@link #fromJson(String)} reads versions 1 and 2: a version 1 document
     * has no {@code createdAt} (then {@link #createdAt()} is empty), and the new statistics of its
     * exactly kept columns follow from their values and counts; a version 1 column that holds
     * only sketches lacks them and is refused with a message naming it.
     */
    public static final int FORMAT_VERSION = 2;

    private final long rowCount;
    private final List<Fingerprint> fingerprints;
    private final List<ColumnProfile> columns;
    private final ProfileOptions options;
    private final @Nullable Instant createdAt;
    private final Set<String> sensitive;

    DatasetProfile(long rowCount, List<Fingerprint> fingerprints, List<ColumnProfile> columns, ProfileOptions options,
            @Nullable Instant createdAt, Set<String> sensitive) {
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount must not be negative but was " + rowCount);
        }
        for (ColumnProfile column : columns) {
            if (column.count() != rowCount) {
                throw new IllegalArgumentException("column '" + column.name() + "' counts " + column.count()
                        + " rows but the profile has " + rowCount);
            }
        }
        this.rowCount = rowCount;
        this.fingerprints = List.copyOf(fingerprints);
        this.columns = List.copyOf(columns);
        this.options = Objects.requireNonNull(options, "options");
        this.createdAt = createdAt;
        Set<String> names = new TreeSet<>();
        for (String name : sensitive) {
            names.add(column(name).name());
        }
        this.sensitive = Collections.unmodifiableSet(names);
    }

    /**
     * Profiles a table with the default options on the common fork-join pool.
     *
     * @param table the table
     * @return its profile
     */
    public static DatasetProfile of(Table table) {
        return of(table, ProfileOptions.defaults());
    }

    /**
     * Profiles a table on the common fork-join pool.
     *
     * @param table the table
     * @param options the settings
     * @return its profile
     */
    public static DatasetProfile of(Table table, ProfileOptions options) {
        return of(table, options, ForkJoinPool.commonPool());
    }

    /**
     * Profiles a table, one task per column on the given executor, stamped by the UTC system
     * clock; {@code Runnable::run} profiles the columns one after another on the calling thread.
     *
     * @param table the table
     * @param options the settings
     * @param executor runs the per-column tasks
     * @return its profile
     */
    public static DatasetProfile of(Table table, ProfileOptions options, Executor executor) {
        return of(table, options, executor, Clock.systemUTC());
    }

    /**
     * Profiles a table, one task per column and one for the fingerprint, and stamps it with the
     * clock's instant when profiling starts. The calling thread takes tasks too, beside helpers
     * submitted to the executor with {@link Executor#execute}: as many as a
     * {@link ForkJoinPool}'s parallelism, else as many as there are processors (the common pool
     * has one worker on two cores, so the caller and that worker share the work); a helper the
     * executor rejects or never starts is simply not needed. The result does not depend on the
     * executor. If a task fails, the first failure in schedule order is rethrown once every task
     * taken has finished.
     *
     * @param table the table
     * @param options the settings
     * @param executor runs the per-column tasks
     * @param clock gives {@link #createdAt()}
     * @return its profile
     */
    public static DatasetProfile of(Table table, ProfileOptions options, Executor executor, Clock clock) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(executor, "executor");
        return of(table, options, executor, Objects.requireNonNull(clock, "clock").instant(), true);
    }

    /**
     * Profiles a table read in pieces, on the common fork-join pool, stamped by the UTC system
     * clock: see {@link #of(TableSource, ProfileOptions, Executor, Clock)}.
     *
     * @param source the table's pieces
     * @param options the settings
     * @return its profile
     */
    public static DatasetProfile of(TableSource source, ProfileOptions options) {
        return of(source, options, ForkJoinPool.commonPool(), Clock.systemUTC());
    }

    /**
     * Profiles a table read in pieces, one piece in memory at a time, so that a file larger than
     * the heap can be profiled (a Parquet file, by row group):
     * <pre>{@code
     * TableSource source = TableSource.of(format, Path.of("events.parquet"));
     * DatasetProfile profile = DatasetProfile.of(source, ProfileOptions.defaults(), ForkJoinPool.commonPool(),
     *         Clock.systemUTC());
     * }</pre>
     * Each piece is profiled as {@link #of(Table, ProfileOptions, Executor, Clock)} profiles a
     * table, its columns in parallel, and the pieces' profiles are {@linkplain #merge merged} in
     * order; the result is the profile of the whole table within what the package description
     * states of merges: counts, missing values, NaN, infinities, zeros, minimum, maximum, the
     * earliest and latest instants, type shares, exact quantiles and exact distinct values and
     * counts are equal to the whole table's; the sum within the compensated sum's bound, mean and
     * variance within the merged moments' bound; sketched quantiles, distinct counts and frequent
     * values within their sketches' stated errors. Each column keeps at most
     * {@link ProfileOptions#exactQuantileLimit()} values and
     * {@link ProfileOptions#exactDistinctLimit()} counts beside its sketches, whatever the number
     * of rows. A table that comes in one piece (a format that reads files whole, such as CSV) is
     * profiled exactly as {@link #of(Table, ProfileOptions, Executor, Clock)} profiles it.
     *
     * <p>The profile records the {@linkplain #fingerprints() fingerprint} of the whole table,
     * {@link Fingerprint#of(Table)} of the pieces stacked, not one per piece: after the pass over
     * the pieces, {@link TableSource#fingerprint(int)} reads each column once more (the encoding
     * hashes every cell of a column before the next column, and the row count first). A table of
     * more than {@value Integer#MAX_VALUE} rows, beyond that encoding, records no fingerprint.
     *
     * @param source the table's pieces
     * @param options the settings
     * @param executor runs each piece's per-column tasks
     * @param clock gives {@link #createdAt()}, read once before the first piece
     * @return the profile of the whole table
     * @throws dev.mlops.core.DataFormatException if a piece is malformed
     * @throws UncheckedIOException if the input cannot be read
     */
    public static DatasetProfile of(TableSource source, ProfileOptions options, Executor executor, Clock clock) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(executor, "executor");
        Instant createdAt = Objects.requireNonNull(clock, "clock").instant();
        DatasetProfile profile;
        try (TableChunks pieces = source.open()) {
            Table first = pieces.hasNext() ? pieces.next() : Table.empty(pieces.schema());
            if (!pieces.hasNext()) {
                return of(first, options, executor, createdAt, true);
            }
            profile = of(first, options, executor, createdAt, false);
            while (pieces.hasNext()) {
                profile = profile.merge(of(pieces.next(), options, executor, createdAt, false));
            }
        }
        long rows = profile.rowCount();
        return profile.withFingerprints(rows > Integer.MAX_VALUE ? List.of() : List.of(source.fingerprint((int) rows)));
    }

    /**
     * Profiles a table, its columns in parallel, and when asked its fingerprint in a task beside
     * them; without the fingerprint the profile records none.
     */
    private static DatasetProfile of(Table table, ProfileOptions options, Executor executor, Instant createdAt,
            boolean fingerprint) {
        List<Column> columns = table.columns();
        int first = fingerprint ? 1 : 0;
        // task 0, the longest, is the fingerprint; then the columns
        List<Object> results = Tasks.run(columns.size() + first,
                task -> task < first ? Fingerprint.of(table) : profile(columns.get(task - first), options), executor);
        List<ColumnProfile> profiles = new ArrayList<>(columns.size());
        for (int i = first; i < results.size(); i++) {
            profiles.add((ColumnProfile) results.get(i));
        }
        Set<String> sensitive = new TreeSet<>();
        for (Column column : columns) {
            if (column.sensitive()) {
                sensitive.add(column.name());
            }
        }
        List<Fingerprint> prints = fingerprint ? List.of((Fingerprint) results.get(0)) : List.of();
        return new DatasetProfile(table.rowCount(), prints, profiles, options, createdAt, sensitive);
    }

    private static ColumnProfile profile(Column column, ProfileOptions options) {
        return switch (column.type()) {
            case NUMERIC -> NumericProfile.of((NumericColumn) column, options);
            case CATEGORICAL -> CategoricalProfile.of((CategoricalColumn) column, options);
            case TEXT -> CategoricalProfile.of((TextColumn) column, options);
            case BOOLEAN -> CategoricalProfile.of((BooleanColumn) column, options);
            case TIMESTAMP -> timestamps((TimestampColumn) column);
        };
    }

    private static TimestampProfile timestamps(TimestampColumn column) {
        int rows = column.size();
        long missing = 0;
        int minRow = -1;
        int maxRow = -1;
        for (int row = 0; row < rows; row++) {
            if (column.isMissing(row)) {
                missing++;
            } else {
                if (minRow < 0 || compare(column, row, minRow) < 0) {
                    minRow = row;
                }
                if (maxRow < 0 || compare(column, row, maxRow) > 0) {
                    maxRow = row;
                }
            }
        }
        Instant min = minRow < 0 ? null : column.get(minRow);
        Instant max = maxRow < 0 ? null : column.get(maxRow);
        return new TimestampProfile(column.name(), rows, missing, min, max);
    }

    private static int compare(TimestampColumn column, int a, int b) {
        int bySecond = Long.compare(column.epochSecond(a), column.epochSecond(b));
        return bySecond != 0 ? bySecond : Integer.compare(column.nano(a), column.nano(b));
    }

    /**
     * Merges this profile with the profile of another partition of the same schema: the result
     * describes the union of the rows, with both profiles' fingerprints, and was created at the
     * later of the two instants (the one present, if only one is; none if neither is). A column
     * sensitive in either profile is sensitive in the result.
     *
     * @param other the other partition's profile
     * @return the merged profile
     * @throws SchemaException if the column names or types differ; the message names the first
     *     differing column
     * @throws IllegalArgumentException if the profiles' options differ
     */
    public DatasetProfile merge(DatasetProfile other) {
        Objects.requireNonNull(other, "other");
        if (!options.equals(other.options)) {
            throw new IllegalArgumentException("cannot merge profiles made with different options: " + options
                    + " and " + other.options);
        }
        int shared = Math.min(columns.size(), other.columns.size());
        for (int i = 0; i < shared; i++) {
            ColumnProfile mine = columns.get(i);
            ColumnProfile theirs = other.columns.get(i);
            if (!mine.name().equals(theirs.name()) || mine.type() != theirs.type()) {
                throw new SchemaException("cannot merge profiles: column " + (i + 1) + " is '" + mine.name() + "' ("
                        + mine.type() + ") in this profile but '" + theirs.name() + "' (" + theirs.type()
                        + ") in the other");
            }
        }
        if (columns.size() != other.columns.size()) {
            List<ColumnProfile> longer = columns.size() > shared ? columns : other.columns;
            throw new SchemaException("cannot merge profiles: column " + (shared + 1) + " '"
                    + longer.get(shared).name() + "' is in " + (columns.size() > shared ? "this" : "the other")
                    + " profile only (" + columns.size() + " columns against " + other.columns.size() + ")");
        }
        List<ColumnProfile> merged = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            merged.add(mergeColumns(columns.get(i), other.columns.get(i)));
        }
        List<Fingerprint> prints = new ArrayList<>(fingerprints);
        prints.addAll(other.fingerprints);
        Instant later = createdAt == null ? other.createdAt
                : other.createdAt == null || createdAt.isAfter(other.createdAt) ? createdAt : other.createdAt;
        Set<String> eitherSensitive = new TreeSet<>(sensitive);
        eitherSensitive.addAll(other.sensitive);
        return new DatasetProfile(rowCount + other.rowCount, prints, merged, options, later, eitherSensitive);
    }

    private static ColumnProfile mergeColumns(ColumnProfile a, ColumnProfile b) {
        if (a instanceof NumericProfile x && b instanceof NumericProfile y) {
            return x.merge(y);
        }
        if (a instanceof CategoricalProfile x && b instanceof CategoricalProfile y) {
            return x.merge(y);
        }
        return ((TimestampProfile) a).merge((TimestampProfile) b);
    }

    /** @return the number of rows profiled */
    public long rowCount() {
        return rowCount;
    }

    /** @return the fingerprints of the profiled tables: one for a table, one per partition after merges */
    public List<Fingerprint> fingerprints() {
        return fingerprints;
    }

    /**
     * Returns this profile stating other fingerprints, every statistic unchanged. A merge lists
     * the fingerprints of every partition it combined, so a profile merged from many pieces (the
     * chunks of a Spark Dataset's partitions) would carry one per piece, and which pieces depends
     * on how the data was cut; such a profile states instead the one fingerprint of the whole
     * data, or none when there is no content hash of it.
     *
     * @param fingerprints the fingerprints of the data the profile describes, possibly none
     * @return the profile with those fingerprints
     */
    public DatasetProfile withFingerprints(List<Fingerprint> fingerprints) {
        Objects.requireNonNull(fingerprints, "fingerprints");
        return new DatasetProfile(rowCount, fingerprints, columns, options, createdAt, sensitive);
    }

    /** @return the column profiles in schema order, unmodifiable */
    public List<ColumnProfile> columns() {
        return columns;
    }

    /**
     * Returns the named column's profile.
     *
     * @param name the column's name
     * @return its profile
     * @throws SchemaException if there is no such column; the message lists the names there are
     */
    public ColumnProfile column(String name) {
        for (ColumnProfile column : columns) {
            if (column.name().equals(name)) {
                return column;
            }
        }
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        throw new SchemaException("no column named '" + name + "' in the profile; the " + names.size()
                + " columns are: " + String.join(", ", names));
    }

    /**
     * Returns when the profile was made: the clock's instant when profiling began, the later of
     * two merged profiles' instants, or the instant stored in its JSON.
     *
     * @return the instant, empty for a profile read from a version 1 document, which has none
     */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    /**
     * Returns the names of the columns whose {@link dev.mlops.core.table.Field} was marked
     * sensitive in the profiled table (or in either of two merged profiles, or in the JSON read).
     * In memory their profiles may keep exact values, so that merges stay exact; {@link #toJson()}
     * writes them sketch-only.
     *
     * @return the sensitive columns' names, sorted, unmodifiable
     */
    public Set<String> sensitiveColumns() {
        return sensitive;
    }

    /**
     * Returns the profile as it leaves the process, as {@link #toJson()} writes it: every
     * {@linkplain #sensitiveColumns() sensitive column} sketch-only (a numeric column as KLL and
     * HyperLogLog sketches, a categorical, text or boolean one as HyperLogLog and frequent-items
     * sketches), the other columns as they are. Reports and summaries that leave the process
     * show this form.
     *
     * @return the profile with its sensitive columns sketch-only; this profile when none is sensitive
     */
    public DatasetProfile forExport() {
        if (sensitive.isEmpty()) {
            return this;
        }
        List<ColumnProfile> exported = new ArrayList<>(columns.size());
        for (ColumnProfile column : columns) {
            exported.add(!sensitive.contains(column.name()) ? column
                    : column instanceof NumericProfile numeric ? numeric.sketchOnly()
                    : column instanceof CategoricalProfile categorical ? categorical.sketchOnly()
                    : column);
        }
        return new DatasetProfile(rowCount, fingerprints, exported, options, createdAt, sensitive);
    }

    /** @return the options the profile was made with */
    public ProfileOptions options() {
        return options;
    }

    /**
     * Writes the profile as pretty-printed JSON with {@code "kind": "dataset-profile"},
     * {@code "formatVersion"} ({@value #FORMAT_VERSION}) and {@code "createdAt"} (ISO-8601, UTC),
     * keys sorted, sketches as Base64 of their DataSketches byte form. Its {@code "options"} record
     * the {@link ProfileOptions} it was made with (exact limits, top-k, KLL k, probabilities),
     * which reading restores and merging compares.
     *
     * <p>The document holds the state that merging needs: a numeric column with exact quantiles
     * stores its sorted finite values ({@code "exactValues"}, at most
     * {@link ProfileOptions#exactQuantileLimit()} of them) and an exactly counted column stores
     * every distinct value with its count ({@code "counts"}). Such a profile therefore carries
     * raw values of the table; set both limits to 0 for a profile that holds only sketches
     * (frequent-items sketches still hold the most frequent values).
     *
     * <p>A {@linkplain #sensitiveColumns() sensitive column} is written sketch-only whatever the
     * limits, marked {@code "sensitive": true} (DESIGN.md, "Raw values in profiles and
     * captures"): a numeric column as its KLL and HyperLogLog sketches ({@code "quantileMethod"}
     * and {@code "distinctMethod"} {@code "SKETCH"}, quantiles within {@code "rankError"}),
     * a categorical, text or boolean column as its HyperLogLog and frequent-items sketches,
     * without exact counts and without the plain {@code "topK"} list. The sketches are Base64 of
     * DataSketches' byte form: they hold sampled values (KLL items, the most frequent items),
     * encoded, not exact ones. Its min and max, and a timestamp column's, stay written. A
     * profile read back uses the sketch path for such columns: drift checks compute what the
     * sketches support, and merging stays within the sketches' errors. Non-finite numbers are
     * written as the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
     *
     * @return the JSON text
     */
    public String toJson() {
        return ProfileJson.write(this);
    }

    /**
     * Reads a profile written by {@link #toJson()}, naming it "dataset profile" in messages.
     *
     * @param json the JSON text
     * @return the profile
     * @throws dev.mlops.core.MlopsException as {@link #fromJson(String, String)}
     */
    public static DatasetProfile fromJson(String json) {
        return fromJson(json, "dataset profile");
    }

    /**
     * Reads a profile written by {@link #toJson()}: format version 1 or 2, its options included.
     *
     * @param json the JSON text
     * @param source names the text in messages, such as its file
     * @return the profile
     * @throws dev.mlops.core.DataFormatException if the text is not JSON; the message names the
     *     source, the line and the character
     * @throws dev.mlops.core.json.DocumentException if it is not a profile of format version 1 or
     *     2, or is a version 1 profile whose sketched columns lack the statistics of version 2;
     *     the message names the source and the field's path, such as {@code columns[2].kll}
     */
    public static DatasetProfile fromJson(String json, String source) {
        return ProfileJson.read(Objects.requireNonNull(json, "json"), Objects.requireNonNull(source, "source"));
    }

    /**
     * Reads a profile from a file (UTF-8) written by {@link #toJson()}, naming the file in messages.
     *
     * @param file the file
     * @return the profile
     * @throws UncheckedIOException if the file cannot be read
     * @throws dev.mlops.core.MlopsException as {@link #fromJson(String, String)}
     */
    public static DatasetProfile load(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the profile " + file, e);
        }
    }

    @Override
    public String toString() {
        return "DatasetProfile[" + rowCount + " rows, " + columns.size() + " columns]";
    }
}
