package dev.mlops.deploy.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How many approvals a version needs before it may move to {@link Stage#PRODUCTION}, and whose
 * count:
 *
 * <pre>{@code
 * ApprovalPolicy.atLeast(1).excludingAuthor()   // one reviewer other than the author (the default)
 * ApprovalPolicy.none()                         // no review required
 * }</pre>
 *
 * <p>Each principal counts once, however often they approve. An approval by the version's author
 * is always recorded (flagged {@link Approval#byAuthor()}), and counts only under a policy that
 * does not exclude the author. An immutable value.
 *
 * @param required the number of distinct approvers needed, zero or more
 * @param authorExcluded true if the author's own approval does not count
 */
public record ApprovalPolicy(int required, boolean authorExcluded) {

    /**
     * Checks the count.
     *
     * @param required the number of approvers needed
     * @param authorExcluded whether the author's approval is left out
     * @throws IllegalArgumentException if the count is negative
     */
    public ApprovalPolicy {
        if (required < 0) {
            throw new IllegalArgumentException("required approvals must be zero or more but was " + required);
        }
    }

    /** @return the policy requiring no approval */
    public static ApprovalPolicy none() {
        return new ApprovalPolicy(0, false);
    }

    /**
     * @param count the number of distinct approvers needed
     * @return the policy requiring them, the author's own approval counting
     * @throws IllegalArgumentException if the count is negative
     */
    public static ApprovalPolicy atLeast(int count) {
        return new ApprovalPolicy(count, false);
    }

    /** @return one approval by someone other than the author: what a new registry requires */
    public static ApprovalPolicy defaults() {
        return atLeast(1).excludingAuthor();
    }

    /** @return this policy, with the author's own approvals not counting */
    public ApprovalPolicy excludingAuthor() {
        return new ApprovalPolicy(required, true);
    }

    /**
     * The approvals of a version that count, each approver once (their first approval).
     *
     * @param version the version
     * @return the counted approvals, in the order given
     */
    public List<Approval> counted(ModelVersion version) {
        Set<String> seen = new HashSet<>();
        List<Approval> counted = new ArrayList<>();
        for (Approval approval : version.approvals()) {
            if (!(authorExcluded && approval.byAuthor()) && seen.add(approval.principal())) {
                counted.add(approval);
            }
        }
        return counted;
    }

    /**
     * What a version still lacks before it may move to production.
     *
     * @param version the version
     * @return empty if it has enough counted approvals, else what is missing in words
     */
    public Optional<String> missing(ModelVersion version) {
        int counted = counted(version).size();
        if (counted >= required) {
            return Optional.empty();
        }
        long byAuthor = version.approvals().stream().filter(Approval::byAuthor).count();
        return Optional.of("it has " + counted + " of the " + required + " approval" + (required == 1 ? "" : "s")
                + " required" + (authorExcluded ? " from principals other than its author " + version.author() : "")
                + (authorExcluded && byAuthor > 0 ? " (the author's own approval does not count)" : ""));
    }

    @Override
    public String toString() {
        return required == 0 ? "no approval required"
                : "at least " + required + " approval" + (required == 1 ? "" : "s")
                        + (authorExcluded ? ", not counting the author's own" : "");
    }
}
