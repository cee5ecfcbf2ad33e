package dev.mlops.core;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A reproducible source of randomness: a master seed from which independent, named streams are
 * derived, so that adding a random step in one place does not change the numbers another step
 * draws.
 *
 * <p>{@code derive(name)} is a fixed function of the seed and the name's UTF-8 bytes (FNV-1a 64
 * over the bytes, combined with the seed and finished with the SplitMix64 mixer), so the same
 * master seed and name give the same stream in every run, on every JVM and in every version of
 * this library. {@link #random()} returns a new {@link SplittableRandom} each call, so two
 * callers never share generator state. Instances are immutable and thread-safe.
 *
 * @param value the 64-bit seed
 */
public record Seed(long value) {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    /**
     * Returns the seed with the given value.
     *
     * @param value any 64-bit value
     * @return the seed
     */
    public static Seed of(long value) {
        return new Seed(value);
    }

    /**
     * Derives the seed of an independent stream named {@code name}.
     *
     * @param name a stable name for the random step, such as "split" or "bootstrap/3"
     * @return a seed that depends only on this seed and the name
     * @throws IllegalArgumentException if the name is empty
     */
    public Seed derive(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty");
        }
        long hash = FNV_OFFSET;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return new Seed(mix(value + GOLDEN_GAMMA * hash));
    }

    /**
     * Returns a new generator that starts from this seed.
     *
     * @return a fresh {@link SplittableRandom}; the same seed gives the same sequence
     */
    public SplittableRandom random() {
        return new SplittableRandom(value);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
