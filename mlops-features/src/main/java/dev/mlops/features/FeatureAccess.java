package dev.mlops.features;

import dev.mlops.core.access.AccessDeniedException;
import dev.mlops.core.access.AccessGuard;
import dev.mlops.core.access.Action;
import dev.mlops.core.access.AuditLog;
import dev.mlops.core.access.Decision;
import dev.mlops.core.access.Outcome;
import dev.mlops.core.access.Policy;
import dev.mlops.core.access.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The feature store's access checks, one place for every call: defining, writing, the catalog,
 * and each read path. A read resolves the selection to the group's features and checks
 * {@link FeatureStore#READ} on each, and {@link FeatureStore#READ_SENSITIVE} as well on a
 * sensitive one; the first refusal is audited and thrown. Batch reads and every write are
 * audited when allowed too; online reads are not (see {@link #onlineRead}), and their allowed
 * resolutions are cached, the policy being immutable. Thread-safe when the audit log is.
 */
final class FeatureAccess {
    /** Online resolutions cached before the cache is cleared: bounds memory under many principals. */
    static final int ONLINE_CACHE_LIMIT = 10_000;

    private final Policy policy;
    private final AuditLog audit;
    private final AccessGuard guard;
    private final Map<OnlineKey, List<Feature>> online = new ConcurrentHashMap<>();

    /**
     * @param policy the rules
     * @param audit where decisions are written
     */
    FeatureAccess(Policy policy, AuditLog audit) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.guard = AccessGuard.of(policy, audit);
    }

    /** @return the policy */
    Policy policy() {
        return policy;
    }

    /**
     * Checks and audits defining a group (or applying its retention).
     *
     * @param principal who acts
     * @param group the group's name
     * @param detail what is done, for the audit entry
     * @throws AccessDeniedException after auditing, if denied
     */
    void checkDefine(Principal principal, String group, String detail) {
        guard.check(principal, FeatureStore.DEFINE, FeatureStore.resource(group), detail);
    }

    /**
     * Checks and audits a definition of a group: {@link FeatureStore#DEFINE} on the group and,
     * for each feature the definition un-marks sensitive, {@link FeatureStore#READ_SENSITIVE} on
     * that feature (un-marking exposes its whole history to every reader). The first refusal is
     * audited and thrown; an allowed definition is audited once, with what changed.
     *
     * @param principal who acts
     * @param group the group's name
     * @param unmarked the features the definition un-marks sensitive
     * @param detail what changed, for the audit entry
     * @throws AccessDeniedException after auditing, if denied
     */
    void checkDefine(Principal principal, String group, List<String> unmarked, String detail) {
        Decision define = policy.decide(principal, FeatureStore.DEFINE, FeatureStore.resource(group));
        refuseUnless(define, detail);
        for (String feature : unmarked) {
            refuseUnless(policy.decide(principal, FeatureStore.READ_SENSITIVE, FeatureStore.resource(group, feature)),
                    detail);
        }
        audit.append(principal, FeatureStore.DEFINE, FeatureStore.resource(group), Outcome.ALLOWED,
                define.reason() + "; " + detail);
    }

    /**
     * Checks and audits writing records to a group.
     *
     * @param principal who acts
     * @param group the group's name
     * @param detail what is written, for the audit entry
     * @throws AccessDeniedException after auditing, if denied
     */
    void checkWrite(Principal principal, String group, String detail) {
        guard.check(principal, FeatureStore.WRITE, FeatureStore.resource(group), detail);
    }

    /**
     * Refuses a principal who may not write to a group before any input is read: a denial is
     * audited and thrown here, and an allowed write is audited later by {@link #checkWrite} with
     * what was written.
     *
     * @param principal who acts
     * @param group the group's name
     * @param source what is to be written, for a denial's audit entry
     * @throws AccessDeniedException after auditing, if denied
     */
    void requireWrite(Principal principal, String group, String source) {
        refuseUnless(policy.decide(principal, FeatureStore.WRITE, FeatureStore.resource(group)), "ingest " + source);
    }

    /**
     * Refuses a reader before the group's history is loaded: decides {@link FeatureStore#READ} on
     * each selected feature, or on the group when all are selected. A denial is audited and thrown
     * here; an allowed read is checked in full (sensitive features too) and audited once the
     * group's definition is known, by {@link #batchRead} or {@link #onlineRead}.
     *
     * @param principal who reads
     * @param selection the features asked for
     * @param path the read path, for a denial's audit entry
     * @throws AccessDeniedException after auditing, if denied
     */
    void requireRead(Principal principal, FeatureSelection selection, String path) {
        if (selection.isAll()) {
            refuseUnless(policy.decide(principal, FeatureStore.READ, FeatureStore.resource(selection.group())), path);
        }
        for (String feature : selection.features()) {
            refuseUnless(policy.decide(principal, FeatureStore.READ, FeatureStore.resource(selection.group(), feature)),
                    path);
        }
    }

    /**
     * Audits an allowed change that then failed or was refused, so the log does not say it happened.
     *
     * @param principal who acted
     * @param action what was allowed: {@link FeatureStore#WRITE} or {@link FeatureStore#DEFINE}
     * @param group the group's name
     * @param failure why it failed
     */
    void failed(Principal principal, Action action, String group, RuntimeException failure) {
        audit.append(principal, action, FeatureStore.resource(group), Outcome.FAILED,
                String.valueOf(failure.getMessage()));
    }

    /**
     * Checks and audits reading the catalog entry of one group.
     *
     * @param principal who reads
     * @param group the group's name
     * @throws AccessDeniedException after auditing, if denied
     */
    void checkCatalog(Principal principal, String group) {
        guard.check(principal, FeatureStore.READ, FeatureStore.resource(group), "catalog");
    }

    /**
     * Whether a principal may see a group in the catalog's list; not audited (the list leaves
     * out what is denied rather than failing).
     *
     * @param principal who reads
     * @param group the group's name
     * @return true if {@link FeatureStore#READ} is allowed on the group
     */
    boolean canSee(Principal principal, String group) {
        return policy.allows(principal, FeatureStore.READ, FeatureStore.resource(group));
    }

    /**
     * Checks and audits reading the audit log.
     *
     * @param principal who reads
     * @throws AccessDeniedException after auditing, if denied
     */
    void checkAudit(Principal principal) {
        guard.check(principal, FeatureStore.READ, FeatureStore.AUDIT_RESOURCE, "audit log");
    }

    /**
     * Resolves and checks a batch read (as-of, join, export), auditing the allowed read as one
     * entry on the group naming the path and the features.
     *
     * @param principal who reads
     * @param group the group's definition read
     * @param selection the features asked for
     * @param path the read path, such as {@code as-of 2026-01-01T00:00:00Z}, for the audit entry
     * @return the selected features, in the selection's order (the group's for all)
     * @throws FeatureStoreException if a selected feature is not in the group; the message lists the group's features
     * @throws AccessDeniedException after auditing, naming the principal and the first feature denied
     */
    List<Feature> batchRead(Principal principal, FeatureGroup group, FeatureSelection selection, String path) {
        List<Feature> features = checkEach(principal, group, selection, path);
        List<String> names = new ArrayList<>();
        features.forEach(feature -> names.add(feature.name()));
        audit.append(principal, FeatureStore.READ, FeatureStore.resource(group.name()), Outcome.ALLOWED,
                path + ": " + String.join(",", names));
        return features;
    }

    /**
     * Resolves and checks an online read. An allowed resolution is cached (per principal, group
     * version and selection) and not audited; a refusal is audited every time.
     *
     * @param principal who reads
     * @param group the group's definition read
     * @param selection the features asked for
     * @return the selected features
     * @throws FeatureStoreException if a selected feature is not in the group
     * @throws AccessDeniedException after auditing, naming the principal and the first feature denied
     */
    List<Feature> onlineRead(Principal principal, FeatureGroup group, FeatureSelection selection) {
        OnlineKey key = new OnlineKey(principal, group.name(), group.version(), selection);
        List<Feature> cached = online.get(key);
        if (cached != null) {
            return cached;
        }
        List<Feature> features = List.copyOf(checkEach(principal, group, selection, "online"));
        if (online.size() >= ONLINE_CACHE_LIMIT) {
            online.clear();
        }
        online.put(key, features);
        return features;
    }

    private List<Feature> checkEach(Principal principal, FeatureGroup group, FeatureSelection selection, String path) {
        List<Feature> features = resolve(group, selection);
        for (Feature feature : features) {
            String resource = FeatureStore.resource(group.name(), feature.name());
            refuseUnless(policy.decide(principal, FeatureStore.READ, resource), path);
            if (feature.sensitive()) {
                refuseUnless(policy.decide(principal, FeatureStore.READ_SENSITIVE, resource), path);
            }
        }
        return features;
    }

    private void refuseUnless(Decision decision, String path) {
        if (!decision.allowed()) {
            audit.append(decision.principal(), decision.action(), decision.resource(), Outcome.DENIED,
                    decision.reason() + "; " + path);
            throw new AccessDeniedException(decision);
        }
    }

    /**
     * @param group the group's definition
     * @param selection the features asked for
     * @return the selected features, in the selection's order (the group's for all)
     * @throws FeatureStoreException if a selected feature is not in the group; the message lists the group's features
     */
    static List<Feature> resolve(FeatureGroup group, FeatureSelection selection) {
        if (selection.isAll()) {
            return group.features();
        }
        List<Feature> features = new ArrayList<>();
        for (String name : selection.features()) {
            features.add(group.feature(name).orElseThrow(() -> {
                List<String> known = new ArrayList<>();
                group.features().forEach(feature -> known.add(feature.name()));
                return new FeatureStoreException("feature group '" + group.name() + "' (version " + group.version()
                        + ") has no feature '" + name + "'; it has " + known);
            }));
        }
        return features;
    }

    /** What an online resolution is cached under. */
    private record OnlineKey(Principal principal, String group, int version, FeatureSelection selection) {
    }
}
