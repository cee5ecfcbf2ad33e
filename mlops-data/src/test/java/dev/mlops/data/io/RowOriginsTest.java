package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowOriginsTest {

    @Nested
    class Building {
        @Test
        void keepsTheRowsInOrderAndGrowsPastItsFirstCapacity() {
            RowOrigins.Builder builder = RowOrigins.builder(4);
            for (int i = 0; i < 40; i++) {
                builder.add(i + 2, 4 + 10L * i, 14 + 10L * i);
            }

            RowOrigins origins = builder.build();

            assertThat(origins.rowCount()).isEqualTo(40);
            assertThat(origins.dataStart()).isEqualTo(4);
            assertThat(origins.line(39)).isEqualTo(41);
            assertThat(origins.start(39)).isEqualTo(394);
            assertThat(origins.end(39)).isEqualTo(404);
        }

        @Test
        void aRowMayStartAfterAGapOfSkippedLines() {
            RowOrigins origins = RowOrigins.builder(0).add(1, 0, 3).add(3, 4, 6).build();

            assertThat(origins.start(1)).isEqualTo(4);
        }

        @Test
        void refusesANegativeDataStartALineBelowOneEmptyBytesAndOverlaps() {
            assertThatThrownBy(() -> RowOrigins.builder(-1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("dataStart must not be negative but was -1");
            assertThatThrownBy(() -> RowOrigins.builder(0).add(0, 0, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("line must be at least 1 but was 0");
            assertThatThrownBy(() -> RowOrigins.builder(0).add(1, 5, 5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a row's bytes must not be empty: start 5, end 5");
            assertThatThrownBy(() -> RowOrigins.builder(0).add(1, 0, 4).add(2, 3, 6))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("row 1 starts at byte 3, before the previous row or the header ends (byte 4)");
            assertThatThrownBy(() -> RowOrigins.builder(4).add(1, 3, 6))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("row 0 starts at byte 3, before the previous row or the header ends (byte 4)");
        }

        @Test
        void aRowThatDoesNotExistIsOutOfBounds() {
            RowOrigins origins = RowOrigins.builder(0).add(1, 0, 2).build();

            assertThatThrownBy(() -> origins.line(1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> origins.start(-1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> origins.end(1)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Nested
    class Copying {
        @TempDir
        Path dir;

        @Test
        void writesTheHeaderThenTheRowsAskedForInTheirOrderAddingALineEndOnlyWhereNoneIs() throws IOException {
            Path file = Files.writeString(dir.resolve("in.csv"), "h\r\na\r\nb\rc", StandardCharsets.UTF_8);
            RowOrigins origins = RowOrigins.builder(3).add(2, 3, 6).add(3, 6, 8).add(4, 8, 9).build();
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            origins.copy(file, new int[] {2, 0, 1, 0}, out);

            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("h\r\nc\na\r\nb\ra\r\n");
        }

        @Test
        void noRowsGiveTheHeaderAlone() throws IOException {
            Path file = Files.writeString(dir.resolve("in.csv"), "h\na\n", StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            RowOrigins.builder(2).add(2, 2, 4).build().copy(file, new int[0], out);

            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("h\n");
        }

        @Test
        void aFileShorterThanTheOffsetsSayChangedSinceItWasRead() throws IOException {
            Path file = Files.writeString(dir.resolve("in.csv"), "h\na", StandardCharsets.UTF_8);
            RowOrigins origins = RowOrigins.builder(2).add(2, 2, 6).build();

            assertThatThrownBy(() -> origins.copy(file, new int[] {0}, new ByteArrayOutputStream()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("cannot copy rows of " + file)
                    .hasRootCauseMessage(file + " ends before byte 6; it changed since it was read");
        }

        @Test
        void aMissingFileCannotBeCopied() {
            Path file = dir.resolve("absent.csv");

            assertThatThrownBy(() -> RowOrigins.builder(0).build().copy(file, new int[0], new ByteArrayOutputStream()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("cannot copy rows of " + file);
        }
    }
}
