package dev.mlops.data.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link KeyHashes}: the 64-bit keys are the documented words, packed or hashed, through
 * MurmurHash3's 64-bit finaliser. Expected values from Python (integers masked to 64 bits), e.g.
 * {@code fmix(k)}: {@code k ^= k >> 33; k *= 0xff51afd7ed558ccd; k ^= k >> 33; k *= 0xc4ceb9fe1a85ec53; k ^= k >> 33}.
 */
class KeyHashesTest {

    private static long[] keys(KeyHashes hashes, int rows) {
        long[] keys = new long[rows];
        int complete = hashes.hash(0, rows, new int[rows], keys);
        assertThat(complete).isEqualTo(rows);
        return keys;
    }

    @Nested
    class TheFinaliser {

        @Test
        void isMurmurHash3sFmix64() {
            // MurmurHash3's published fmix64(1) = 0xb456bcfc34c2cb2c
            assertThat(KeyHashes.mix(1)).isEqualTo(0xb456_bcfc_34c2_cb2cL);
            assertThat(KeyHashes.mix(0)).isZero();
        }
    }

    @Nested
    class ExactKeys {

        @Test
        void aNumberIsItsBitsMixed() {
            KeyHashes hashes = KeyHashes.of(List.of(NumericColumn.of("x", 1.0)));
            // python: fmix(0x3ff0000000000000), as a signed long
            assertThat(keys(hashes, 1)).containsExactly(-5_865_679_160_419_110_222L);
        }

        @Test
        void categoriesAndBooleansArePackedSideBySide() {
            Table table = Table.builder().categorical("city", "a", "b").bool("vip", false, true).build();
            KeyHashes hashes = KeyHashes.of(List.of(table.column("city"), table.column("vip")));
            // city b is code 1 of 2 levels (1 bit), vip true is 1: (1 << 1) | 1 = 3; python: fmix(3)
            assertThat(keys(hashes, 2)).containsExactly(0L, 815_575_690_806_614_222L);
        }
    }

    @Nested
    class HashedKeys {

        @Test
        void anInstantIsItsEpochNanosecondsHashed() {
            Column at = Table.builder().timestamp("at", Instant.ofEpochSecond(2, 5)).build().column("at");
            // python: w = 2 * 10**9 + 5; fmix((fmix(w) * 0x9E3779B97F4A7C15) & M)
            assertThat(keys(KeyHashes.of(List.of(at)), 1)).containsExactly(-2_065_468_415_555_440_611L);
        }

        @Test
        void incompleteRowsAreLeftOut() {
            NumericColumn x = NumericColumn.builder("x").add(1).addMissing().add(3).build();
            KeyHashes hashes = KeyHashes.of(List.of(x));
            int[] rows = new int[3];
            long[] keys = new long[3];
            assertThat(hashes.hash(0, 3, rows, keys)).isEqualTo(2);
            assertThat(rows).startsWith(0, 2);
            assertThat(hashes.complete(1)).isFalse();
            assertThat(hashes.complete(2)).isTrue();
        }
    }
}
