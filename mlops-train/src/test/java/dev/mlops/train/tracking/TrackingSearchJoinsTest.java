package dev.mlops.train.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TrackingStore#search} writes each condition as a join on the run's row of a keyed table (so that
 * SQLite can start from a selective condition's index, see docs/benchmarks.md "Tracking (issue 18)"):
 * several conditions of each kind at once still combine with "and" and return each run once.
 */
class TrackingSearchJoinsTest {
    @TempDir
    Path directory;

    private TrackingStore store;

    @BeforeEach
    void open() {
        store = TrackingStore.open("jdbc:sqlite::memory:", directory.resolve("artifacts"), Clock.systemUTC());
        for (int i = 0; i < 24; i++) {
            try (ActiveRun run = store.startRun(i % 2 == 0 ? "credit" : "other", RunSpec.builder().name("run-" + i)
                    .param("lr", i % 3 == 0 ? "0.1" : "0.01").param("depth", Integer.toString(i % 4))
                    .tag("team", i % 5 == 0 ? "risk" : "growth").tag("parity", i % 2 == 0 ? "even" : "odd").build())) {
                run.logMetric("auc", i / 24.0, 1).logMetric("loss", 1.0 - i / 24.0, 1);
                run.finish();
            }
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void twoConditionsOfEachKindCombineWithAndAndReturnEachRunOnce() {
        // lr 0.1 and depth 0: runs 0 and 12; team risk: run 0 of those; auc > 0 leaves run 0 out
        RunQuery none = RunQuery.all().param("lr", "0.1").param("depth", "0").tag("team", "risk")
                .tag("parity", "even").metric("auc", RunQuery.Comparison.GREATER, 0.0)
                .metric("loss", RunQuery.Comparison.LESS_OR_EQUAL, 1.0).build();
        assertThat(store.search(none)).isEmpty();

        // runs 0 and 12 again; loss < 1 leaves run 0 (loss 1.0) out
        RunQuery some = RunQuery.all().param("lr", "0.1").param("depth", "0").tag("parity", "even")
                .metric("auc", RunQuery.Comparison.GREATER_OR_EQUAL, 0.0).metric("loss", RunQuery.Comparison.LESS, 1.0)
                .orderByMetric("auc", true).build();
        assertThat(store.search(some)).extracting(run -> run.info().name()).containsExactly("run-12");
    }

    @Test
    void aConditionOnTheOrderingMetricAndOnAnotherKeyOfTheSameTableKeepRunsUnrepeated() {
        RunQuery query = RunQuery.in("credit").metric("auc", RunQuery.Comparison.GREATER, 0.5)
                .metric("auc", RunQuery.Comparison.LESS, 0.9).tag("parity", "even").orderByMetric("auc", false).build();
        assertThat(store.search(query)).extracting(run -> run.info().name())
                .containsExactly("run-14", "run-16", "run-18", "run-20");
    }

    @Test
    void theSameConditionTwiceFindsWhatItFindsOnce() {
        List<RunRecord> once = store.search(RunQuery.all().param("lr", "0.1").build());
        assertThat(store.search(RunQuery.all().param("lr", "0.1").param("lr", "0.1").tag("parity", "odd")
                .tag("parity", "odd").build()))
                .extracting(RunRecord::id)
                .containsExactlyElementsOf(once.stream().filter(run -> "odd".equals(run.tags().get("parity")))
                        .map(RunRecord::id).toList())
                .doesNotHaveDuplicates()
                .hasSize(4);
    }
}
