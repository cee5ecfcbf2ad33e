package dev.mlops.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.SchemaException;
import dev.mlops.data.split.Guarantee;
import dev.mlops.data.split.ItemKeys;
import dev.mlops.data.split.SizePolicy;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.SplitException;
import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.Splitters;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class TribuoSplitsTest {
    private static final LabelFactory FACTORY = new LabelFactory();
    private static final SplitSets SEVENTY_FIFTEEN_FIFTEEN = SplitSets.trainValidationTest(0.7, 0.15, 0.15);
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final String[] CLASSES = {"bad", "good", "neutral"};

    /**
     * A dataset of {@code size} examples over three unbalanced classes (5:3:2), two features that
     * separate the classes, and metadata: a unique {@code id}, a {@code customer} (one of
     * size / 5) and an ISO-8601 {@code time}, an hour apart in a shuffled order.
     */
    static MutableDataset<Label> dataset(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("in-memory test data", OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0,
                        ZoneOffset.UTC), FACTORY), FACTORY);
        int customers = Math.max(1, size / 5);
        for (int i = 0; i < size; i++) {
            int position = i % 10;
            int cls = position < 5 ? 0 : position < 8 ? 1 : 2;
            Map<String, Object> metadata = new HashMap<>();
            metadata.put("id", i);
            metadata.put("customer", "c" + random.nextInt(customers));
            metadata.put("time", START.plusSeconds(3600L * ((i * 7919L) % size)).toString());
            dataset.add(new ArrayExample<>(new Label(CLASSES[cls]), new String[] {"x1", "x2"},
                    new double[] {cls * 2.0 + random.nextDouble(), -cls + random.nextDouble()}, metadata));
        }
        return dataset;
    }

    static TribuoSplit<Label> stratified(Dataset<Label> dataset, long seed) {
        return TribuoSplits.split(dataset, Splitters.stratified(SEVENTY_FIFTEEN_FIFTEEN, TribuoKeys.LABEL, seed),
                TribuoKeys.label());
    }

    static Object meta(Example<Label> example, String field) {
        return example.getMetadataValue(field).orElseThrow();
    }

    static List<Object> values(Dataset<Label> dataset, String field) {
        List<Object> values = new ArrayList<>();
        for (Example<Label> example : dataset) {
            values.add(meta(example, field));
        }
        return values;
    }

    static Map<String, Integer> classCounts(Dataset<Label> dataset) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Example<Label> example : dataset) {
            counts.merge(example.getOutput().getLabel(), 1, Integer::sum);
        }
        return counts;
    }

    @Nested
    class Stratified {
        private final MutableDataset<Label> dataset = dataset(200, 1);

        @Test
        void setsHaveTheirSharesOfEveryClassWithinOneExample() {
            TribuoSplit<Label> split = stratified(dataset, 42);

            assertThat(split.sets().keySet()).containsExactly("train", "validation", "test");
            Map<String, Integer> total = classCounts(dataset);
            assertThat(total).containsEntry("bad", 100).containsEntry("good", 60).containsEntry("neutral", 40);
            for (int s = 0; s < 3; s++) {
                String set = SEVENTY_FIFTEEN_FIFTEEN.names().get(s);
                double share = SEVENTY_FIFTEEN_FIFTEEN.fractions().get(s);
                Map<String, Integer> counts = classCounts(split.set(set));
                for (String cls : CLASSES) {
                    assertThat((double) counts.get(cls)).as("class %s in %s", cls, set)
                            .isCloseTo(total.get(cls) * share, within(1.0));
                }
                assertThat(split.set(set).size()).as("size of %s", set).isEqualTo(split.split().size(set))
                        .isCloseTo((int) Math.round(200 * share), within(3));
            }
            assertThat(split.split().report().holds(Guarantee.CLASS_COUNTS_WITHIN_ONE_ROW)).isTrue();
        }

        @Test
        void everyExampleIsInExactlyOneSet() {
            TribuoSplit<Label> split = stratified(dataset, 42);

            List<Object> ids = new ArrayList<>();
            split.sets().values().forEach(set -> ids.addAll(values(set, "id")));
            assertThat(ids).doesNotHaveDuplicates().hasSize(200).containsExactlyInAnyOrderElementsOf(values(dataset, "id"));
        }

        @Test
        void theSameSeedGivesTheSameSetsAndAnotherSeedOthers() {
            TribuoSplit<Label> first = stratified(dataset, 42);
            TribuoSplit<Label> again = stratified(dataset(200, 1), 42);
            TribuoSplit<Label> other = stratified(dataset, 43);

            assertThat(again.split()).isEqualTo(first.split());
            for (String set : first.split().setNames()) {
                assertThat(values(again.set(set), "id")).isEqualTo(values(first.set(set), "id"));
            }
            assertThat(values(other.set("test"), "id")).isNotEqualTo(values(first.set("test"), "id"));
        }

        @Test
        void setsHoldCopiesOfTheExamplesInTheDatasetsOrder() {
            TribuoSplit<Label> split = stratified(dataset, 7);

            MutableDataset<Label> test = split.set("test");
            int[] rows = split.split().rows("test");
            for (int i = 0; i < rows.length; i++) {
                Example<Label> original = dataset.getExample(rows[i]);
                Example<Label> copy = test.getExample(i);
                assertThat(copy).isNotSameAs(original);
                assertThat(copy.getOutput()).isEqualTo(original.getOutput());
                assertThat(copy.getMetadata()).isEqualTo(original.getMetadata());
                assertThat(copy.size()).isEqualTo(original.size());
            }
        }

        @Test
        void densifyingASetChangesNeitherTheOriginalNorAnotherSet() {
            MutableDataset<Label> sparse = dataset(60, 2);
            for (int i = 0; i < sparse.size(); i += 2) {
                sparse.getExample(i).removeFeatures(List.of(sparse.getExample(i).lookup("x2")));
            }
            TribuoSplit<Label> split = stratified(sparse, 5);
            List<Integer> before = new ArrayList<>();
            sparse.forEach(example -> before.add(example.size()));

            split.set("train").densify();

            List<Integer> after = new ArrayList<>();
            sparse.forEach(example -> after.add(example.size()));
            assertThat(after).isEqualTo(before).contains(1);
            assertThat(split.set("train")).allSatisfy(example -> assertThat(example.size()).isEqualTo(2));
            assertThat(split.set("test")).anySatisfy(example -> assertThat(example.size()).isEqualTo(1));
        }

        @Test
        void setsKeepTheSourceProvenanceAndOutputFactory() {
            TribuoSplit<Label> split = stratified(dataset, 7);

            for (MutableDataset<Label> set : split.sets().values()) {
                assertThat(set.getSourceProvenance()).isEqualTo(dataset.getSourceProvenance());
                assertThat(set.getOutputFactory()).isEqualTo(dataset.getOutputFactory());
                assertThat(set.getSourceDescription()).contains("in-memory test data");
            }
        }

        @Test
        void anUnknownLabelIsAMissingLabelAndRefused() {
            MutableDataset<Label> withUnknown = dataset(50, 3);
            withUnknown.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, new String[] {"x1"}, new double[] {1}));

            assertThatThrownBy(() -> stratified(withUnknown, 1)).isInstanceOf(SplitException.class)
                    .hasMessageContaining("label column 'label' is missing a value at row 50");
        }

        @Test
        void anEmptyDatasetIsRefused() {
            MutableDataset<Label> empty = new MutableDataset<>(new SimpleDataSourceProvenance("empty", FACTORY), FACTORY);

            assertThatThrownBy(() -> stratified(empty, 1)).isInstanceOf(SplitException.class);
        }

        static Stream<Arguments> sweep() {
            SplittableRandom master = new SplittableRandom(20_240_101L);
            return Stream.generate(() -> Arguments.of(60 + master.nextInt(240), master.nextLong())).limit(8);
        }

        @ParameterizedTest(name = "size {0}, seed {1}")
        @MethodSource("sweep")
        void everySplitIsAStratifiedPartition(int size, long seed) {
            MutableDataset<Label> data = dataset(size, seed);
            TribuoSplit<Label> split = stratified(data, seed);

            Set<Object> ids = new HashSet<>();
            int total = 0;
            Map<String, Integer> all = classCounts(data);
            for (int s = 0; s < 3; s++) {
                MutableDataset<Label> set = split.set(SEVENTY_FIFTEEN_FIFTEEN.names().get(s));
                ids.addAll(values(set, "id"));
                total += set.size();
                Map<String, Integer> counts = classCounts(set);
                for (String cls : CLASSES) {
                    assertThat((double) counts.getOrDefault(cls, 0)).as("size %s seed %s class %s set %s", size, seed,
                            cls, s).isCloseTo(all.get(cls) * SEVENTY_FIFTEEN_FIFTEEN.fractions().get(s), within(1.0));
                }
            }
            assertThat(total).as("size %s seed %s", size, seed).isEqualTo(size);
            assertThat(ids).as("size %s seed %s", size, seed).hasSize(size);
        }
    }

    @Nested
    class Grouped {
        private final MutableDataset<Label> dataset = dataset(200, 5);

        @Test
        void noCustomerIsInTwoSets() {
            TribuoSplit<Label> split = TribuoSplits.split(dataset,
                    Splitters.grouped(SEVENTY_FIFTEEN_FIFTEEN, "customer", 9), TribuoKeys.metadata("customer"));

            Map<Object, String> setOfCustomer = new HashMap<>();
            int total = 0;
            for (Map.Entry<String, MutableDataset<Label>> set : split.sets().entrySet()) {
                total += set.getValue().size();
                for (Object customer : values(set.getValue(), "customer")) {
                    String previous = setOfCustomer.putIfAbsent(customer, set.getKey());
                    assertThat(previous).as("customer %s", customer).isIn(null, set.getKey());
                }
            }
            assertThat(total).isEqualTo(200);
            assertThat(split.split().report().holds(Guarantee.GROUPS_INTACT)).isTrue();
        }

        @Test
        void labelAndMetadataKeysChainForAStratifiedGroupedSplit() {
            ItemKeys<Example<Label>> keys = TribuoKeys.label().categorical("customer",
                    TribuoKeys.metadataValue("customer"));

            TribuoSplit<Label> split = TribuoSplits.split(dataset,
                    Splitters.stratifiedGrouped(SEVENTY_FIFTEEN_FIFTEEN, TribuoKeys.LABEL, "customer", 9), keys);

            assertThat(split.split().report().holds(Guarantee.GROUPS_INTACT)).isTrue();
            assertThat(split.split().report().classCounts()).containsOnlyKeys(CLASSES);
        }

        @Test
        void aMissingMetadataValueIsRefusedNamingTheFieldAndExample() {
            MutableDataset<Label> missing = dataset(40, 5);
            missing.add(new ArrayExample<>(new Label("good"), new String[] {"x1"}, new double[] {1}));

            assertThatThrownBy(() -> TribuoSplits.split(missing, Splitters.grouped(SEVENTY_FIFTEEN_FIFTEEN, "customer",
                    9), TribuoKeys.metadata("customer"))).isInstanceOf(SplitException.class)
                    .hasMessageContaining("group column 'customer' is missing a value at row 40");
        }

        @Test
        void aColumnTheKeysLackIsRefused() {
            assertThatThrownBy(() -> TribuoSplits.split(dataset, Splitters.grouped(SEVENTY_FIFTEEN_FIFTEEN, "region", 9),
                    TribuoKeys.metadata("customer"))).isInstanceOf(SchemaException.class).hasMessageContaining("region");
        }
    }

    @Nested
    class Temporal {
        private final MutableDataset<Label> dataset = dataset(100, 11);

        @Test
        void setsAreOrderedInTime() {
            TribuoSplit<Label> split = TribuoSplits.split(dataset,
                    Splitters.temporal(SEVENTY_FIFTEEN_FIFTEEN, "time"), TribuoKeys.timestampMetadata("time"));

            Instant previousLatest = Instant.MIN;
            for (String set : List.of("train", "validation", "test")) {
                List<Instant> times = values(split.set(set), "time").stream()
                        .map(value -> Instant.parse((String) value)).sorted().toList();
                assertThat(times).as(set).isNotEmpty();
                assertThat(times.get(0)).as("earliest of %s", set).isAfter(previousLatest);
                previousLatest = times.get(times.size() - 1);
            }
            assertThat(split.set("train").size()).isEqualTo(70);
            assertThat(split.split().report().holds(Guarantee.TIME_ORDERED)).isTrue();
        }

        @Test
        void instantValuesWorkAsWellAsText() {
            MutableDataset<Label> instants = dataset(30, 2);
            for (Example<Label> example : instants) {
                example.setMetadataValue("when", Instant.parse((String) meta(example, "time")));
            }

            TribuoSplit<Label> byText = TribuoSplits.split(instants, Splitters.temporal(SEVENTY_FIFTEEN_FIFTEEN, "time"),
                    TribuoKeys.timestampMetadata("time"));
            TribuoSplit<Label> byInstant = TribuoSplits.split(instants,
                    Splitters.temporal(SEVENTY_FIFTEEN_FIFTEEN, "when"), TribuoKeys.timestampMetadata("when"));

            assertThat(byInstant.split().rows("test")).isEqualTo(byText.split().rows("test"));
        }

        @Test
        void textThatIsNotAnInstantIsRefusedNamingFieldAndValue() {
            MutableDataset<Label> bad = dataset(20, 2);
            bad.getExample(3).setMetadataValue("stamp", "01.02.2024 10:00");

            assertThatThrownBy(() -> TribuoSplits.split(bad, Splitters.temporal(SEVENTY_FIFTEEN_FIFTEEN, "stamp"),
                    TribuoKeys.timestampMetadata("stamp"))).isInstanceOf(SplitException.class)
                    .hasMessageContaining("metadata field 'stamp'").hasMessageContaining("'01.02.2024 10:00'")
                    .hasMessageContaining("ISO-8601");
        }

        @Test
        void aTimeWithoutAZoneIsRefused() {
            MutableDataset<Label> local = dataset(20, 2);
            local.getExample(0).setMetadataValue("stamp", java.time.LocalDateTime.of(2024, 1, 1, 10, 0));

            assertThatThrownBy(() -> TribuoSplits.split(local, Splitters.temporal(SEVENTY_FIFTEEN_FIFTEEN, "stamp"),
                    TribuoKeys.timestampMetadata("stamp"))).isInstanceOf(SplitException.class)
                    .hasMessageContaining("java.time.LocalDateTime");
        }
    }

    @Nested
    class Artifact {
        private final MutableDataset<Label> dataset = dataset(120, 4);

        @Test
        void aSavedSplitAppliedAgainGivesTheSameSets(@TempDir Path dir) {
            TribuoSplit<Label> split = stratified(dataset, 3);
            Path file = dir.resolve("split.json");
            split.split().save(file);

            TribuoSplit<Label> again = TribuoSplits.apply(dataset, Split.load(file));

            assertThat(again.split()).isEqualTo(split.split());
            for (String set : split.split().setNames()) {
                assertThat(values(again.set(set), "id")).isEqualTo(values(split.set(set), "id"));
            }
        }

        @Test
        void applyingASplitToADatasetOfAnotherSizeIsRefused() {
            Split split = stratified(dataset, 3).split();

            assertThatThrownBy(() -> TribuoSplits.apply(dataset(100, 4), split))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("dataset has 100 examples but the split was made for 120 rows");
        }

        @Test
        void anUnknownSetNameListsTheSets() {
            TribuoSplit<Label> split = stratified(dataset, 3);

            assertThatThrownBy(() -> split.set("holdout")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no set named 'holdout'; the sets are [train, validation, test]");
            assertThatThrownBy(() -> split.sets().clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void aRecordWhoseSetsDoNotMatchTheSplitIsRefused() {
            TribuoSplit<Label> split = stratified(dataset, 3);

            assertThatThrownBy(() -> new TribuoSplit<>(split.split(), Map.of("train", split.set("train"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[train, validation, test]");
            Map<String, MutableDataset<Label>> swapped = new HashMap<>(split.sets());
            swapped.put("test", split.set("train"));
            assertThatThrownBy(() -> new TribuoSplit<>(split.split(), swapped))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set 'test' must hold");
        }
    }

    @Nested
    class EndToEnd {
        @Test
        void theSetsTrainAndEvaluateARealModel() {
            MutableDataset<Label> dataset = dataset(300, 8);
            TribuoSplit<Label> split = TribuoSplits.split(dataset,
                    Splitters.stratified(SizePolicy.guide(), TribuoKeys.LABEL, 42), TribuoKeys.label());

            Model<Label> model = new LogisticRegressionTrainer().train(split.set("train"));
            LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, split.set("test"));

            assertThat(evaluation.getPredictions()).hasSize(split.set("test").size());
            assertThat(split.set("test").size()).isCloseTo(45, within(3));
            assertThat(evaluation.accuracy()).isBetween(0.0, 1.0);
            assertThat(model.getProvenance().getDatasetProvenance().getNumExamples())
                    .isEqualTo(split.set("train").size());
            assertThat(model.getProvenance().getDatasetProvenance().getSourceProvenance())
                    .isEqualTo(dataset.getSourceProvenance());
        }
    }
}
