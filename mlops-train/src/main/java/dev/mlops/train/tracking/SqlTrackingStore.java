package dev.mlops.train.tracking;

import dev.mlops.core.lineage.LineageInput;
import dev.mlops.store.ArtifactRef;
import dev.mlops.store.ArtifactStore;
import dev.mlops.store.Database;
import dev.mlops.store.GcResult;
import dev.mlops.store.Migrations;
import dev.mlops.store.LineageColumns;
import dev.mlops.store.Sql;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** {@link TrackingStore} over a {@link Database} (tables {@code train_*}) and an {@link ArtifactStore}. */
final class SqlTrackingStore implements TrackingStore {
    static final Migrations MIGRATIONS = Migrations.of("train", "dev/mlops/train/tracking/migrations",
            SqlTrackingStore.class.getClassLoader());
    private static final int IN_CHUNK = 500;
    private static final Pattern HEX_PREFIX = Pattern.compile("[0-9a-f]{1,32}");
    private static final DateTimeFormatter RUN_NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final String RUN_COLUMNS = "r.id, r.name, r.status, r.start_time, r.end_time, r.seed, r.code_version, "
            + "r.user_name, e.id, e.name, e.created_at";

    private final Database database;
    private final ArtifactStore artifacts;
    private final Clock clock;
    private final boolean owned;
    private final ProcessOwner owner = ProcessOwner.current();

    private SqlTrackingStore(Database database, ArtifactStore artifacts, Clock clock, boolean owned) {
        this.database = database;
        this.artifacts = artifacts;
        this.clock = clock;
        this.owned = owned;
    }

    static SqlTrackingStore open(Database database, ArtifactStore artifacts, Clock clock, boolean owned) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(artifacts, "artifacts");
        Objects.requireNonNull(clock, "clock");
        database.migrate(MIGRATIONS);
        SqlTrackingStore store = new SqlTrackingStore(database, artifacts, clock, owned);
        store.markAbandonedRuns();
        return store;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public ExperimentInfo createExperiment(String name) {
        checkName(name);
        return database.write(sql -> {
            if (findExperiment(sql, name).isPresent()) {
                throw new TrackingException("experiment '" + name + "' already exists in " + this);
            }
            return experiment(sql, name);
        });
    }

    @Override
    public Optional<ExperimentInfo> experiment(String name) {
        return database.read(sql -> findExperiment(sql, name));
    }

    @Override
    public List<ExperimentInfo> experiments() {
        return database.read(sql -> sql.query("SELECT id, name, created_at FROM train_experiments ORDER BY name",
                SqlTrackingStore::experiment));
    }

    @Override
    public RunInfo createRun(String experiment, RunSpec spec) {
        checkName(experiment);
        Objects.requireNonNull(spec, "spec");
        Instant start = clock.instant();
        String id = newId();
        String name = spec.name().orElseGet(() -> experiment + "-" + RUN_NAME_TIME.format(
                LocalDateTime.ofInstant(start, ZoneOffset.UTC)) + "-" + id.substring(0, 6));
        Optional<String> code = spec.codeVersion().or(CodeVersion::detect);
        String user = spec.user().orElseGet(() -> System.getProperty("user.name", "unknown"));
        return database.write(sql -> {
            ExperimentInfo info = experiment(sql, experiment);
            sql.update("INSERT INTO train_runs (id, experiment_id, name, status, start_time, end_time, seed, "
                    + "code_version, user_name, owner_host, owner_pid, owner_started) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, info.id(), name, RunStatus.RUNNING.label(), start.toEpochMilli(), Sql.Null.BIGINT,
                    spec.seed().isPresent() ? (Object) spec.seed().getAsLong() : Sql.Null.BIGINT,
                    code.isPresent() ? code.get() : Sql.Null.TEXT, user, owner.host(), owner.pid(), owner.started());
            writeBatch(sql, id, new RunBatch(spec.params(), List.of(), spec.tags()));
            return new RunInfo(id, info, name, RunStatus.RUNNING, Instant.ofEpochMilli(start.toEpochMilli()),
                    Optional.empty(), spec.seed(), code, user);
        });
    }

    @Override
    public void log(String runId, RunBatch batch) {
        Objects.requireNonNull(batch, "batch");
        database.write(sql -> {
            requireRunning(sql, runId, "log to");
            writeBatch(sql, runId, batch);
            return null;
        });
    }

    @Override
    public void addInputs(String runId, List<LineageInput> inputs) {
        List<LineageInput> copy = List.copyOf(inputs);
        database.write(sql -> {
            requireRunning(sql, runId, "add inputs to");
            long next = sql.queryLong("SELECT COALESCE(MAX(position) + 1, 0) FROM train_inputs WHERE run_id = ?", runId);
            List<Object[]> rows = new ArrayList<>();
            for (LineageInput input : copy) {
                rows.add(LineageColumns.row(List.of(runId, next++), input));
            }
            sql.batch("INSERT INTO train_inputs (run_id, position, name, kind, version, fingerprint, window_start, "
                    + "window_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
            return null;
        });
    }

    @Override
    public RunArtifact logArtifact(String runId, String path, Path file) {
        Keys.check("artifact", path);
        requireRunning(runId, "log an artifact to");
        return recordArtifact(runId, path, artifacts.put(file));
    }

    @Override
    public RunArtifact logArtifact(String runId, String path, byte[] content) {
        Keys.check("artifact", path);
        requireRunning(runId, "log an artifact to");
        return recordArtifact(runId, path, artifacts.put(content));
    }

    private RunArtifact recordArtifact(String runId, String path, ArtifactRef ref) {
        return database.write(sql -> {
            requireRunning(sql, runId, "log an artifact to");
            sql.update("DELETE FROM train_artifacts WHERE run_id = ? AND path = ?", runId, path);
            sql.update("INSERT INTO train_artifacts (run_id, path, sha256, size) VALUES (?, ?, ?, ?)",
                    runId, path, ref.sha256(), ref.size());
            return new RunArtifact(path, ref);
        });
    }

    @Override
    public byte[] readArtifact(String runId, String path) {
        ArtifactRef content = database.read(sql -> {
            Optional<ArtifactRef> stored = sql.first("SELECT sha256, size FROM train_artifacts WHERE run_id = ? AND path = ?",
                    row -> new ArtifactRef(row.getString(1), row.getLong(2)), runId, path);
            if (stored.isEmpty()) {
                throw findRun(sql, runId).isPresent()
                        ? new TrackingException("run " + runId + " has no artifact '" + path + "'") : unknownRun(runId);
            }
            return stored.get();
        });
        return artifacts.read(content);
    }

    @Override
    public RunInfo endRun(String runId, RunStatus status) {
        Objects.requireNonNull(status, "status");
        Instant end = Instant.ofEpochMilli(clock.millis());
        return database.write(sql -> {
            RunInfo info = findRun(sql, runId).orElseThrow(() -> unknownRun(runId));
            if (!info.status().canMoveTo(status)) {
                throw new TrackingException("run " + runId + " is " + info.status().label() + " and cannot become "
                        + status.label() + ": a run moves once, from running to finished, failed or killed");
            }
            sql.update("UPDATE train_runs SET status = ?, end_time = ? WHERE id = ?", status.label(),
                    end.toEpochMilli(), runId);
            return new RunInfo(info.id(), info.experiment(), info.name(), status, info.startTime(), Optional.of(end),
                    info.seed(), info.codeVersion(), info.user());
        });
    }

    @Override
    public Optional<RunRecord> run(String runId) {
        Objects.requireNonNull(runId, "runId");
        return database.read(sql -> {
            Optional<RunInfo> info = findRun(sql, runId);
            return info.isEmpty() ? Optional.<RunRecord>empty() : Optional.of(records(sql, List.of(info.get())).get(0));
        });
    }

    @Override
    public List<String> runIdsStartingWith(String prefix, int limit) {
        Objects.requireNonNull(prefix, "prefix");
        if (!HEX_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a run id prefix is 1 to 32 lower-case hex digits but was '" + prefix + "'");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 but was " + limit);
        }
        // ids are lower-case hex, so every id starting with the prefix lies in [prefix, prefix + "g")
        return database.read(sql -> sql.query("SELECT id FROM train_runs WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                row -> row.getString(1), prefix, prefix + "g", limit));
    }

    @Override
    public List<MetricPoint> metricHistory(String runId, String key) {
        return database.read(sql -> {
            findRun(sql, runId).orElseThrow(() -> unknownRun(runId));
            return sql.query("SELECT key, value, is_nan, step, logged_at FROM train_metrics WHERE run_id = ? AND key = ? "
                    + "ORDER BY step, logged_at", SqlTrackingStore::metricPoint, runId, key);
        });
    }

    @Override
    public List<RunRecord> search(RunQuery query) {
        Objects.requireNonNull(query, "query");
        StringBuilder statement = new StringBuilder("SELECT ").append(RUN_COLUMNS)
                .append(" FROM train_runs r JOIN train_experiments e ON e.id = r.experiment_id");
        List<Object> parameters = new ArrayList<>();
        if (query.orderMetric().isPresent()) {
            statement.append(" JOIN train_latest_metrics o ON o.run_id = r.id AND o.key = ?");
            parameters.add(query.orderMetric().get());
        }
        // Conditions are joins, not EXISTS subqueries, so that SQLite may start from the (key, value)
        // index of a selective condition instead of visiting every run of the experiment; each table's
        // primary key (run_id, key) gives a run at most one matching row, so no run is repeated.
        int alias = 0;
        for (RunQuery.Equals param : query.params()) {
            join(statement, "train_params", alias++, "", "=");
            parameters.add(param.key());
            parameters.add(param.value());
        }
        for (RunQuery.Equals tag : query.tags()) {
            join(statement, "train_tags", alias++, "", "=");
            parameters.add(tag.key());
            parameters.add(tag.value());
        }
        for (RunQuery.MetricCondition metric : query.metrics()) {
            join(statement, "train_latest_metrics", alias++, " AND c%1$d.is_nan = 0", metric.comparison().symbol());
            parameters.add(metric.key());
            parameters.add(metric.value());
        }
        statement.append(" WHERE 1 = 1");
        in(statement, parameters, "e.name", query.experiments());
        in(statement, parameters, "r.status", query.statuses().stream().map(RunStatus::label).sorted().toList());
        statement.append(" ORDER BY ");
        if (query.orderMetric().isPresent()) {
            statement.append("o.is_nan, o.value ").append(query.descending() ? "DESC" : "ASC").append(", ");
        }
        statement.append("r.start_time DESC, r.id LIMIT ?");
        parameters.add(query.limit());
        return database.read(sql -> records(sql, sql.query(statement.toString(), SqlTrackingStore::runInfo,
                parameters.toArray())));
    }

    @Override
    public RetentionResult deleteRun(String runId) {
        return delete(database.read(sql -> List.of(findRun(sql, runId).orElseThrow(() -> unknownRun(runId)).id())));
    }

    @Override
    public RetentionResult deleteExperiment(String name) {
        ExperimentInfo experiment = experiment(name)
                .orElseThrow(() -> new TrackingException("no experiment '" + name + "' in " + this));
        List<String> runs = database.read(sql -> sql.query("SELECT id FROM train_runs WHERE experiment_id = ?",
                row -> row.getString(1), experiment.id()));
        RetentionResult result = delete(runs);
        database.write(sql -> sql.update("DELETE FROM train_experiments WHERE id = ?", experiment.id()));
        return result;
    }

    @Override
    public RetentionResult applyRetention(RetentionPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        long now = clock.millis();
        List<String> doomed = database.read(sql -> {
            List<String> ids = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (Object[] run : sql.query("SELECT id, experiment_id, status, start_time FROM train_runs "
                    + "ORDER BY experiment_id, start_time DESC, id",
                    row -> new Object[] {row.getString(1), row.getString(2), row.getString(3), row.getLong(4)})) {
                int rank = seen.merge((String) run[1], 1, Integer::sum);
                boolean running = RunStatus.RUNNING.label().equals(run[2]);
                boolean recent = policy.keepLast().isPresent() && rank <= policy.keepLast().getAsInt();
                boolean young = policy.maxAge().isPresent() && now - (long) run[3] < policy.maxAge().get().toMillis();
                if (!running && !recent && !young) {
                    ids.add((String) run[0]);
                }
            }
            return ids;
        });
        return delete(doomed);
    }

    @Override
    public RetentionResult collectGarbage() {
        Set<String> referenced = new HashSet<>(database.read(sql -> sql.query(
                "SELECT DISTINCT sha256 FROM train_artifacts", row -> row.getString(1))));
        GcResult result = artifacts.collectGarbage(referenced, GC_GRACE_PERIOD);
        return new RetentionResult(List.of(), result.deleted(), result.bytesFreed());
    }

    @Override
    public List<RunInfo> markAbandonedRuns() {
        List<Object[]> running = database.read(sql -> sql.query("SELECT id, owner_pid, owner_started FROM train_runs "
                + "WHERE status = ? AND owner_host = ?", row -> new Object[] {row.getString(1), row.getLong(2),
                    row.getLong(3)}, RunStatus.RUNNING.label(), owner.host()));
        List<RunInfo> marked = new ArrayList<>();
        for (Object[] run : running) {
            ProcessOwner runOwner = new ProcessOwner(owner.host(), (long) run[1], (long) run[2]);
            if (!runOwner.isAlive()) {
                String id = (String) run[0];
                log(id, new RunBatch(Map.of(), List.of(), Map.of(ActiveRun.END_REASON_TAG, "process " + runOwner.pid()
                        + " on " + runOwner.host() + " ended while the run was running")));
                marked.add(endRun(id, RunStatus.KILLED));
            }
        }
        return marked;
    }

    @Override
    public void close() {
        if (owned) {
            database.close();
        }
    }

    @Override
    public String toString() {
        return "tracking store " + database.name();
    }

    private RetentionResult delete(List<String> runIds) {
        if (runIds.isEmpty()) {
            return new RetentionResult(List.of(), 0, 0);
        }
        Set<String> orphans = database.write(sql -> {
            Set<String> hashes = new HashSet<>();
            for (List<String> chunk : chunks(runIds)) {
                hashes.addAll(sql.query("SELECT DISTINCT sha256 FROM train_artifacts WHERE run_id IN ("
                        + marks(chunk.size()) + ")", row -> row.getString(1), chunk.toArray()));
                // params, metrics, tags, inputs and artifacts go with their run (ON DELETE CASCADE)
                sql.update("DELETE FROM train_runs WHERE id IN (" + marks(chunk.size()) + ")", chunk.toArray());
            }
            for (List<String> chunk : chunks(List.copyOf(hashes))) {
                hashes.removeAll(sql.query("SELECT DISTINCT sha256 FROM train_artifacts WHERE sha256 IN ("
                        + marks(chunk.size()) + ")", row -> row.getString(1), chunk.toArray()));
            }
            return hashes;
        });
        long deleted = 0;
        long freed = 0;
        for (String hash : orphans) {
            Optional<ArtifactRef> stored = artifacts.find(hash);
            if (stored.isPresent() && artifacts.delete(stored.get())) {
                deleted++;
                freed += stored.get().size();
            }
        }
        return new RetentionResult(runIds, deleted, freed);
    }

    private void writeBatch(Sql sql, String runId, RunBatch batch) throws SQLException {
        for (Map.Entry<String, String> param : batch.params().entrySet()) {
            Optional<String> existing = sql.first("SELECT value FROM train_params WHERE run_id = ? AND key = ?",
                    row -> row.getString(1), runId, param.getKey());
            if (existing.isEmpty()) {
                sql.update("INSERT INTO train_params (run_id, key, value) VALUES (?, ?, ?)", runId, param.getKey(),
                        param.getValue());
            } else if (!existing.get().equals(param.getValue())) {
                throw new TrackingException("run " + runId + " already has param '" + param.getKey() + "' = '"
                        + existing.get() + "'; a param is written once, so '" + param.getValue()
                        + "' is refused (log a metric or a tag for a value that changes)");
            }
        }
        List<Object[]> points = new ArrayList<>(batch.metrics().size());
        Map<String, MetricPoint> latest = new LinkedHashMap<>();
        for (MetricPoint point : batch.metrics()) {
            points.add(new Object[] {runId, point.key(), point.step(), point.timestamp().toEpochMilli(),
                value(point.value()), Double.isNaN(point.value()) ? 1 : 0});
            latest.merge(point.key(), point, (a, b) -> later(b, a) ? b : a);
        }
        sql.batch("INSERT INTO train_metrics (run_id, key, step, logged_at, value, is_nan) VALUES (?, ?, ?, ?, ?, ?)",
                points);
        List<Object[]> latestRows = new ArrayList<>(latest.size());
        for (MetricPoint point : latest.values()) {
            latestRows.add(new Object[] {runId, point.key(), point.step(), point.timestamp().toEpochMilli(),
                value(point.value()), Double.isNaN(point.value()) ? 1 : 0});
        }
        sql.batch("INSERT INTO train_latest_metrics (run_id, key, step, logged_at, value, is_nan) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, key) DO UPDATE SET step = excluded.step, "
                + "logged_at = excluded.logged_at, value = excluded.value, is_nan = excluded.is_nan "
                + "WHERE excluded.step > train_latest_metrics.step OR (excluded.step = train_latest_metrics.step "
                + "AND excluded.logged_at >= train_latest_metrics.logged_at)", latestRows);
        List<Object[]> tags = new ArrayList<>(batch.tags().size());
        batch.tags().forEach((key, value) -> tags.add(new Object[] {runId, key, value}));
        sql.batch("INSERT INTO train_tags (run_id, key, value) VALUES (?, ?, ?) "
                + "ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value", tags);
    }

    private static boolean later(MetricPoint candidate, MetricPoint current) {
        return candidate.step() > current.step()
                || candidate.step() == current.step() && !candidate.timestamp().isBefore(current.timestamp());
    }

    private List<RunRecord> records(Sql sql, List<RunInfo> infos) throws SQLException {
        Map<String, Map<String, String>> params = new HashMap<>();
        Map<String, Map<String, MetricPoint>> metrics = new HashMap<>();
        Map<String, Map<String, String>> tags = new HashMap<>();
        Map<String, List<LineageInput>> inputs = new HashMap<>();
        Map<String, List<RunArtifact>> files = new HashMap<>();
        for (List<String> chunk : chunks(infos.stream().map(RunInfo::id).toList())) {
            String marks = marks(chunk.size());
            Object[] ids = chunk.toArray();
            for (Object[] row : sql.query("SELECT run_id, key, value FROM train_params WHERE run_id IN (" + marks + ")",
                    SqlTrackingStore::triple, ids)) {
                params.computeIfAbsent((String) row[0], k -> new HashMap<>()).put((String) row[1], (String) row[2]);
            }
            for (Object[] row : sql.query("SELECT run_id, key, value FROM train_tags WHERE run_id IN (" + marks + ")",
                    SqlTrackingStore::triple, ids)) {
                tags.computeIfAbsent((String) row[0], k -> new HashMap<>()).put((String) row[1], (String) row[2]);
            }
            for (Object[] row : sql.query("SELECT run_id, key, value, is_nan, step, logged_at FROM train_latest_metrics "
                    + "WHERE run_id IN (" + marks + ")", result -> new Object[] {result.getString(1),
                        metricPoint(result, 2)}, ids)) {
                MetricPoint point = (MetricPoint) row[1];
                metrics.computeIfAbsent((String) row[0], k -> new HashMap<>()).put(point.key(), point);
            }
            for (Object[] row : sql.query("SELECT run_id, name, kind, version, fingerprint, window_start, window_end "
                    + "FROM train_inputs WHERE run_id IN (" + marks + ") ORDER BY run_id, position", result ->
                    new Object[] {result.getString(1), LineageColumns.read(result, 2)}, ids)) {
                inputs.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((LineageInput) row[1]);
            }
            for (Object[] row : sql.query("SELECT run_id, path, sha256, size FROM train_artifacts WHERE run_id IN ("
                    + marks + ") ORDER BY run_id, path", result -> new Object[] {result.getString(1),
                        new RunArtifact(result.getString(2), new ArtifactRef(result.getString(3), result.getLong(4)))},
                    ids)) {
                files.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((RunArtifact) row[1]);
            }
        }
        List<RunRecord> records = new ArrayList<>(infos.size());
        for (RunInfo info : infos) {
            String id = info.id();
            records.add(new RunRecord(info, params.getOrDefault(id, Map.of()), metrics.getOrDefault(id, Map.of()),
                    tags.getOrDefault(id, Map.of()), inputs.getOrDefault(id, List.of()), files.getOrDefault(id, List.of())));
        }
        return records;
    }

    private static Object[] triple(ResultSet row) throws SQLException {
        return new Object[] {row.getString(1), row.getString(2), row.getString(3)};
    }


    private static MetricPoint metricPoint(ResultSet row) throws SQLException {
        return metricPoint(row, 1);
    }

    private static MetricPoint metricPoint(ResultSet row, int first) throws SQLException {
        double value = row.getDouble(first + 1);
        boolean nan = row.getInt(first + 2) != 0;
        return new MetricPoint(row.getString(first), nan ? Double.NaN : value, row.getLong(first + 3),
                Instant.ofEpochMilli(row.getLong(first + 4)));
    }

    private Optional<RunInfo> findRun(Sql sql, String runId) throws SQLException {
        return sql.first("SELECT " + RUN_COLUMNS + " FROM train_runs r JOIN train_experiments e ON e.id = r.experiment_id "
                + "WHERE r.id = ?", SqlTrackingStore::runInfo, runId);
    }

    private void requireRunning(String runId, String action) {
        database.read(sql -> {
            requireRunning(sql, runId, action);
            return null;
        });
    }

    /** Checks that a run is running, reading only its status (this runs before every write to a run). */
    private void requireRunning(Sql sql, String runId, String action) throws SQLException {
        String status = sql.first("SELECT status FROM train_runs WHERE id = ?", row -> row.getString(1), runId)
                .orElseThrow(() -> unknownRun(runId));
        if (!status.equals(RunStatus.RUNNING.label())) {
            throw new TrackingException("cannot " + action + " run " + runId + ": it is " + status
                    + ", and only a running run accepts logging");
        }
    }

    private TrackingException unknownRun(String runId) {
        return new TrackingException("no run " + runId + " in " + this);
    }

    private static RunInfo runInfo(ResultSet row) throws SQLException {
        long end = row.getLong(5);
        Optional<Instant> endTime = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(end));
        long seed = row.getLong(6);
        OptionalLong seedValue = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(seed);
        ExperimentInfo experiment = new ExperimentInfo(row.getString(9), row.getString(10),
                Instant.ofEpochMilli(row.getLong(11)));
        return new RunInfo(row.getString(1), experiment, row.getString(2), RunStatus.ofLabel(row.getString(3)),
                Instant.ofEpochMilli(row.getLong(4)), endTime, seedValue, Optional.ofNullable(row.getString(7)),
                row.getString(8));
    }

    private static Optional<ExperimentInfo> findExperiment(Sql sql, String name) throws SQLException {
        return sql.first("SELECT id, name, created_at FROM train_experiments WHERE name = ?",
                SqlTrackingStore::experiment, name);
    }

    /** Finds an experiment or creates it; another process creating it at the same moment is no error. */
    private ExperimentInfo experiment(Sql sql, String name) throws SQLException {
        sql.update("INSERT INTO train_experiments (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
                newId(), name, clock.millis());
        return findExperiment(sql, name).orElseThrow();
    }

    private static ExperimentInfo experiment(ResultSet row) throws SQLException {
        return new ExperimentInfo(row.getString(1), row.getString(2), Instant.ofEpochMilli(row.getLong(3)));
    }

    private static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an experiment's name must not be blank");
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static Object value(double value) {
        return Double.isNaN(value) ? Sql.Null.DOUBLE : (Object) value;
    }



    /** Joins a run's row of a keyed table as {@code c<alias>}, matching a key and comparing its value. */
    private static void join(StringBuilder statement, String table, int alias, String extra, String comparison) {
        statement.append(String.format(Locale.ROOT, " JOIN %2$s c%1$d ON c%1$d.run_id = r.id AND c%1$d.key = ?" + extra
                + " AND c%1$d.value %3$s ?", alias, table, comparison));
    }

    private static void in(StringBuilder statement, List<Object> parameters, String column, Collection<String> values) {
        if (!values.isEmpty()) {
            statement.append(" AND ").append(column).append(" IN (").append(marks(values.size())).append(')');
            parameters.addAll(values);
        }
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)));
        }
        return chunks;
    }
}
