package dev.mlops.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.MlopsException;
import dev.mlops.core.json.DocumentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JsonLinesAuditLogTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    static final Principal ALICE = Principal.of("alice");
    static final Action PROMOTE = Action.of("registry.promote");

    @TempDir
    Path dir;

    Path file() {
        return dir.resolve("audit").resolve("audit.jsonl");
    }

    /** Appends entries 1..n for alice on model/m/i. */
    void fill(int n) {
        try (JsonLinesAuditLog log = JsonLinesAuditLog.open(file(), CLOCK)) {
            for (int i = 1; i <= n; i++) {
                log.append(ALICE, PROMOTE, "model/m/" + i, i % 2 == 0 ? Outcome.DENIED : Outcome.ALLOWED,
                        "entry " + i);
            }
        }
    }

    List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(file(), StandardCharsets.UTF_8));
    }

    void rewrite(List<String> lines) throws IOException {
        Files.write(file(), lines, StandardCharsets.UTF_8);
    }

    @Nested
    class Appending {
        @Test
        void entriesReadBackInOrderWithTheClocksTime() {
            Clock ticking = Clock.offset(CLOCK, Duration.ZERO);
            try (AuditLog log = AuditLog.open(file(), ticking)) {
                AuditEntry first = log.append(ALICE, PROMOTE, "model/churn/3", Outcome.DENIED, "no rule allows it");
                AuditEntry second = log.append(Principal.of("São-Paulo"), Action.of("features.read"),
                        "feature/München", Outcome.ALLOWED, "");
                assertThat(first).isEqualTo(new AuditEntry(1, T0, "alice", PROMOTE, "model/churn/3", Outcome.DENIED,
                        "no rule allows it"));
                assertThat(second.sequence()).isEqualTo(2);
                assertThat(log.entries()).containsExactly(first, second);
                assertThatThrownBy(() -> log.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
            }
        }

        @Test
        void everyOutcomeReadsBackFromTheFile() {
            try (AuditLog log = AuditLog.open(file(), CLOCK)) {
                for (Outcome outcome : Outcome.values()) {
                    log.append(ALICE, PROMOTE, "model/churn/3", outcome, outcome.label());
                }
            }
            try (AuditLog log = AuditLog.open(file(), CLOCK)) {
                assertThat(log.entries()).extracting(AuditEntry::outcome).containsExactly(Outcome.ALLOWED,
                        Outcome.DENIED, Outcome.FAILED);
                assertThat(log.entries()).extracting(AuditEntry::detail).containsExactly("allowed", "denied", "failed");
            }
            assertThat(JsonLinesAuditLog.verify(file()).intact()).isTrue();
        }

        @Test
        void theLineIsTheDocumentedJson() throws IOException {
            try (JsonLinesAuditLog log = JsonLinesAuditLog.open(file(), CLOCK)) {
                log.append(ALICE, PROMOTE, "model/churn/3", Outcome.DENIED, "why");
                assertThat(log.file()).isEqualTo(file());
                assertThat(log).hasToString("JsonLinesAuditLog[" + file() + "]");
            }
            // hash: python3 -c "import hashlib;print(hashlib.sha256(b'{\"action\":\"registry.promote\",
            //   \"detail\":\"why\",\"outcome\":\"denied\",\"previous\":\"0...0\",\"principal\":\"alice\",
            //   \"resource\":\"model/churn/3\",\"sequence\":1,\"time\":\"2026-03-01T12:00:00Z\"}').hexdigest())"
            String body = "{\"action\":\"registry.promote\",\"detail\":\"why\",\"outcome\":\"denied\",\"previous\":\""
                    + "0".repeat(64) + "\",\"principal\":\"alice\",\"resource\":\"model/churn/3\",\"sequence\":1,"
                    + "\"time\":\"2026-03-01T12:00:00Z\"}";
            assertThat(lines()).hasSize(1);
            String line = lines().get(0);
            assertThat(line).startsWith(body.substring(0, body.indexOf(",\"outcome\"")) + ",\"hash\":\"")
                    .contains("\"previous\":\"" + JsonLinesAuditLog.GENESIS + "\"");
            assertThat(line.substring(line.indexOf("\"hash\":\"") + 8, line.indexOf("\"hash\":\"") + 8 + 64))
                    .isEqualTo(sha256(body));
        }

        @Test
        void reopeningContinuesTheChain() {
            fill(3);
            try (JsonLinesAuditLog log = JsonLinesAuditLog.open(file(), CLOCK)) {
                assertThat(log.append(ALICE, PROMOTE, "model/m/4", Outcome.ALLOWED, "").sequence()).isEqualTo(4);
                AuditVerification verification = log.verify();
                assertThat(verification.intact()).isTrue();
                assertThat(verification.entries()).isEqualTo(4);
                assertThat(verification.requireIntact()).isSameAs(verification);
            }
        }

        @Test
        void aTornLastLineIsIgnoredAndCutOnReopen() throws IOException {
            fill(2);
            Files.writeString(file(), "{\"sequence\":3,\"ti", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            assertThat(JsonLinesAuditLog.verify(file()).entries()).isEqualTo(2);
            try (JsonLinesAuditLog log = JsonLinesAuditLog.open(file(), CLOCK)) {
                assertThat(log.entries()).hasSize(2);
                assertThat(log.append(ALICE, PROMOTE, "model/m/3", Outcome.ALLOWED, "").sequence()).isEqualTo(3);
                assertThat(log.verify().intact()).isTrue();
            }
        }

        @Test
        void aTornLineLeftByAnotherWriterIsCutBeforeTheNextAppend() throws IOException {
            try (JsonLinesAuditLog log = JsonLinesAuditLog.open(file(), CLOCK)) {
                log.append(ALICE, PROMOTE, "model/m/1", Outcome.ALLOWED, "");
                long whole = Files.size(file());
                Files.writeString(file(), "{\"sequence\":2,\"ti", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                assertThat(log.append(ALICE, PROMOTE, "model/m/2", Outcome.ALLOWED, "").sequence()).isEqualTo(2);
                assertThat(lines()).hasSize(2);
                assertThat(lines().get(1)).startsWith("{\"action\"");
                assertThat(Files.size(file())).isGreaterThan(whole);
                assertThat(log.verify().intact()).isTrue();
            }
        }

        @Test
        void closedLogsRefuseAppends() {
            JsonLinesAuditLog log = JsonLinesAuditLog.open(file(), CLOCK);
            log.close();
            log.close();
            assertThatThrownBy(() -> log.append(ALICE, PROMOTE, "r", Outcome.ALLOWED, ""))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the audit log " + file() + " is closed");
            assertThat(log.entries()).isEmpty();
        }

        @Test
        void badArgumentsAreRefusedBeforeWriting() {
            try (JsonLinesAuditLog log = JsonLinesAuditLog.open(file(), CLOCK)) {
                assertThatThrownBy(() -> log.append(ALICE, PROMOTE, "a b", Outcome.ALLOWED, ""))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("resource must not");
                assertThatThrownBy(() -> log.append(ALICE, PROMOTE, "r", Outcome.ALLOWED, null))
                        .isInstanceOf(NullPointerException.class).hasMessage("detail");
                assertThatThrownBy(() -> log.append(null, PROMOTE, "r", Outcome.ALLOWED, ""))
                        .isInstanceOf(NullPointerException.class).hasMessage("principal");
                assertThatThrownBy(() -> log.append(ALICE, null, "r", Outcome.ALLOWED, ""))
                        .isInstanceOf(NullPointerException.class).hasMessage("action");
                assertThatThrownBy(() -> log.append(ALICE, PROMOTE, "r", null, ""))
                        .isInstanceOf(NullPointerException.class).hasMessage("outcome");
                assertThat(log.entries()).isEmpty();
            }
        }

        @Test
        void aSecondOpenInOneJvmIsRefused() {
            try (JsonLinesAuditLog log = JsonLinesAuditLog.open(file(), CLOCK)) {
                assertThat(log.entries()).isEmpty();
                assertThatThrownBy(() -> JsonLinesAuditLog.open(file(), CLOCK))
                        .isInstanceOf(IllegalStateException.class);
            }
        }

        @Test
        void aLastLineThatIsNoEntryIsRefusedOnOpen() throws IOException {
            Files.createDirectories(file().getParent());
            Files.writeString(file(), "{\"hello\": 1}\n", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> JsonLinesAuditLog.open(file(), CLOCK))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageContaining("audit log");
            // the file was released: it can be opened once repaired
            Files.writeString(file(), "", StandardCharsets.UTF_8);
            try (JsonLinesAuditLog log = JsonLinesAuditLog.open(file(), CLOCK)) {
                assertThat(log.entries()).isEmpty();
            }
        }

        @Test
        void anEmptyLastLineIsRefusedOnOpen() throws IOException {
            fill(1);
            Files.writeString(file(), "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            assertThatThrownBy(() -> JsonLinesAuditLog.open(file(), CLOCK))
                    .isInstanceOf(dev.mlops.core.DataFormatException.class)
                    .hasMessageContaining("audit log " + file() + ", last line")
                    .hasMessageContaining("the text is empty");
            Files.writeString(file(), "\n", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> JsonLinesAuditLog.open(file(), CLOCK))
                    .isInstanceOf(dev.mlops.core.DataFormatException.class);
        }

        @Test
        void aFileThatShrinksWhileOpenIsReported() throws IOException {
            try (JsonLinesAuditLog log = JsonLinesAuditLog.open(file(), CLOCK)) {
                log.append(ALICE, PROMOTE, "r/1", Outcome.ALLOWED, "");
                log.append(ALICE, PROMOTE, "r/2", Outcome.ALLOWED, "");
                List<String> lines = lines();
                rewrite(lines.subList(0, 1));
                assertThatThrownBy(() -> log.append(ALICE, PROMOTE, "r/3", Outcome.ALLOWED, ""))
                        .isInstanceOf(MlopsException.class)
                        .hasMessageStartingWith("the audit log " + file() + " shrank from ")
                        .hasMessageEndingWith(" bytes while open: entries were removed; see verify()");
            }
        }

        @Test
        void theApiHasNoUpdateOrDelete() {
            List<String> names = Arrays.stream(AuditLog.class.getMethods())
                    .filter(m -> !Modifier.isStatic(m.getModifiers()))
                    .map(Method::getName).sorted().collect(Collectors.toList());
            assertThat(names).containsExactly("append", "close", "entries");
        }
    }

    @Nested
    class Verification {
        @Test
        void anUntouchedLogIsIntact() {
            fill(5);
            AuditVerification verification = JsonLinesAuditLog.verify(file());
            assertThat(verification.intact()).isTrue();
            assertThat(verification.entries()).isEqualTo(5);
            assertThat(verification.firstBadLine()).isEmpty();
            assertThat(verification.problem()).isEmpty();
            assertThat(verification.lastHash()).hasSize(64).isNotEqualTo(JsonLinesAuditLog.GENESIS);
            assertThat(verification.file()).isEqualTo(file());
        }

        @Test
        void anEmptyLogIsIntact() throws IOException {
            Files.createDirectories(file().getParent());
            Files.writeString(file(), "", StandardCharsets.UTF_8);
            AuditVerification verification = JsonLinesAuditLog.verify(file());
            assertThat(verification.intact()).isTrue();
            assertThat(verification.entries()).isZero();
            assertThat(verification.lastHash()).isEqualTo(JsonLinesAuditLog.GENESIS);
        }

        @Test
        void anEditedLineIsNamed() throws IOException {
            fill(5);
            List<String> lines = lines();
            lines.set(2, lines.get(2).replace("\"outcome\":\"allowed\"", "\"outcome\":\"denied\""));
            rewrite(lines);
            AuditVerification verification = JsonLinesAuditLog.verify(file());
            assertThat(verification.intact()).isFalse();
            assertThat(verification.firstBadLine()).isEqualTo(OptionalLong.of(3));
            assertThat(verification.entries()).isEqualTo(2);
            assertThat(verification.problem()).isEqualTo("line 3 was edited: its content does not match its hash");
            assertThatThrownBy(verification::requireIntact)
                    .isInstanceOf(MlopsException.class)
                    .hasMessage("audit log " + file() + " fails verification: line 3 was edited: its content does"
                            + " not match its hash");
        }

        @Test
        void anEditedDetailOrTimeIsNamed() throws IOException {
            fill(3);
            List<String> lines = lines();
            lines.set(0, lines.get(0).replace("entry 1", "entry one"));
            rewrite(lines);
            assertThat(JsonLinesAuditLog.verify(file()).firstBadLine()).hasValue(1);
            lines.set(0, lines().get(0).replace("entry one", "entry 1").replace("12:00:00Z", "12:00:01Z"));
            rewrite(lines);
            assertThat(JsonLinesAuditLog.verify(file()).problem()).isEqualTo(
                    "line 1 was edited: its content does not match its hash");
        }

        @Test
        void aLineThatIsNoLongerAnEntryIsNamed() throws IOException {
            fill(3);
            List<String> lines = lines();
            lines.set(1, lines.get(1).replace("\"outcome\":\"denied\"", "\"outcome\":\"maybe\""));
            rewrite(lines);
            AuditVerification verification = JsonLinesAuditLog.verify(file());
            assertThat(verification.firstBadLine()).hasValue(2);
            assertThat(verification.problem()).isEqualTo("line 2 is not an audit entry (edited?): audit log line 2:"
                    + " 'outcome' must be \"allowed\", \"denied\" or \"failed\" but was \"maybe\"");
            lines.set(1, lines.get(1).replace("\"outcome\":\"maybe\"", "\"outcome\":\"denied\",\"note\":1"));
            rewrite(lines);
            assertThat(JsonLinesAuditLog.verify(file()).problem()).startsWith(
                    "line 2 is not an audit entry (edited?): audit log line 2: unknown field 'note'");
            lines.set(1, "not json");
            rewrite(lines);
            assertThat(JsonLinesAuditLog.verify(file()).problem()).startsWith(
                    "line 2 is not an audit entry (edited?): audit log line 2");
            assertThatThrownBy(() -> {
                try (JsonLinesAuditLog log = JsonLinesAuditLog.open(file(), CLOCK)) {
                    log.entries();
                }
            }).isInstanceOf(MlopsException.class).hasMessageContaining("audit log line 2");
        }

        @Test
        void aRemovedLineIsNamed() throws IOException {
            fill(5);
            List<String> lines = lines();
            lines.remove(2);
            rewrite(lines);
            AuditVerification verification = JsonLinesAuditLog.verify(file());
            assertThat(verification.firstBadLine()).hasValue(3);
            assertThat(verification.problem()).isEqualTo("line 3 does not follow line 2: an entry was removed or"
                    + " inserted before it, or the lines were reordered");
        }

        @Test
        void aRemovedFirstLineIsNamed() throws IOException {
            fill(3);
            List<String> lines = lines();
            lines.remove(0);
            rewrite(lines);
            assertThat(JsonLinesAuditLog.verify(file()).problem()).isEqualTo("line 1 does not follow the start of"
                    + " the log: an entry was removed or inserted before it, or the lines were reordered");
        }

        @Test
        void reorderedLinesAreNamed() throws IOException {
            fill(5);
            List<String> lines = lines();
            String fourth = lines.remove(3);
            lines.add(1, fourth);
            rewrite(lines);
            AuditVerification verification = JsonLinesAuditLog.verify(file());
            assertThat(verification.firstBadLine()).hasValue(2);
            assertThat(verification.entries()).isEqualTo(1);
        }

        @Test
        void aCopiedChainWithAWrongSequenceIsNamed() throws IOException {
            fill(2);
            List<String> lines = lines();
            Files.delete(file());
            // a chain whose first line is line 2 of another log and whose previous is forged: rebuilt by
            // hand so that hash and previous agree but the sequence does not
            try (JsonLinesAuditLog log = JsonLinesAuditLog.open(file(), CLOCK)) {
                log.append(ALICE, PROMOTE, "model/m/1", Outcome.ALLOWED, "entry 1");
            }
            String forged = lines.get(1).replace("\"sequence\":2", "\"sequence\":7");
            String body = forged.replaceAll(",\"hash\":\"[0-9a-f]{64}\"", "");
            forged = forged.replaceAll("\"hash\":\"[0-9a-f]{64}\"", "\"hash\":\"" + sha256(body) + "\"");
            List<String> all = lines();
            all.add(forged);
            rewrite(all);
            AuditVerification verification = JsonLinesAuditLog.verify(file());
            assertThat(verification.problem())
                    .isEqualTo("line 2 holds entry 7 where entry 2 belongs: entries were removed, inserted or"
                            + " reordered");
        }

        @Test
        void aMissingFileIsAnIoError() {
            assertThatThrownBy(() -> JsonLinesAuditLog.verify(dir.resolve("none.jsonl")))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("none.jsonl");
        }

        @Test
        void inconsistentResultsAreRefused() {
            assertThatThrownBy(() -> new AuditVerification(file(), 0, "h", OptionalLong.of(1), ""))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a bad line needs a problem and an intact log none, but firstBadLine was"
                            + " OptionalLong[1] and problem ''");
            assertThatThrownBy(() -> new AuditVerification(file(), 0, "h", OptionalLong.empty(), "x"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new AuditEntry(0, T0, "a", PROMOTE, "r", Outcome.ALLOWED, ""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("sequence must be at least 1 but was 0");
        }
    }

    @Nested
    class Concurrency {
        @Test
        void appendsFromManyThreadsKeepTheChain() throws Exception {
            int threads = 4;
            int each = 50;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            try (JsonLinesAuditLog log = JsonLinesAuditLog.open(file(), CLOCK)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Principal who = Principal.of("thread-" + t);
                    futures.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < each; i++) {
                            log.append(who, PROMOTE, "r/" + i, Outcome.ALLOWED, "");
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : futures) {
                    future.get(60, TimeUnit.SECONDS);
                }
                List<AuditEntry> entries = log.entries();
                assertThat(entries).hasSize(threads * each);
                for (int i = 0; i < entries.size(); i++) {
                    assertThat(entries.get(i).sequence()).isEqualTo(i + 1);
                }
                assertThat(log.verify().intact()).isTrue();
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void appendsFromTwoProcessesKeepTheChain() throws Exception {
            int each = 150;
            List<Process> children = new ArrayList<>();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            for (String name : List.of("first", "second")) {
                children.add(new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
                        System.getProperty("java.class.path"),
                        AuditAppenderProcess.class.getName(), file().toString(), name, Integer.toString(each))
                        .redirectErrorStream(true)
                        .start());
            }
            // and this JVM appends at the same time
            try (JsonLinesAuditLog log = JsonLinesAuditLog.open(file(), CLOCK)) {
                for (int i = 0; i < each; i++) {
                    log.append(ALICE, PROMOTE, "item/" + i, Outcome.ALLOWED, "from parent");
                }
            }
            for (Process child : children) {
                assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();
                String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(child.exitValue()).as(output).isZero();
                assertThat(output).contains("DONE");
            }
            AuditVerification verification = JsonLinesAuditLog.verify(file());
            assertThat(verification.problem()).isEmpty();
            assertThat(verification.entries()).isEqualTo(3L * each);
            try (JsonLinesAuditLog log = JsonLinesAuditLog.open(file(), CLOCK)) {
                Map<String, Long> perPrincipal = log.entries().stream()
                        .collect(Collectors.groupingBy(AuditEntry::principal, Collectors.counting()));
                assertThat(perPrincipal).containsOnly(Map.entry("first", (long) each),
                        Map.entry("second", (long) each), Map.entry("alice", (long) each));
            }
        }
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
