package dev.mlops.core.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.DataFormatException;
import dev.mlops.core.MlopsException;
import dev.mlops.core.io.FlushPolicy;
import dev.mlops.core.io.InterProcessLock;
import dev.mlops.core.io.JsonLinesAppender;
import dev.mlops.core.json.DocumentException;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import dev.mlops.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AuditLog} on a JSON Lines file whose entries form a hash chain, so that editing,
 * removing, inserting or reordering entries is detected by {@link #verify()}.
 *
 * <p>Each line is one entry, a JSON object with the fields {@code sequence} (from 1),
 * {@code time} (ISO-8601), {@code principal}, {@code action}, {@code resource}, {@code outcome}
 * ({@code allowed} or {@code denied}), {@code detail}, {@code previous} (the {@code hash} of the
 * line before, 64 zeros on the first line) and {@code hash}: the SHA-256, in lower-case hex, of
 * the line's other fields written as compact JSON with sorted keys. Every append is forced to
 * storage (fsync) before it returns.
 *
 * <p><b>What this protects against, and what not.</b> {@link #verify()} names the first line
 * that was edited, removed, inserted or moved by someone who changed the file without
 * recomputing the chain: a careless edit, a script that deletes an embarrassing line, a restore
 * that lost entries in the middle. It does <em>not</em> stop a deliberate forger: whoever can
 * write the file can rewrite the whole chain from the edited line on, and it then verifies.
 * Removing entries from the end cannot be told from a log that was never longer, unless the
 * {@linkplain AuditVerification#lastHash() last hash} was kept somewhere the writers cannot
 * reach. Nor does the API protect the file: it has no update or delete, but any process with
 * write access to the file can do both. A team that needs an audit trail its users cannot
 * rewrite keeps it where those users cannot write, for example in PostgreSQL with its own roles
 * (insert-only for the application, no update or delete), or ships the entries to a write-once
 * store.
 *
 * <p>Concurrency: appends from any number of threads are safe (they are serialized by this
 * object). Appends from several processes are safe too: each append holds an
 * {@link InterProcessLock} on the sibling file {@code <name>.lock} while it reads the chain's
 * last line and writes its own, so the chain stays whole. Within one JVM, open each file once
 * and share the log; a second open of the same file is refused. A partial last line left by a
 * writer that died mid-append (in this or another process) is cut off, with a warning, by the
 * next append or open: no append ever acknowledged it.
 */
public final class JsonLinesAuditLog implements AuditLog {

    /** The {@code previous} hash of the first entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAuditLog.class);
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);
    private static final byte NEWLINE = '\n';

    private final Path file;
    private final Path lockFile;
    private final Clock clock;
    private final JsonLinesAppender appender;
    /** Bytes of the file up to the end of the last line this log has seen; guarded by this. */
    private long knownSize;
    private long lastSequence;
    private String lastHash = GENESIS;
    private boolean closed;

    private JsonLinesAuditLog(Path file, Path lockFile, Clock clock, JsonLinesAppender appender) {
        this.file = file;
        this.lockFile = lockFile;
        this.clock = clock;
        this.appender = appender;
    }

    /**
     * Opens the log on a file, creating it and its directories if absent. A last line left
     * partial by a writer that died mid-append is cut off (no append ever acknowledged it).
     *
     * @param file the JSON Lines file
     * @param clock stamps the entries
     * @return the open log; close it to release the file
     * @throws IllegalStateException if this JVM already has the file open
     * @throws UncheckedIOException if the file cannot be created, read or opened
     * @throws MlopsException if the file's last line is not an audit entry
     */
    public static JsonLinesAuditLog open(Path file, Clock clock) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(clock, "clock");
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try (InterProcessLock lock = InterProcessLock.acquire(lockFile, LOCK_TIMEOUT)) {
            JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.EVERY_RECORD);
            JsonLinesAuditLog log = new JsonLinesAuditLog(file, lockFile, clock, appender);
            try {
                synchronized (log) {
                    log.catchUp(lock);
                }
            } catch (RuntimeException e) {
                appender.close();
                throw e;
            }
            return log;
        }
    }

    /** @return the log file */
    public Path file() {
        return file;
    }

    @Override
    public synchronized AuditEntry append(Principal principal, Action action, String resource, Outcome outcome,
            String detail) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Names.checkText("resource", resource);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        if (closed) {
            throw new IllegalStateException("the audit log " + file + " is closed");
        }
        try (InterProcessLock lock = InterProcessLock.acquire(lockFile, LOCK_TIMEOUT)) {
            catchUp(lock);
            AuditEntry entry = new AuditEntry(lastSequence + 1, clock.instant(), principal.name(), action, resource,
                    outcome, detail);
            ObjectNode line = body(entry, lastHash);
            String hash = hash(line);
            line.put("hash", hash);
            appender.append(line);
            lastSequence = entry.sequence();
            lastHash = hash;
            knownSize = Files.size(file);
            return entry;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of the audit log " + file, e);
        }
    }

    @Override
    public List<AuditEntry> entries() {
        List<AuditEntry> entries = new ArrayList<>();
        List<String> lines = completeLines(file);
        for (int i = 0; i < lines.size(); i++) {
            entries.add(parse(lines.get(i), lineSource(i + 1)).entry());
        }
        return Collections.unmodifiableList(entries);
    }

    /**
     * Checks the hash chain of the whole file. A last line without its line break (a writer died
     * mid-append) is not counted.
     *
     * @return the number of intact entries, the last hash, and the first line that breaks the
     *     chain with the reason, if any
     * @throws UncheckedIOException if the file cannot be read
     */
    public AuditVerification verify() {
        return verify(file);
    }

    /**
     * Checks the hash chain of an audit log file without opening it for appending.
     *
     * @param file the log file
     * @return the number of intact entries, the last hash, and the first line that breaks the
     *     chain with the reason, if any
     * @throws UncheckedIOException if the file cannot be read
     */
    public static AuditVerification verify(Path file) {
        Objects.requireNonNull(file, "file");
        List<String> lines = completeLines(file);
        String previous = GENESIS;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            @Nullable String problem = null;
            @Nullable Stored stored = null;
            try {
                stored = parse(lines.get(i), lineSource(number));
            } catch (MlopsException e) {
                problem = "line " + number + " is not an audit entry (edited?): " + e.getMessage();
            }
            if (stored != null) {
                problem = chainProblem(stored, number, previous);
            }
            if (problem != null) {
                return new AuditVerification(file, i, previous, OptionalLong.of(number), problem);
            }
            previous = stored.hash();
        }
        return new AuditVerification(file, lines.size(), previous, OptionalLong.empty(), "");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        appender.close();
    }

    @Override
    public String toString() {
        return "JsonLinesAuditLog[" + file + "]";
    }

    private static @Nullable String chainProblem(Stored stored, int number, String previous) {
        if (!stored.hash().equals(hash(stored.body()))) {
            return "line " + number + " was edited: its content does not match its hash";
        }
        if (!stored.previous().equals(previous)) {
            return "line " + number + " does not follow " + (number == 1 ? "the start of the log" : "line "
                    + (number - 1)) + ": an entry was removed or inserted before it, or the lines were reordered";
        }
        if (stored.entry().sequence() != number) {
            return "line " + number + " holds entry " + stored.entry().sequence() + " where entry " + number
                    + " belongs: entries were removed, inserted or reordered";
        }
        return null;
    }

    /**
     * Reads what other writers appended since this log last looked, keeping the last line's
     * sequence and hash. Must hold the lock on the lock file and this object's monitor.
     */
    private void catchUp(InterProcessLock lock) {
        assert lock.isHeld();
        byte[] added;
        int end;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size < knownSize) {
                throw new MlopsException("the audit log " + file + " shrank from " + knownSize + " to " + size
                        + " bytes while open: entries were removed; see verify()");
            }
            channel.position(knownSize);
            added = Channels.newInputStream(channel).readAllBytes();
            end = lastNewline(added);
            if (end + 1 != added.length) {
                // Every append writes its line in one call under the lock we hold: bytes after the
                // last line break are the remains of a writer that died mid-append.
                channel.truncate(knownSize + end + 1);
                channel.force(true);
                LOG.warn("Cut {} bytes of a partial last line off the audit log {}: a writer died mid-append",
                        added.length - end - 1, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file, e);
        }
        if (end == -1) {
            return;
        }
        String lines = new String(added, 0, end, StandardCharsets.UTF_8);
        Stored last = parse(lines.substring(lines.lastIndexOf('\n') + 1), "audit log " + file + ", last line");
        lastSequence = last.entry().sequence();
        lastHash = last.hash();
        knownSize += end + 1;
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == NEWLINE) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> completeLines(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file, e);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(lines.size() - 1);
        return lines;
    }

    private static ObjectNode body(AuditEntry entry, String previous) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("sequence", entry.sequence());
        node.put("time", entry.time().toString());
        node.put("principal", entry.principal());
        node.put("action", entry.action().name());
        node.put("resource", entry.resource());
        node.put("outcome", entry.outcome().label());
        node.put("detail", entry.detail());
        node.put("previous", previous);
        return node;
    }

    private static String hash(ObjectNode body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(Json.writer().writeValueAsBytes(body)));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash an audit entry", e);
        }
    }

    /**
     * Parses one line.
     *
     * @param line the line's text
     * @param source names the line in messages
     * @throws DataFormatException if it is not JSON
     * @throws DocumentException if it is not an audit entry
     */
    private static Stored parse(String line, String source) {
        JsonNode tree = Documents.parseTree(line, source);
        DocumentReader reader = DocumentReader.of(tree, source);
        Action action;
        try {
            action = Action.of(reader.text("action"));
        } catch (IllegalArgumentException e) {
            throw reader.error("action", "is not valid: " + e.getMessage());
        }
        String outcomeText = reader.text("outcome");
        Outcome outcome = switch (outcomeText) {
            case "allowed" -> Outcome.ALLOWED;
            case "denied" -> Outcome.DENIED;
            case "failed" -> Outcome.FAILED;
            default -> throw reader.error("outcome", "must be \"allowed\", \"denied\" or \"failed\" but was \""
                    + outcomeText + "\"");
        };
        long sequence = reader.longValue("sequence");
        if (sequence < 1) {
            throw reader.error("sequence", "must be at least 1 but was " + sequence);
        }
        AuditEntry entry = new AuditEntry(sequence, reader.instant("time"), reader.text("principal"), action,
                reader.text("resource"), outcome, reader.text("detail"));
        String previous = reader.text("previous");
        String hash = reader.text("hash");
        reader.requireNoOthers();
        return new Stored(entry, previous, hash, body(entry, previous));
    }

    private static String lineSource(int number) {
        return "audit log line " + number;
    }

    /** A parsed line: the entry, its chain fields, and the body its hash covers. */
    private record Stored(AuditEntry entry, String previous, String hash, ObjectNode body) {
    }
}
