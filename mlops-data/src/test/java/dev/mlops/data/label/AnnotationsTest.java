package dev.mlops.data.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.JsonLinesFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnnotationsTest {

    @Nested
    class FromCode {
        @Test
        void indexesItemsWorkersAndLabelsInNaturalOrder() {
            Annotations annotations = Annotations.of(Annotation.of("b", "w2", "dog"), Annotation.of("a", "w2", "cat"),
                    Annotation.of("b", "w1", "cat"), Annotation.of("c", "w3", "München"));
            assertThat(annotations.size()).isEqualTo(4);
            assertThat(annotations.items()).containsExactly("a", "b", "c");
            assertThat(annotations.workers()).containsExactly("w1", "w2", "w3");
            assertThat(annotations.labels()).containsExactly("München", "cat", "dog");
            assertThat(annotations.start(1)).isEqualTo(1);
            assertThat(annotations.start(2)).isEqualTo(3);
            assertThat(annotations.start(3)).isEqualTo(4);
            assertThat(annotations.toList()).containsExactly(Annotation.of("a", "w2", "cat"),
                    Annotation.of("b", "w1", "cat"), Annotation.of("b", "w2", "dog"), Annotation.of("c", "w3", "München"));
        }

        @ParameterizedTest
        @ValueSource(longs = {1, 2, 3, 4, 5})
        void anyOrderOfTheSameAnnotationsIsEqual(long seed) {
            List<Annotation> list = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                for (int w = 0; w < 1 + i % 4; w++) {
                    list.add(Annotation.of("item" + i, "worker" + w, "label" + (i * w % 3)));
                }
            }
            List<Annotation> shuffled = new ArrayList<>(list);
            shuffle(shuffled, seed);
            assertThat(Annotations.of(shuffled)).as("seed %d", seed).isEqualTo(Annotations.of(list))
                    .hasSameHashCodeAs(Annotations.of(list));
        }

        @Test
        void aBlankPartIsRefusedNamingIt() {
            assertThatThrownBy(() -> Annotation.of("i", "w", "")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("label must not be blank but was '' (item 'i', worker 'w')");
            assertThatThrownBy(() -> Annotation.of("i", " ", "x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("worker must not be blank but was ' ' (item 'i', label 'x')");
            assertThatThrownBy(() -> Annotation.of("", "w", "x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("item must not be blank");
        }

        @Test
        void aDuplicateItemWorkerPairIsRefusedNamingBothPositions() {
            assertThatThrownBy(() -> Annotations.of(Annotation.of("i", "w", "x"), Annotation.of("j", "w", "x"),
                    Annotation.of("i", "w", "y"))).isInstanceOfSatisfying(AnnotationException.class, e -> {
                        assertThat(e.position()).isEqualTo(2);
                        assertThat(e).hasMessage("annotation 2: worker 'w' labelled item 'i' again (first at annotation"
                                + " 0); each (item, worker) pair may appear once");
                    });
        }

        @Test
        void expectedItemsWithoutAnnotationsAreListedOrRefused() {
            Annotations annotations = Annotations.of(Annotation.of("a", "w", "x"), Annotation.of("c", "w", "x"));
            assertThat(annotations.itemsWithoutAnnotations(List.of("d", "a", "b", "c", "b"))).containsExactly("b", "d");
            assertThat(annotations.requireItems(List.of("c", "a"))).isSameAs(annotations);
            assertThatThrownBy(() -> annotations.requireItems(List.of("a", "b", "c", "d")))
                    .isInstanceOf(AnnotationException.class)
                    .hasMessage("2 of the 4 expected items have no annotation: [b, d]; every expected item needs at"
                            + " least one (item, worker, label) annotation");
        }

        @Test
        void noAnnotationsAreRefused() {
            assertThatThrownBy(() -> Annotations.of(List.of())).isInstanceOf(AnnotationException.class)
                    .hasMessageContaining("no annotations");
        }
    }

    @Nested
    class FromFiles {
        private static final String CSV = "item,worker,label\n"
                + "1,anna,München\n"
                + "1,bob,München\n"
                + "2,anna,São Paulo\n"
                + "1,carl,São Paulo\n"
                + "2,bob,São Paulo\n";

        @Test
        void aCsvFileOfAnnotationsIsAggregatedEndToEnd(@TempDir Path directory) throws IOException {
            Path input = Files.writeString(directory.resolve("annotations.csv"), CSV, StandardCharsets.UTF_8);
            Annotations annotations = Annotations.fromTable(CsvFormat.defaults().read(input));
            assertThat(annotations.items()).containsExactly("1", "2");
            AggregationResult result = LabelAggregators.majorityVote().aggregate(annotations);
            assertThat(result.label("1")).contains("München");
            assertThat(result.label("2")).contains("São Paulo");

            Path output = directory.resolve("consolidated.csv");
            CsvFormat.defaults().write(result.toTable(), output);
            assertThat(Files.readString(output, StandardCharsets.UTF_8)).isEqualTo(
                    "item,label,confidence,agreement,votes,unresolved\n"
                            + "1,München,0.6666666666666666,0.6666666666666666,3,\n"
                            + "2,São Paulo,1,1,2,\n");
        }

        @Test
        void jsonLinesWithOtherColumnNamesWork() {
            String jsonl = "{\"task\":\"t1\",\"annotator\":\"a\",\"answer\":\"yes\"}\n"
                    + "{\"task\":\"t1\",\"annotator\":\"b\",\"answer\":\"no\"}\n"
                    + "{\"task\":\"t1\",\"annotator\":\"c\",\"answer\":\"yes\"}\n";
            Table table = JsonLinesFormat.defaults().read(
                    new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), "labels.jsonl");
            Annotations annotations = Annotations.fromTable(table, "task", "annotator", "answer");
            assertThat(LabelAggregators.majorityVote().aggregate(annotations).label("t1")).contains("yes");
        }

        @Test
        void anEmptyLabelCellIsRefusedNamingTheRowAndColumn() {
            Table table = CsvFormat.defaults().read(new ByteArrayInputStream(
                    "item,worker,label\n1,anna,x\n1,bob,\n".getBytes(StandardCharsets.UTF_8)), "a.csv");
            assertThatThrownBy(() -> Annotations.fromTable(table)).isInstanceOfSatisfying(AnnotationException.class,
                    e -> {
                        assertThat(e.position()).isEqualTo(1);
                        assertThat(e).hasMessageStartingWith("table row 1: column 'label' is missing");
                    });
        }

        @Test
        void aMissingWorkerIsRefusedNamingTheRowAndColumn() {
            Table table = Table.builder().categorical("item", "i", "i", "j").categorical("worker", "a", null, "a")
                    .categorical("label", "x", "y", "x").build();
            assertThatThrownBy(() -> Annotations.fromTable(table)).isInstanceOf(AnnotationException.class)
                    .hasMessageStartingWith("table row 1: column 'worker' is missing");
        }

        @Test
        void aBlankItemOrADuplicateInATableIsRefusedNamingTheRow() {
            Table blank = Table.builder().categorical("item", "i", " ").categorical("worker", "a", "b")
                    .categorical("label", "x", "y").build();
            assertThatThrownBy(() -> Annotations.fromTable(blank)).isInstanceOf(AnnotationException.class)
                    .hasMessage("table row 1: item must not be blank but was ' '");
            Table duplicate = Table.builder().categorical("item", "i", "j", "i").categorical("worker", "a", "a", "a")
                    .categorical("label", "x", "y", "x").build();
            assertThatThrownBy(() -> Annotations.fromTable(duplicate)).isInstanceOf(AnnotationException.class)
                    .hasMessageStartingWith("table row 2: worker 'a' labelled item 'i' again (first at table row 0)");
        }

        @Test
        void theCallerNamesTheRowsPlaceSuchAsTheFileAndLine() {
            Table duplicate = Table.builder().categorical("item", "i", "j", "i").categorical("worker", "a", "a", "a")
                    .categorical("label", "x", "y", "x").build();

            assertThatThrownBy(() -> Annotations.fromTable(duplicate, "item", "worker", "label", row -> "a.csv line " + (row + 2)))
                    .isInstanceOfSatisfying(AnnotationException.class, e -> {
                        assertThat(e).hasMessageStartingWith(
                                "a.csv line 4: worker 'a' labelled item 'i' again (first at a.csv line 2)");
                        assertThat(e.position()).isEqualTo(2);
                    });
        }

        @Test
        void aMissingColumnIsASchemaError() {
            Table table = Table.builder().categorical("item", "i").categorical("who", "a").categorical("label", "x")
                    .build();
            assertThatThrownBy(() -> Annotations.fromTable(table)).isInstanceOf(SchemaException.class)
                    .hasMessageContaining("worker");
        }

        @Test
        void anEmptyTableIsRefused() {
            Table table = Table.builder().categorical("item").categorical("worker").categorical("label").build();
            assertThatThrownBy(() -> Annotations.fromTable(table)).isInstanceOf(AnnotationException.class)
                    .hasMessage("no annotations in the table input; at least one (item, worker, label) annotation is"
                            + " needed");
        }
    }

    private static void shuffle(List<Annotation> list, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    @Test
    void aSeededShuffleSweepNeverChangesAnAggregation() {
        SplittableRandom master = new SplittableRandom(99);
        SyntheticCrowd crowd = SyntheticCrowd.generate(dev.mlops.core.Seed.of(5), SyntheticCrowd.mixedWorkers(), 200, 3);
        AggregationResult expected = LabelAggregators.dawidSkene().aggregate(crowd.annotations);
        for (int round = 0; round < 3; round++) {
            List<Annotation> shuffled = new ArrayList<>(crowd.annotations.toList());
            long seed = master.nextLong();
            shuffle(shuffled, seed);
            assertThat(LabelAggregators.dawidSkene().aggregate(Annotations.of(shuffled))).as("shuffle seed %d", seed)
                    .isEqualTo(expected);
        }
    }
}
