package dev.mlops.monitor.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names, lists and deletes capture files; stateless. */
final class CaptureFiles {

    static final String PREFIX = "capture-";
    static final String SUFFIX = ".jsonl";
    private static final DateTimeFormatter STAMP = DateTimeFormatter
            .ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern NAME =
            Pattern.compile("capture-(\\d{8}T\\d{6}\\.\\d{3}Z)-\\d+\\.jsonl");

    private CaptureFiles() {
    }

    /** The file name for a file opened at {@code start}: time first, then a sequence number. */
    static String name(Instant start, long sequence) {
        return PREFIX + STAMP.format(start) + "-" + String.format(Locale.ROOT, "%06d", sequence)
                + SUFFIX;
    }

    /** The start time in a capture file's name, if it is one. */
    static Optional<Instant> start(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(STAMP.parse(matcher.group(1))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The capture files of a directory, oldest first (their names sort by time). */
    static List<Path> list(Path directory) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory,
                PREFIX + "*" + SUFFIX)) {
            for (Path file : stream) {
                if (start(file).isPresent() && Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list capture files in " + directory + ": "
                    + e, e);
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return files;
    }

    /**
     * Deletes the capture files of {@code directory} other than {@code current} that are older
     * than {@code maxAge} at {@code now} (a file's age counts from the start of the file after
     * it, when it stopped receiving records), then the oldest ones until the total size is at
     * most {@code maxTotalBytes}. {@code current} is never deleted.
     *
     * @return the number of files deleted
     */
    static int applyRetention(Path directory, Path current, Instant now, Duration maxAge,
            long maxTotalBytes) {
        List<Path> files = list(directory);
        List<Path> closed = new ArrayList<>();
        List<Instant> ends = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            total += size(file);
            if (!isSameFile(file, current)) {
                closed.add(file);
                ends.add(i + 1 < files.size() ? start(files.get(i + 1)).orElseThrow() : now);
            }
        }
        int deleted = 0;
        for (int i = 0; i < closed.size(); i++) {
            Path file = closed.get(i);
            boolean tooOld = Duration.between(ends.get(i), now).compareTo(maxAge) > 0;
            if (tooOld || total > maxTotalBytes) {
                total -= size(file);
                delete(file);
                deleted++;
            }
        }
        return deleted;
    }

    private static boolean isSameFile(Path file, Path current) {
        return file.getFileName().equals(current.getFileName());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the size of " + file + ": " + e, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete capture file " + file
                    + " past retention: " + e, e);
        }
    }
}
