/**
 * Access-control primitives every module uses to protect what it changes or reveals (the model
 * registry, the feature store): who acts ({@link dev.mlops.core.access.Principal}, with roles
 * and groups), what they may do ({@link dev.mlops.core.access.Policy}: allow and deny
 * {@link dev.mlops.core.access.Rule rules} over subjects, {@link dev.mlops.core.access.Action
 * actions} and resource patterns; deny wins, nothing is allowed by default), the refusal
 * ({@link dev.mlops.core.access.AccessDeniedException}), an append-only, hash-chained
 * {@link dev.mlops.core.access.AuditLog} and the {@link dev.mlops.core.access.AccessGuard} that
 * checks and audits in one call.
 *
 * <p>See {@code docs/access-control.md} for the policy document and what the audit log does
 * and does not protect against.
 */
@NullMarked
package dev.mlops.core.access;

import org.jspecify.annotations.NullMarked;
