package dev.mlops.train.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.Seed;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.SizePolicy;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.Splitters;
import dev.mlops.train.Synthetic;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.experiment.ClassificationTree;
import dev.mlops.train.tracking.RunRecord;
import dev.mlops.train.tracking.TrackingStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectionTest {
    private static final Table DATA = Synthetic.classification(900, 0.05, 31);
    private static final Split SPLIT = Splitters.stratified(SizePolicy.guide(), "class", 3).split(DATA);

    @Test
    void foldsAreDisjointCoveringAndSeeded() {
        for (Folds folds : List.of(Folds.random(5, 1), Folds.stratified(5, "class", 1), Folds.grouped(3, "color", 1))) {
            Split split = folds.splitter().split(DATA);
            Set<Integer> seen = new HashSet<>();
            for (String fold : folds.names()) {
                for (int row : split.rows(fold)) {
                    assertThat(seen.add(row)).as("%s: row %d in two folds", folds, row).isTrue();
                }
            }
            assertThat(seen).as("%s covers every row", folds).hasSize(DATA.rowCount());
            assertThat(folds.splitter().split(DATA).rows("fold-1")).as("seeded").isEqualTo(split.rows("fold-1"));
        }
        Split grouped = Folds.grouped(3, "color", 1).splitter().split(DATA);
        for (String fold : List.of("fold-1", "fold-2", "fold-3")) {
            Table rows = grouped.set(DATA, fold);
            Set<String> colors = new HashSet<>();
            for (int row = 0; row < rows.rowCount(); row++) {
                colors.add(rows.categoricalColumn("color").get(row));
            }
            assertThat(colors).as("one color per fold, each group whole").hasSize(1);
        }
        assertThat(Folds.random(3, 1).names()).containsExactly("fold-1", "fold-2", "fold-3");
    }

    @Test
    void foldsAreChecked() {
        assertThatThrownBy(() -> Folds.random(1, 1)).hasMessageContaining("at least 2 folds");
        assertThatThrownBy(() -> new Folds(3, Folds.Kind.RANDOM, "class", 1)).hasMessageContaining("read no column");
        assertThatThrownBy(() -> new Folds(3, Folds.Kind.STRATIFIED, null, 1)).hasMessageContaining("need a column");
    }

    @Test
    void crossValidationMeasuresEveryFoldAndSummarisesThem() {
        CrossValidationResult result = CrossValidation.run(ClassificationTree.defaults(), DATA, "class",
                Folds.stratified(4, "class", 2), Seed.of(1), List.of(Metrics.accuracy()));

        assertThat(result.perFold()).hasSize(4);
        double[] values = result.perFold().stream().mapToDouble(fold -> fold.get("accuracy")).toArray();
        double mean = Arrays.stream(values).average().orElseThrow();
        double variance = Arrays.stream(values).map(value -> (value - mean) * (value - mean)).sum() / 3;
        assertThat(result.mean().get("accuracy")).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(result.standardDeviation().get("accuracy"))
                .isCloseTo(Math.sqrt(variance), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(result.mean().get("accuracy")).isGreaterThan(0.8);
        assertThat(result.experiment()).isEqualTo("cart(maxDepth=6, minChildWeight=5.0)");
    }

    @Test
    void aGridSearchTriesEveryCombinationAndTouchesTheTestRowsOnce(@TempDir Path dir) {
        TrackingStore store = TrackingStore.open(dir.resolve("store"));
        try {
            SearchResult result = ModelSearch.builder().data(DATA, "class", SPLIT).base("cart")
                    .grid(Map.of("maxDepth", List.of(1, 6))).folds(Folds.stratified(3, "class", 4))
                    .metrics(List.of(Metrics.accuracy())).seed(Seed.of(9)).tracking(store, "search").build().run();

            assertThat(result.trials()).extracting(SearchResult.Trial::experiment).containsExactly(
                    "cart(maxDepth=1, minChildWeight=5.0)", "cart(maxDepth=6, minChildWeight=5.0)");
            assertThat(result.best().experiment()).isEqualTo("cart(maxDepth=6, minChildWeight=5.0)");
            assertThat(result.testAccesses()).hasSize(1);
            assertThat(result.testAccesses().get(0).afterTraining()).isTrue();
            assertThat(result.testAccesses().get(0).rows()).isEqualTo(SPLIT.size("test"));
            assertThat(result.test().get("accuracy")).isGreaterThan(0.8);
            assertThat(result.validation()).containsKey("accuracy");
            RunRecord parent = store.require(result.runId());
            assertThat(parent.params()).containsEntry("best", "cart(maxDepth=6, minChildWeight=5.0)");
            assertThat(parent.metrics()).containsKeys("test.accuracy", "validation.accuracy");
            for (SearchResult.Trial trial : result.trials()) {
                RunRecord child = store.require(trial.runId());
                assertThat(child.tags()).containsEntry(ModelSearch.PARENT_TAG, result.runId());
                assertThat(child.metrics()).containsKeys("cv.accuracy.mean", "cv.accuracy.std");
            }
        } finally {
            store.close();
        }
    }

    @Test
    void aRandomSearchTriesASeededSampleOfTheGrid() {
        ModelSearch.Builder builder = ModelSearch.builder().data(DATA, "class", SPLIT).base("cart(minChildWeight=2.0)")
                .random(Map.of("maxDepth", IntStream.rangeClosed(1, 10).boxed().toList()), 3)
                .folds(Folds.random(2, 4)).metrics(List.of(Metrics.accuracy())).seed(Seed.of(5));

        List<String> trials = builder.build().trials().stream().map(Object::toString).toList();

        assertThat(trials).hasSize(3).doesNotHaveDuplicates().allMatch(spec -> spec.contains("minChildWeight=2.0"));
        assertThat(builder.build().trials().stream().map(Object::toString).toList()).isEqualTo(trials);
    }

    @Test
    void badSearchesAreRefused() {
        ModelSearch.Builder builder = ModelSearch.builder().data(DATA, "class", SPLIT).folds(Folds.random(2, 1))
                .metrics(List.of(Metrics.accuracy()));
        assertThatThrownBy(() -> builder.base("cart").grid(Map.of("maxDepth", List.of())).build())
                .hasMessageContaining("setting 'maxDepth' has no value");
        assertThatThrownBy(() -> builder.base("cart").grid(Map.of("maxDepth", List.of(0))).build())
                .hasMessageContaining("maxDepth");
        assertThatThrownBy(() -> builder.base("no-such-model").grid(Map.of()).build())
                .hasMessageContaining("no-such-model");
        assertThatThrownBy(() -> builder.random(Map.of(), 0)).hasMessageContaining("trials must be at least 1");
        Table tiny = Table.of(NumericColumn.of("x", 1, 2, 3), CategoricalColumn.of("class", "a", "b", "a"));
        assertThatThrownBy(() -> ModelSearch.builder().data(tiny, "class", Splitters.random(SizePolicy.parse(
                "train=0.5,test=0.5"), 1).split(tiny)).base("cart").folds(Folds.random(2, 1))
                .metrics(List.of(Metrics.accuracy())).build()).hasMessageContaining("no set 'validation'");
    }
}
