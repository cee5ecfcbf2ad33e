package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LevelsTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSameBytesHashAlikeWhereverTheyLie() {
        SplittableRandom random = new SplittableRandom(0x1e_7e15L);
        for (int i = 0; i < 10_000; i++) {
            byte[] level = new byte[random.nextInt(20)];
            for (int k = 0; k < level.length; k++) {
                level[k] = (byte) random.nextInt(256);
            }
            int from = random.nextInt(4);
            byte[] buffer = new byte[from + level.length + random.nextInt(10)];
            for (int k = 0; k < buffer.length; k++) {
                buffer[k] = (byte) random.nextInt(256);
            }
            System.arraycopy(level, 0, buffer, from, level.length);

            assertThat(Levels.hash(buffer, from, from + level.length)).as("level %s", Arrays.toString(level))
                    .isEqualTo(Levels.hash(level, 0, level.length));
        }
    }

    @Test
    void distinctLevelsHashApart() {
        Set<Integer> hashes = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            byte[] level = bytes(i % 2 == 0 ? "c" + i : "a longer level number " + i);
            hashes.add(Levels.hash(level, 0, level.length));
        }
        for (int i = 0; i < 500; i++) {
            byte[] eight = bytes("c" + (1_000_000 + i));
            hashes.add(Levels.hash(eight, 0, eight.length));
        }
        byte[] letters = bytes("abcdefgh");
        for (int length = 0; length <= 8; length++) {
            hashes.add(Levels.hash(letters, 0, length));
        }

        assertThat(hashes).hasSize(2509);
    }

    @Test
    void aLevelIsFoundByItsBytesWithItsTextAndThenItsCode() {
        Levels levels = new Levels();
        byte[] buffer = bytes("north,south,north,");

        levels.remember(buffer, 0, 5, "north");
        assertThat(levels.find(buffer, 12, 17)).isEqualTo("north");
        assertThat(levels.code(buffer, 12, 17)).isEqualTo(Levels.NO_CODE);
        assertThat(levels.find(buffer, 6, 11)).isNull();

        levels.remember(buffer, 12, 17, "north", 3);
        levels.remember(buffer, 6, 11, "south", 4);
        assertThat(levels.code(buffer, 0, 5)).isEqualTo(3);
        assertThat(levels.code(buffer, 6, 11)).isEqualTo(4);
        assertThat(levels.find(buffer, 6, 11)).isEqualTo("south");
        assertThat(levels.code(buffer, 0, 4)).isEqualTo(Levels.NO_CODE);
    }

    @Test
    void aLevelInTheTablesFirstSlotIsFoundAndTakesItsCode() {
        byte[] first = null;
        for (int i = 0; first == null; i++) {
            byte[] level = bytes("c" + i);
            // the table has 2048 slots
            first = (Levels.hash(level, 0, level.length) & 2047) == 0 ? level : null;
        }
        Levels levels = new Levels();
        String text = new String(first, StandardCharsets.UTF_8);

        levels.remember(first, 0, first.length, text);
        levels.remember(first, 0, first.length, text, 5);

        assertThat(levels.find(first, 0, first.length)).isEqualTo(text);
        assertThat(levels.code(first, 0, first.length)).isEqualTo(5);
    }

    @Test
    void aLevelOfMoreThan64BytesIsNotKept() {
        Levels levels = new Levels();
        byte[] longest = bytes("," + "x".repeat(64));
        byte[] longer = bytes("," + "y".repeat(65));

        levels.remember(longest, 1, 65, "64", 0);
        levels.remember(longer, 1, 66, "65", 1);

        assertThat(levels.code(longest, 1, 65)).isZero();
        assertThat(levels.find(longest, 1, 65)).isEqualTo("64");
        assertThat(levels.code(longer, 1, 66)).isEqualTo(Levels.NO_CODE);
        assertThat(levels.find(longer, 1, 66)).isNull();
    }

    @Test
    void atMost1024LevelsAreKeptButAKeptOneStillTakesItsCode() {
        Levels levels = new Levels();
        for (int i = 0; i < 1100; i++) {
            byte[] level = bytes("c" + i);
            levels.remember(level, 0, level.length, "c" + i);
        }
        byte[] first = bytes("c0");
        byte[] last = bytes("c1023");
        byte[] beyond = bytes("c1024");

        levels.remember(first, 0, first.length, "c0", 7);
        levels.remember(beyond, 0, beyond.length, "c1024", 8);

        assertThat(levels.code(first, 0, first.length)).isEqualTo(7);
        assertThat(levels.find(last, 0, last.length)).isEqualTo("c1023");
        assertThat(levels.find(beyond, 0, beyond.length)).isNull();
        assertThat(levels.code(beyond, 0, beyond.length)).isEqualTo(Levels.NO_CODE);
        for (int i = 0; i < 1024; i++) {
            byte[] level = bytes("c" + i);
            assertThat(levels.find(level, 0, level.length)).isEqualTo("c" + i);
            assertThat(levels.code(level, 0, level.length)).isEqualTo(i == 0 ? 7 : Levels.NO_CODE);
        }
    }
}
