package dev.mlops.examples.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.monitor.baseline.Baseline;
import dev.mlops.monitor.drift.ColumnDrift;
import dev.mlops.monitor.drift.TableDrift;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequestStreamTest {
    static final Table APPLICANTS = Table.of(NumericColumn.of("age", 23, 31, 52, 67, 44, 38),
            CategoricalColumn.of("housing", "rent", "own", "own", "free", "rent", "own"),
            CategoricalColumn.of("class", "good", "bad", "good", "good", "bad", "good"));

    @Test
    void normalTrafficDealsEveryHeldOutRowOncePerPass() {
        RequestStream stream = new RequestStream(APPLICANTS, List.of("age", "housing"), "class", 3);
        for (int pass = 0; pass < 3; pass++) {
            Set<String> applicants = new HashSet<>();
            for (int i = 0; i < APPLICANTS.rowCount(); i++) {
                applicants.add(stream.next(StreamWindow.Traffic.NORMAL).applicant());
            }
            assertThat(applicants).as("pass %d", pass).hasSize(APPLICANTS.rowCount());
        }
    }

    @Test
    void aRequestCarriesTheFeaturesAndTheLabelArrivesApart() {
        RequestStream.Application first = new RequestStream(APPLICANTS, List.of("age", "housing"), "class", 3)
                .next(StreamWindow.Traffic.NORMAL);
        int row = Integer.parseInt(first.applicant().substring("applicant-".length()));

        assertThat(first.inferenceId()).isEqualTo("req-000001");
        assertThat(first.features().schema().names()).containsExactly("age", "housing");
        assertThat(first.features().numericColumn("age").get(0)).isEqualTo(APPLICANTS.numericColumn("age").get(row));
        assertThat(first.label()).isEqualTo(APPLICANTS.categoricalColumn("class").get(row));
    }

    @Test
    void theDriftedStreamIsMostlyOlderApplicantsAndTheSameForTheSameSeed() {
        RequestStream stream = new RequestStream(APPLICANTS, List.of("age", "housing"), "class", 5);
        RequestStream again = new RequestStream(APPLICANTS, List.of("age", "housing"), "class", 5);
        List<RequestStream.Application> drifted = IntStream.range(0, 2000)
                .mapToObj(i -> stream.next(StreamWindow.Traffic.DRIFTED)).toList();

        long older = drifted.stream().filter(a -> a.features().numericColumn("age").get(0) >= 50).count();
        // 85 % from the 2 older applicants, plus 2 of 6 of the other 15 %: 0.85 + 0.15 * 2 / 6 = 0.9
        assertThat(older / 2000.0).isBetween(0.87, 0.93);
        assertThat(stream.olderApplicants()).isEqualTo(2);
        assertThat(IntStream.range(0, 2000).mapToObj(i -> again.next(StreamWindow.Traffic.DRIFTED).applicant()))
                .containsExactlyElementsOf(drifted.stream().map(RequestStream.Application::applicant).toList());
    }

    /**
     * The stream against the drift tests the operations half runs, on the fixture's credit-g
     * split: for each of a few stream seeds, windows of {@link Operations#REQUESTS_PER_WINDOW}
     * requests in {@link Operations#PLAN}'s order, each compared with the baseline of the training
     * rows as the monitoring job compares a window of the capture.
     */
    @Nested
    class AgainstTheDriftTests {
        static final long MASTER_SEED = 20261208L;
        static DevelopmentFixture.Rows rows;
        static List<String> features;
        static Baseline baseline;
        static TableDrift drift;

        @BeforeAll
        static void baseline() {
            rows = DevelopmentFixture.rows();
            features = rows.train().schema().names().stream()
                    .filter(name -> !name.equals("class") && !name.equals("applied_at")).toList();
            Clock clock = Clock.fixed(Operations.START, ZoneOffset.UTC);
            baseline = Baseline.builder().clock(clock).build(rows.train().select(features.toArray(String[]::new)));
            drift = Operations.drift(baseline.schema(), clock);
        }

        static LongStream seeds() {
            return LongStream.concat(LongStream.of(Operations.SEED), new SplittableRandom(MASTER_SEED).longs(4));
        }

        @ParameterizedTest(name = "stream seed {0}")
        @MethodSource("seeds")
        void normalWindowsStayCleanAndDriftedWindowsFlagAge(long seed) {
            RequestStream stream = new RequestStream(rows.heldOut(), features, "class", seed);
            for (int index = 0; index < Operations.PLAN.size(); index++) {
                StreamWindow.Traffic traffic = Operations.PLAN.get(index);
                int[] drawn = IntStream.range(0, Operations.REQUESTS_PER_WINDOW)
                        .map(i -> stream.next(traffic).row()).toArray();
                List<String> drifted = drift.compare(rows.heldOut().rows(drawn).select(features.toArray(String[]::new)),
                        baseline.profile()).drifted().stream().map(ColumnDrift::column).toList();

                if (traffic == StreamWindow.Traffic.NORMAL) {
                    assertThat(drifted).as("seed %d, window %d of normal traffic", seed, index).isEmpty();
                } else {
                    assertThat(drifted).as("seed %d, window %d of drifted traffic", seed, index).contains("age");
                }
            }
        }
    }

    @Test
    void theArrivedApplicationHoldsTheApplicantAndEveryColumnButTheLabel() {
        Table dated = Table.of(NumericColumn.of("age", 23, 52), CategoricalColumn.of("housing", "rent", "München"),
                TimestampColumn.of("applied_at", Instant.parse("2026-11-02T10:15:00Z"), null),
                CategoricalColumn.of("class", "good", "bad"));
        RequestStream stream = new RequestStream(dated, List.of("age", "housing"), "class", 3);
        List<RequestStream.Application> both = List.of(stream.next(StreamWindow.Traffic.NORMAL),
                stream.next(StreamWindow.Traffic.NORMAL));
        RequestStream.Application first = both.stream().filter(a -> a.row() == 0).findFirst().orElseThrow();
        RequestStream.Application second = both.stream().filter(a -> a.row() == 1).findFirst().orElseThrow();

        assertThat(first.arrived()).containsExactly(entry("applicant", "applicant-0000"), entry("age", 23.0),
                entry("housing", "rent"), entry("applied_at", "2026-11-02T10:15:00Z"));
        assertThat(second.arrived()).containsEntry("housing", "München").containsEntry("applied_at", null)
                .doesNotContainKey("class");
    }

    @Test
    void refusesRowsItCannotDrawFrom() {
        assertThatThrownBy(() -> new RequestStream(APPLICANTS.head(0), List.of("age"), "class", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("held-out rows are empty");
        assertThatThrownBy(() -> new RequestStream(APPLICANTS.rows(0, 1), List.of("age"), "class", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the held-out rows hold no applicant aged 50.0 or more, so no drifted stream can be drawn");
        assertThatThrownBy(() -> new RequestStream(APPLICANTS, List.of("age", "class"), "class", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a request must not carry the label 'class'");
    }
}
