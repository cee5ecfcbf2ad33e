package dev.mlops.deploy.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where one request goes: the variant whose answer the caller gets, and the variants that only
 * receive a copy (shadows), whose answers are compared but never returned.
 *
 * <p>Routing happens on every request, so a {@link Rollout} builds its routes once, when its
 * state changes, and hands out the same instances: a route is immutable and building one is the
 * only allocation.
 */
public final class Route {
    private final String primary;
    private final List<String> shadows;

    private Route(String primary, List<String> shadows) {
        this.primary = primary;
        this.shadows = shadows;
    }

    /**
     * A route with no shadow.
     *
     * @param primary the variant that answers, not blank
     * @return the route
     * @throws IllegalArgumentException if the name is blank
     */
    public static Route to(String primary) {
        return new Route(checkName(primary), List.of());
    }

    /**
     * The same route with one more shadow.
     *
     * @param shadow a variant that receives a copy of the request, not blank, not the primary and
     *     not already a shadow
     * @return a new route
     * @throws IllegalArgumentException if the name is blank, the primary or already a shadow
     */
    public Route withShadow(String shadow) {
        checkName(shadow);
        if (shadow.equals(primary) || shadows.contains(shadow)) {
            throw new IllegalArgumentException("variant '" + shadow + "' is already on the route " + this);
        }
        List<String> more = new ArrayList<>(shadows);
        more.add(shadow);
        return new Route(primary, List.copyOf(more));
    }

    /** @return the variant whose answer the caller gets */
    public String primary() {
        return primary;
    }

    /** @return the variants that receive a copy of the request, in order; empty for most routes */
    public List<String> shadows() {
        return shadows;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Route that && primary.equals(that.primary) && shadows.equals(that.shadows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(primary, shadows);
    }

    @Override
    public String toString() {
        return shadows.isEmpty() ? primary : primary + " (shadows " + String.join(", ", shadows) + ")";
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "variant");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a variant's name must not be blank");
        }
        return name;
    }
}
