package dev.mlops.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    static List<Path> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(Path::getFileName).sorted().toList();
        }
    }

    @Nested
    class Writing {

        @Test
        void writesBytes() throws IOException {
            Path target = dir.resolve("model.bin");
            byte[] content = {0, 1, 2, (byte) 0xff, '\n'};

            AtomicFiles.write(target, content);

            assertThat(target).hasBinaryContent(content);
        }

        @Test
        void writesStringAsUtf8() throws IOException {
            Path target = dir.resolve("cities.txt");

            AtomicFiles.writeString(target, "München\nSão Paulo\n");

            assertThat(Files.readAllBytes(target))
                    .isEqualTo("München\nSão Paulo\n".getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void writesWhatTheCallbackWrites() throws IOException {
            Path target = dir.resolve("report.json");

            AtomicFiles.write(target, out -> {
                out.write('{');
                out.write("\"a\":1".getBytes(StandardCharsets.UTF_8));
                out.write("xx}yy".getBytes(StandardCharsets.UTF_8), 2, 1);
            });

            assertThat(target).hasContent("{\"a\":1}");
        }

        @Test
        void writesContentLargerThanTheBuffer() throws IOException {
            Path target = dir.resolve("big.bin");
            byte[] content = new byte[3 * 64 * 1024 + 17];
            for (int i = 0; i < content.length; i++) {
                content[i] = (byte) (i * 31);
            }

            AtomicFiles.write(target, out -> {
                out.write(content, 0, 100);
                for (int i = 100; i < 1000; i++) {
                    out.write(content[i]);
                }
                out.write(content, 1000, content.length - 1000);
            });

            assertThat(target).hasBinaryContent(content);
        }

        @Test
        void writesAnEmptyFile() {
            Path target = dir.resolve("empty");

            AtomicFiles.write(target, new byte[0]);

            assertThat(target).exists().isEmptyFile();
        }

        @Test
        void replacesAnExistingTarget() throws IOException {
            Path target = dir.resolve("profile.json");
            Files.writeString(target, "old content that is longer than the new one",
                    StandardCharsets.UTF_8);

            AtomicFiles.writeString(target, "new");

            assertThat(target).hasContent("new");
        }

        @Test
        void createsParentDirectories() {
            Path target = dir.resolve("a/b/c/run.json");

            AtomicFiles.writeString(target, "{}");

            assertThat(target).hasContent("{}");
        }

        @Test
        void leavesNoTempFileBehind() throws IOException {
            Path target = dir.resolve("split.json");

            AtomicFiles.writeString(target, "one");
            AtomicFiles.writeString(target, "two");

            assertThat(listing(dir)).containsExactly(Path.of("split.json"));
        }

        @Test
        void callbackMayCloseTheStream() {
            Path target = dir.resolve("closed.txt");

            AtomicFiles.write(target, out -> {
                try (OutputStream stream = out) {
                    stream.write("done".getBytes(StandardCharsets.UTF_8));
                }
            });

            assertThat(target).hasContent("done");
        }

        @Test
        void handlesLongFileNames() throws IOException {
            Path target = dir.resolve("ü".repeat(120) + ".json");

            AtomicFiles.writeString(target, "{}");

            assertThat(target).hasContent("{}");
            assertThat(listing(dir)).hasSize(1);
        }

        @Test
        void newFileGetsTheDefaultPermissionsNotPrivateTempOnes() throws IOException {
            assumeThat(Files.getFileAttributeView(dir, PosixFileAttributeView.class)).isNotNull();
            Path probe = Files.createFile(dir.resolve("probe"));
            Path target = dir.resolve("shared.json");

            AtomicFiles.writeString(target, "{}");

            assertThat(Files.getPosixFilePermissions(target))
                    .isEqualTo(Files.getPosixFilePermissions(probe));
        }

        @Test
        void concurrentWritersToOneTargetLeaveOneWholeVersion() throws Exception {
            Path target = dir.resolve("contended.txt");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<String> versions = new ArrayList<>();
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    String version = String.valueOf((char) ('a' + i)).repeat(10_000 + i);
                    versions.add(version);
                    futures.add(pool.submit(() -> AtomicFiles.writeString(target, version)));
                }
                for (Future<?> future : futures) {
                    future.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }

            assertThat(Files.readString(target, StandardCharsets.UTF_8)).isIn(versions);
            assertThat(listing(dir)).containsExactly(Path.of("contended.txt"));
        }
    }

    @Nested
    class Failures {

        @Test
        void ioExceptionFromTheCallbackKeepsTheOldContent() throws IOException {
            Path target = dir.resolve("registry.json");
            Files.writeString(target, "old", StandardCharsets.UTF_8);

            assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
                out.write("half of the new con".getBytes(StandardCharsets.UTF_8));
                throw new IOException("disk full");
            }))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(target.toString())
                    .hasMessageContaining("disk full")
                    .hasCauseInstanceOf(IOException.class);

            assertThat(target).hasContent("old");
            assertThat(listing(dir)).containsExactly(Path.of("registry.json"));
        }

        @Test
        void runtimeExceptionFromTheCallbackPropagatesUnchanged() throws IOException {
            Path target = dir.resolve("registry.json");
            Files.writeString(target, "old", StandardCharsets.UTF_8);
            IllegalStateException failure = new IllegalStateException("serializer broke");

            assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
                // more than the buffer, so part of it reaches the temp file before the failure
                out.write(new byte[200_000]);
                throw failure;
            })).isSameAs(failure);

            assertThat(target).hasContent("old");
            assertThat(listing(dir)).containsExactly(Path.of("registry.json"));
        }

        @Test
        void failedFirstWriteLeavesNoTarget() throws IOException {
            Path target = dir.resolve("new.json");

            assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
                throw new IOException("nope");
            })).isInstanceOf(UncheckedIOException.class);

            assertThat(target).doesNotExist();
            assertThat(listing(dir)).isEmpty();
        }

        @Test
        void failedMoveDeletesTheTempFile() throws IOException {
            Path target = dir.resolve("occupied");
            Files.createDirectories(target.resolve("child"));

            assertThatThrownBy(() -> AtomicFiles.writeString(target, "content"))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(target.toString());

            assertThat(target).isDirectory();
            assertThat(listing(dir)).containsExactly(Path.of("occupied"));
        }

        @Test
        void parentThatIsAFileIsReported() throws IOException {
            Path blocker = Files.writeString(dir.resolve("blocker"), "x", StandardCharsets.UTF_8);
            Path target = blocker.resolve("target.json");

            assertThatThrownBy(() -> AtomicFiles.writeString(target, "{}"))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(target.toString());
        }

        @Test
        void rootIsNotAFile() {
            Path root = dir.getRoot();

            assertThatThrownBy(() -> AtomicFiles.writeString(root, "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("target")
                    .hasMessageContaining(root.toString());
        }

        @Test
        void nullArgumentsAreNamed() {
            Path target = dir.resolve("x");
            Path noPath = null;
            byte[] noBytes = null;
            String noText = null;
            IoConsumer<OutputStream> noWriter = null;

            assertThatThrownBy(() -> AtomicFiles.write(noPath, new byte[0]))
                    .isInstanceOf(NullPointerException.class).hasMessage("target");
            assertThatThrownBy(() -> AtomicFiles.write(target, noBytes))
                    .isInstanceOf(NullPointerException.class).hasMessage("content");
            assertThatThrownBy(() -> AtomicFiles.writeString(target, noText))
                    .isInstanceOf(NullPointerException.class).hasMessage("content");
            assertThatThrownBy(() -> AtomicFiles.write(target, noWriter))
                    .isInstanceOf(NullPointerException.class).hasMessage("writer");
            assertThat(Arrays.asList(dir.toFile().list())).isEmpty();
        }
    }
}
