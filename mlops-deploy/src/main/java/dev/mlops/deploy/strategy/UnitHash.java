package dev.mlops.deploy.strategy;

import java.util.Objects;

/**
 * Sticky assignment of units (users, customers) to traffic shares: a unit id and a salt hash to a
 * point in [0, 1) that is the same in every JVM, on every machine and in every release, so a unit
 * stays on its variant across restarts, and that is spread evenly, so shares of units match the
 * configured weights. A strategy's salt (its experiment's name) makes assignments of different
 * experiments independent.
 *
 * <p>The hash is FNV-1a over the id's UTF-16 code units, mixed with the salt and finished with the
 * SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
 * OOPSLA 2014) so that ids that differ in one character land far apart. It reads the characters in
 * place and allocates nothing.
 */
public final class UnitHash {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final double TWO_TO_MINUS_53 = 0x1.0p-53;

    private UnitHash() {
    }

    /**
     * The unit's point in [0, 1).
     *
     * @param unitId the unit's id
     * @param salt the strategy's salt
     * @return a number in [0, 1), the same for the same id and salt everywhere
     */
    public static double point(CharSequence unitId, long salt) {
        Objects.requireNonNull(unitId, "unitId");
        long hash = FNV_OFFSET ^ salt;
        for (int i = 0; i < unitId.length(); i++) {
            hash = (hash ^ unitId.charAt(i)) * FNV_PRIME;
        }
        return (mix(hash) >>> 11) * TWO_TO_MINUS_53;
    }

    /**
     * A salt from a name (an experiment's, a rollout's), hashed as {@link #point} hashes ids.
     *
     * @param name the name
     * @return the salt
     */
    public static long salt(String name) {
        Objects.requireNonNull(name, "name");
        long hash = FNV_OFFSET;
        for (int i = 0; i < name.length(); i++) {
            hash = (hash ^ name.charAt(i)) * FNV_PRIME;
        }
        return mix(hash);
    }

    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
