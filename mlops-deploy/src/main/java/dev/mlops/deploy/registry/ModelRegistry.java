package dev.mlops.deploy.registry;

import dev.mlops.core.access.AccessDeniedException;
import dev.mlops.core.access.Action;
import dev.mlops.core.access.AuditEntry;
import dev.mlops.core.access.AuditLog;
import dev.mlops.core.access.Policy;
import dev.mlops.core.access.Principal;
import dev.mlops.core.access.Subject;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.store.Database;
import dev.mlops.store.GcResult;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.tracking.TrackingStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The model registry: the typed store of registered models, their numbered versions and the
 * stages those versions move through.
 *
 * <pre>{@code
 * try (ModelRegistry registry = ModelRegistry.open(Path.of(".mlops"))) {   // SQLite file + artifacts + audit log
 *     Principal me = Principal.fromOperatingSystem();
 *     ModelVersion v = registry.register(me, Registration.builder("churn")
 *             .predictor(format, predictor)
 *             .lineage(LineageTags.builder().fromRun(run).buildId("ci-1234").build())
 *             .metric("macro_f1", 0.81)
 *             .build());                                                  // churn:1, a candidate
 *     registry.approve(Principal.of("bob"), "churn", v.version(), "looks good");
 *     registry.transition(Principal.of("ci", List.of("pipeline"), List.of()),
 *             StageChange.toProduction("churn", v.version(), Stage.CANDIDATE, OptionalInt.empty(), "gate passed"));
 *     Predictor serving = registry.load(me, "churn", v.version());      // hash verified
 *     System.out.println(registry.lineage(me, "churn", v.version()).toText());
 * }
 * }</pre>
 *
 * <p><b>Versions.</b> A registration stores the artifact in the content-addressed artifact store,
 * then writes the version's rows in one transaction that also assigns its number (1, 2, 3, ... per
 * model). A process that dies between the two leaves no version, only an unreferenced artifact
 * that {@link #collectGarbage()} removes. Registering checks that the named
 * {@link dev.mlops.deploy.format.ModelFormat} (resolved by type name in the
 * {@link ComponentRegistry}) reads the bytes.
 *
 * <p><b>Stages.</b> {@link Stage} lists the allowed moves; every move is recorded as a
 * {@link Transition} (who, when, why, from, to). Promoting a version to production moves the
 * previous production version to {@link Stage#ARCHIVED} in the same transaction. A
 * {@link StageChange} names the stage it expects the version in and the version it expects in
 * production; if another process moved either first, nothing changes and a
 * {@link StageConflictException} names what was found, so of two processes promoting at once
 * exactly one wins.
 *
 * <p><b>Permissions.</b> Every call takes the acting {@link Principal} and is checked against the
 * registry's {@link Policy}: actions {@link #READ}, {@link #REGISTER}, {@link #APPROVE},
 * {@link #PROMOTE_STAGING}, {@link #PROMOTE_PRODUCTION} and {@link #ARCHIVE}; a move out of
 * production needs {@link #PROMOTE_PRODUCTION} as well as its target's action. Resources are
 * {@code model/NAME/VERSION} for a version and {@code model/NAME} for a model (registering,
 * listing). Every call that changes the registry, and every refusal, is written to the audit log
 * (allowed reads are not, to keep reads fast). A promotion to production also needs the
 * approvals of the registry's {@link ApprovalPolicy}; without them it is refused with
 * {@link ApprovalMissingException}, audited as denied. The audit log can be read back, never
 * changed, through this API. {@link #defaultPolicy()} is what a registry uses unless given
 * another. Whoever can write a SQLite file (or the audit log) can edit it outside this library; a
 * team that needs more uses PostgreSQL with its own roles.
 *
 * <p>Implementations are thread-safe; {@code ModelRegistryContract} in mlops-testkit checks one.
 * Refusals are {@link RegistryException}s and {@link AccessDeniedException}s; database failures
 * {@link dev.mlops.store.StoreException}s.
 */
public interface ModelRegistry extends AutoCloseable {
    /** The database file of a registry directory ({@link #open(Path)}), shared with the tracking store. */
    String DATABASE_FILE = TrackingStore.DATABASE_FILE;
    /**
     * The artifact directory of a registry directory: its own, not the tracking store's, since each
     * store's garbage collection removes what that store does not reference.
     */
    String ARTIFACT_DIRECTORY = "models";
    /** The audit log of a registry directory, a hash-chained JSON Lines file. */
    String AUDIT_FILE = "registry-audit.jsonl";
    /** How recently stored artifacts {@link #collectGarbage()} leaves alone: 1 hour. */
    Duration GC_GRACE_PERIOD = Duration.ofHours(1);

    /** Reading models, versions, artifacts, lineage and the audit log. */
    Action READ = Action.of("registry.read");
    /** Registering a new version (checked on {@code model/NAME}). */
    Action REGISTER = Action.of("registry.register");
    /** Approving a version. */
    Action APPROVE = Action.of("registry.approve");
    /** Moving a version to staging. */
    Action PROMOTE_STAGING = Action.of("registry.promote.staging");
    /** Moving a version to production, or out of it. */
    Action PROMOTE_PRODUCTION = Action.of("registry.promote.production");
    /** Moving a version to archived. */
    Action ARCHIVE = Action.of("registry.archive");
    /** The role that {@link #defaultPolicy()} lets move versions in and out of production. */
    String PIPELINE_ROLE = "pipeline";

    /**
     * The policy a registry uses unless given another: anyone may read, register, approve, move a
     * version to staging and archive one; only principals holding the role {@value #PIPELINE_ROLE}
     * may move a version in or out of production.
     *
     * @return the default policy
     */
    static Policy defaultPolicy() {
        return Policy.builder()
                .allow(Subject.ANYONE, READ.name(), "model/**")
                .allow(Subject.ANYONE, READ.name(), AUDIT_RESOURCE)
                .allow(Subject.ANYONE, REGISTER.name(), "model/**")
                .allow(Subject.ANYONE, APPROVE.name(), "model/**")
                .allow(Subject.ANYONE, PROMOTE_STAGING.name(), "model/**")
                .allow(Subject.ANYONE, ARCHIVE.name(), "model/**")
                .allow(Subject.role(PIPELINE_ROLE), PROMOTE_PRODUCTION.name(), "model/**")
                .build();
    }

    /** The resource reading the audit log is checked on. */
    String AUDIT_RESOURCE = "registry/audit";

    /**
     * @param model a model's name
     * @return the access-control resource of the model, {@code model/NAME}
     */
    static String resource(String model) {
        return "model/" + ModelNames.check(model);
    }

    /**
     * @param model a model's name
     * @param version a version's number
     * @return the access-control resource of the version, {@code model/NAME/VERSION}
     */
    static String resource(String model, int version) {
        return resource(model) + "/" + ModelNames.version(version);
    }

    /**
     * Opens (creating if absent) a registry in a directory with the defaults: the SQLite file
     * {@value #DATABASE_FILE}, the artifact directory {@value #ARTIFACT_DIRECTORY}, the audit log
     * {@value #AUDIT_FILE}, the system UTC clock, {@link #defaultPolicy()},
     * {@link ApprovalPolicy#defaults()} and the formats {@link ComponentRegistry#defaults()} finds.
     *
     * @param directory the registry's directory
     * @return the registry
     */
    static ModelRegistry open(Path directory) {
        return builder(directory).open();
    }

    /**
     * Starts configuring a registry whose artifacts and audit log live in a directory.
     *
     * @param directory the registry's directory
     * @return the builder
     */
    static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** @return the clock that stamps registrations, approvals and transitions */
    Clock clock();

    /** @return the access policy the registry checks every call against */
    Policy policy();

    /** @return the approvals a version needs before it moves to production */
    ApprovalPolicy approvalPolicy();

    /**
     * Registers a new version of a model (creating the model if absent) as a {@link Stage#CANDIDATE}.
     *
     * @param principal who registers; recorded as the version's author
     * @param registration the artifact, its format and what is known about it
     * @return the version, with its number
     * @throws AccessDeniedException if the policy denies {@link #REGISTER} on {@code model/NAME}
     * @throws RegistryException if the format is unknown or cannot read the artifact, naming model and format
     */
    ModelVersion register(Principal principal, Registration registration);

    /**
     * Lists the registered models the principal may read ({@link #READ} on {@code model/NAME});
     * the others are left out, not refused.
     *
     * @param principal who reads
     * @return the models the principal may read, by name
     */
    List<RegisteredModel> models(Principal principal);

    /**
     * @param principal who reads
     * @param model the model's name
     * @return the model, or empty if it has no version
     * @throws AccessDeniedException if the policy denies {@link #READ} on {@code model/NAME}
     */
    Optional<RegisteredModel> model(Principal principal, String model);

    /**
     * @param principal who reads
     * @param model the model's name
     * @return its versions by number (empty if the model is unknown)
     * @throws AccessDeniedException if the policy denies {@link #READ} on {@code model/NAME}
     */
    List<ModelVersion> versions(Principal principal, String model);

    /**
     * @param principal who reads
     * @param model the model's name
     * @param version the version's number
     * @return the version, or empty if unknown
     * @throws AccessDeniedException if the policy denies {@link #READ} on {@code model/NAME/VERSION}
     */
    Optional<ModelVersion> version(Principal principal, String model, int version);

    /**
     * Reads a version that must exist.
     *
     * @param principal who reads
     * @param model the model's name
     * @param version the version's number
     * @return the version
     * @throws RegistryException if it is unknown
     * @throws AccessDeniedException if the policy denies {@link #READ}
     */
    default ModelVersion require(Principal principal, String model, int version) {
        return version(principal, model, version).orElseThrow(() -> new RegistryException("no version " + model + ":"
                + version + " in " + this));
    }

    /**
     * @param principal who reads
     * @param model the model's name
     * @return the version in production, if any
     * @throws AccessDeniedException if the policy denies {@link #READ} on {@code model/NAME}
     */
    Optional<ModelVersion> production(Principal principal, String model);

    /**
     * Records an approval of a version. An approval by the version's author is recorded with
     * {@link Approval#byAuthor()} set; whether it counts is the {@link ApprovalPolicy}'s decision.
     *
     * @param principal who approves
     * @param model the model's name
     * @param version the version's number
     * @param comment the reviewer's comment; may be empty
     * @return the approval as recorded
     * @throws RegistryException if the version is unknown or archived
     * @throws AccessDeniedException if the policy denies {@link #APPROVE} on {@code model/NAME/VERSION}
     */
    Approval approve(Principal principal, String model, int version, String comment);

    /**
     * Moves a version to another stage, if it and the production slot are where the change expects.
     *
     * @param principal who moves it
     * @param change the version, the expected and target stages, the expected production version, why
     * @return the recorded transitions: the requested move, then (for a promotion to production
     *     that displaced a version) that version's move to archived
     * @throws AccessDeniedException if the policy denies the target's action (or, for a move out of
     *     production, {@link #PROMOTE_PRODUCTION})
     * @throws RegistryException if the version is unknown or {@link Stage} does not allow the move,
     *     naming from, to and the version
     * @throws ApprovalMissingException if a move to production lacks approvals, naming what is missing
     * @throws StageConflictException if the version or the production slot is not where the change
     *     expects, naming the version and the stage found
     */
    List<Transition> transition(Principal principal, StageChange change);

    /**
     * @param principal who reads
     * @param model the model's name
     * @return every transition of every version of the model, oldest first
     * @throws AccessDeniedException if the policy denies {@link #READ} on {@code model/NAME}
     */
    List<Transition> transitions(Principal principal, String model);

    /**
     * Reads a version's artifact, verified against its content hash.
     *
     * @param principal who reads
     * @param model the model's name
     * @param version the version's number
     * @return the bytes
     * @throws RegistryException if the version is unknown
     * @throws CorruptModelException if the artifact's file was modified, naming model, version and file
     * @throws AccessDeniedException if the policy denies {@link #READ}
     */
    byte[] artifact(Principal principal, String model, int version);

    /**
     * Loads a version as a predictor through its format, the artifact verified against its hash.
     *
     * @param principal who loads
     * @param model the model's name
     * @param version the version's number
     * @return the predictor
     * @throws RegistryException if the version is unknown or its format is not on the class path
     * @throws CorruptModelException if the artifact's file was modified, naming model, version and file
     * @throws AccessDeniedException if the policy denies {@link #READ}
     */
    Predictor load(Principal principal, String model, int version);

    /**
     * Gathers everything behind a version in one call: its tags, the training run (when the
     * registry was given the tracking store), the gate's verdict and rules, its approvals and its
     * transitions.
     *
     * @param principal who reads
     * @param model the model's name
     * @param version the version's number
     * @return the lineage, also a report
     * @throws RegistryException if the version is unknown
     * @throws AccessDeniedException if the policy denies {@link #READ}
     */
    ModelLineage lineage(Principal principal, String model, int version);

    /**
     * Reads the audit log back: every change and every refusal, in the order written.
     *
     * @param principal who reads
     * @return the entries, unmodifiable
     * @throws AccessDeniedException if the policy denies {@link #READ} on {@value #AUDIT_RESOURCE}
     */
    List<AuditEntry> auditTrail(Principal principal);

    /**
     * Removes artifacts no version references (left, for example, by a process that died between
     * storing an artifact and recording its version), except those stored within the last
     * {@link #GC_GRACE_PERIOD}, which a registration may be about to record.
     *
     * @return what was removed
     */
    GcResult collectGarbage();

    /** Closes the registry (and the database, artifact store and audit log it opened itself). */
    @Override
    void close();

    /**
     * Configures and opens a {@link ModelRegistry}. Not thread-safe; the registry is.
     */
    final class Builder {
        private final Path directory;
        private @Nullable String databaseUrl;
        private @Nullable Database database;
        private Clock clock = Clock.systemUTC();
        private Policy policy = defaultPolicy();
        private ApprovalPolicy approvals = ApprovalPolicy.defaults();
        private @Nullable ComponentRegistry formats;
        private @Nullable TrackingStore tracking;
        private @Nullable AuditLog audit;

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        /**
         * Keeps the records in a database opened by JDBC URL ({@code jdbc:sqlite:PATH},
         * {@code jdbc:sqlite::memory:}, {@code jdbc:postgresql://...}), closed with the registry.
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
         * @param stamps the clock that stamps registrations, approvals, transitions and audit entries
         * @return this builder
         */
        public Builder clock(Clock stamps) {
            this.clock = Objects.requireNonNull(stamps, "stamps");
            return this;
        }

        /**
         * @param rules the access policy; default {@link ModelRegistry#defaultPolicy()}
         * @return this builder
         */
        public Builder policy(Policy rules) {
            this.policy = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /**
         * @param required the approvals needed before production; default {@link ApprovalPolicy#defaults()}
         * @return this builder
         */
        public Builder approvals(ApprovalPolicy required) {
            this.approvals = Objects.requireNonNull(required, "required");
            return this;
        }

        /**
         * @param registry where model formats are found by type name; default {@link ComponentRegistry#defaults()}
         * @return this builder
         */
        public Builder formats(ComponentRegistry registry) {
            this.formats = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * @param store the tracking store whose runs {@link ModelRegistry#lineage} reads; the caller closes it
         * @return this builder
         */
        public Builder tracking(TrackingStore store) {
            this.tracking = Objects.requireNonNull(store, "store");
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
         * Opens the registry, creating or migrating its tables.
         *
         * @return the registry
         * @throws dev.mlops.store.StoreException if the database cannot be opened or migrated
         */
        public ModelRegistry open() {
            return SqlModelRegistry.open(new SqlModelRegistry.Settings(directory, databaseUrl, database, clock, policy,
                    approvals, formats == null ? ComponentRegistry.defaults() : formats, tracking, audit));
        }
    }
}
