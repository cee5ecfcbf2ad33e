package dev.mlops.monitor.window;

import static dev.mlops.monitor.window.Records.T0;
import static dev.mlops.monitor.window.Records.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.monitor.capture.CaptureRecord;
import dev.mlops.monitor.capture.CaptureStage;
import dev.mlops.monitor.capture.CaptureWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureWindowsTest {
    private static final Windowing HOURLY = Windowing.byTime(Duration.ofHours(1), T0);

    @Nested
    class ByTime {
        @Test
        void aGapOfMoreThanTheLongestEmptyRunIsCountedNotHandedOn() {
            long far = CaptureWindows.MAX_EMPTY_RUN + 2L;
            long b = CaptureWindows.MAX_EMPTY_RUN + 1L;
            long c = b + far + 1;
            Windows cut = CaptureWindows.split(List.of(at("a", 0), at("b", b * 3600), at("c", c * 3600)), HOURLY);

            assertThat(cut.windows()).extracting(Window::index)
                    .as("the run of exactly MAX_EMPTY_RUN empty windows is handed on, the longer one jumped")
                    .hasSize(CaptureWindows.MAX_EMPTY_RUN + 3)
                    .endsWith(b, c);
            assertThat(cut.run().emptyWindows()).isEqualTo(CaptureWindows.MAX_EMPTY_RUN);
            assertThat(cut.run().gapWindows()).isEqualTo(far);
            assertThat(cut.windows().get(cut.windows().size() - 1).records()).extracting(CaptureRecord::inferenceId)
                    .containsExactly("c");
        }

        @Test
        void recordsFallInHalfOpenWindowsAndGapsAreHandedOnEmpty() {
            Windows cut = CaptureWindows.split(List.of(at("a", 0), at("b", 3599), at("c", 3600), at("d", 4 * 3600 + 1)),
                    HOURLY);
            assertThat(cut.windows()).extracting(Window::index).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(cut.windows().get(0).records()).extracting(CaptureRecord::inferenceId).containsExactly("a", "b");
            assertThat(cut.windows().get(1).records()).extracting(CaptureRecord::inferenceId).containsExactly("c");
            assertThat(cut.windows().get(2).isEmpty()).isTrue();
            assertThat(cut.windows().get(3).isEmpty()).isTrue();
            assertThat(cut.windows().get(4).records()).extracting(CaptureRecord::inferenceId).containsExactly("d");
            assertThat(cut.windows().get(2).start()).isEqualTo(T0.plusSeconds(7200));
            assertThat(cut.windows().get(2).end()).isEqualTo(T0.plusSeconds(10800));
            assertThat(cut.run().windows()).isEqualTo(5);
            assertThat(cut.run().emptyWindows()).isEqualTo(2);
            assertThat(cut.run().gapWindows()).isZero();
            assertThat(cut.run().late()).isZero();
            assertThat(cut.run().capture().records()).isEqualTo(4);
        }

        @Test
        void recordsBeforeTheOriginHaveNegativeIndices() {
            Windows cut = CaptureWindows.split(List.of(at("a", -1), at("b", 0)), HOURLY);
            assertThat(cut.windows()).extracting(Window::index).containsExactly(-1L, 0L);
            assertThat(cut.windows().get(0).start()).isEqualTo(T0.minusSeconds(3600));
            assertThat(cut.windows().get(0).end()).isEqualTo(T0);
        }

        @Test
        void aWindowIsHandedOnAsSoonAsARecordReachesItsEnd() {
            List<Window> seen = new ArrayList<>();
            Windower windower = new Windower(HOURLY, seen::add);
            windower.accept(at("a", 10));
            windower.accept(at("b", 3599));
            assertThat(seen).isEmpty();
            windower.accept(at("c", 3600));
            assertThat(seen).extracting(Window::index).containsExactly(0L);
            windower.accept(at("d", 3 * 3600));
            assertThat(seen).extracting(Window::index).containsExactly(0L, 1L, 2L);
            WindowRun run = windower.finish(new dev.mlops.monitor.capture.CaptureReadResult(0, 4, 0, 0, List.of()));
            assertThat(seen).extracting(Window::index).containsExactly(0L, 1L, 2L, 3L);
            assertThat(run.emptyWindows()).isEqualTo(1);
        }

        @Test
        void recordsWithinTheLatenessJoinTheirWindowAndLaterOnesAreCountedAndNamed() {
            Windowing lenient = HOURLY.withLateness(Duration.ofSeconds(30));
            Windows cut = CaptureWindows.split(List.of(at("a", 3590), at("b", 3610), at("c", 3595), at("d", 3640),
                    at("e", 3599), at("f", 3641)), lenient);
            assertThat(cut.windows()).hasSize(2);
            assertThat(cut.windows().get(0).records()).extracting(CaptureRecord::inferenceId).containsExactly("a", "c");
            assertThat(cut.windows().get(1).records()).extracting(CaptureRecord::inferenceId)
                    .containsExactly("b", "d", "f");
            assertThat(cut.run().late()).isEqualTo(1);
            assertThat(cut.run().lateIds()).containsExactly("e");
        }

        @Test
        void withoutLatenessARecordOutOfOrderIsLate() {
            Windows cut = CaptureWindows.split(List.of(at("a", 3600), at("b", 10)), HOURLY);
            assertThat(cut.windows()).extracting(Window::index).containsExactly(1L);
            assertThat(cut.run().late()).isEqualTo(1);
        }

        @Test
        void noRecordsNoWindows() {
            Windows cut = CaptureWindows.split(List.of(), HOURLY);
            assertThat(cut.windows()).isEmpty();
            assertThat(cut.run().windows()).isZero();
        }

        @Test
        void onlyTheChosenStage() {
            Windows cut = CaptureWindows.split(List.of(at("a", 0), at("a", 1, CaptureStage.BEFORE_PREPROCESSING),
                    at("b", 2)), HOURLY.onlyStage(CaptureStage.AFTER_MODEL));
            assertThat(cut.windows().get(0).records()).extracting(CaptureRecord::inferenceId).containsExactly("a", "b");
            assertThat(cut.run().skipped()).isEqualTo(1);
        }

        @Test
        void atMostSoManyLateRecordsAreNamed() {
            List<CaptureRecord> records = new ArrayList<>();
            records.add(at("first", 3600));
            for (int i = 0; i <= CaptureWindows.MAX_NAMED; i++) {
                records.add(at("late-" + i, 0));
            }
            Windows cut = CaptureWindows.split(records, HOURLY);
            assertThat(cut.run().late()).isEqualTo(CaptureWindows.MAX_NAMED + 1);
            assertThat(cut.run().lateIds()).hasSize(CaptureWindows.MAX_NAMED);
        }
    }

    @Nested
    class ByCount {
        @Test
        void consecutiveRecordsAndALastPartialWindow() {
            Windows cut = CaptureWindows.split(List.of(at("a", 50), at("b", 20), at("c", 30), at("d", 40), at("e", 60)),
                    Windowing.byCount(2));
            assertThat(cut.windows()).extracting(Window::index).containsExactly(0L, 1L, 2L);
            Window first = cut.windows().get(0);
            assertThat(first.records()).extracting(CaptureRecord::inferenceId).containsExactly("a", "b");
            assertThat(first.start()).isEqualTo(T0.plusSeconds(20));
            assertThat(first.end()).isEqualTo(T0.plusSeconds(50));
            assertThat(cut.windows().get(1).start()).isEqualTo(T0.plusSeconds(30));
            assertThat(cut.windows().get(1).end()).isEqualTo(T0.plusSeconds(40));
            assertThat(cut.windows().get(2).records()).extracting(CaptureRecord::inferenceId).containsExactly("e");
            assertThat(cut.run().emptyWindows()).isZero();
            assertThat(cut.run().late()).isZero();
        }

        @Test
        void anExactMultipleLeavesNoPartialWindow() {
            Windows cut = CaptureWindows.split(List.of(at("a", 1), at("b", 2)), Windowing.byCount(2));
            assertThat(cut.windows()).hasSize(1);
        }

        @Test
        void countsOnlyTheChosenStage() {
            Windows cut = CaptureWindows.split(List.of(at("a", 1), at("a", 1, CaptureStage.BEFORE_PREPROCESSING),
                    at("b", 2)), Windowing.byCount(2).onlyStage(CaptureStage.AFTER_MODEL));
            assertThat(cut.windows()).hasSize(1);
            assertThat(cut.windows().get(0).records()).hasSize(2);
        }
    }

    @Nested
    class FromADirectory {
        @TempDir
        Path dir;

        @Test
        void manyFilesAreReadInTimeOrderAndABadLineIsCountedNotFatal() throws Exception {
            try (CaptureWriter writer = CaptureWriter.builder(dir).rotateAfterBytes(300).build()) {
                for (int i = 0; i < 30; i++) {
                    writer.write(at("r" + i, i * 600L));
                }
            }
            List<Path> files;
            try (Stream<Path> listing = Files.list(dir)) {
                files = listing.sorted().toList();
            }
            assertThat(files).hasSizeGreaterThan(3);
            Files.writeString(files.get(1), "not json\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            List<Window> seen = new ArrayList<>();
            WindowRun run = CaptureWindows.stream(dir, HOURLY, seen::add);
            assertThat(seen).extracting(Window::index).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(seen).allSatisfy(window -> assertThat(window.records()).hasSize(6));
            assertThat(seen.get(4).records().get(5).inferenceId()).isEqualTo("r29");
            assertThat(run.windows()).isEqualTo(5);
            assertThat(run.capture().records()).isEqualTo(30);
            assertThat(run.capture().files()).isEqualTo(files.size());
            assertThat(run.capture().badLines()).isEqualTo(1);
            assertThat(run.capture().problems().get(0).file()).isEqualTo(files.get(1));
        }

        @Test
        void anEmptyDirectoryGivesNoWindow() {
            List<Window> seen = new ArrayList<>();
            WindowRun run = CaptureWindows.stream(dir, HOURLY, seen::add);
            assertThat(seen).isEmpty();
            assertThat(run.windows()).isZero();
        }
    }

    @Test
    void aWindowEndsNotBeforeItStarts() {
        assertThatThrownBy(() -> new Window(3, T0, T0.minusSeconds(1), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("end must not be before start but window 3 runs from 2026-12-07T00:00:00Z to 2026-12-06T23:59:59Z");
    }
}
