package dev.mlops.data.label;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.mlops.core.Seed;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an aggregator does when two or more labels score exactly the same for an item.
 *
 * <ul>
 *   <li>{@link #random(Seed)}: picks one of the tied labels at random; the choice depends only on
 *       the seed, the item's id and the tied labels, so it does not change with the order of the
 *       annotations or with the other items;</li>
 *   <li>{@link #unresolved()}: leaves the item unresolved with {@link UnresolvedReason#TIE};</li>
 *   <li>{@link #preferredOrder(List)}: picks the tied label that comes first in the given list;
 *       if no tied label is in the list, the item is unresolved with {@link UnresolvedReason#TIE}.
 *       Every label in the list must be one the annotations give: an aggregator refuses a list
 *       naming another with an {@link AnnotationException} (a misspelt preference would otherwise
 *       silently leave ties unresolved).</li>
 * </ul>
 *
 * <p>In an aggregator's settings a policy is three flat settings: {@code tie} (its {@link Kind},
 * {@code unresolved}, {@code random} or {@code prefer}), {@code seed} (with {@code random} only)
 * and {@code prefer} (the order, with {@code prefer} only), as in
 * {@code majority-vote(tie=random, seed=7)}; {@link #of} builds the policy from them.
 * Policies are immutable and thread-safe.
 */
public sealed interface TiePolicy permits TiePolicy.Random, TiePolicy.Unresolved, TiePolicy.PreferredOrder {

    /** The kinds of policy, written in lower case in settings and JSON. */
    enum Kind {
        /** {@link TiePolicy#unresolved()}. */
        UNRESOLVED,
        /** {@link TiePolicy#random(Seed)}. */
        RANDOM,
        /** {@link TiePolicy#preferredOrder(List)}. */
        PREFER;

        /** @return the lower-case name used in settings and JSON, such as {@code "random"} */
        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Reads a name written by {@link #label()}, in any case.
         *
         * @param label {@code "unresolved"}, {@code "random"} or {@code "prefer"}
         * @return the kind
         * @throws IllegalArgumentException if the label is none of them; the message lists them
         */
        @JsonCreator
        public static Kind fromLabel(String label) {
            for (Kind kind : values()) {
                if (kind.label().equalsIgnoreCase(label.trim())) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("tie must be one of unresolved, random, prefer but was '" + label + "'");
        }
    }

    /** @return the kind of this policy */
    Kind kind();

    /**
     * Builds a policy from its flat settings, as aggregators' settings hold them.
     *
     * @param tie the kind
     * @param seed the seed, given with {@link Kind#RANDOM} only
     * @param prefer the preferred order, given with {@link Kind#PREFER} only
     * @return the policy
     * @throws IllegalArgumentException if a setting is missing for the kind or given for another
     *     kind, or the order is empty or repeats a label; the message names the setting
     */
    static TiePolicy of(Kind tie, @Nullable Long seed, @Nullable List<String> prefer) {
        Objects.requireNonNull(tie, "tie");
        if (seed != null && tie != Kind.RANDOM) {
            throw new IllegalArgumentException("seed applies to tie=random only but tie was " + tie.label());
        }
        if (prefer != null && tie != Kind.PREFER) {
            throw new IllegalArgumentException("prefer applies to tie=prefer only but tie was " + tie.label());
        }
        return switch (tie) {
            case UNRESOLVED -> unresolved();
            case RANDOM -> {
                if (seed == null) {
                    throw new IllegalArgumentException("tie=random needs a seed");
                }
                yield random(Seed.of(seed));
            }
            case PREFER -> {
                if (prefer == null) {
                    throw new IllegalArgumentException("tie=prefer needs prefer, the labels in order of preference");
                }
                yield preferredOrder(prefer);
            }
        };
    }

    /**
     * Returns the policy that breaks ties at random.
     *
     * @param seed the seed of the choice
     * @return the policy
     */
    static TiePolicy random(Seed seed) {
        return new Random(seed);
    }

    /** @return the policy that leaves tied items unresolved */
    static TiePolicy unresolved() {
        return new Unresolved();
    }

    /**
     * Returns the policy that prefers labels in the given order.
     *
     * @param order labels, most preferred first, without repeats
     * @return the policy
     * @throws IllegalArgumentException if the list is empty or repeats a label
     */
    static TiePolicy preferredOrder(List<String> order) {
        return new PreferredOrder(order);
    }

    /**
     * Breaks ties at random, reproducibly.
     *
     * @param seed the seed of the choice
     */
    record Random(Seed seed) implements TiePolicy {
        /**
        * Checks the seed.
        *
        * @param seed the seed of the choice
        */
        public Random {
            Objects.requireNonNull(seed, "seed");
        }

        @Override
        public Kind kind() {
            return Kind.RANDOM;
        }
    }

    /** Leaves tied items unresolved. */
    record Unresolved() implements TiePolicy {
        @Override
        public Kind kind() {
            return Kind.UNRESOLVED;
        }
    }

    /**
     * Prefers the tied label that comes first in a list.
     *
     * @param order labels, most preferred first
     */
    record PreferredOrder(List<String> order) implements TiePolicy {
        /**
         * Checks and copies the order.
         *
         * @param order labels, most preferred first
         * @throws IllegalArgumentException if the list is empty or repeats a label
         */
        public PreferredOrder {
            order = List.copyOf(Objects.requireNonNull(order, "order"));
            if (order.isEmpty()) {
                throw new IllegalArgumentException("order must not be empty");
            }
            if (new HashSet<>(order).size() != order.size()) {
                throw new IllegalArgumentException("order must not repeat a label but was " + order);
            }
        }

        @Override
        public Kind kind() {
            return Kind.PREFER;
        }
    }
}
