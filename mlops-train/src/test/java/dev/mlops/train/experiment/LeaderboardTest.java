package dev.mlops.train.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaderboardTest {

    private static LeaderboardRow row(String name, boolean baseline, double accuracy, double lift, long bytes,
            String mark, String failure) {
        Map<String, Double> metrics = failure == null ? Map.of("accuracy", accuracy) : Map.of();
        return new LeaderboardRow(name, baseline, null, metrics, metrics, lift, 12.34, 56.78, bytes, mark, failure);
    }

    @Test
    void printsOneAlignedLinePerExperimentWithRanksMetricsLiftTimesSizeAndMark() {
        Leaderboard board = new Leaderboard("accuracy", true, List.of("accuracy"), List.of(
                row("cart(maxDepth=6)", false, 0.875, 0.175, 9_999, "", null),
                row("baseline", true, 0.7, 0, 10_000, "not significant (p = 0.20)", null),
                row("big", false, 0.6, -0.1, 12_345_678, "", null),
                row("broken()", false, 0, 0, -1, "", "IllegalStateException: no")));

        assertThat(board.toText()).isEqualTo(String.join("\n",
                "#  experiment           accuracy     lift  p50 µs  p99 µs    size",
                "1  cart(maxDepth=6)       0.8750  +0.1750    12.3    56.8  9999 B",
                "2  baseline [baseline]    0.7000  +0.0000    12.3    56.8   10 kB  not significant (p = 0.20)",
                "3  big                    0.6000  -0.1000    12.3    56.8   12 MB",
                "-  broken()                                                        failed: IllegalStateException: no",
                ""));
    }

    @Test
    void sizesSwitchUnitsAtTenThousandAndTenMillionBytes() {
        Leaderboard board = new Leaderboard("accuracy", true, List.of("accuracy"), List.of(
                row("a", false, 0.5, 0, 0, "", null), row("b", false, 0.5, 0, 9_999_999, "", null),
                row("c", false, 0.5, 0, 10_000_000, "", null)));

        List<String> sizes = board.toText().lines().skip(1).map(line -> line.substring(line.lastIndexOf("  ") + 2))
                .toList();
        assertThat(sizes).containsExactly("0 B", "9999 kB", "10 MB");
    }

    @Test
    void theBestModelIsTheFirstRowThatIsNeitherABaselineNorFailed() {
        Leaderboard board = new Leaderboard("accuracy", true, List.of("accuracy"), List.of(
                row("base", true, 0.9, 0, 1, "", null), row("broken", false, 0, 0, 1, "", "x"),
                row("model", false, 0.8, -0.1, 1, "", null)));

        assertThat(board.bestModel()).map(LeaderboardRow::experiment).contains("model");
        assertThat(new Leaderboard("accuracy", true, List.of("accuracy"), List.of(row("base", true, 0.9, 0, 1, "",
                null))).bestModel()).isEmpty();
    }

    @Test
    void aMissingMetricPrintsAsAnEmptyCell() {
        LeaderboardRow partial = new LeaderboardRow("m", false, "run", Map.of(), Map.of("accuracy", 0.5), 0.0, 1, 2, 3,
                "", null);
        Leaderboard board = new Leaderboard("accuracy", true, List.of("accuracy", "auc"), List.of(partial));

        assertThat(board.toText().lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("1  m             0.5000       +0.0000     1.0     2.0   3 B");
    }

    @Test
    void testSetAccessesCountAfterTheLastTrainingStepOnly() {
        assertThat(new TestSetAccess("m", 10, 5, 4).afterTraining()).isTrue();
        assertThat(new TestSetAccess("m", 10, 4, 4).afterTraining()).isFalse();
        assertThat(new TestSetAccess("m", 0, 5, 4).rows()).isZero();
        assertThatThrownBy(() -> new TestSetAccess("m", -1, 5, 4)).hasMessageContaining("rows must be at least 0");
    }

    @Test
    void aResultKnowsItsSizeOrSaysItCannotTell() {
        ExperimentResult unknown = new ExperimentResult(new ConstantModel(), ConstantModel.table(1), Map.of("a", 1.0),
                -1);
        assertThat(unknown.modelBytes()).isEqualTo(-1);
        assertThatThrownBy(() -> new ExperimentResult(new ConstantModel(), ConstantModel.table(1), Map.of("a", 1.0), -2))
                .hasMessageContaining("modelBytes must be -1");
        assertThatThrownBy(() -> new ExperimentResult(new ConstantModel(), ConstantModel.table(1), Map.of(), 1))
                .hasMessageContaining("at least one metric");
    }
}
