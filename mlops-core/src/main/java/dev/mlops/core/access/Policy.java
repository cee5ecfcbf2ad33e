package dev.mlops.core.access;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.DataFormatException;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.json.DocumentException;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Allow and deny {@link Rule rules} deciding who may do what to which resource. Nothing is
 * allowed by default; a request is allowed when an allow rule matches it and no deny rule
 * does (deny wins, whatever the order of the rules).
 *
 * <pre>{@code
 * Policy policy = Policy.builder()
 *         .allow(Subject.role("pipeline"), "registry.promote", "model/**")
 *         .allow(Subject.ANYONE, "registry.read", "model/**")
 *         .deny(Subject.group("contractors"), "registry.*", "model/payroll/**")
 *         .build();
 * policy.check(principal, Action.of("registry.promote"), "model/churn/3"); // or throws
 * }</pre>
 *
 * <p>The policy document (see {@code docs/access-control.md}), read by {@link #load(Path)} and
 * written by {@link #write(Path)}:
 *
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "kind": "access-policy",
 *   "rules": [
 *     {
 *       "action": "registry.promote",
 *       "effect": "allow",
 *       "resource": "model/**",
 *       "subject": "role:pipeline"
 *     }
 *   ]
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Policy {

    /** The {@code kind} of a policy document. */
    public static final String KIND = "access-policy";
    /** The newest policy format version this class reads and the one it writes. */
    public static final int FORMAT_VERSION = 1;

    private static final Policy DENY_ALL = new Policy(List.of());

    private final List<Rule> rules;

    private Policy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * @param rules the rules; their order does not change any decision, only which rule a
     *     message names when several match
     * @return the policy
     */
    public static Policy of(List<Rule> rules) {
        Objects.requireNonNull(rules, "rules");
        return new Policy(rules);
    }

    /** @return the policy without rules, which denies everything */
    public static Policy denyAll() {
        return DENY_ALL;
    }

    /** @return a builder of a policy, starting with no rules */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the rules, in order; unmodifiable */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * Decides a request.
     *
     * @param principal who acts
     * @param action what they do
     * @param resource the resource they act on, such as {@code model/churn/3}; no wildcards
     * @return the decision with the deciding rule: the first matching deny rule, else the first
     *     matching allow rule, else none (denied)
     * @throws IllegalArgumentException if the resource is empty, too long, or holds white space,
     *     a control character or {@code '*'}
     */
    public Decision decide(Principal principal, Action action, String resource) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Names.check("resource", resource);
        Optional<Rule> allow = Optional.empty();
        for (Rule rule : rules) {
            if (rule.matches(principal, action, resource)) {
                if (rule.effect() == Effect.DENY) {
                    return new Decision(principal, action, resource, false, Optional.of(rule));
                }
                if (allow.isEmpty()) {
                    allow = Optional.of(rule);
                }
            }
        }
        return new Decision(principal, action, resource, allow.isPresent(), allow);
    }

    /**
     * @param principal who acts
     * @param action what they do
     * @param resource the resource they act on
     * @return true if the policy allows it
     * @throws IllegalArgumentException if the resource is not valid
     */
    public boolean allows(Principal principal, Action action, String resource) {
        return decide(principal, action, resource).allowed();
    }

    /**
     * Checks a request, throwing if the policy does not allow it.
     *
     * @param principal who acts
     * @param action what they do
     * @param resource the resource they act on
     * @return the decision, which allows
     * @throws AccessDeniedException if the policy denies it; the message names principal,
     *     action, resource and the deciding rule, or says no rule allows it
     * @throws IllegalArgumentException if the resource is not valid
     */
    public Decision check(Principal principal, Action action, String resource) {
        Decision decision = decide(principal, action, resource);
        if (!decision.allowed()) {
            throw new AccessDeniedException(decision);
        }
        return decision;
    }

    /** @return the policy document, envelope included */
    public ObjectNode toDocument() {
        ObjectNode document = Documents.create(KIND, FORMAT_VERSION);
        ArrayNode array = document.putArray("rules");
        for (Rule rule : rules) {
            ObjectNode node = array.addObject();
            node.put("effect", rule.effect().label());
            node.put("subject", rule.subject().toString());
            node.put("action", rule.action());
            node.put("resource", rule.resource());
        }
        return document;
    }

    /**
     * Reads a policy document.
     *
     * @param reader the document's root
     * @return the policy
     * @throws DocumentException if the document is of another kind, a newer format version, or a
     *     rule is malformed; the message names the source and the rule's path, such as
     *     {@code rules[2]}
     */
    public static Policy fromDocument(DocumentReader reader) {
        reader.requireKind(KIND, FORMAT_VERSION);
        List<Rule> rules = new ArrayList<>();
        for (DocumentReader rule : reader.objects("rules")) {
            rules.add(readRule(rule));
        }
        reader.requireNoOthers();
        return new Policy(rules);
    }

    /**
     * Reads a policy file (UTF-8 JSON).
     *
     * @param file the file
     * @return the policy
     * @throws UncheckedIOException if the file cannot be read
     * @throws DataFormatException if it is not JSON; the message names file, line and character
     * @throws DocumentException if it is not a policy this version reads (such as a newer
     *     format version); the message names the file
     */
    public static Policy load(Path file) {
        return fromDocument(Documents.load(file));
    }

    /**
     * Writes the policy document to a file, atomically replacing what was there.
     *
     * @param file the file
     * @throws UncheckedIOException if the file cannot be written
     */
    public void write(Path file) {
        AtomicFiles.writeString(file, Documents.write(toDocument()) + "\n");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Policy that && rules.equals(that.rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return "Policy" + rules;
    }

    private static Rule readRule(DocumentReader reader) {
        String effectText = reader.text("effect");
        Effect effect = switch (effectText) {
            case "allow" -> Effect.ALLOW;
            case "deny" -> Effect.DENY;
            default -> throw reader.error("effect", "must be \"allow\" or \"deny\" but was \"" + effectText + "\"");
        };
        Subject subject = field(reader, "subject", () -> Subject.parse(reader.text("subject")));
        String action = field(reader, "action", () -> Names.checkText("action pattern", reader.text("action")));
        String resource = field(reader, "resource",
                () -> Names.checkText("resource pattern", reader.text("resource")));
        reader.requireNoOthers();
        return new Rule(effect, subject, action, resource);
    }

    private static <T> T field(DocumentReader reader, String field, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw reader.error(field, "is not valid: " + e.getMessage());
        }
    }

    /** Builds a {@link Policy} rule by rule. Not thread-safe; the policy built is. */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param subject whom the rule is about
         * @param action the action pattern
         * @param resource the resource pattern
         * @return this builder
         */
        public Builder allow(Subject subject, String action, String resource) {
            return rule(Rule.allow(subject, action, resource));
        }

        /**
         * @param subject whom the rule is about
         * @param action the action pattern
         * @param resource the resource pattern
         * @return this builder
         */
        public Builder deny(Subject subject, String action, String resource) {
            return rule(Rule.deny(subject, action, resource));
        }

        /**
         * @param rule a rule to add after the others
         * @return this builder
         */
        public Builder rule(Rule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** @return the policy of the rules added so far */
        public Policy build() {
            return new Policy(rules);
        }
    }
}
