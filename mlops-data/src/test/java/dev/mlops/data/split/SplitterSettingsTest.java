package dev.mlops.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.component.ComponentException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The built-in splitters as components: spec strings, JSON, the registry, and refused settings. */
class SplitterSettingsTest {
    private static final ComponentRegistry REGISTRY = ComponentRegistry.defaults();

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    /** One splitter of every type with settings drawn from the seed. */
    private static List<Splitter> splitters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SizePolicy sizes = sizes(random);
        long draw = random.nextLong();
        String label = "label" + random.nextInt(5);
        String group = random.nextBoolean() ? "group" : "customer id";
        NewestSet newest = random.nextBoolean() ? null : new NewestSet("recent" + random.nextInt(3), 0.05 + random.nextInt(5) / 100.0);
        return List.of(
                Splitters.random(sizes, draw),
                Splitters.stratified(sizes, label, draw, random.nextBoolean() ? SmallClasses.ALLOW : SmallClasses.REFUSE,
                        random.nextBoolean() ? LabelType.CATEGORICAL : LabelType.INFERRED),
                Splitters.grouped(sizes, group, draw),
                Splitters.stratifiedGrouped(sizes, label, group, draw,
                        random.nextBoolean() ? LabelType.CATEGORICAL : LabelType.INFERRED),
                Splitters.temporal(sizes, "time", Duration.ofSeconds(random.nextInt(100_000)), newest));
    }

    private static SizePolicy sizes(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> SizePolicy.guide();
            case 1 -> sets(random);
            default -> SizePolicy.byRowCount(1 + random.nextInt(1000), sets(random), sets(random));
        };
    }

    private static SplitSets sets(SplittableRandom random) {
        int parts = 1 + random.nextInt(4);
        SplitSets.Builder builder = SplitSets.builder();
        int left = 100;
        for (int i = 0; i < parts - 1; i++) {
            int share = 1 + random.nextInt(left - (parts - 1 - i));
            builder.add("set_" + i, share / 100.0);
            left -= share;
        }
        return builder.add("set_last", left / 100.0).build();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everySplitterRoundTripsThroughItsSpecStringAndJson(long seed) {
        List<Splitter> splitters = splitters(seed);
        List<String> types = new ArrayList<>();
        for (Splitter splitter : splitters) {
            ComponentSpec spec = splitter.spec();
            types.add(spec.type());

            assertThat(REGISTRY.create(Splitter.class, spec)).as("%s", spec).isEqualTo(splitter);
            assertThat(REGISTRY.create(Splitter.class, spec.toString())).as("%s", spec).isEqualTo(splitter)
                    .hasSameHashCodeAs(splitter);
            DocumentReader json = Documents.parse(Documents.write(spec.toJson()), "spec");
            assertThat(REGISTRY.read(Splitter.class, json)).as("%s", spec).isEqualTo(splitter);
        }
        assertThat(types).containsExactly("random", "stratified", "grouped", "stratified-grouped", "temporal");
    }

    @Nested
    class Factories {

        @Test
        void theRegistryBuildsWhatTheFactoriesBuild() {
            assertThat(REGISTRY.create(Splitter.class, "stratified(label=class, seed=42)"))
                    .isEqualTo(Splitters.stratified(SizePolicy.guide(), "class", 42));
            assertThat(REGISTRY.create(Splitter.class, "random(sizes=\"train=0.8,test=0.2\", seed=1)"))
                    .isEqualTo(Splitters.random(SplitSets.trainTest(0.8, 0.2), 1));
            assertThat(REGISTRY.create(Splitter.class, "temporal(time=at, gap=P7D, newest={name=recent, fraction=0.1})"))
                    .isEqualTo(Splitters.temporal(SizePolicy.guide(), "at", Duration.ofDays(7), new NewestSet("recent", 0.1)));
            assertThat(REGISTRY.create(Splitter.class, "stratified(label=class, seed=42, smallClasses=ALLOW)"))
                    .isEqualTo(Splitters.stratified(SizePolicy.guide(), "class", 42, SmallClasses.ALLOW));
            assertThat(REGISTRY.create(Splitter.class, "stratified(label=y, seed=42, labelType=categorical)"))
                    .isEqualTo(Splitters.stratified(SizePolicy.guide(), "y", 42, SmallClasses.REFUSE, LabelType.CATEGORICAL));
            assertThat(REGISTRY.create(Splitter.class, "stratified-grouped(label=y, group=g, seed=1, labelType=CATEGORICAL)"))
                    .isEqualTo(Splitters.stratifiedGrouped(SizePolicy.guide(), "y", "g", 1, LabelType.CATEGORICAL));
        }

        @Test
        void specStringsNameEverySettingInOrder() {
            assertThat(Splitters.stratified(SizePolicy.guide(), "class", 42).spec().toString())
                    .isEqualTo("stratified(sizes=guide, label=class, seed=42, smallClasses=refuse, labelType=inferred)");
            assertThat(Splitters.stratifiedGrouped(SizePolicy.guide(), "y", "g", 1, LabelType.CATEGORICAL).spec().toString())
                    .isEqualTo("stratified-grouped(sizes=guide, label=y, group=g, seed=1, labelType=categorical)");
            assertThat(Splitters.temporal(SplitSets.trainTest(0.8, 0.2), "at").spec().toString())
                    .isEqualTo("temporal(sizes=\"train=0.8,test=0.2\", time=at, gap=PT0S)");
            assertThat(Splitters.grouped(SizePolicy.byRowCount(100, SplitSets.trainTest(0.5, 0.5),
                    SplitSets.trainTest(0.9, 0.1)), "g", 1).spec().toString())
                    .isEqualTo("grouped(sizes=\"train=0.5,test=0.5 below 100 rows, else train=0.9,test=0.1\", group=g, seed=1)");
        }

        @Test
        void splittersOfOtherSettingsOrTypesDiffer() {
            assertThat(Splitters.random(SizePolicy.guide(), 1)).isNotEqualTo(Splitters.random(SizePolicy.guide(), 2))
                    .isNotEqualTo(Splitters.stratified(SizePolicy.guide(), "label", 1));
            assertThat(Splitters.grouped(SizePolicy.guide(), "g", 1))
                    .isNotEqualTo(Splitters.stratifiedGrouped(SizePolicy.guide(), "l", "g", 1));
        }
    }

    @Nested
    class BadSettings {

        @Test
        void anUnknownSettingSuggestsTheNearest() {
            assertThatThrownBy(() -> REGISTRY.create(Splitter.class, "stratified(lable=class, seed=1)"))
                    .isInstanceOf(ComponentException.class)
                    .hasMessageContaining("unknown setting 'lable' of Splitter 'stratified'")
                    .hasMessageContaining("'label'")
                    .hasMessageContaining("sizes, label, seed, smallClasses, labelType");
        }

        @Test
        void aNegativeGapIsRefused() {
            assertThatThrownBy(() -> REGISTRY.create(Splitter.class, "temporal(time=at, gap=PT-1S)"))
                    .isInstanceOf(ComponentException.class).hasMessageContaining("gap must not be negative but was PT-1S");
            assertThatThrownBy(() -> Splitters.temporal(SizePolicy.guide(), "at", Duration.ofSeconds(-1), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("gap must not be negative but was PT-1S");
        }

        @Test
        void aBlankOrAbsentColumnIsRefused() {
            assertThatThrownBy(() -> REGISTRY.create(Splitter.class, "stratified(label=\" \", seed=1)"))
                    .isInstanceOf(ComponentException.class).hasMessageContaining("label column must not be blank but was ' '");
            assertThatThrownBy(() -> REGISTRY.create(Splitter.class, "grouped(seed=1)"))
                    .isInstanceOf(ComponentException.class)
                    .hasMessageContaining("the setting 'group' (a column name) is required");
            assertThatThrownBy(() -> REGISTRY.create(Splitter.class, "stratified(label=class)"))
                    .isInstanceOf(ComponentException.class).hasMessageContaining("the setting 'seed'")
                    .hasMessageContaining("is required");
        }

        @Test
        void badSetsTextIsRefusedWithTheForm() {
            assertThatThrownBy(() -> REGISTRY.create(Splitter.class, "random(sizes=\"train=0.8,test\", seed=1)"))
                    .isInstanceOf(ComponentException.class)
                    .hasMessageContaining("sets must be NAME=FRACTION,... such as train=0.7,validation=0.15,test=0.15"
                            + " but the part 'test' of 'train=0.8,test' is not");
            assertThatThrownBy(() -> REGISTRY.create(Splitter.class, "random(sizes=\"train=0.8,test=0.3\", seed=1)"))
                    .isInstanceOf(ComponentException.class)
                    .hasMessageContaining("sets 'train=0.8,test=0.3': fractions must sum to 1");
            assertThatThrownBy(() -> REGISTRY.create(Splitter.class, "random(sizes=\"a=x\", seed=1)"))
                    .isInstanceOf(ComponentException.class).hasMessageContaining("the part 'a=x'");
        }

        @Test
        void aBadSmallClassesPolicyListsTheChoices() {
            assertThatThrownBy(() -> REGISTRY.create(Splitter.class, "stratified(label=c, seed=1, smallClasses=maybe)"))
                    .isInstanceOf(ComponentException.class)
                    .hasMessageContaining("smallClasses must be refuse or allow but was 'maybe'");
        }

        @Test
        void aBadLabelTypeListsTheChoices() {
            assertThatThrownBy(() -> REGISTRY.create(Splitter.class, "stratified(label=c, seed=1, labelType=numeric)"))
                    .isInstanceOf(ComponentException.class)
                    .hasMessageContaining("labelType must be inferred or categorical but was 'numeric'");
        }
    }

    @Nested
    class SizeText {

        @Test
        void everyPolicyReadsBackFromItsText() {
            SizePolicy byRowCount = SizePolicy.byRowCount(7, SplitSets.trainTest(0.5, 0.5), SplitSets.trainTest(0.9, 0.1));

            assertThat(SizePolicy.parse("guide")).isEqualTo(SizePolicy.guide());
            assertThat(SizePolicy.parse(" GUIDE ")).isEqualTo(SizePolicy.guide());
            assertThat(SizePolicy.parse(byRowCount.text())).isEqualTo(byRowCount);
            assertThat(SizePolicy.parse(" train = 0.7 , validation=0.15,test=.15"))
                    .isEqualTo(SplitSets.trainValidationTest(0.7, 0.15, 0.15));
            assertThat(SplitSets.trainValidationTest(0.7, 0.15, 0.15).text()).isEqualTo("train=0.7,validation=0.15,test=0.15");
            assertThat(SizePolicy.guide().text()).isEqualTo("guide");
            assertThat(byRowCount.toString()).isEqualTo("train=0.5,test=0.5 below 7 rows, else train=0.9,test=0.1");
        }

        @Test
        void aByRowCountPolicyNeedsAPositiveThreshold() {
            assertThatThrownBy(() -> SizePolicy.parse("a=1 below 0 rows, else b=1"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("threshold must be positive but was 0");
            assertThatThrownBy(() -> SizePolicy.parse("a=1 below 99999999999 rows, else b=1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the row count in sizes 'a=1 below 99999999999 rows, else b=1' must be an int but was 99999999999");
        }
    }
}
