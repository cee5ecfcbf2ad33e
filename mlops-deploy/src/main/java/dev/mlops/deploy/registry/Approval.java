package dev.mlops.deploy.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One approval of a model version: who approved it, when and why. An approval by the version's
 * own author is recorded with {@code byAuthor} set, and an {@link ApprovalPolicy} that
 * {@linkplain ApprovalPolicy#excludingAuthor() excludes the author} does not count it.
 *
 * @param principal the approving principal's name
 * @param at when the approval was recorded (the registry's clock)
 * @param comment the reviewer's comment; may be empty
 * @param byAuthor true if the approver is the principal who registered the version
 */
public record Approval(String principal, Instant at, String comment, boolean byAuthor) {
    /**
     * Checks the parts.
     *
     * @param principal the approver's name
     * @param at when
     * @param comment the comment
     * @param byAuthor whether the approver registered the version
     */
    public Approval {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(comment, "comment");
    }
}
