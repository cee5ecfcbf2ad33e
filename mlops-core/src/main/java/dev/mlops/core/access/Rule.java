package dev.mlops.core.access;

import java.util.Objects;

/**
 * One line of a {@link Policy}: allow or deny a subject an action on the resources a pattern
 * names.
 *
 * <p>The action and resource are patterns with simple wildcards: {@code *} stands for any run of
 * characters without {@code '/'}, {@code **} for any run including {@code '/'}, every other
 * character for itself. So {@code model/churn/*} covers {@code model/churn/3} but not
 * {@code model/churn/3/artifact}, {@code model/**} covers both, and the action
 * {@code registry.*} covers every registry action. An immutable value.
 *
 * @param effect allow or deny
 * @param subject whom the rule is about
 * @param action the action pattern, such as {@code registry.promote} or {@code registry.*}
 * @param resource the resource pattern, such as {@code model/churn/*}
 */
public record Rule(Effect effect, Subject subject, String action, String resource) {

    /**
     * Validates the rule.
     *
     * @param effect allow or deny
     * @param subject whom the rule is about
     * @param action the action pattern
     * @param resource the resource pattern
     * @throws IllegalArgumentException if a pattern is empty, longer than 256 characters or holds
     *     white space or a control character
     */
    public Rule {
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(subject, "subject");
        Names.checkText("action pattern", action);
        Names.checkText("resource pattern", resource);
    }

    /**
     * @param subject whom the rule is about
     * @param action the action pattern
     * @param resource the resource pattern
     * @return a rule allowing them
     */
    public static Rule allow(Subject subject, String action, String resource) {
        return new Rule(Effect.ALLOW, subject, action, resource);
    }

    /**
     * @param subject whom the rule is about
     * @param action the action pattern
     * @param resource the resource pattern
     * @return a rule denying them
     */
    public static Rule deny(Subject subject, String action, String resource) {
        return new Rule(Effect.DENY, subject, action, resource);
    }

    /**
     * Tells whether this rule is about a request.
     *
     * @param principal who acts
     * @param requested what they do
     * @param target the resource they act on
     * @return true if the subject covers the principal and both patterns match
     */
    public boolean matches(Principal principal, Action requested, String target) {
        return subject.matches(principal) && Wildcard.matches(action, requested.name())
                && Wildcard.matches(resource, target);
    }

    /** @return the rule as one line, such as {@code deny role:intern registry.* model/**} */
    @Override
    public String toString() {
        return effect.label() + " " + subject + " " + action + " " + resource;
    }
}
