package dev.mlops.monitor.baseline;

import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckSuggester;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.ProfileOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;

/**
 * What a model was trained on, kept for monitoring: the training table's {@link Schema}, its
 * {@link DatasetProfile}, a {@link CheckSuite} that {@link CheckSuggester} proposes from that
 * profile, the table's {@link Fingerprint} and row count, and when the baseline was made.
 *
 * <pre>{@code
 * Baseline baseline = Baseline.builder()
 *         .profileOptions(ProfileOptions.defaults())
 *         .maxCategories(50)                  // allowed-values checks list at most 50 values
 *         .referenceChecks(true)              // PSI and chi-square against the baseline (the default)
 *         .clock(clock)
 *         .build(trainingTable);
 * baseline.write(Path.of("baselines/churn-v3"));
 * Baseline again = Baseline.load(Path.of("baselines/churn-v3"));   // equal to baseline
 * SageMakerExport.write(again, Path.of("baselines/churn-v3/sagemaker"));
 * }</pre>
 *
 * <h2>Sensitive columns</h2>
 * Every column whose {@link dev.mlops.core.table.Field} is marked sensitive is kept sketch-only,
 * in memory as on disk (DESIGN.md, "Raw values in profiles and captures"): {@link #profile()} is
 * the profile's {@link DatasetProfile#forExport() export form} (a numeric column as KLL and
 * HyperLogLog sketches, a categorical, boolean or text column as HyperLogLog and frequent-items
 * sketches, with no exact values, counts or top-value list), and the suite is proposed from that
 * form, so it lists no allowed values of a sensitive column. As mlops-data's profile writer does,
 * the minimum and maximum of a sensitive numeric column stay, and so does a range check built from
 * them. A baseline just made and one read back therefore hold the same thing and give the same
 * drift results.
 *
 * <h2>The directory</h2>
 * {@link #write(Path)} stores three UTF-8 JSON documents, each with its {@code kind} and
 * {@code formatVersion} (core's {@link dev.mlops.core.json.Documents}: keys sorted, two-space
 * indentation), each replaced atomically, the manifest last:
 * <ul>
 *   <li>{@value #MANIFEST_FILE}: {@code "kind": "baseline"}, {@code "formatVersion"}
 *       ({@value #FORMAT_VERSION}), {@code "createdAt"} (ISO-8601, UTC), {@code "rowCount"},
 *       {@code "fingerprint"} (the table's SHA-256), {@code "schema"} (one object per column in
 *       order: {@code "name"}, {@code "type"} such as {@code "NUMERIC"}, and {@code "sensitive":
 *       true} for a sensitive one), {@code "integralColumns"} (the numeric columns whose present
 *       values are all finite whole numbers, sorted) and {@code "suggester"}
 *       ({@code "maxCategories"}, {@code "referenceChecks"}: the settings the suite was proposed
 *       with);</li>
 *   <li>{@value #PROFILE_FILE}: the profile as {@link DatasetProfile#toJson()} writes it
 *       ({@code "kind": "dataset-profile"});</li>
 *   <li>{@value #SUITE_FILE}: the suite as {@link CheckSuite#toJson()} writes it
 *       ({@code "kind": "check-suite"}), a document a person may edit.</li>
 * </ul>
 * {@link #load(Path)} reads the three back and refuses, naming the file: a missing file
 * ({@link BaselineException}); a file that is not JSON ({@link dev.mlops.core.DataFormatException},
 * with the line and character); a document of another kind, of a format version newer than this
 * version of mlops-java reads, or with a field missing, mistyped or unknown
 * ({@link dev.mlops.core.json.DocumentException}); and a profile whose row count, fingerprint,
 * columns or sensitive columns differ from the manifest's ({@link BaselineException}).
 *
 * <p>Two baselines are equal when their three documents are equal. Immutable and thread-safe.
 */
public final class Baseline {
    /** The manifest's kind. */
    public static final String KIND = "baseline";
    /** The manifest's format version that {@link #write(Path)} writes and the newest {@link #load(Path)} reads. */
    public static final int FORMAT_VERSION = 1;
    /** The manifest's file name in a baseline directory. */
    public static final String MANIFEST_FILE = "baseline.json";
    /** The profile's file name in a baseline directory. */
    public static final String PROFILE_FILE = "profile.json";
    /** The suite's file name in a baseline directory. */
    public static final String SUITE_FILE = "suite.json";
    /** The suite's name unless {@link Builder#suiteName(String)} gives another. */
    public static final String DEFAULT_SUITE_NAME = "baseline";

    private final Schema schema;
    private final DatasetProfile profile;
    private final CheckSuite suite;
    private final Instant createdAt;
    private final Set<String> integralColumns;
    private final int maxCategories;
    private final boolean referenceChecks;
    private final String manifestJson;
    private final String profileJson;
    private final String suiteJson;

    Baseline(Schema schema, DatasetProfile profile, CheckSuite suite, Instant createdAt, Set<String> integralColumns,
            int maxCategories, boolean referenceChecks) {
        this.schema = schema;
        this.profile = profile;
        this.suite = suite;
        this.createdAt = createdAt;
        this.integralColumns = Collections.unmodifiableSet(new TreeSet<>(integralColumns));
        this.maxCategories = maxCategories;
        this.referenceChecks = referenceChecks;
        this.profileJson = profile.toJson();
        this.suiteJson = suite.toJson();
        this.manifestJson = BaselineJson.manifest(this);
    }

    /**
     * Makes a baseline with the default settings: {@link ProfileOptions#defaults()}, at most
     * {@value CheckSuggester#DEFAULT_MAX_CATEGORIES} allowed values per column, reference checks,
     * the suite named {@value #DEFAULT_SUITE_NAME}, stamped by {@link Clock#systemUTC()}.
     *
     * @param table the training table, with at least one row and one column
     * @return the baseline
     * @throws IllegalArgumentException if the table has no row or no column
     */
    public static Baseline of(Table table) {
        return builder().build(table);
    }

    /** @return a builder with the default settings, as {@link #of(Table)} uses */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the training table's schema, with the columns it marks sensitive */
    public Schema schema() {
        return schema;
    }

    /**
     * Returns the training table's profile as stored: every sensitive column sketch-only, the
     * others as {@link DatasetProfile#of} made them. Its {@link DatasetProfile#createdAt()} is
     * {@link #createdAt()}.
     *
     * @return the profile
     */
    public DatasetProfile profile() {
        return profile;
    }

    /**
     * Returns the suite that {@link CheckSuggester} proposed from {@link #profile()} (or, after
     * {@link #load(Path)}, the suite stored, which a person may have edited). With reference
     * checks it needs {@link #profile()} as its reference:
     * {@code baseline.suite().run(batch, baseline.profile())}.
     *
     * @return the suite
     */
    public CheckSuite suite() {
        return suite;
    }

    /** @return the training table's content hash */
    public Fingerprint fingerprint() {
        return profile.fingerprints().get(0);
    }

    /** @return the number of rows of the training table */
    public long rowCount() {
        return profile.rowCount();
    }

    /** @return when the baseline was made, from the builder's clock */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Returns the numeric columns whose present values are all finite whole numbers (at least
     * one), which SageMaker calls {@code Integral}; a profile alone cannot tell.
     *
     * @return their names, sorted, unmodifiable
     */
    public Set<String> integralColumns() {
        return integralColumns;
    }

    /** @return the largest number of values an allowed-values check of the suite was allowed to list */
    public int maxCategories() {
        return maxCategories;
    }

    /** @return true if the suite was proposed with distribution checks against the baseline */
    public boolean referenceChecks() {
        return referenceChecks;
    }

    /**
     * Writes the baseline into a directory, creating it if needed: {@value #PROFILE_FILE},
     * {@value #SUITE_FILE}, then {@value #MANIFEST_FILE}, each replaced atomically (see the class
     * description). Files of other names are left alone.
     *
     * @param directory the directory
     * @throws UncheckedIOException if the directory cannot be made or a file cannot be written
     */
    public void write(Path directory) {
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the baseline directory " + directory, e);
        }
        AtomicFiles.writeString(directory.resolve(PROFILE_FILE), profileJson + "\n");
        AtomicFiles.writeString(directory.resolve(SUITE_FILE), suiteJson + "\n");
        AtomicFiles.writeString(directory.resolve(MANIFEST_FILE), manifestJson + "\n");
    }

    /**
     * Reads a baseline that {@link #write(Path)} stored; its suite stamps reports with
     * {@link Clock#systemUTC()}.
     *
     * @param directory the directory
     * @return the baseline, equal to the one written
     * @throws BaselineException if a file is missing or the files disagree; the message names the file
     * @throws dev.mlops.core.DataFormatException if a file is not JSON; the message names the file,
     *     the line and the character
     * @throws dev.mlops.core.json.DocumentException if a document is of another kind, of a newer
     *     format version, or has a field missing, mistyped or unknown; the message names the file
     *     and the field
     * @throws UncheckedIOException if a file exists but cannot be read
     */
    public static Baseline load(Path directory) {
        return BaselineJson.load(Objects.requireNonNull(directory, "directory"));
    }

    /** @return the profile's document as {@link #write(Path)} writes it, without the final line break */
    String profileJson() {
        return profileJson;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Baseline that && manifestJson.equals(that.manifestJson)
                && profileJson.equals(that.profileJson) && suiteJson.equals(that.suiteJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(manifestJson, profileJson, suiteJson);
    }

    @Override
    public String toString() {
        return "Baseline[" + rowCount() + " rows, " + schema.size() + " columns, created " + createdAt + ", suite '"
                + suite.name() + "' of " + suite.checks().size() + " checks]";
    }

    /**
     * Settings of a new baseline; each setter returns this builder. Not thread-safe; the baseline
     * it builds is.
     */
    public static final class Builder {
        private ProfileOptions profileOptions = ProfileOptions.defaults();
        private int maxCategories = CheckSuggester.DEFAULT_MAX_CATEGORIES;
        private boolean referenceChecks = true;
        private String suiteName = DEFAULT_SUITE_NAME;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param options how the table is profiled (exact limits, top-k, KLL k, quantiles);
         *     {@link ProfileOptions#defaults()} unless set
         * @return this builder
         */
        public Builder profileOptions(ProfileOptions options) {
            this.profileOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * @param max the largest number of values an allowed-values check lists, at least 1
         *     ({@value CheckSuggester#DEFAULT_MAX_CATEGORIES} unless set)
         * @return this builder
         * @throws IllegalArgumentException if {@code max} is below 1
         */
        public Builder maxCategories(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxCategories must be at least 1 but was " + max);
            }
            this.maxCategories = max;
            return this;
        }

        /**
         * @param propose true (the default) to propose distribution checks against the baseline
         *     (PSI per numeric column, chi-square per column with allowed values), at warning
         *     severity, as {@link CheckSuggester#withReferenceChecks(boolean)} says; the suite then
         *     runs with {@link Baseline#profile()} as its reference
         * @return this builder
         */
        public Builder referenceChecks(boolean propose) {
            this.referenceChecks = propose;
            return this;
        }

        /**
         * @param name the suite's name in reports, not blank ({@value #DEFAULT_SUITE_NAME} unless set)
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder suiteName(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("suiteName must not be blank but was '" + name + "'");
            }
            this.suiteName = name;
            return this;
        }

        /**
         * @param newClock stamps {@link Baseline#createdAt()}, the profile's creation time and
         *     the suite's reports ({@link Clock#systemUTC()} unless set)
         * @return this builder
         */
        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        /**
         * Profiles the table (its columns in parallel on the common fork-join pool), proposes the
         * suite from the profile's export form and notes which numeric columns hold whole numbers.
         *
         * @param table the training table, with at least one row and one column
         * @return the baseline
         * @throws IllegalArgumentException if the table has no row or no column
         */
        public Baseline build(Table table) {
            Objects.requireNonNull(table, "table");
            if (table.columnCount() == 0) {
                throw new IllegalArgumentException("a baseline needs at least one column but the table has none");
            }
            if (table.rowCount() == 0) {
                throw new IllegalArgumentException("a baseline needs at least one row but the table of "
                        + table.columnCount() + " columns has none");
            }
            Instant createdAt = clock.instant();
            DatasetProfile profile = DatasetProfile.of(table, profileOptions, ForkJoinPool.commonPool(),
                    Clock.fixed(createdAt, ZoneOffset.UTC)).forExport();
            CheckSuite suite = CheckSuggester.defaults().withMaxCategories(maxCategories)
                    .withReferenceChecks(referenceChecks).suggest(profile, suiteName).suite().withClock(clock);
            return new Baseline(table.schema(), profile, suite, createdAt, integral(table), maxCategories,
                    referenceChecks);
        }

        private static Set<String> integral(Table table) {
            Set<String> names = new TreeSet<>();
            for (Column column : table.columns()) {
                if (column.type() == ColumnType.NUMERIC && wholeNumbers((NumericColumn) column)) {
                    names.add(column.name());
                }
            }
            return names;
        }

        private static boolean wholeNumbers(NumericColumn column) {
            boolean any = false;
            for (int row = 0; row < column.size(); row++) {
                if (!column.isMissing(row)) {
                    double value = column.get(row);
                    if (!Double.isFinite(value) || value != Math.rint(value)) {
                        return false;
                    }
                    any = true;
                }
            }
            return any;
        }
    }
}
