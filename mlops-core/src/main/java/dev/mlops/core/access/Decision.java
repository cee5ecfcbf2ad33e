package dev.mlops.core.access;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Policy} decided about one request, and the rule that decided it.
 *
 * @param principal who asked
 * @param action what they asked to do
 * @param resource the resource they asked to act on
 * @param allowed true if the request is allowed
 * @param rule the deciding rule: the first matching deny rule, else the first matching allow
 *     rule; empty when no rule matched (so the request is denied)
 */
public record Decision(Principal principal, Action action, String resource, boolean allowed, Optional<Rule> rule) {

    /**
     * Checks the decision is consistent.
     *
     * @param principal who asked
     * @param action what they asked to do
     * @param resource the resource
     * @param allowed true if the request is allowed
     * @param rule the deciding rule, if any
     * @throws IllegalArgumentException if an allowed decision has no allow rule, or a deny rule
     *     allows
     */
    public Decision {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(rule, "rule");
        Effect expected = allowed ? Effect.ALLOW : Effect.DENY;
        if (allowed && rule.isEmpty() || rule.isPresent() && rule.get().effect() != expected) {
            throw new IllegalArgumentException("a decision with allowed=" + allowed + " cannot rest on "
                    + rule.map(r -> "the rule '" + r + "'").orElse("no rule"));
        }
    }

    /**
     * @return why, such as {@code allowed by rule 'allow role:pipeline registry.* model/**'},
     *     {@code denied by rule '...'} or {@code no rule allows it}
     */
    public String reason() {
        return rule.map(r -> (allowed ? "allowed" : "denied") + " by rule '" + r + "'").orElse("no rule allows it");
    }

    /**
     * @return a sentence naming principal, action, resource and the reason, such as
     *     {@code alice may not registry.promote model/churn/3: no rule allows it}
     */
    public String message() {
        return principal.name() + (allowed ? " may " : " may not ") + action + " " + resource + ": " + reason();
    }
}
