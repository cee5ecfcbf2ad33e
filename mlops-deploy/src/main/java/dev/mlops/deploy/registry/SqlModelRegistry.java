package dev.mlops.deploy.registry;

import java.util.function.Supplier;
import dev.mlops.core.MlopsException;
import dev.mlops.core.access.AccessDeniedException;
import dev.mlops.core.access.AccessGuard;
import dev.mlops.core.access.Action;
import dev.mlops.core.access.AuditEntry;
import dev.mlops.core.access.AuditLog;
import dev.mlops.core.access.Decision;
import dev.mlops.core.access.Outcome;
import dev.mlops.core.access.Policy;
import dev.mlops.core.access.Principal;
import dev.mlops.core.component.ComponentException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.report.ReportHeader;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.deploy.format.ModelFormat;
import dev.mlops.deploy.format.ModelFormatException;
import dev.mlops.store.ArtifactRef;
import dev.mlops.store.ArtifactStore;
import dev.mlops.store.CorruptArtifactException;
import dev.mlops.store.Database;
import dev.mlops.store.GcResult;
import dev.mlops.store.Migrations;
import dev.mlops.store.LineageColumns;
import dev.mlops.store.Sql;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.tracking.RunRecord;
import dev.mlops.train.tracking.TrackingStore;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * {@link ModelRegistry} over a {@link Database} (tables {@code registry_*}, history table
 * {@code mlops_schema_history_registry}), an {@link ArtifactStore} and an {@link AuditLog}.
 */
final class SqlModelRegistry implements ModelRegistry {
    static final Migrations MIGRATIONS = Migrations.of("registry", "dev/mlops/deploy/registry/migrations",
            SqlModelRegistry.class.getClassLoader());
    private static final String VERSION_COLUMNS = "model, version, format, sha256, size, stage, author, created_at, "
            + "description, build_id, commit_id, data_fingerprint, run_id, split_name, split_fingerprint, gate_report";

    /**
     * What the builder gathered.
     *
     * @param directory the registry's directory
     * @param databaseUrl the database to open, or null
     * @param database the caller's database, or null
     * @param clock the clock
     * @param policy the access policy
     * @param approvals the approval policy
     * @param formats where formats are found
     * @param tracking the tracking store, or null
     * @param audit the caller's audit log, or null
     */
    record Settings(Path directory, @Nullable String databaseUrl, @Nullable Database database, Clock clock,
            Policy policy, ApprovalPolicy approvals, ComponentRegistry formats, @Nullable TrackingStore tracking,
            @Nullable AuditLog audit) {
    }

    private final Database database;
    private final boolean ownsDatabase;
    private final ArtifactStore artifacts;
    private final AuditLog audit;
    private final boolean ownsAudit;
    private final AccessGuard guard;
    private final Settings settings;

    private SqlModelRegistry(Settings settings, Database database, boolean ownsDatabase, ArtifactStore artifacts,
            AuditLog audit, boolean ownsAudit) {
        this.settings = settings;
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.artifacts = artifacts;
        this.audit = audit;
        this.ownsAudit = ownsAudit;
        this.guard = AccessGuard.of(settings.policy(), audit);
    }

    static SqlModelRegistry open(Settings settings) {
        Database given = settings.database();
        String url = settings.databaseUrl();
        Database database = given != null ? given : Database.open(url != null ? url
                : "jdbc:sqlite:" + settings.directory().resolve(DATABASE_FILE));
        try {
            database.migrate(MIGRATIONS);
            ArtifactStore artifacts = ArtifactStore.open(settings.directory().resolve(ARTIFACT_DIRECTORY),
                    settings.clock());
            AuditLog givenAudit = settings.audit();
            // opened last, so that nothing after it can fail and leave it open
            AuditLog audit = givenAudit != null ? givenAudit
                    : AuditLog.open(settings.directory().resolve(AUDIT_FILE), settings.clock());
            return new SqlModelRegistry(settings, database, given == null, artifacts, audit, givenAudit == null);
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
    public ApprovalPolicy approvalPolicy() {
        return settings.approvals();
    }

    @Override
    public ModelVersion register(Principal principal, Registration registration) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(registration, "registration");
        String model = registration.model();
        guard.check(principal, REGISTER, ModelRegistry.resource(model), "format " + registration.format() + ", "
                + registration.artifactSize() + " bytes");
        return audited(principal, REGISTER, ModelRegistry.resource(model), () -> {
            byte[] bytes = registration.artifact();
            ModelFormat format = format(model, registration.format(), "register a version of");
            try {
                format.read(new ByteArrayInputStream(bytes), "the artifact registered for model '" + model + "'");
            } catch (ModelFormatException e) {
                throw new RegistryException("cannot register a version of model '" + model + "': format '"
                        + registration.format() + "' cannot read its artifact: " + e.getMessage(), e);
            }
            Optional<String> gate = registration.gateReport();
            // the artifact first: content-addressed, so a process dying before the rows commit leaves only
            // an unreferenced file, which collectGarbage removes
            ArtifactRef ref = artifacts.put(bytes);
            LineageTags tags = registration.lineage();
            return database.write(sql -> {
                long now = clock().millis();
                sql.update("INSERT INTO registry_models (name, created_at, latest_version, production_version) "
                        + "VALUES (?, ?, 0, ?) ON CONFLICT (name) DO NOTHING", model, now, Sql.Null.BIGINT);
                sql.update("UPDATE registry_models SET latest_version = latest_version + 1 WHERE name = ?", model);
                int version = (int) sql.queryLong("SELECT latest_version FROM registry_models WHERE name = ?", model);
                sql.update("INSERT INTO registry_versions (" + VERSION_COLUMNS + ") "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", model, version, registration.format(),
                        ref.sha256(), ref.size(), Stage.CANDIDATE.label(), principal.name(), now,
                        registration.description(), Sql.Null.orText(tags.buildId()), Sql.Null.orText(tags.commit()),
                        Sql.Null.orText(tags.dataFingerprint().map(Fingerprint::sha256)), Sql.Null.orText(tags.runId()), Sql.Null.orText(tags.split()),
                        Sql.Null.orText(tags.splitFingerprint().map(Fingerprint::sha256)), Sql.Null.orText(gate));
                List<Object[]> provenance = new ArrayList<>();
                registration.provenance().forEach((key, value) -> provenance.add(new Object[] {model, version, key, value}));
                sql.batch("INSERT INTO registry_provenance (model, version, key, value) VALUES (?, ?, ?, ?)", provenance);
                List<Object[]> metrics = new ArrayList<>();
                registration.metrics().forEach((key, value) -> metrics.add(new Object[] {model, version, key, value}));
                sql.batch("INSERT INTO registry_metrics (model, version, key, value) VALUES (?, ?, ?, ?)", metrics);
                List<Object[]> inputs = new ArrayList<>();
                int position = 0;
                for (LineageInput input : tags.inputs()) {
                    inputs.add(LineageColumns.row(List.of(model, version, position++), input));
                }
                sql.batch("INSERT INTO registry_inputs (model, version, position, name, kind, input_version, fingerprint, "
                        + "window_start, window_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", inputs);
                record(sql, new Transition(model, version, Optional.empty(), Stage.CANDIDATE, principal.name(),
                        Instant.ofEpochMilli(now), "registered"));
                return findVersion(sql, model, version).orElseThrow();
            });
        });
    }

    @Override
    public List<RegisteredModel> models(Principal principal) {
        Objects.requireNonNull(principal, "principal");
        List<RegisteredModel> all = database.read(sql -> sql.query("SELECT name, created_at, latest_version, "
                + "production_version FROM registry_models WHERE latest_version > 0 ORDER BY name",
                SqlModelRegistry::model));
        return all.stream().filter(model -> settings.policy().decide(principal, READ,
                ModelRegistry.resource(model.name())).allowed()).toList();
    }

    @Override
    public Optional<RegisteredModel> model(Principal principal, String model) {
        checkRead(principal, ModelRegistry.resource(model));
        return database.read(sql -> findModel(sql, model));
    }

    @Override
    public List<ModelVersion> versions(Principal principal, String model) {
        checkRead(principal, ModelRegistry.resource(model));
        return database.read(sql -> {
            List<Integer> numbers = sql.query("SELECT version FROM registry_versions WHERE model = ? ORDER BY version",
                    row -> row.getInt(1), model);
            List<ModelVersion> versions = new ArrayList<>(numbers.size());
            for (int number : numbers) {
                versions.add(findVersion(sql, model, number).orElseThrow());
            }
            return versions;
        });
    }

    @Override
    public Optional<ModelVersion> version(Principal principal, String model, int version) {
        checkRead(principal, ModelRegistry.resource(model, version));
        return database.read(sql -> findVersion(sql, model, version));
    }

    @Override
    public Optional<ModelVersion> production(Principal principal, String model) {
        checkRead(principal, ModelRegistry.resource(model));
        return database.read(sql -> {
            Optional<RegisteredModel> found = findModel(sql, model);
            if (found.isEmpty() || found.get().productionVersion().isEmpty()) {
                return Optional.<ModelVersion>empty();
            }
            return findVersion(sql, model, found.get().productionVersion().getAsInt());
        });
    }

    @Override
    public Approval approve(Principal principal, String model, int version, String comment) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(comment, "comment");
        guard.check(principal, APPROVE, ModelRegistry.resource(model, version), comment);
        return audited(principal, APPROVE, ModelRegistry.resource(model, version), () -> database.write(sql -> {
            lockModel(sql, model, version);
            ModelVersion found = findVersion(sql, model, version).orElseThrow(() -> unknown(model, version));
            Approval approval = new Approval(principal.name(), Instant.ofEpochMilli(clock().millis()), comment,
                    principal.name().equals(found.author()));
            sql.update("INSERT INTO registry_approvals (model, version, position, principal, approved_at, comment, "
                    + "by_author) VALUES (?, ?, ?, ?, ?, ?, ?)", model, version, found.approvals().size(),
                    approval.principal(), approval.at().toEpochMilli(), comment, approval.byAuthor() ? 1 : 0);
            return approval;
        }));
    }

    @Override
    public List<Transition> transition(Principal principal, StageChange change) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(change, "change");
        String model = change.model();
        int version = change.version();
        String name = model + ":" + version;
        if (!change.from().canMoveTo(change.to())) {
            throw new RegistryException("version " + name + " cannot move from " + change.from().label() + " to "
                    + change.to().label() + ": " + change.from().label() + " moves only to "
                    + labels(change.from().next()));
        }
        String resource = ModelRegistry.resource(model, version);
        String detail = change.from().label() + " -> " + change.to().label()
                + (change.reason().isEmpty() ? "" : ": " + change.reason());
        if (change.from() == Stage.PRODUCTION) {
            guard.check(principal, PROMOTE_PRODUCTION, resource, detail);
        }
        guard.check(principal, action(change.to()), resource, detail);
        if (change.to() == Stage.PRODUCTION) {
            requireApprovals(principal, model, version, detail);
        }
        return audited(principal, action(change.to()), resource, () -> database.write(sql -> {
            lockModel(sql, model, version);
            Instant now = Instant.ofEpochMilli(clock().millis());
            Stage found = stage(sql, model, version);
            if (found != change.from() || sql.update("UPDATE registry_versions SET stage = ? WHERE model = ? AND "
                    + "version = ? AND stage = ?", change.to().label(), model, version, change.from().label()) != 1) {
                throw new StageConflictException("cannot move " + name + " from " + change.from().label() + " to "
                        + change.to().label() + ": it is in " + stage(sql, model, version).label() + ", not "
                        + change.from().label() + " (another process or thread moved it since it was read); "
                        + "nothing changed");
            }
            List<Transition> moves = new ArrayList<>();
            moves.add(new Transition(model, version, Optional.of(change.from()), change.to(), principal.name(), now,
                    change.reason()));
            if (change.to() == Stage.PRODUCTION) {
                if (!swapProduction(sql, model, change.replacing(), OptionalInt.of(version))) {
                    throw new StageConflictException("cannot move " + name + " to production: the production slot of "
                            + "model '" + model + "' holds " + describe(findModel(sql, model).orElseThrow()
                            .productionVersion()) + ", not " + describe(change.replacing()) + " as expected (another "
                            + "process or thread promoted since it was read); nothing changed");
                }
                if (change.replacing().isPresent()) {
                    int displaced = change.replacing().getAsInt();
                    sql.update("UPDATE registry_versions SET stage = ? WHERE model = ? AND version = ?",
                            Stage.ARCHIVED.label(), model, displaced);
                    moves.add(new Transition(model, displaced, Optional.of(Stage.PRODUCTION), Stage.ARCHIVED,
                            principal.name(), now, "replaced in production by version " + version));
                }
            } else if (change.from() == Stage.PRODUCTION) {
                swapProduction(sql, model, OptionalInt.of(version), OptionalInt.empty());
            }
            for (Transition move : moves) {
                record(sql, move);
            }
            return List.copyOf(moves);
        }));
    }

    /**
     * Runs a change the policy allowed (and the audit log recorded as allowed); if it fails, the
     * failure is written to the audit log too, so the log never shows a change that did not happen
     * as made, and the error is rethrown.
     */
    private <T> T audited(Principal principal, Action action, String resource, Supplier<T> change) {
        try {
            return change.get();
        } catch (MlopsException e) {
            guard.audit().append(principal, action, resource, Outcome.FAILED, String.valueOf(e.getMessage()));
            throw e;
        }
    }

    @Override
    public List<Transition> transitions(Principal principal, String model) {
        checkRead(principal, ModelRegistry.resource(model));
        return database.read(sql -> sql.query("SELECT model, version, from_stage, to_stage, principal, moved_at, reason "
                + "FROM registry_transitions WHERE model = ? ORDER BY position", SqlModelRegistry::transition, model));
    }

    @Override
    public byte[] artifact(Principal principal, String model, int version) {
        checkRead(principal, ModelRegistry.resource(model, version));
        return read(database.read(sql -> findVersion(sql, model, version)).orElseThrow(() -> unknown(model, version)));
    }

    @Override
    public Predictor load(Principal principal, String model, int version) {
        checkRead(principal, ModelRegistry.resource(model, version));
        ModelVersion found = database.read(sql -> findVersion(sql, model, version))
                .orElseThrow(() -> unknown(model, version));
        byte[] bytes = read(found);
        ModelFormat format = format(model, found.format(), "load version " + version + " of");
        return format.read(new ByteArrayInputStream(bytes), "model " + found + " (artifact sha256:" + found.sha256()
                + ")");
    }

    @Override
    public ModelLineage lineage(Principal principal, String model, int version) {
        checkRead(principal, ModelRegistry.resource(model, version));
        Object[] found = database.read(sql -> {
            ModelVersion v = findVersion(sql, model, version).orElseThrow(() -> unknown(model, version));
            List<Transition> moves = sql.query("SELECT model, version, from_stage, to_stage, principal, moved_at, "
                    + "reason FROM registry_transitions WHERE model = ? AND version = ? ORDER BY position",
                    SqlModelRegistry::transition, model, version);
            return new Object[] {v, moves};
        });
        ModelVersion v = (ModelVersion) found[0];
        @SuppressWarnings("unchecked")
        List<Transition> moves = (List<Transition>) found[1];
        TrackingStore tracking = settings.tracking();
        Optional<RunRecord> run = tracking == null || v.lineage().runId().isEmpty() ? Optional.empty()
                : tracking.run(v.lineage().runId().get());
        Fingerprint fingerprint = v.lineage().dataFingerprint().orElseGet(() -> new Fingerprint(v.sha256()));
        return new ModelLineage(new ReportHeader(ModelLineage.KIND, ModelLineage.FORMAT_VERSION, clock().instant(),
                fingerprint), v, run, v.gateReport().map(json -> LineageReports.gate(json, v.toString())), moves);
    }

    @Override
    public List<AuditEntry> auditTrail(Principal principal) {
        checkRead(principal, AUDIT_RESOURCE);
        return audit.entries();
    }

    @Override
    public GcResult collectGarbage() {
        List<String> referenced = database.read(sql -> sql.query("SELECT DISTINCT sha256 FROM registry_versions",
                row -> row.getString(1)));
        return artifacts.collectGarbage(new HashSet<>(referenced), GC_GRACE_PERIOD);
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
        return "model registry " + database.name();
    }

    private void checkRead(Principal principal, String resource) {
        Objects.requireNonNull(principal, "principal");
        Decision decision = settings.policy().decide(principal, READ, resource);
        if (!decision.allowed()) {
            audit.append(principal, READ, resource, Outcome.DENIED, decision.reason());
            throw new AccessDeniedException(decision);
        }
    }

    private void requireApprovals(Principal principal, String model, int version, String detail) {
        ModelVersion found = database.read(sql -> findVersion(sql, model, version))
                .orElseThrow(() -> unknown(model, version));
        Optional<String> missing = settings.approvals().missing(found);
        if (missing.isPresent()) {
            audit.append(principal, PROMOTE_PRODUCTION, found.resource(), Outcome.DENIED,
                    "approvals missing: " + missing.get() + "; " + detail);
            throw new ApprovalMissingException(principal.name() + " may not " + PROMOTE_PRODUCTION + " " + found
                    + ": approvals missing: " + missing.get() + " (policy: " + settings.approvals() + ")");
        }
    }

    private byte[] read(ModelVersion version) {
        try {
            return artifacts.read(new ArtifactRef(version.sha256(), version.size()));
        } catch (CorruptArtifactException e) {
            throw new CorruptModelException("the artifact of model '" + version.model() + "' version "
                    + version.version() + " was modified: its file " + e.file() + " no longer holds the content "
                    + "registered (sha256:" + version.sha256() + "); it is refused, not loaded. Restore the file "
                    + "or register the model again", e);
        }
    }

    private ModelFormat format(String model, String spec, String doing) {
        try {
            return settings.formats().create(ModelFormat.class, spec);
        } catch (ComponentException e) {
            throw new RegistryException("cannot " + doing + " model '" + model + "': its format '" + spec
                    + "' is not available: " + e.getMessage(), e);
        }
    }

    private static Action action(Stage target) {
        return switch (target) {
            case STAGING -> PROMOTE_STAGING;
            case PRODUCTION -> PROMOTE_PRODUCTION;
            case ARCHIVED -> ARCHIVE;
            case CANDIDATE -> throw new IllegalArgumentException("no move leads to candidate");
        };
    }

    /**
     * Takes the model's row lock first, so that writes to one model queue up on PostgreSQL as they
     * do on SQLite (positions of approvals and transitions are then computed without races).
     */
    private void lockModel(Sql sql, String model, int version) throws SQLException {
        if (sql.update("UPDATE registry_models SET latest_version = latest_version WHERE name = ?", model) != 1) {
            throw unknown(model, version);
        }
    }

    /** Moves the production slot from one value to another if it still holds the first. */
    private static boolean swapProduction(Sql sql, String model, OptionalInt from, OptionalInt to) throws SQLException {
        Object value = to.isPresent() ? (Object) to.getAsInt() : Sql.Null.BIGINT;
        return from.isPresent()
                ? sql.update("UPDATE registry_models SET production_version = ? WHERE name = ? AND production_version = ?",
                        value, model, from.getAsInt()) == 1
                : sql.update("UPDATE registry_models SET production_version = ? WHERE name = ? AND production_version "
                        + "IS NULL", value, model) == 1;
    }

    private Stage stage(Sql sql, String model, int version) throws SQLException {
        return Stage.ofLabel(sql.first("SELECT stage FROM registry_versions WHERE model = ? AND version = ?",
                row -> row.getString(1), model, version).orElseThrow(() -> unknown(model, version)));
    }

    private static void record(Sql sql, Transition move) throws SQLException {
        long position = sql.queryLong("SELECT COALESCE(MAX(position) + 1, 0) FROM registry_transitions WHERE model = ?",
                move.model());
        sql.update("INSERT INTO registry_transitions (model, position, version, from_stage, to_stage, principal, "
                + "moved_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", move.model(), position, move.version(),
                Sql.Null.orText(move.from().map(Stage::label)), move.to().label(), move.principal(), move.at().toEpochMilli(),
                move.reason());
    }

    private static Optional<RegisteredModel> findModel(Sql sql, String model) throws SQLException {
        return sql.first("SELECT name, created_at, latest_version, production_version FROM registry_models "
                + "WHERE name = ? AND latest_version > 0", SqlModelRegistry::model, model);
    }

    private static Optional<ModelVersion> findVersion(Sql sql, String model, int version) throws SQLException {
        Optional<Object[]> row = sql.first("SELECT " + VERSION_COLUMNS + " FROM registry_versions WHERE model = ? "
                + "AND version = ?", SqlModelRegistry::versionRow, model, version);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Object[] columns = row.get();
        Map<String, String> provenance = new LinkedHashMap<>();
        for (Object[] entry : sql.query("SELECT key, value FROM registry_provenance WHERE model = ? AND version = ?",
                result -> new Object[] {result.getString(1), result.getString(2)}, model, version)) {
            provenance.put((String) entry[0], (String) entry[1]);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Object[] entry : sql.query("SELECT key, value FROM registry_metrics WHERE model = ? AND version = ?",
                result -> new Object[] {result.getString(1), result.getDouble(2)}, model, version)) {
            metrics.put((String) entry[0], (Double) entry[1]);
        }
        List<LineageInput> inputs = sql.query("SELECT name, kind, input_version, fingerprint, window_start, window_end "
                + "FROM registry_inputs WHERE model = ? AND version = ? ORDER BY position", result -> LineageColumns.read(result, 1),
                model, version);
        List<Approval> approvals = sql.query("SELECT principal, approved_at, comment, by_author FROM registry_approvals "
                + "WHERE model = ? AND version = ? ORDER BY position", result -> new Approval(result.getString(1),
                    Instant.ofEpochMilli(result.getLong(2)), result.getString(3), result.getInt(4) != 0), model, version);
        LineageTags tags = new LineageTags(optional(columns[9]), optional(columns[10]),
                optional(columns[11]).map(Fingerprint::new), optional(columns[12]), optional(columns[13]),
                optional(columns[14]).map(Fingerprint::new), inputs);
        return Optional.of(new ModelVersion((String) columns[0], (int) columns[1], (String) columns[2],
                (String) columns[3], (long) columns[4], Stage.ofLabel((String) columns[5]), (String) columns[6],
                Instant.ofEpochMilli((long) columns[7]), (String) columns[8], provenance, tags, metrics,
                optional(columns[15]), approvals));
    }

    private static Object[] versionRow(ResultSet row) throws SQLException {
        return new Object[] {row.getString(1), row.getInt(2), row.getString(3), row.getString(4), row.getLong(5),
            row.getString(6), row.getString(7), row.getLong(8), row.getString(9), row.getString(10), row.getString(11),
            row.getString(12), row.getString(13), row.getString(14), row.getString(15), row.getString(16)};
    }

    private static Optional<String> optional(@Nullable Object text) {
        return Optional.ofNullable((String) text);
    }


    private static RegisteredModel model(ResultSet row) throws SQLException {
        int production = row.getInt(4);
        OptionalInt slot = row.wasNull() ? OptionalInt.empty() : OptionalInt.of(production);
        return new RegisteredModel(row.getString(1), Instant.ofEpochMilli(row.getLong(2)), row.getInt(3), slot);
    }

    private static Transition transition(ResultSet row) throws SQLException {
        String from = row.getString(3);
        return new Transition(row.getString(1), row.getInt(2), Optional.ofNullable(from).map(Stage::ofLabel),
                Stage.ofLabel(row.getString(4)), row.getString(5), Instant.ofEpochMilli(row.getLong(6)),
                row.getString(7));
    }

    private RegistryException unknown(String model, int version) {
        return new RegistryException("no version " + model + ":" + version + " in " + this);
    }

    private static String describe(OptionalInt version) {
        return version.isPresent() ? "version " + version.getAsInt() : "no version";
    }

    private static String labels(java.util.Set<Stage> stages) {
        return String.join(" or ", stages.stream().map(Stage::label).toList());
    }


}
