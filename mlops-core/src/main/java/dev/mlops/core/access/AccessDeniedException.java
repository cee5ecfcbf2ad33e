package dev.mlops.core.access;

import dev.mlops.core.MlopsException;
import java.util.Objects;

/**
 * A principal asked for an action that the policy does not allow. The message names the
 * principal, the action, the resource and the deciding rule (or says that no rule allows it):
 * {@code alice may not registry.promote model/churn/3: denied by rule 'deny group:interns
 * registry.* model/**'}.
 */
public class AccessDeniedException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** The refusal; records are serializable when their components are, so keep it transient. */
    private final transient Decision decision;

    /**
     * Creates the exception from a refusal.
     *
     * @param decision the policy's decision, which must deny
     * @throws IllegalArgumentException if the decision allows
     */
    public AccessDeniedException(Decision decision) {
        super(refusal(decision).message());
        this.decision = decision;
    }

    /** @return the refusal: principal, action, resource and the deciding rule, if any */
    public Decision decision() {
        return decision;
    }

    private static Decision refusal(Decision decision) {
        Objects.requireNonNull(decision, "decision");
        if (decision.allowed()) {
            throw new IllegalArgumentException("an AccessDeniedException needs a refusal but was given: "
                    + decision.message());
        }
        return decision;
    }
}
