package dev.mlops.data.label;

import dev.mlops.core.Seed;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What an aggregator does when two or more labels score exactly the same for an item.
 *
 * <ul>
 *   <li>{@link #random(Seed)}: picks one of the tied labels at random; the choice depends only on
 *       the seed, the item's id and the tied labels, so it does not change with the order of the
 *       annotations or with the other items;</li>
 *   <li>{@link #unresolved()}: leaves the item unresolved with {@link UnresolvedReason#TIE};</li>
 *   <li>{@link #preferredOrder(List)}: picks the tied label that comes first in the given list;
 *       if no tied label is in the list, the item is unresolved with {@link UnresolvedReason#TIE}.</li>
 * </ul>
 */
public sealed interface TiePolicy permits TiePolicy.Random, TiePolicy.Unresolved, TiePolicy.PreferredOrder {

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
        /** Checks the seed. */
        public Random {
            Objects.requireNonNull(seed, "seed");
        }
    }

    /** Leaves tied items unresolved. */
    record Unresolved() implements TiePolicy {
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
    }
}
