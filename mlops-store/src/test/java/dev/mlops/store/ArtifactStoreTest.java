package dev.mlops.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mlops.core.io.InterProcessLock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {
    static final String ABC = ArtifactRefTest.ABC;
    static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(T0);

    /** A clock the test sets; safe to read from several threads. */
    static class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        void advance(Duration step) {
            now.updateAndGet(t -> t.plus(step));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("not needed");
        }
    }

    ArtifactStore store() {
        return ArtifactStore.open(dir.resolve("artifacts"), clock);
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    static Path fileOf(ArtifactStore store, String hash) {
        return store.directory().resolve("sha256").resolve(hash.substring(0, 2)).resolve(hash.substring(2));
    }

    static List<Path> tempFiles(ArtifactStore store) throws IOException {
        try (Stream<Path> files = Files.list(store.directory().resolve("tmp"))) {
            return files.toList();
        }
    }

    static void flipByte(Path file, long position) throws IOException {
        file.toFile().setWritable(true);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0x01);
        }
    }

    static void truncate(Path file, long length) throws IOException {
        file.toFile().setWritable(true);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }

    @Nested
    class Opening {
        @Test
        void createsTheDirectoryWithItsLayout() {
            ArtifactStore store = store();
            Path expected = dir.resolve("artifacts").toAbsolutePath();
            assertThat(store.directory()).isEqualTo(expected);
            assertThat(expected.resolve("sha256")).isDirectory();
            assertThat(expected.resolve("tmp")).isDirectory();
            assertThat(store).hasToString("ArtifactStore[" + expected + "]");
            assertThat(store.size()).isZero();
        }

        @Test
        void aRelativeDirectoryIsMadeAbsoluteAndNormalized() {
            Path relative = Path.of("target", "..", "target", "artifact-store-test-" + ProcessHandle.current().pid());
            ArtifactStore store = ArtifactStore.open(relative);
            assertThat(store.directory()).isEqualTo(relative.toAbsolutePath().normalize());
            assertThat(store.put("x".getBytes(UTF_8)).size()).isEqualTo(1);
            assertThat(store.collectGarbage(Set.of()).deleted()).isEqualTo(1);
        }

        @Test
        void reopeningSeesWhatWasStored() {
            ArtifactRef ref = store().put("abc".getBytes(UTF_8));
            assertThat(store().read(ref)).isEqualTo("abc".getBytes(UTF_8));
        }

        @Test
        void aFileIsRefusedAsDirectory() throws IOException {
            Path file = Files.writeString(dir.resolve("plain.txt"), "x");
            assertThatThrownBy(() -> ArtifactStore.open(file))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("Cannot open artifact store " + file.toAbsolutePath()
                            + ": it is a file, but an artifact store must be a directory");
        }

        @Test
        void aDirectoryThatCannotBeCreatedIsReported() throws IOException {
            Path file = Files.writeString(dir.resolve("plain.txt"), "x");
            Path below = file.resolve("artifacts");
            assertThatThrownBy(() -> ArtifactStore.open(below))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("Could not open artifact store " + below.toAbsolutePath() + ": ")
                    .hasCauseInstanceOf(IOException.class);
        }

        @Test
        void nullIsRefusedNamingTheArgument() {
            assertThatThrownBy(() -> ArtifactStore.open((Path) null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("directory");
            assertThatThrownBy(() -> ArtifactStore.open(dir, null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("clock");
        }
    }

    @Nested
    class Putting {
        @Test
        void theHashIsTheSha256OfTheContentWithAKnownVector() throws Exception {
            ArtifactStore store = store();
            ArtifactRef ref = store.put("abc".getBytes(UTF_8));
            assertThat(ref).isEqualTo(new ArtifactRef(ABC, 3));
            assertThat(sha256("abc".getBytes(UTF_8))).isEqualTo(ABC);
            assertThat(Files.readString(fileOf(store, ABC), UTF_8)).isEqualTo("abc");
            assertThat(store.read(ref)).isEqualTo("abc".getBytes(UTF_8));
        }

        @Test
        void emptyContentRoundTrips() {
            ArtifactStore store = store();
            ArtifactRef ref = store.put(new byte[0]);
            assertThat(ref).isEqualTo(new ArtifactRef(EMPTY, 0));
            assertThat(store.read(ref)).isEmpty();
            assertThat(store.read(EMPTY)).isEmpty();
            assertThat(fileOf(store, EMPTY)).isEmptyFile();
        }

        @Test
        void smallContentRoundTripsThroughEveryReader() throws Exception {
            ArtifactStore store = store();
            byte[] content = "München, São Paulo".getBytes(UTF_8);
            ArtifactRef ref = store.put(content);
            assertThat(ref).isEqualTo(new ArtifactRef(sha256(content), content.length));
            assertThat(store.read(ref)).isEqualTo(content);
            assertThat(store.read(ref.toString())).isEqualTo(content);
            assertThat(store.read(ref.sha256())).isEqualTo(content);
            try (InputStream in = store.open(ref)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int b = in.read(); b >= 0; b = in.read()) {
                    out.write(b);
                }
                assertThat(out.toByteArray()).isEqualTo(content);
            }
            Path copy = dir.resolve("out/copy.txt");
            store.copyTo(ref, copy);
            assertThat(copy).hasBinaryContent(content);
        }

        @Test
        void twentyMegabytesRoundTripFromAFileAStreamAndAnArray() throws Exception {
            ArtifactStore store = store();
            byte[] content = randomBytes(20 * 1024 * 1024, 18);
            Path source = Files.write(dir.resolve("model.bin"), content);
            String expected = sha256(content);

            ArtifactRef ref = store.put(source);
            assertThat(ref).isEqualTo(new ArtifactRef(expected, content.length));
            assertThat(fileOf(store, expected)).hasSize(content.length);
            assertThat(sha256(Files.readAllBytes(fileOf(store, expected)))).isEqualTo(expected);
            try (InputStream in = new ByteArrayInputStream(content)) {
                assertThat(store.put(in)).isEqualTo(ref);
            }
            assertThat(store.put(content)).isEqualTo(ref);
            assertThat(store.read(ref)).isEqualTo(content);
            Path copy = dir.resolve("copy.bin");
            store.copyTo(ref, copy);
            assertThat(copy).hasBinaryContent(content);
            assertThat(source).hasBinaryContent(content);
            assertThat(store.size()).isEqualTo(1);
        }

        @Test
        void theSameContentTwiceIsStoredOnce() throws IOException {
            ArtifactStore store = store();
            ArtifactRef first = store.put("same".getBytes(UTF_8));
            ArtifactRef second = store.put(new ByteArrayInputStream("same".getBytes(UTF_8)));
            assertThat(second).isEqualTo(first);
            assertThat(store.size()).isEqualTo(1);
            try (Stream<Path> files = Files.walk(store.directory().resolve("sha256"))) {
                assertThat(files.filter(Files::isRegularFile)).containsExactly(fileOf(store, first.sha256()));
            }
            assertThat(tempFiles(store)).isEmpty();
        }

        @Test
        void aStoredFileIsReadOnlyAndStampedByTheClock() throws IOException {
            ArtifactStore store = store();
            ArtifactRef ref = store.put("abc".getBytes(UTF_8));
            Path file = fileOf(store, ref.sha256());
            assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(T0);
            assertThat(Files.getPosixFilePermissions(file)).doesNotContain(PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE)
                    .contains(PosixFilePermission.OWNER_READ);
            clock.advance(Duration.ofHours(1));
            store.put("abc".getBytes(UTF_8));
            assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(T0.plus(Duration.ofHours(1)));
        }

        @Test
        void aStreamThatFailsStoresNothingAndLeavesNoTempFile() throws IOException {
            ArtifactStore store = store();
            InputStream failing = new InputStream() {
                private int left = 100_000;

                @Override
                public int read() throws IOException {
                    if (left-- <= 0) {
                        throw new IOException("network gone");
                    }
                    return 7;
                }
            };
            assertThatThrownBy(() -> store.put(failing))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("Could not put a stream into artifact store " + store.directory()
                            + ": java.io.IOException: network gone");
            assertThat(store.size()).isZero();
            assertThat(tempFiles(store)).isEmpty();
        }

        @Test
        void theStreamIsReadToItsEndButNotClosed() {
            AtomicInteger closes = new AtomicInteger();
            InputStream in = new ByteArrayInputStream("abc".getBytes(UTF_8)) {
                @Override
                public void close() {
                    closes.incrementAndGet();
                }
            };
            assertThat(store().put(in).sha256()).isEqualTo(ABC);
            assertThat(closes).hasValue(0);
        }

        @Test
        void aDirectoryOrAMissingFileIsRefusedNamingIt() {
            ArtifactStore store = store();
            assertThatThrownBy(() -> store.put(dir))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("Cannot put " + dir + " into artifact store " + store.directory()
                            + ": it is a directory, but only a file can be an artifact");
            Path missing = dir.resolve("missing.bin");
            assertThatThrownBy(() -> store.put(missing))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("Cannot put " + missing + " into artifact store " + store.directory()
                            + ": the file cannot be read (java.nio.file.NoSuchFileException: " + missing);
        }

        @Test
        void nullIsRefusedNamingTheArgument() {
            ArtifactStore store = store();
            assertThatThrownBy(() -> store.put((byte[]) null)).hasMessage("content");
            assertThatThrownBy(() -> store.put((Path) null)).hasMessage("file");
            assertThatThrownBy(() -> store.put((InputStream) null)).hasMessage("in");
        }
    }

    @Nested
    class Reading {
        @Test
        void findAndContainsAnswerWithoutFailing() {
            ArtifactStore store = store();
            ArtifactRef ref = store.put("abc".getBytes(UTF_8));
            assertThat(store.find(ref.toString())).contains(ref);
            assertThat(store.find(ABC)).contains(ref);
            assertThat(store.contains(ref)).isTrue();
            assertThat(store.find(EMPTY)).isEmpty();
            assertThat(store.contains(new ArtifactRef(EMPTY, 0))).isFalse();
        }

        @Test
        void aMissingArtifactIsReportedClearly() {
            ArtifactStore store = store();
            ArtifactRef missing = new ArtifactRef(EMPTY, 0);
            String message = "Artifact sha256:" + EMPTY + " is not in artifact store " + store.directory()
                    + " (no file " + fileOf(store, EMPTY) + ")";
            assertThatThrownBy(() -> store.read(missing)).isInstanceOf(StoreException.class).hasMessage(message);
            assertThatThrownBy(() -> store.read(EMPTY)).isInstanceOf(StoreException.class).hasMessage(message);
            assertThatThrownBy(() -> store.open(missing)).isInstanceOf(StoreException.class).hasMessage(message);
            assertThatThrownBy(() -> store.copyTo(missing, dir.resolve("x"))).hasMessage(message);
            assertThat(dir.resolve("x")).doesNotExist();
        }

        @Test
        void aByteFlippedOnDiskIsRefusedNamingTheArtifactItsFileAndWhatItHashedTo() throws Exception {
            ArtifactStore store = store();
            ArtifactRef ref = store.put("abc".getBytes(UTF_8));
            Path file = fileOf(store, ABC);
            flipByte(file, 1);
            String actual = sha256("acc".getBytes(UTF_8));
            String message = "Artifact sha256:" + ABC + " is corrupt: its file " + file + " holds 3 bytes that"
                    + " hash to sha256:" + actual + "; it was modified or truncated on disk. Restore the file"
                    + " from a backup, or delete the artifact and put its original content again";
            assertThatThrownBy(() -> store.read(ref))
                    .isInstanceOfSatisfying(CorruptArtifactException.class, e -> {
                        assertThat(e.sha256()).isEqualTo(ABC);
                        assertThat(e.file()).isEqualTo(file.toString());
                        assertThat(e.actualSha256()).isEqualTo(actual);
                        assertThat(e.actualSize()).isEqualTo(3);
                    })
                    .hasMessage(message);
            assertThatThrownBy(() -> store.read(ABC)).isInstanceOf(CorruptArtifactException.class).hasMessage(message);
        }

        @Test
        void aTruncatedFileIsRefusedByEveryReader() throws Exception {
            ArtifactStore store = store();
            byte[] content = randomBytes(200_000, 7);
            ArtifactRef ref = store.put(content);
            Path file = fileOf(store, ref.sha256());
            truncate(file, 100_000);
            String actual = sha256(java.util.Arrays.copyOf(content, 100_000));

            assertThatThrownBy(() -> store.read(ref)).isInstanceOf(CorruptArtifactException.class)
                    .hasMessageContaining("holds 100000 bytes that hash to sha256:" + actual);
            assertThatThrownBy(() -> store.read(ref.sha256())).isInstanceOf(CorruptArtifactException.class);
            Path target = Files.writeString(dir.resolve("deploy.bin"), "old", UTF_8);
            assertThatThrownBy(() -> store.copyTo(ref, target)).isInstanceOf(CorruptArtifactException.class);
            assertThat(target).hasContent("old");
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                        "artifacts", "deploy.bin");
            }
            try (InputStream in = store.open(ref)) {
                assertThatThrownBy(in::readAllBytes).isInstanceOf(CorruptArtifactException.class);
                assertThatThrownBy(in::read).as("the end keeps failing").isInstanceOf(CorruptArtifactException.class);
            }
        }

        @Test
        void theVerifyingStreamHashesWhatItSkips() throws Exception {
            ArtifactStore store = store();
            byte[] content = randomBytes(10_000, 3);
            ArtifactRef ref = store.put(content);
            try (InputStream in = store.open(ref)) {
                assertThat(in.skip(9_000)).isEqualTo(9_000);
                assertThat(in.read(new byte[10], 0, 0)).isZero();
                assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(content, 9_000, 10_000));
                assertThat(in.read()).isEqualTo(-1);
            }
            flipByte(fileOf(store, ref.sha256()), 10);
            try (InputStream in = store.open(ref)) {
                assertThat(in.skip(9_000)).isEqualTo(9_000);
                assertThatThrownBy(in::readAllBytes).isInstanceOf(CorruptArtifactException.class);
            }
        }

        @Test
        void closingAStreamOrReadingWholeClosesTheFile() throws IOException {
            Path descriptors = Path.of("/proc/self/fd");
            assumeTrue(Files.isDirectory(descriptors), "needs Linux's /proc/self/fd");
            ArtifactStore store = store();
            ArtifactRef ref = store.put("abc".getBytes(UTF_8));
            Path file = fileOf(store, ref.sha256()).toRealPath();
            InputStream in = store.open(ref);
            assertThat(in.read()).isEqualTo('a');
            assertThat(openFiles(descriptors)).contains(file);
            in.close();
            assertThat(openFiles(descriptors)).doesNotContain(file);
            assertThat(store.read(ref)).hasSize(3);
            assertThat(openFiles(descriptors)).doesNotContain(file);
        }

        List<Path> openFiles(Path descriptors) throws IOException {
            List<Path> files = new ArrayList<>();
            try (Stream<Path> fds = Files.list(descriptors)) {
                for (Path fd : fds.toList()) {
                    try {
                        files.add(Files.readSymbolicLink(fd));
                    } catch (IOException e) {
                        // closed while listing
                    }
                }
            }
            return files;
        }

        @Test
        void aRefWhoseSizeIsWrongIsRefused() {
            ArtifactStore store = store();
            store.put("abc".getBytes(UTF_8));
            ArtifactRef wrong = new ArtifactRef(ABC, 4);
            Path file = fileOf(store, ABC);
            String message = "Artifact sha256:" + ABC + " (" + file + ") holds 3 bytes, but the ref asked for says"
                    + " 4 bytes: the ref's size is wrong (its hash matches the content)";
            assertThatThrownBy(() -> store.read(wrong)).isInstanceOf(StoreException.class)
                    .isNotInstanceOf(CorruptArtifactException.class).hasMessage(message);
            assertThatThrownBy(() -> store.copyTo(wrong, dir.resolve("x"))).hasMessage(message);
            assertThat(dir.resolve("x")).doesNotExist();
        }

        @Test
        void copyToReplacesTheTargetAndReportsAFailedWriteNamingIt() throws IOException {
            ArtifactStore store = store();
            ArtifactRef ref = store.put("abc".getBytes(UTF_8));
            Path target = Files.writeString(dir.resolve("t.txt"), "old", UTF_8);
            store.copyTo(ref, target);
            assertThat(target).hasContent("abc");

            Path blocked = Files.writeString(dir.resolve("file"), "x", UTF_8).resolve("below.txt");
            assertThatThrownBy(() -> store.copyTo(ref, blocked))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("Could not copy artifact sha256:" + ABC + " from artifact store "
                            + store.directory() + " to " + blocked + ": ");
        }

        @Test
        void badInputIsRefusedNamingTheArgument() {
            ArtifactStore store = store();
            ArtifactRef ref = new ArtifactRef(ABC, 3);
            assertThatThrownBy(() -> store.read((ArtifactRef) null)).hasMessage("ref");
            assertThatThrownBy(() -> store.read((String) null)).hasMessage("text");
            assertThatThrownBy(() -> store.open((ArtifactRef) null)).hasMessage("ref");
            assertThatThrownBy(() -> store.contains(null)).hasMessage("ref");
            assertThatThrownBy(() -> store.copyTo(null, dir)).hasMessage("ref");
            assertThatThrownBy(() -> store.copyTo(ref, null)).hasMessage("target");
            assertThatThrownBy(() -> store.delete(null)).hasMessage("ref");
            assertThatThrownBy(() -> store.read("sha256:abc")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("but was \"abc\" (3 characters)");
            assertThatThrownBy(() -> store.find("xyz")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("but was \"xyz\"");
        }
    }

    @Nested
    class GarbageCollection {
        @Test
        void keepsTheReferencedDeletesTheRestAndFreesTheirBytes() {
            ArtifactStore store = store();
            ArtifactRef kept = store.put("keep me".getBytes(UTF_8));
            ArtifactRef alsoKept = store.put("abc".getBytes(UTF_8));
            ArtifactRef gone = store.put(new byte[1000]);
            ArtifactRef alsoGone = store.put(new byte[24]);

            GcResult result = store.collectGarbage(Set.of(kept.sha256(), alsoKept.toString(), EMPTY));

            assertThat(result).isEqualTo(new GcResult(2, 1024, 2, 0));
            assertThat(store.contains(kept)).isTrue();
            assertThat(store.contains(alsoKept)).isTrue();
            assertThat(store.contains(gone)).isFalse();
            assertThat(store.contains(alsoGone)).isFalse();
            assertThat(store.size()).isEqualTo(2);
            assertThat(store.read(kept)).isEqualTo("keep me".getBytes(UTF_8));
            assertThat(store.collectGarbage(Set.of())).isEqualTo(new GcResult(2, 10, 0, 0));
            assertThat(store.size()).isZero();
        }

        @Test
        void aGracePeriodKeepsArtifactsPutOrPutAgainWithinIt() {
            ArtifactStore store = store();
            ArtifactRef old = store.put("old".getBytes(UTF_8));
            ArtifactRef refreshed = store.put("refreshed".getBytes(UTF_8));
            clock.advance(Duration.ofMinutes(50));
            ArtifactRef young = store.put("young".getBytes(UTF_8));
            store.put("refreshed".getBytes(UTF_8));
            clock.advance(Duration.ofMinutes(20));

            assertThat(store.collectGarbage(Set.of(), Duration.ofMinutes(21))).isEqualTo(new GcResult(1, 3, 2, 0));
            assertThat(store.contains(old)).isFalse();
            assertThat(store.contains(young)).isTrue();
            assertThat(store.contains(refreshed)).isTrue();
            assertThat(store.collectGarbage(Set.of(young.sha256()), Duration.ofMinutes(20)))
                    .as("exactly 20 minutes old is old enough").isEqualTo(new GcResult(1, 9, 1, 0));
            assertThat(store.contains(refreshed)).isFalse();
        }

        @Test
        void leftoverTempFilesOlderThanTheStatedAgeAreDeleted() throws IOException {
            ArtifactStore store = store();
            Path temp = store.directory().resolve("tmp");
            Path stale = Files.writeString(temp.resolve("put-crashed.tmp"), "half", UTF_8);
            Path borderline = Files.writeString(temp.resolve("put-borderline.tmp"), "half", UTF_8);
            Path fresh = Files.writeString(temp.resolve("put-running.tmp"), "half", UTF_8);
            Files.setLastModifiedTime(stale, FileTime.from(T0.minus(ArtifactStore.TEMP_FILE_MAX_AGE).minusMillis(1)));
            Files.setLastModifiedTime(borderline, FileTime.from(T0.minus(ArtifactStore.TEMP_FILE_MAX_AGE)));
            Files.setLastModifiedTime(fresh, FileTime.from(T0.minusSeconds(60)));
            ArtifactRef ref = store.put("abc".getBytes(UTF_8));

            assertThat(ArtifactStore.TEMP_FILE_MAX_AGE).isEqualTo(Duration.ofHours(24));
            assertThat(store.collectGarbage(Set.of(ref.sha256()))).isEqualTo(new GcResult(0, 0, 1, 1));
            assertThat(stale).doesNotExist();
            assertThat(borderline).exists();
            assertThat(fresh).exists();
        }

        @Test
        void deleteRemovesOneArtifact() {
            ArtifactStore store = store();
            ArtifactRef ref = store.put("abc".getBytes(UTF_8));
            assertThat(store.delete(ref)).isTrue();
            assertThat(store.contains(ref)).isFalse();
            assertThat(store.delete(ref)).isFalse();
            assertThat(store.put("abc".getBytes(UTF_8))).isEqualTo(ref);
            assertThat(store.read(ref)).isEqualTo("abc".getBytes(UTF_8));
        }

        @Test
        void badInputDeletesNothingAndSaysWhy() {
            ArtifactStore store = store();
            ArtifactRef ref = store.put("abc".getBytes(UTF_8));
            assertThatThrownBy(() -> store.collectGarbage(Set.of("sha256:ABC")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("but was \"ABC\"");
            Set<String> withNull = new java.util.HashSet<>();
            withNull.add(null);
            assertThatThrownBy(() -> store.collectGarbage(withNull)).isInstanceOf(NullPointerException.class)
                    .hasMessage("referenced must not contain null");
            assertThatThrownBy(() -> store.collectGarbage(null)).hasMessage("referenced");
            assertThatThrownBy(() -> store.collectGarbage(Set.of(), null)).hasMessage("keepNewerThan");
            assertThatThrownBy(() -> store.collectGarbage(Set.of(), Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("keepNewerThan must not be negative but was PT-1S");
            assertThat(store.contains(ref)).isTrue();
        }

        @Test
        void aLockKeptByAnotherHolderEndsInAClearErrorAfterTheTimeout() {
            Clock stepping = new MutableClock(T0) {
                @Override
                public Instant instant() {
                    advance(Duration.ofMinutes(1));
                    return super.instant();
                }
            };
            ArtifactStore store = ArtifactStore.open(dir.resolve("artifacts"), stepping);
            Path lockFile = store.directory().resolve(".lock");
            try (InterProcessLock held = InterProcessLock.acquire(lockFile, Duration.ZERO)) {
                assertThat(held.isHeld()).isTrue();
                assertThatThrownBy(() -> store.collectGarbage(Set.of()))
                        .isInstanceOf(StoreException.class)
                        .hasMessageStartingWith("Could not collect garbage in artifact store " + store.directory()
                                + ": its lock " + lockFile + " was not taken: Could not lock " + lockFile
                                + " within PT5M");
                assertThatThrownBy(() -> store.put("abc".getBytes(UTF_8)))
                        .isInstanceOf(StoreException.class)
                        .hasMessageStartingWith("Could not put artifact sha256:" + ABC + " in artifact store "
                                + store.directory() + ": its lock " + lockFile + " was not taken: ");
            }
            assertThat(store.size()).isZero();
            assertThat(store.put("abc".getBytes(UTF_8)).sha256()).isEqualTo(ABC);
        }

        @Test
        void aFailureWhileHoldingTheLockIsReportedAndReleasesIt() throws IOException {
            ArtifactStore store = store();
            Path temp = store.directory().resolve("tmp");
            Files.delete(temp);
            Files.writeString(temp, "not a directory", UTF_8);
            assertThatThrownBy(() -> store.collectGarbage(Set.of()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("Could not collect garbage in artifact store " + store.directory() + ": ");
            Files.delete(temp);
            Files.createDirectory(temp);
            assertThat(store.collectGarbage(Set.of())).isEqualTo(new GcResult(0, 0, 0, 0));
        }
    }

    @Nested
    class Concurrency {
        @Test
        void eightThreadsPutTheSameAndDifferentContent() throws Exception {
            ArtifactStore store = store();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<List<ArtifactRef>>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        List<ArtifactRef> refs = new ArrayList<>();
                        for (int i = 0; i < 20; i++) {
                            refs.add(store.put(("shared " + i).getBytes(UTF_8)));
                            refs.add(store.put(("thread " + thread + " item " + i).getBytes(UTF_8)));
                        }
                        return refs;
                    }));
                }
                start.countDown();
                for (Future<List<ArtifactRef>> future : futures) {
                    List<ArtifactRef> refs = future.get(60, TimeUnit.SECONDS);
                    for (int i = 0; i < 20; i++) {
                        assertThat(refs.get(2 * i).sha256()).isEqualTo(sha256(("shared " + i).getBytes(UTF_8)));
                    }
                    for (ArtifactRef ref : refs) {
                        assertThat(store.read(ref)).hasSize((int) ref.size());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(store.size()).isEqualTo(20 + 8 * 20);
            assertThat(tempFiles(store)).isEmpty();
        }

        @Test
        void aPutWaitsForTheLockBeforeItsFinalMoveAndSoDoesItsNoOp() throws Exception {
            ArtifactStore store = store();
            ArtifactRef existing = store.put("existing".getBytes(UTF_8));
            clock.advance(Duration.ofHours(2));
            ExecutorService pool = Executors.newFixedThreadPool(3);
            InterProcessLock held = InterProcessLock.acquire(store.directory().resolve(".lock"), Duration.ZERO);
            try {
                Future<ArtifactRef> fresh = pool.submit(() -> store.put("fresh".getBytes(UTF_8)));
                Future<ArtifactRef> again = pool.submit(() -> store.put("existing".getBytes(UTF_8)));
                Future<GcResult> gc = pool.submit(() -> store.collectGarbage(Set.of()));
                Thread.sleep(300);
                assertThat(held.isHeld()).isTrue();
                assertThat(fresh).isNotDone();
                assertThat(again).isNotDone();
                assertThat(gc).isNotDone();
                assertThat(store.find(sha256("fresh".getBytes(UTF_8)))).as("not moved into place yet").isEmpty();
                assertThat(Files.getLastModifiedTime(fileOf(store, existing.sha256())).toInstant())
                        .as("not refreshed yet").isEqualTo(T0);
                held.close();
                assertThat(fresh.get(30, TimeUnit.SECONDS).size()).isEqualTo(5);
                assertThat(again.get(30, TimeUnit.SECONDS)).isEqualTo(existing);
                assertThat(gc.get(30, TimeUnit.SECONDS).deleted() + gc.get().kept()).as("in whichever order they got the lock").isBetween(1L, 2L);
            } finally {
                held.close();
                pool.shutdownNow();
            }
        }

        @Test
        void twoProcessesPutAndCollectInOneDirectoryWhileThisOneDoesToo() throws Exception {
            ArtifactStore store = ArtifactStore.open(dir.resolve("shared"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<Process> children = new ArrayList<>();
            for (String prefix : List.of("shared", "own")) {
                children.add(new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
                        System.getProperty("java.class.path"),
                        ArtifactPutterProcess.class.getName(), store.directory().toString(), prefix, "100")
                        .redirectErrorStream(true).start());
            }
            try {
                for (int i = 0; i < 100; i++) {
                    store.put(("shared " + i).getBytes(UTF_8));
                    store.collectGarbage(Set.of(), Duration.ofHours(1));
                }
                for (Process child : children) {
                    String output = new String(child.getInputStream().readAllBytes(), UTF_8);
                    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
                    assertThat(child.exitValue()).as(output).isZero();
                    List<String> lines = output.lines().toList();
                    assertThat(lines).as(output).hasSize(101).endsWith("DONE");
                    for (String line : lines.subList(0, 100)) {
                        assertThat(store.find(line)).as(line).isPresent();
                        assertThat(store.read(line)).as(line).isNotEmpty();
                    }
                }
            } finally {
                children.forEach(Process::destroyForcibly);
            }
            assertThat(store.size()).isEqualTo(200);
            assertThat(store.read(sha256("own 99".getBytes(UTF_8)))).isEqualTo("own 99".getBytes(UTF_8));
            assertThat(tempFiles(store)).isEmpty();
        }

        @Test
        void aPutRacingACollectionFromAnotherInstanceAlwaysEndsWithItsFile() throws Exception {
            ArtifactStore putter = store();
            ArtifactStore collector = store();
            byte[] content = "raced".getBytes(UTF_8);
            ArtifactRef ref = putter.put(content);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 50; round++) {
                    clock.advance(Duration.ofHours(2)); // the last put is now older than the grace period
                    CountDownLatch start = new CountDownLatch(1);
                    Future<ArtifactRef> put = pool.submit(() -> {
                        start.await();
                        return putter.put(content);
                    });
                    Future<GcResult> gc = pool.submit(() -> {
                        start.await();
                        return collector.collectGarbage(Set.of(), Duration.ofHours(1));
                    });
                    start.countDown();
                    assertThat(put.get(30, TimeUnit.SECONDS)).isEqualTo(ref);
                    GcResult result = gc.get(30, TimeUnit.SECONDS);
                    assertThat(result.deleted() + result.kept()).as("round %d", round).isEqualTo(1);
                    assertThat(putter.read(ref)).as("round %d: %s", round, result).isEqualTo(content);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
