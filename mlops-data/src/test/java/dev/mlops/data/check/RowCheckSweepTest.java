package dev.mlops.data.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Row checks against a plain recount of the same rule, over random tables (sizes, missing
 * shares, NaN) drawn from one master seed: failing counts, samples, shares and quarantine agree.
 */
class RowCheckSweepTest {
    private static final long MASTER_SEED = 20_261_202L;

    static Stream<Arguments> cases() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int rows = i < 3 ? i : master.nextInt(1, 3_000);
            cases.add(Arguments.of(master.nextLong(), rows));
        }
        return cases.stream();
    }

    private static Table table(long seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        double missing = random.nextDouble() * 0.3;
        NumericColumn.Builder x = NumericColumn.builder("x");
        CategoricalColumn.Builder c = CategoricalColumn.builder("c");
        for (int row = 0; row < rows; row++) {
            if (random.nextDouble() < missing) {
                x.addMissing();
            } else {
                x.add(random.nextDouble() < 0.02 ? Double.NaN : random.nextInt(-20, 120));
            }
            if (random.nextDouble() < missing) {
                c.addMissing();
            } else {
                c.add("k" + random.nextInt(0, Math.max(1, rows / 2)));
            }
        }
        return Table.of(x.build(), c.build());
    }

    @ParameterizedTest(name = "seed {0}, {1} rows")
    @MethodSource("cases")
    void rangeCountsAgreeWithARecount(long seed, int rows) {
        Table table = table(seed, rows);
        NumericColumn x = table.numericColumn("x");
        List<Integer> failing = new ArrayList<>();
        int judged = 0;
        for (int row = 0; row < rows; row++) {
            if (!x.isMissing(row)) {
                judged++;
                if (!(x.get(row) >= 0 && x.get(row) <= 100)) {
                    failing.add(row);
                }
            }
        }
        CheckResult result = Checks.range("x", 0, 100).run(table, CheckContext.defaults());
        String where = "seed " + seed + ", " + rows + " rows";
        if (judged == 0) {
            assertThat(result.verdict()).as(where).isEqualTo(Verdict.NO_DATA);
            return;
        }
        assertThat(result.failingRows()).as(where).isEqualTo(failing.size());
        assertThat(result.sample()).as(where).extracting(FailingRow::row)
                .containsExactlyElementsOf(failing.subList(0, Math.min(failing.size(), CheckContext.DEFAULT_SAMPLE_SIZE)));
        assertThat(result.measured()).as(where).isEqualTo((double) (judged - failing.size()) / judged);
        assertThat(result.passed()).as(where).isEqualTo(failing.isEmpty());
    }

    @ParameterizedTest(name = "seed {0}, {1} rows")
    @MethodSource("cases")
    void uniquenessCountsAgreeWithARecount(long seed, int rows) {
        Table table = table(seed, rows);
        CategoricalColumn c = table.categoricalColumn("c");
        Map<String, Integer> counts = new HashMap<>();
        for (int row = 0; row < rows; row++) {
            if (!c.isMissing(row)) {
                counts.merge(c.get(row), 1, Integer::sum);
            }
        }
        long repeatedRows = counts.values().stream().filter(n -> n > 1).mapToLong(Integer::longValue).sum();
        CheckResult unique = Checks.unique("c").run(table, CheckContext.defaults());
        CheckResult key = Checks.primaryKey("c").run(table, CheckContext.defaults());
        String where = "seed " + seed + ", " + rows + " rows";
        if (counts.isEmpty()) {
            assertThat(unique.verdict()).as(where).isEqualTo(Verdict.NO_DATA);
        } else {
            assertThat(unique.failingRows()).as(where).isEqualTo(repeatedRows);
        }
        if (rows > 0) {
            assertThat(key.failingRows()).as(where).isEqualTo(repeatedRows + c.missingCount());
        }
        CheckResult cardinality = Checks.cardinality("c", 0, Long.MAX_VALUE).run(table, CheckContext.defaults());
        if (!counts.isEmpty()) {
            assertThat(cardinality.measured()).as(where).isEqualTo(counts.size());
        }
    }

    @ParameterizedTest(name = "seed {0}, {1} rows")
    @MethodSource("cases")
    void quarantinePartitionsTheRowsByTheFailingChecks(long seed, int rows) {
        Table table = table(seed, rows);
        CheckSuite suite = CheckSuite.builder("sweep").add(Checks.range("x", 0, 100)).add(Checks.complete("c")).build();
        Quarantine quarantine = suite.quarantine(table);
        CheckReport report = suite.run(table);
        String where = "seed " + seed + ", " + rows + " rows";
        assertThat(quarantine.passing().rowCount() + quarantine.quarantined().rowCount()).as(where).isEqualTo(rows);
        long inRange = quarantine.reasons().stream().filter(r -> r.checks().contains("range(x)")).count();
        long incomplete = quarantine.reasons().stream().filter(r -> r.checks().contains("completeness(c)")).count();
        if (rows > 0) {
            assertThat(incomplete).as(where).isEqualTo(report.result("completeness(c)").failingRows());
        }
        if (report.result("range(x)").verdict() != Verdict.NO_DATA) {
            assertThat(inRange).as(where).isEqualTo(report.result("range(x)").failingRows());
        }
        CheckReport again = suite.run(quarantine.passing());
        if (quarantine.passing().rowCount() > 0 && again.result("range(x)").verdict() != Verdict.NO_DATA) {
            assertThat(again.passed()).as(where + ": " + again.toText()).isTrue();
        }
        assertThat(Objects.requireNonNull(quarantine.quarantinedWithReasons()).rowCount()).isEqualTo(quarantine.reasons().size());
    }
}
