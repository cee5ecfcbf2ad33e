package dev.mlops.features;

import dev.mlops.core.access.Action;
import dev.mlops.core.access.AuditEntry;
import dev.mlops.core.access.AuditLog;
import dev.mlops.core.access.Policy;
import dev.mlops.core.access.Principal;
import dev.mlops.core.access.Subject;
import dev.mlops.core.table.Table;
import dev.mlops.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The feature store: feature groups with versioned schemas, append-only bi-temporal records,
 * online reads from memory, time travel, point-in-time joins, and feature-level access control.
 *
 * <p><b>Bi-temporal records.</b> Every record carries its <em>event time</em> (when its values
 * were true in the world, from the group's event-time column) and its <em>write time</em> (when
 * the store learnt them: the time of its ingestion batch). Nothing is overwritten: a late record
 * or a correction is one more record. A read as of event time {@code T}, known at write time
 * {@code W}, gives per entity the record with the latest event time {@code <= T} among those
 * written {@code <= W}, a tie on event time going to the latest write (then to the later record
 * of the same batch), as Feast's created-timestamp tie-break and SageMaker Feature Store's write
 * time do. A value whose event time is more than the group's TTL before {@code T} reads as
 * missing.
 *
 * <p><b>Access.</b> Every call takes the {@link Principal} acting, and is checked against the
 * store's {@link Policy} on resources {@code feature/GROUP} (defining, writing, the catalog) and
 * {@code feature/GROUP/FEATURE} (each feature read). Reading a feature needs {@link #READ}; a
 * sensitive feature needs {@link #READ_SENSITIVE} as well, so it is denied unless a rule allows
 * it; deny rules win. A refusal throws {@link dev.mlops.core.access.AccessDeniedException} naming
 * the principal and the feature, and is written to the audit log; so are every write and every
 * allowed batch read (as-of, join, export). Allowed online reads are not audited one by one, to
 * keep them in microseconds.
 *
 * <p><b>Memory and other processes.</b> Each group's history is loaded from the database on its
 * first read and kept in memory; every batch this store commits is in it when the ingestion
 * returns. Online reads serve memory, so they see batches other processes committed after
 * {@link #refresh()} or after any batch read (as-of, join, export), which first picks those
 * batches up (and reloads a group after a retention run deleted records). A join reads all its
 * groups up to one state of the store; its latest knowledge is that state's last write.
 *
 * <p><b>Cost of an ingestion.</b> A batch ingested into a group whose history this store holds in
 * memory costs time and garbage in proportion to the whole history (the columnar copy is rebuilt),
 * besides the batch's own size; a loaded group stays in memory while the store is open. Ingest in
 * batches (a file or table at a time) rather than record by record into a group being served.
 *
 * <pre>{@code
 * try (FeatureStore store = FeatureStore.open(Path.of(".mlops"))) {    // SQLite file + audit log
 *     store.define(writer, customer);
 *     store.ingest(writer, "customer", Path.of("customers.csv"));
 *     Table latest = store.online(reader, FeatureSelection.of("customer", "age"), List.of("c-17"));
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe; {@code FeatureStoreContract} in mlops-testkit checks one on
 * a SQLite file, SQLite in memory and PostgreSQL. Refusals are
 * {@link dev.mlops.core.access.AccessDeniedException}s and {@link FeatureStoreException}s;
 * database failures {@link dev.mlops.store.StoreException}s.
 */
public interface FeatureStore extends AutoCloseable {

    /** Reading feature values (online, as-of, join, export) and the catalog. */
    Action READ = Action.of("features.read");
    /** Reading the values of a feature marked sensitive, needed as well as {@link #READ}. */
    Action READ_SENSITIVE = Action.of("features.read-sensitive");
    /** Ingesting records into a group. */
    Action WRITE = Action.of("features.write");
    /** Defining a group or a new version of its schema, and applying retention. */
    Action DEFINE = Action.of("features.define");
    /** The role that {@link #defaultPolicy()} lets write and define groups. */
    String WRITER_ROLE = "feature-writer";
    /** The resource reading the audit log is checked on. */
    String AUDIT_RESOURCE = "features/audit";
    /** The SQLite file of a store directory, shared with the tracking store and the model registry. */
    String DATABASE_FILE = "mlops.db";
    /** The audit log of a store directory, a hash-chained JSON Lines file. */
    String AUDIT_FILE = "features-audit.jsonl";

    /**
     * Opens (creating if absent) a store in a directory with the defaults: the SQLite file
     * {@value #DATABASE_FILE}, the audit log {@value #AUDIT_FILE}, the system UTC clock and
     * {@link #defaultPolicy()}.
     *
     * @param directory the store's directory
     * @return the store
     * @throws dev.mlops.store.StoreException if the database cannot be opened or migrated
     */
    static FeatureStore open(Path directory) {
        return builder(directory).open();
    }

    /**
     * Opens a store in memory with the defaults otherwise: a private SQLite database and an
     * audit log in memory, both gone when the store is closed. For tests and notebooks.
     *
     * @return the store
     */
    static FeatureStore inMemory() {
        return new Builder(null).open();
    }

    /**
     * Starts configuring a store whose database and audit log live in a directory by default.
     *
     * @param directory the store's directory
     * @return the builder
     */
    static Builder builder(Path directory) {
        return new Builder(Objects.requireNonNull(directory, "directory"));
    }

    /**
     * The policy a store uses unless given another: anyone may read features that are not
     * sensitive and the audit log; principals holding the role {@value #WRITER_ROLE} may define
     * groups and write records; nobody reads sensitive features until a rule allows
     * {@link #READ_SENSITIVE}.
     *
     * @return the default policy
     */
    static Policy defaultPolicy() {
        return Policy.builder()
                .allow(Subject.ANYONE, READ.name(), "feature/**")
                .allow(Subject.ANYONE, READ.name(), AUDIT_RESOURCE)
                .allow(Subject.role(WRITER_ROLE), WRITE.name(), "feature/*")
                .allow(Subject.role(WRITER_ROLE), DEFINE.name(), "feature/*")
                .build();
    }

    /**
     * @param group a group's name
     * @return the access-control resource of the group, {@code feature/GROUP}
     */
    static String resource(String group) {
        return "feature/" + FeatureNames.check("feature group", group);
    }

    /**
     * @param group a group's name
     * @param feature a feature's name
     * @return the access-control resource of the feature, {@code feature/GROUP/FEATURE}
     */
    static String resource(String group, String feature) {
        return resource(group) + "/" + FeatureNames.check("feature", feature);
    }

    /** @return the clock that stamps write times and audit entries */
    Clock clock();

    /** @return the access policy every call is checked against */
    Policy policy();

    /**
     * Defines a group, or a new version of its schema. A new version may add features at the end
     * and change descriptions, owner, tags, TTL and retention; it may not remove, rename, retype
     * or reorder a feature, nor change the entity key or event-time column. Defining what is
     * already the latest version changes nothing and returns it.
     *
     * @param principal who defines it; needs {@link #DEFINE} on the group, and
     *     {@link #READ_SENSITIVE} as well on each feature the definition un-marks sensitive (which
     *     exposes that feature's whole history to every reader); the audit entry names what the
     *     definition changes
     * @param group the definition
     * @return the stored definition with its version
     * @throws IncompatibleSchemaException if the change is incompatible; the message names each change
     */
    FeatureGroup define(Principal principal, FeatureGroup group);

    /**
     * @param principal who reads; sees the groups on which {@link #READ} is allowed
     * @return the latest version of each group the principal may read, by name
     */
    List<FeatureGroup> groups(Principal principal);

    /**
     * @param principal who reads; needs {@link #READ} on the group
     * @param group a group's name
     * @return its latest version
     * @throws FeatureStoreException if there is no such group; the message names the nearest
     */
    FeatureGroup group(Principal principal, String group);

    /**
     * @param principal who reads; needs {@link #READ} on the group
     * @param group a group's name
     * @return every version of its schema, oldest first
     * @throws FeatureStoreException if there is no such group
     */
    List<FeatureGroup> versions(Principal principal, String group);

    /**
     * Ingests the rows of a table, one record per row, in one batch with one write time. The
     * table has the group's entity key and event-time columns and any of its features (a feature
     * left out is missing); other columns are refused. A row that does not fit (a missing key or
     * event time, a value of the wrong type) is refused with its row number and reason and the
     * rest are kept.
     *
     * @param principal who writes; needs {@link #WRITE} on the group
     * @param group the group's name
     * @param records the records
     * @return what was written and refused
     */
    IngestResult ingest(Principal principal, String group, Table records);

    /**
     * Ingests a CSV or JSON Lines file (by extension: {@code .csv}, {@code .jsonl}, {@code .ndjson},
     * perhaps compressed: {@code .csv.gz}, {@code .jsonl.zst}, {@code .bz2}, {@code .xz}) read against the group's schema, as {@link #ingest(Principal, String, Table)} does; a bad
     * record is refused with its physical line.
     *
     * @param principal who writes; needs {@link #WRITE} on the group
     * @param group the group's name
     * @param file the file
     * @return what was written and refused
     */
    IngestResult ingest(Principal principal, String group, Path file);

    /**
     * Ingests records built in code, as {@link #ingest(Principal, String, Table)} does; a bad
     * record is refused with its position in the list, from 1.
     *
     * @param principal who writes; needs {@link #WRITE} on the group
     * @param group the group's name
     * @param records the records
     * @return what was written and refused
     */
    IngestResult ingest(Principal principal, String group, List<FeatureRecord> records);

    /**
     * Reads the latest values of entities from memory: per entity the record with the latest
     * event time the store knows, subject to the TTL measured from now.
     *
     * @param principal who reads; needs {@link #READ} (and {@link #READ_SENSITIVE} for sensitive
     *     features) on each feature selected
     * @param selection the features
     * @param entities the entity keys
     * @return one row per entity key, in the order given: the entity key, the event time, then
     *     the features (all missing for an unknown entity)
     */
    Table online(Principal principal, FeatureSelection selection, Collection<String> entities);

    /**
     * Reads every entity's values as of an event time, as the store knows them now.
     *
     * @param principal who reads; as {@link #online}
     * @param selection the features
     * @param eventTime the event time read as of, inclusive
     * @return one row per entity having a record at or before that time: the entity key, the
     *     event time of its record, then the features
     */
    Table asOf(Principal principal, FeatureSelection selection, Instant eventTime);

    /**
     * Reads every entity's values as of an event time, as the store knew them at an earlier write time.
     *
     * @param principal who reads; as {@link #online}
     * @param selection the features
     * @param eventTime the event time read as of, inclusive
     * @param knownAt the write time read as of, inclusive
     * @return as {@link #asOf(Principal, FeatureSelection, Instant)}
     */
    Table asOf(Principal principal, FeatureSelection selection, Instant eventTime, Instant knownAt);

    /**
     * Joins features from one or more groups to entity rows so that each row sees only values
     * with event time at or before its prediction time.
     *
     * @param principal who reads; as {@link #online}, for every feature of every selection
     * @param request the rows and the features
     * @return the joined table, the known-at times and the lineage of the read
     */
    JoinResult join(Principal principal, JoinRequest request);

    /**
     * Exports the stored history: every record of the group with an event time in
     * {@code [from, until)}, in event-time then write-time order, superseded ones included.
     *
     * @param principal who reads; as {@link #online}
     * @param selection the features
     * @param from the inclusive start of the event-time window
     * @param until the exclusive end
     * @return the entity key, the event time, the write time (column {@code write_time}), then the features
     */
    Table export(Principal principal, FeatureSelection selection, Instant from, Instant until);

    /**
     * Deletes, in each group with a retention, the records no read inside the retention needs:
     * per entity, those older than the cutoff (now minus the retention) that a later record also
     * at or before the cutoff supersedes. The newest record at or before the cutoff and every
     * later one stay, so as-of reads and joins at or after the cutoff, with the latest knowledge,
     * return what they did before; reads known at a write time before the deletion no longer see
     * the deleted records. Other stores on the database reload the group on their next batch read
     * or {@link #refresh()}.
     *
     * @param principal who applies it; needs {@link #DEFINE} on each group with a retention
     * @return what was removed
     */
    RetentionResult applyRetention(Principal principal);

    /**
     * @param principal who reads; needs {@link #READ} on {@value #AUDIT_RESOURCE}
     * @return every audit entry, in order
     */
    List<AuditEntry> audit(Principal principal);

    /**
     * Picks up the batches other processes committed since this store last looked, so that online
     * reads see them. Batch reads do this themselves.
     */
    void refresh();

    /** Closes the store (and the database and audit log it opened itself). */
    @Override
    void close();

    /**
     * Configures and opens a {@link FeatureStore}. Not thread-safe; the store is.
     */
    final class Builder {
        private final @Nullable Path directory;
        private @Nullable String databaseUrl;
        private @Nullable Database database;
        private Clock clock = Clock.systemUTC();
        private Policy policy = defaultPolicy();
        private @Nullable AuditLog audit;

        private Builder(@Nullable Path directory) {
            this.directory = directory;
        }

        /**
         * Keeps the records in a database opened by JDBC URL ({@code jdbc:sqlite:PATH},
         * {@code jdbc:sqlite::memory:}, {@code jdbc:postgresql://...}), closed with the store.
         * Default: the SQLite file {@value #DATABASE_FILE} in the directory.
         *
         * @param url the JDBC URL
         * @return this builder
         */
        public Builder database(String url) {
            this.databaseUrl = Objects.requireNonNull(url, "url");
            this.database = null;
            return this;
        }

        /**
         * Keeps the records in a database the caller owns and closes (such as the tracking store's).
         *
         * @param shared the database
         * @return this builder
         */
        public Builder database(Database shared) {
            this.database = Objects.requireNonNull(shared, "shared");
            this.databaseUrl = null;
            return this;
        }

        /**
         * @param stamps the clock that stamps write times and audit entries; default the system UTC clock
         * @return this builder
         */
        public Builder clock(Clock stamps) {
            this.clock = Objects.requireNonNull(stamps, "stamps");
            return this;
        }

        /**
         * @param rules the access policy; default {@link FeatureStore#defaultPolicy()}
         * @return this builder
         */
        public Builder policy(Policy rules) {
            this.policy = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /**
         * @param log the audit log to write to, which the caller closes; default the hash-chained
         *     JSON Lines file {@value #AUDIT_FILE} in the directory
         * @return this builder
         */
        public Builder audit(AuditLog log) {
            this.audit = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * Opens the store, creating or migrating its tables.
         *
         * @return the store
         * @throws dev.mlops.store.StoreException if the database cannot be opened or migrated
         */
        public FeatureStore open() {
            return SqlFeatureStore.open(new SqlFeatureStore.Settings(directory, databaseUrl, database, clock, policy,
                    audit));
        }
    }
}
