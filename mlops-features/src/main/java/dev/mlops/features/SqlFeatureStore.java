package dev.mlops.features;

import dev.mlops.core.access.AuditEntry;
import dev.mlops.core.access.AuditLog;
import dev.mlops.core.access.Policy;
import dev.mlops.core.access.Principal;
import dev.mlops.core.table.Table;
import dev.mlops.store.Database;
import dev.mlops.store.EpochMicros;
import dev.mlops.store.Migrations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * {@link FeatureStore} over a {@link Database} (tables {@code features_*}, history table
 * {@code mlops_schema_history_features}) and an {@link AuditLog}, with each group's history in
 * memory as a {@link GroupHistory}.
 *
 * <p>A group's history is loaded on its first read and kept up to date with the batches this
 * store commits (appended directly, or by a refresh when other batches came between); a batch read
 * (as-of, join, export) and {@link #refresh()} first look for batches other processes committed
 * (one read transaction: the store's state, then the new batches of the group up to the state's
 * last batch) and for a newer definition of the group or a retention run (either reloads it). A
 * join reads the state once and brings every group up to it, so its latest knowledge is that
 * state's last write. Every ingestion is one
 * transaction that first takes the next batch number and write time from the one-row
 * {@code features_state} table, so concurrent writers, in this process or others, are serialised
 * there and write times strictly increase.
 */
final class SqlFeatureStore implements FeatureStore {
    static final Migrations MIGRATIONS = Migrations.of("features", "dev/mlops/features/migrations",
            SqlFeatureStore.class.getClassLoader());

    /**
     * What the builder gathered.
     *
     * @param directory the store's directory, or null for a store in memory
     * @param databaseUrl the database to open, or null
     * @param database the caller's database, or null
     * @param clock the clock
     * @param policy the access policy
     * @param audit the caller's audit log, or null
     */
    record Settings(@Nullable Path directory, @Nullable String databaseUrl, @Nullable Database database, Clock clock,
            Policy policy, @Nullable AuditLog audit) {
    }

    /** A group's history in memory and how far it is known to be complete. */
    private static final class Loaded {
        private final FeatureGroup group;
        private final GroupHistory history;
        /** Every batch of the group numbered up to this one is in the history. */
        private long upTo;
        /** The store's count of retention runs when the history was loaded. */
        private final long retentions;

        private Loaded(FeatureGroup group, GroupHistory history, long upTo, long retentions) {
            this.group = group;
            this.history = history;
            this.upTo = upTo;
            this.retentions = retentions;
        }
    }

    private final Settings settings;
    private final Database database;
    private final boolean ownsDatabase;
    private final AuditLog audit;
    private final boolean ownsAudit;
    private final FeatureAccess access;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    /** Serialises loading, refreshing and appending to the histories; online reads do not take it. */
    private final Object memory = new Object();

    private SqlFeatureStore(Settings settings, Database database, boolean ownsDatabase, AuditLog audit,
            boolean ownsAudit) {
        this.settings = settings;
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.audit = audit;
        this.ownsAudit = ownsAudit;
        this.access = new FeatureAccess(settings.policy(), audit);
    }

    static SqlFeatureStore open(Settings settings) {
        Database given = settings.database();
        String url = settings.databaseUrl();
        Path directory = settings.directory();
        Database database;
        if (given != null) {
            database = given;
        } else if (url != null) {
            database = Database.open(url);
        } else {
            database = directory == null ? Database.inMemory() : Database.sqlite(directory.resolve(DATABASE_FILE));
        }
        try {
            database.migrate(MIGRATIONS);
            AuditLog givenAudit = settings.audit();
            AuditLog audit;
            if (givenAudit != null) {
                audit = givenAudit;
            } else {
                audit = directory == null ? new MemoryAuditLog(settings.clock())
                        : AuditLog.open(directory.resolve(AUDIT_FILE), settings.clock());
            }
            return new SqlFeatureStore(settings, database, given == null, audit, givenAudit == null);
        } catch (RuntimeException e) {
            if (given == null) {
                database.close();
            }
            throw e;
        }
    }

    @Override
    public Clock clock() {
        return settings.clock();
    }

    @Override
    public Policy policy() {
        return settings.policy();
    }

    @Override
    public FeatureGroup define(Principal principal, FeatureGroup group) {
        Objects.requireNonNull(group, "group");
        FeatureGroup before = database.read(sql -> FeatureTables.latest(sql, group.name())).orElse(null);
        List<String> unmarked = before == null ? List.of() : SchemaChanges.unmarkedSensitive(before, group);
        access.checkDefine(principal, group.name(), unmarked, SchemaChanges.described(before, group));
        long now = GroupHistory.micros(clock().instant());
        FeatureGroup stored;
        try {
            stored = database.write(sql -> {
                Optional<FeatureGroup> latest = FeatureTables.latest(sql, group.name());
                if (latest.isEmpty()) {
                    FeatureGroup first = group.withVersion(1);
                    FeatureTables.insertDefinition(sql, first, now);
                    return first;
                }
                FeatureGroup current = latest.get();
                if (!unmarked.containsAll(SchemaChanges.unmarkedSensitive(current, group))) {
                    throw new FeatureStoreException("feature group '" + group.name() + "' was redefined meanwhile "
                            + "(now version " + current.version() + ") and this definition would un-mark other "
                            + "sensitive features; define it again");
                }
                List<String> changes = SchemaChanges.incompatible(current, group);
                if (!changes.isEmpty()) {
                    throw new IncompatibleSchemaException(group.name(), current.version(), changes);
                }
                FeatureGroup same = group.withVersion(current.version());
                if (same.equals(current)) {
                    return current;
                }
                FeatureGroup next = group.withVersion(current.version() + 1);
                FeatureTables.insertDefinition(sql, next, now);
                return next;
            });
        } catch (RuntimeException e) {
            access.failed(principal, FeatureStore.DEFINE, group.name(), e);
            throw e;
        }
        synchronized (memory) {
            Loaded state = loaded.get(group.name());
            if (state != null && state.group.version() != stored.version()) {
                loaded.remove(group.name());
            }
        }
        return stored;
    }

    @Override
    public List<FeatureGroup> groups(Principal principal) {
        Objects.requireNonNull(principal, "principal");
        List<FeatureGroup> visible = new ArrayList<>();
        for (FeatureGroup group : database.read(FeatureTables::latestOfEach)) {
            if (access.canSee(principal, group.name())) {
                visible.add(group);
            }
        }
        return visible;
    }

    @Override
    public FeatureGroup group(Principal principal, String group) {
        access.checkCatalog(principal, group);
        return latest(principal, group);
    }

    @Override
    public List<FeatureGroup> versions(Principal principal, String group) {
        access.checkCatalog(principal, group);
        List<FeatureGroup> versions = database.read(sql -> FeatureTables.versions(sql, group));
        if (versions.isEmpty()) {
            throw unknown(principal, group);
        }
        return versions;
    }

    @Override
    public IngestResult ingest(Principal principal, String group, Table records) {
        Objects.requireNonNull(records, "records");
        access.requireWrite(principal, group, Ingestion.TABLE);
        FeatureGroup latest = latest(principal, group);
        return write(principal, latest, Ingestion.TABLE, Ingestion.fromTable(latest, records));
    }

    @Override
    public IngestResult ingest(Principal principal, String group, Path file) {
        Objects.requireNonNull(file, "file");
        access.requireWrite(principal, group, file.toString());
        FeatureGroup latest = latest(principal, group);
        return write(principal, latest, file.toString(), Ingestion.fromFile(latest, file));
    }

    @Override
    public IngestResult ingest(Principal principal, String group, List<FeatureRecord> records) {
        Objects.requireNonNull(records, "records");
        access.requireWrite(principal, group, Ingestion.RECORDS);
        FeatureGroup latest = latest(principal, group);
        return write(principal, latest, Ingestion.RECORDS, Ingestion.fromRecords(latest, records));
    }

    private IngestResult write(Principal principal, FeatureGroup group, String source, Ingestion.Prepared prepared) {
        List<PendingRecord> records = prepared.records();
        access.checkWrite(principal, group.name(), "ingest " + source + ": " + records.size() + " records kept, "
                + prepared.rejected().size() + " refused");
        if (records.isEmpty()) {
            return new IngestResult(group.name(), group.version(), 0, clock().instant(), 0, prepared.rejected());
        }
        long now = GroupHistory.micros(clock().instant());
        long[] committed;
        try {
            committed = database.write(sql -> {
                long[] batch = FeatureTables.nextBatch(sql, now);
                FeatureTables.insertBatch(sql, batch, group, source, records);
                return new long[] {batch[0], batch[1], FeatureTables.lastBatchBefore(sql, group.name(), batch[0])};
            });
        } catch (RuntimeException e) {
            access.failed(principal, FeatureStore.WRITE, group.name(), e);
            throw e;
        }
        synchronized (memory) {
            Loaded state = loaded.get(group.name());
            if (state != null && state.group.version() == group.version() && committed[2] <= state.upTo
                    && committed[0] > state.upTo) {
                state.history.append(FeatureTables.batch(group, committed[0], committed[1], records));
                state.upTo = committed[0];
            } else if (state != null) {
                // batches of other writers came between, or arrived here first: read up to this one and past it
                refreshed(group.name(), null);
            }
        }
        return new IngestResult(group.name(), group.version(), committed[0], EpochMicros.instant(committed[1]),
                records.size(), prepared.rejected());
    }

    @Override
    public Table online(Principal principal, FeatureSelection selection, Collection<String> entities) {
        Objects.requireNonNull(entities, "entities");
        Loaded state = loaded.get(selection.group());
        if (state == null) {
            state = readable(principal, selection, "online", null);
        }
        List<Feature> features = access.onlineRead(principal, state.group, selection);
        return state.history.online(state.group, features, List.copyOf(entities), clock().instant());
    }

    @Override
    public Table asOf(Principal principal, FeatureSelection selection, Instant eventTime) {
        Objects.requireNonNull(eventTime, "eventTime");
        String path = "as-of " + eventTime;
        Loaded state = readable(principal, selection, path, null);
        List<Feature> features = access.batchRead(principal, state.group, selection, path);
        return state.history.asOf(state.group, features, eventTime, state.history.lastWrite());
    }

    @Override
    public Table asOf(Principal principal, FeatureSelection selection, Instant eventTime, Instant knownAt) {
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(knownAt, "knownAt");
        String path = "as-of " + eventTime + " known at " + knownAt;
        Loaded state = readable(principal, selection, path, null);
        List<Feature> features = access.batchRead(principal, state.group, selection, path);
        return state.history.asOf(state.group, features, eventTime, knownAt);
    }

    @Override
    public JoinResult join(Principal principal, JoinRequest request) {
        Objects.requireNonNull(request, "request");
        String path = "join of " + request.rows().rowCount() + " rows, known " + request.knowledge();
        List<PointInTimeJoin.Source> sources = new ArrayList<>();
        // every group up to one state of the store, whose last write is the bound of the latest knowledge
        long[] bound = database.read(FeatureTables::state);
        for (FeatureSelection selection : request.selections()) {
            Loaded state = readable(principal, selection, path, bound);
            List<Feature> features = access.batchRead(principal, state.group, selection, path);
            sources.add(new PointInTimeJoin.Source(state.group, features, state.history));
        }
        boolean unbounded = request.knowledge() != JoinRequest.Knowledge.AS_OF && request.knownAt().isEmpty();
        return PointInTimeJoin.join(unbounded ? knownAt(request, sources, EpochMicros.instant(bound[1])) : request,
                sources);
    }

    /**
     * @return the request with its latest knowledge (or its prediction-time cap) fixed to the
     *     write time of the store's state it read, so the lineage's bound reproduces it
     */
    private static JoinRequest knownAt(JoinRequest request, List<PointInTimeJoin.Source> sources, Instant writeTime) {
        JoinRequest.Builder fixed = JoinRequest.builder(request.rows(), request.predictionTime());
        if (request.knowledge() == JoinRequest.Knowledge.PREDICTION_TIME) {
            fixed.knownAtPredictionTime(writeTime);
        } else {
            fixed.knownAt(writeTime);
        }
        for (PointInTimeJoin.Source source : sources) {
            FeatureGroup group = source.group();
            fixed.entityColumn(group.name(), request.entityColumn(group.name(), group.entityKey()));
        }
        request.selections().forEach(fixed::features);
        if (request.qualifiedNames()) {
            fixed.qualifiedNames();
        }
        return fixed.build();
    }

    @Override
    public Table export(Principal principal, FeatureSelection selection, Instant from, Instant until) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        String path = "export [" + from + ", " + until + ")";
        Loaded state = readable(principal, selection, path, null);
        List<Feature> features = access.batchRead(principal, state.group, selection, path);
        return state.history.export(state.group, features, from, until);
    }

    @Override
    public RetentionResult applyRetention(Principal principal) {
        Objects.requireNonNull(principal, "principal");
        List<FeatureGroup> retained = new ArrayList<>();
        for (FeatureGroup group : database.read(FeatureTables::latestOfEach)) {
            if (group.retention().isPresent()) {
                access.checkDefine(principal, group.name(), "apply retention " + group.retention().get());
                retained.add(group);
            }
        }
        long now = GroupHistory.micros(clock().instant());
        long removed = 0;
        for (FeatureGroup group : retained) {
            long cutoff = now - GroupHistory.micros(Instant.EPOCH.plus(group.retention().orElseThrow()));
            removed += database.write(sql -> FeatureTables.deleteSuperseded(sql, group.name(), cutoff));
            synchronized (memory) {
                loaded.remove(group.name());
            }
        }
        return new RetentionResult(retained.size(), removed);
    }

    @Override
    public List<AuditEntry> audit(Principal principal) {
        access.checkAudit(principal);
        return audit.entries();
    }

    @Override
    public void refresh() {
        synchronized (memory) {
            for (String group : List.copyOf(loaded.keySet())) {
                refreshed(group, null);
            }
        }
    }

    @Override
    public void close() {
        try {
            if (ownsAudit) {
                audit.close();
            }
        } finally {
            if (ownsDatabase) {
                database.close();
            }
        }
    }

    @Override
    public String toString() {
        return "feature store " + database.name();
    }

    /**
     * @param bound the store's state to read up to, or null for its state now (see {@link #refreshed})
     * @return the selected group's history with every batch committed up to that state, once the
     *     principal is known to have {@link FeatureStore#READ} on what it selects (checked before loading)
     * @throws dev.mlops.core.access.AccessDeniedException after auditing, if denied
     * @throws FeatureStoreException if no such group is defined
     */
    private Loaded readable(Principal principal, FeatureSelection selection, String path, long @Nullable [] bound) {
        access.requireRead(principal, selection, path);
        Loaded state = refreshed(selection.group(), bound);
        if (state == null) {
            throw unknown(principal, selection.group());
        }
        return state;
    }

    /**
     * @param group a group's name
     * @param bound the store's state ({@link FeatureTables#state}) to read up to, or null for its
     *     state now
     * @return the group's history with every batch committed up to that state, by any process
     *     (and possibly later ones already in memory), reloaded if the group has a new version or
     *     a retention deleted records since it was loaded; null if no such group is defined
     */
    private @Nullable Loaded refreshed(String group, long @Nullable [] bound) {
        synchronized (memory) {
            Loaded state = loaded.get(group);
            // the transaction only reads (it may run again); memory changes after it
            Fetched fetched = database.read(sql -> {
                long[] upTo = bound != null ? bound : FeatureTables.state(sql);
                long last = upTo[0];
                long version = sql.queryLong("SELECT MAX(version) FROM features_groups WHERE name = ?", group);
                if (state != null && state.group.version() == version && state.retentions == upTo[2]) {
                    return new Fetched(last, upTo[2], state.group,
                            FeatureTables.batchesAfter(sql, state.group, state.upTo, last), false);
                }
                Optional<FeatureGroup> latest = FeatureTables.latest(sql, group);
                return latest.isEmpty() ? null : new Fetched(last, upTo[2], latest.get(),
                        FeatureTables.batchesAfter(sql, latest.get(), 0, last), true);
            });
            if (fetched == null) {
                return null;
            }
            Loaded updated;
            if (fetched.reload()) {
                updated = new Loaded(fetched.group(), GroupHistory.of(fetched.group(), fetched.batches()), fetched.last(),
                        fetched.retentions());
            } else {
                updated = state;
                updated.history.appendAll(fetched.batches());
                updated.upTo = Math.max(updated.upTo, fetched.last());
            }
            loaded.put(group, updated);
            return updated;
        }
    }

    /**
     * What a refresh read from the database.
     *
     * @param last the store's last batch number when read (or the bound given)
     * @param retentions the store's count of retention runs then
     * @param group the group's latest definition
     * @param batches the group's batches not yet in memory
     * @param reload whether they replace the history (a new group version, or not loaded) rather than extend it
     */
    private record Fetched(long last, long retentions, FeatureGroup group, List<RecordBatch> batches, boolean reload) {
    }

    private FeatureGroup latest(Principal principal, String group) {
        return database.read(sql -> FeatureTables.latest(sql, group)).orElseThrow(() -> unknown(principal, group));
    }

    /** @return the error for an unknown group, listing only the groups the principal may see */
    private FeatureStoreException unknown(Principal principal, String group) {
        List<String> known = new ArrayList<>();
        for (String name : database.read(FeatureTables::names)) {
            if (access.canSee(principal, name)) {
                known.add(name);
            }
        }
        return new FeatureStoreException("no feature group '" + group + "' in " + database.name() + "; "
                + (known.isEmpty() ? "no group you may read is defined" : "the groups you may read are " + known));
    }
}
