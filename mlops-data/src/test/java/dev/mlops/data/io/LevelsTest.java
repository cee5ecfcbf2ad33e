package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    void aLevelOfMoreThan64BytesIsNotKept() {
        Levels levels = new Levels();
        byte[] longest = bytes("x".repeat(64));
        byte[] longer = bytes("x".repeat(65));

        levels.remember(longest, 0, 64, "64", 0);
        levels.remember(longer, 0, 65, "65", 1);

        assertThat(levels.code(longest, 0, 64)).isZero();
        assertThat(levels.code(longer, 0, 65)).isEqualTo(Levels.NO_CODE);
        assertThat(levels.find(longer, 0, 65)).isNull();
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

        assertThat(levels.code(first, 0, first.length)).isEqualTo(7);
        assertThat(levels.find(last, 0, last.length)).isEqualTo("c1023");
        assertThat(levels.find(beyond, 0, beyond.length)).isNull();
    }
}
