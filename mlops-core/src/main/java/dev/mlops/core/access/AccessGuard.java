package dev.mlops.core.access;

import java.util.Objects;

/**
 * Checks a request against a {@link Policy} and writes the decision to an {@link AuditLog} in
 * one call, denied requests included, so that a module guarding its actions does not repeat that
 * sequence:
 *
 * <pre>{@code
 * AccessGuard guard = AccessGuard.of(policy, audit);
 * guard.check(principal, PROMOTE, "model/churn/3", "to production");   // audited, or throws
 * registry.promote(...);
 * }</pre>
 *
 * <p>The entry records the decision, not whether the guarded work then succeeded; the
 * entry's detail is the decision's reason (the deciding rule, or "no rule allows it"), followed
 * by the caller's detail when one is given. Thread-safe when the log is (the policy is
 * immutable).
 *
 * @param policy the rules that decide
 * @param audit where every decision is written
 */
public record AccessGuard(Policy policy, AuditLog audit) {

    /**
     * Checks the parts.
     *
     * @param policy the rules that decide
     * @param audit where every decision is written
     */
    public AccessGuard {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(audit, "audit");
    }

    /**
     * @param policy the rules that decide
     * @param audit where every decision is written
     * @return the guard
     */
    public static AccessGuard of(Policy policy, AuditLog audit) {
        return new AccessGuard(policy, audit);
    }

    /**
     * Decides a request, audits the decision, and throws if it is denied.
     *
     * @param principal who acts
     * @param action what they do
     * @param resource the resource they act on
     * @return the audited entry of the allowed request
     * @throws AccessDeniedException after auditing, if the policy denies the request
     * @throws IllegalArgumentException if the resource is not valid (nothing is audited then)
     */
    public AuditEntry check(Principal principal, Action action, String resource) {
        return check(principal, action, resource, "");
    }

    /**
     * Decides a request, audits the decision with a detail of the caller's, and throws if it is
     * denied.
     *
     * @param principal who acts
     * @param action what they do
     * @param resource the resource they act on
     * @param detail what the caller adds to the entry, such as a comment or a version; may be empty
     * @return the audited entry of the allowed request
     * @throws AccessDeniedException after auditing, if the policy denies the request
     * @throws IllegalArgumentException if the resource is not valid (nothing is audited then)
     */
    public AuditEntry check(Principal principal, Action action, String resource, String detail) {
        Objects.requireNonNull(detail, "detail");
        Decision decision = policy.decide(principal, action, resource);
        String text = detail.isEmpty() ? decision.reason() : decision.reason() + "; " + detail;
        AuditEntry entry = audit.append(principal, action, resource,
                decision.allowed() ? Outcome.ALLOWED : Outcome.DENIED, text);
        if (!decision.allowed()) {
            throw new AccessDeniedException(decision);
        }
        return entry;
    }
}
