package dev.mlops.deploy.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.io.FlushPolicy;
import dev.mlops.deploy.ab.OutcomeLog.MetricKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeLogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    private static final List<String> ARMS = List.of("control", "treatment");

    @Nested
    class InMemory {

        @Test
        void conversionsCountEachUnitOnceAndValuesSumPerUnit() {
            OutcomeLog log = OutcomeLog.inMemory(CLOCK);
            log.assign("u1", "control");
            log.assign("u2", "treatment");
            log.assign("u3", "treatment");
            log.assign("u3", "treatment");
            log.conversion("u2", "purchase");
            log.conversion("u2", "purchase");
            log.value("u2", "revenue", 10.5);
            log.value("u2", "revenue", 2.0);
            log.value("u1", "revenue", 3.0);

            assertThat(log.assignments()).containsExactly(Map.entry("control", 1L), Map.entry("treatment", 2L));
            assertThat(log.arm("u3")).contains("treatment");
            assertThat(log.arm("nobody")).isEmpty();
            assertThat(log.metrics()).containsExactly("purchase", "revenue");
            assertThat(log.kind("purchase")).contains(MetricKind.CONVERSION);
            assertThat(log.kind("revenue")).contains(MetricKind.VALUE);
            assertThat(log.kind("clicks")).isEmpty();
            double[][] purchases = log.outcomes("purchase", ARMS);
            assertThat(purchases[0]).containsExactly(0.0);
            assertThat(purchases[1]).containsExactlyInAnyOrder(1.0, 0.0);
            double[][] revenue = log.outcomes("revenue", ARMS);
            assertThat(revenue[0]).containsExactly(3.0);
            assertThat(revenue[1]).containsExactlyInAnyOrder(12.5, 0.0);
            assertThat(log.outcomes("clicks", List.of("treatment", "other"))[0]).containsExactly(0.0, 0.0);
            assertThat(log.outcomes("clicks", List.of("treatment", "other"))[1]).isEmpty();
            log.close();
        }

        @Test
        void anOutcomeOfAUnitNeverAssignedIsRefused() {
            OutcomeLog log = OutcomeLog.inMemory(CLOCK);

            assertThatThrownBy(() -> log.conversion("u9", "purchase")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("an outcome on metric 'purchase' for unit 'u9', which was never assigned to an arm:"
                            + " log its assignment first (assign(unitId, arm))");
            assertThatThrownBy(() -> log.value("u9", "revenue", 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unit 'u9', which was never assigned");
            assertThat(log.metrics()).isEmpty();
        }

        @Test
        void aUnitMovedToAnotherArmIsRefused() {
            OutcomeLog log = OutcomeLog.inMemory(CLOCK);
            log.assign("u1", "control");

            assertThatThrownBy(() -> log.assign("u1", "treatment")).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("unit 'u1' is already in arm 'control' and cannot be assigned to arm"
                            + " 'treatment': assignment must be sticky");
            assertThat(log.assignments()).containsExactly(Map.entry("control", 1L));
        }

        @Test
        void aMetricKeepsItsKindAndValuesMustBeFinite() {
            OutcomeLog log = OutcomeLog.inMemory(CLOCK);
            log.assign("u1", "control");
            log.conversion("u1", "purchase");

            assertThatThrownBy(() -> log.value("u1", "purchase", 3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("metric 'purchase' is a conversion metric, so it cannot take a value for unit 'u1'");
            log.value("u1", "revenue", 1);
            assertThatThrownBy(() -> log.conversion("u1", "revenue")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("metric 'revenue' is a value metric, so it cannot take a conversion for unit 'u1'");
            assertThatThrownBy(() -> log.value("u1", "revenue", Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("value of metric 'revenue' for unit 'u1' must be finite but was NaN");
            assertThatThrownBy(() -> log.assign(" ", "control")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unitId must not be blank but was ' '");
            assertThatThrownBy(() -> log.assign("u2", "")).hasMessage("arm must not be blank but was ''");
            assertThatThrownBy(() -> log.conversion("u1", "")).hasMessage("metric must not be blank but was ''");
            assertThatThrownBy(() -> log.value("u1", " ", 1)).hasMessage("metric must not be blank but was ' '");
            assertThatThrownBy(() -> log.conversion(" ", "m")).hasMessage("unitId must not be blank but was ' '");
            assertThatThrownBy(() -> log.value("", "m", 1)).hasMessage("unitId must not be blank but was ''");
        }

        @Test
        void sixteenThreadsLogWithoutLosingAnEntry() throws Exception {
            OutcomeLog log = OutcomeLog.inMemory(CLOCK);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 1000; i++) {
                            String unit = thread + "-" + i;
                            log.assign(unit, i % 2 == 0 ? "control" : "treatment");
                            log.assign("shared-" + i, i % 2 == 0 ? "control" : "treatment");
                            log.value(unit, "revenue", 1.0);
                            log.value("shared-" + i, "revenue", 1.0);
                        }
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(log.assignments()).containsEntry("control", 8500L).containsEntry("treatment", 8500L);
            double total = 0;
            for (double[] arm : log.outcomes("revenue", ARMS)) {
                for (double value : arm) {
                    total += value;
                }
            }
            assertThat(total).isEqualTo(32_000.0);
        }
    }

    @Nested
    class OnFile {
        @TempDir
        Path dir;

        @Test
        void entriesGoToJsonLinesAndAReopenedLogContinues() throws Exception {
            Path file = dir.resolve("logs").resolve("checkout-ab.jsonl");
            try (OutcomeLog log = OutcomeLog.open(file, FlushPolicy.EVERY_RECORD, CLOCK)) {
                log.assign("München-1", "control");
                log.assign("München-1", "control");
                log.conversion("München-1", "purchase");
                log.value("München-1", "revenue", 12.25);
            }
            try (OutcomeLog log = OutcomeLog.open(dir.resolve("once.jsonl"), FlushPolicy.ON_CLOSE, CLOCK)) {
                log.assign("u1", "treatment");
            }
            assertThat(Files.readAllLines(dir.resolve("once.jsonl"), StandardCharsets.UTF_8)).containsExactly(
                    "{\"arm\":\"treatment\",\"at\":\"2026-12-07T10:00:00Z\",\"event\":\"assign\",\"unit\":\"u1\"}");
            assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly(
                    "{\"arm\":\"control\",\"at\":\"2026-12-07T10:00:00Z\",\"event\":\"assign\",\"unit\":\"München-1\"}",
                    "{\"at\":\"2026-12-07T10:00:00Z\",\"event\":\"conversion\",\"metric\":\"purchase\","
                            + "\"unit\":\"München-1\"}",
                    "{\"at\":\"2026-12-07T10:00:00Z\",\"event\":\"value\",\"metric\":\"revenue\","
                            + "\"unit\":\"München-1\",\"value\":12.25}");

            try (OutcomeLog log = OutcomeLog.open(file, FlushPolicy.ON_CLOSE, CLOCK)) {
                assertThat(log.arm("München-1")).contains("control");
                assertThat(log.kind("purchase")).contains(MetricKind.CONVERSION);
                log.value("München-1", "revenue", 0.75);
                assertThatThrownBy(() -> log.assign("München-1", "treatment"))
                        .isInstanceOf(IllegalStateException.class);
                assertThat(log.outcomes("revenue", ARMS)[0]).containsExactly(13.0);
            }
            assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(4);
        }

        @Test
        void aBrokenFileIsRefusedNamingTheLine() throws Exception {
            Path file = dir.resolve("bad.jsonl");
            String assign = "{\"event\":\"assign\",\"at\":\"2026-12-07T10:00:00Z\",\"unit\":\"u1\",\"arm\":\"control\"}\n";
            Files.writeString(file, assign + "\n" + "{\"event\":\"value\",\"unit\":\"u2\",\"metric\":\"revenue\","
                    + "\"value\":1}\n", StandardCharsets.UTF_8);

            assertThatThrownBy(() -> OutcomeLog.open(file, FlushPolicy.ON_CLOSE, CLOCK))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(file + " line 3 is not a valid outcome log entry: an outcome on metric"
                            + " 'revenue' for unit 'u2', which was never assigned");
            // the failed open released the file: a repaired file opens
            Files.writeString(file, assign, StandardCharsets.UTF_8);
            OutcomeLog.open(file, FlushPolicy.ON_CLOSE, CLOCK).close();
        }

        @Test
        void otherMalformedLinesAreRefused() throws Exception {
            assertRefused("{\"event\":\"click\",\"unit\":\"u1\"}", "event must be assign, conversion or value but was"
                    + " 'click'");
            assertRefused("{\"event\":\"assign\",\"unit\":\"u1\"}", "arm must not be blank but was ''");
            assertRefused("{\"event\":\"assign\",\"arm\":\"a\"}", "unit must not be blank but was ''");
            assertRefused("not json", "line 1 is not JSON: ");
            Path file = dir.resolve("value.jsonl");
            Files.writeString(file, "{\"event\":\"assign\",\"unit\":\"u1\",\"arm\":\"a\"}\n"
                    + "{\"event\":\"value\",\"unit\":\"u1\",\"metric\":\"m\",\"value\":\"x\"}\n", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> OutcomeLog.open(file, FlushPolicy.ON_CLOSE, CLOCK))
                    .hasMessageEndingWith("line 2 is not a valid outcome log entry: its value is not a number");
        }

        private void assertRefused(String line, String message) throws Exception {
            Path file = Files.createTempFile(dir, "log", ".jsonl");
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> OutcomeLog.open(file, FlushPolicy.ON_CLOSE, CLOCK))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        }
    }
}
