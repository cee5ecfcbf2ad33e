package dev.mlops.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CategoricalProfileTest {

    @Test
    void exactCountsMatchPandas() {
        // /usr/bin/python3 -c "import pandas as pd; s=pd.Series(['b','a','c','a',None,'b','a']);
        //   print(s.count(), s.isna().sum(), s.nunique(), s.value_counts().to_dict())"
        // 6 1 3 {'a': 3, 'b': 2, 'c': 1}
        Table table = Table.builder().categorical("c", "b", "a", "c", "a", null, "b", "a")
                .text("t", "b", "a", "c", "a", null, "b", "a").build();
        for (ColumnProfile column : DatasetProfile.of(table).columns()) {
            CategoricalProfile p = (CategoricalProfile) column;
            assertThat(p.count()).isEqualTo(7);
            assertThat(p.missing()).isEqualTo(1);
            assertThat(p.distinct()).isEqualTo(3);
            assertThat(p.distinctMethod()).isEqualTo(Method.EXACT);
            assertThat(p.topK()).containsExactly(new ItemCount("a", 3, 3, 3), new ItemCount("b", 2, 2, 2),
                    new ItemCount("c", 1, 1, 1));
            assertThat(p.frequency("a")).isEqualTo(3);
            assertThat(p.frequency("zzz")).isZero();
            assertThat(p.frequencyError()).isZero();
            assertThat(p.exactCounts()).hasValueSatisfying(counts -> {
                assertThat(counts).containsExactly(Map.entry("a", 3L), Map.entry("b", 2L), Map.entry("c", 1L));
                assertThatThrownBy(() -> counts.put("d", 1L)).isInstanceOf(UnsupportedOperationException.class);
            });
        }
    }

    @Test
    void typeSharesClassifyEachValueByTheReadersSyntax() {
        Table table = Table.builder()
                .categorical("c", "12", "12", "-3.5e2", "NaN", "TRUE", "false", "2024-01-31", "2024-01-31T12:00:00+01:00",
                        "12345678901234567890", "0x1p3", " 1", "yes", "München", null)
                .text("t", "12", "12", "-3.5e2", "NaN", "TRUE", "false", "2024-01-31", "2024-01-31T12:00:00+01:00",
                        "12345678901234567890", "0x1p3", " 1", "yes", "München", null)
                .build();
        for (ColumnProfile column : DatasetProfile.of(table).columns()) {
            TypeShares shares = ((CategoricalProfile) column).typeShares();
            assertThat(shares).as(column.name()).isEqualTo(new TypeShares(5, 2, 2, 4));
            assertThat(shares.total()).isEqualTo(13);
            assertThat(shares.numericShare()).hasValue(5.0 / 13);
            assertThat(shares.booleanShare()).hasValue(2.0 / 13);
            assertThat(shares.timestampShare()).hasValue(2.0 / 13);
            assertThat(shares.textShare()).hasValue(4.0 / 13);
        }
        CategoricalProfile flags = (CategoricalProfile) DatasetProfile.of(
                Table.builder().bool("b", true, null, false).build()).columns().get(0);
        assertThat(flags.typeShares()).isEqualTo(new TypeShares(0, 2, 0, 0));
        CategoricalProfile none = (CategoricalProfile) DatasetProfile.of(
                Table.builder().categorical("c", (String) null).build()).columns().get(0);
        assertThat(none.typeShares()).isEqualTo(TypeShares.NONE);
        assertThat(none.typeShares().numericShare()).isEmpty();
        assertThatThrownBy(() -> new TypeShares(1, -2, 0, 0)).hasMessageContaining("booleans must not be negative but was -2");
    }

    @Test
    void typeSharesStayExactWhenSketchedAndSurviveMergeAndJson() {
        TextColumn.Builder a = TextColumn.builder("t");
        TextColumn.Builder b = TextColumn.builder("t");
        for (int i = 0; i < 3000; i++) {
            a.add(i % 3 == 0 ? "v" + i : Integer.toString(i));
            b.add(i % 2 == 0 ? "2024-02-" + (10 + i % 19) : "x" + i);
        }
        ProfileOptions options = ProfileOptions.defaults().withExactDistinctLimit(50);
        DatasetProfile first = DatasetProfile.of(Table.of(a.build()), options);
        DatasetProfile second = DatasetProfile.of(Table.of(b.build()), options);
        CategoricalProfile p = (CategoricalProfile) DatasetProfile.fromJson(first.toJson())
                .merge(DatasetProfile.fromJson(second.toJson())).columns().get(0);
        assertThat(p.distinctMethod()).isEqualTo(Method.SKETCH);
        assertThat(p.typeShares()).isEqualTo(new TypeShares(2000, 0, 1500, 2500));
    }

    @Test
    void topKIsCutAndTiesBreakByValue() {
        Table table = Table.builder().categorical("c", "x", "y", "z", "z", "München", "São Paulo").build();
        CategoricalProfile p = (CategoricalProfile) DatasetProfile.of(table, ProfileOptions.defaults().withTopK(3))
                .columns().get(0);
        assertThat(p.topK()).extracting(ItemCount::value).containsExactly("z", "München", "São Paulo");
    }

    @Test
    void booleansCountTrueAndFalse() {
        Table table = Table.builder().bool("b", true, false, true, null, true).build();
        CategoricalProfile p = (CategoricalProfile) DatasetProfile.of(table).columns().get(0);
        assertThat(p.frequency("true")).isEqualTo(3);
        assertThat(p.frequency("false")).isEqualTo(1);
        assertThat(p.missing()).isEqualTo(1);
        assertThat(p.distinct()).isEqualTo(2);
    }

    @Test
    void aboveTheLimitDistinctIsAnHllEstimateWithinItsErrorAndTopKFromTheFrequentItemsSketch() {
        SplittableRandom random = new SplittableRandom(17);
        TextColumn.Builder builder = TextColumn.builder("t");
        Map<String, Long> truth = new HashMap<>();
        for (int i = 0; i < 30_000; i++) {
            // one heavy value and a long tail of about 20,000 distinct values
            String value = random.nextInt(10) == 0 ? "heavy" : "v" + random.nextInt(20_000);
            builder.add(value);
            truth.merge(value, 1L, Long::sum);
        }
        ProfileOptions options = ProfileOptions.defaults().withExactDistinctLimit(100);
        CategoricalProfile p = (CategoricalProfile) DatasetProfile.of(Table.of(builder.build()), options)
                .columns().get(0);
        assertThat(p.distinctMethod()).isEqualTo(Method.SKETCH);
        assertThat(p.exactCounts()).isEmpty();
        long distinct = truth.size();
        // lgK = 12: relative standard error 1.04 / 64 = 1.625%; allow three of them
        assertThat((double) Math.abs(p.distinct() - distinct) / distinct).isLessThan(3 * 0.01625);
        assertThat(distinct).isBetween(p.distinctLowerBound(), p.distinctUpperBound());
        ItemCount first = p.topK().get(0);
        assertThat(first.value()).isEqualTo("heavy");
        for (ItemCount item : p.topK()) {
            assertThat(truth.get(item.value())).isBetween(item.lowerBound(), item.upperBound());
            assertThat(Math.abs(item.count() - truth.get(item.value()))).isLessThanOrEqualTo(p.frequencyError());
        }
    }

    /** Frequent values from the sketch are listed only when guaranteed frequent (issue 16, item 10). */
    @Nested
    class FrequentValues {
        private static final ProfileOptions SMALL_SKETCH = ProfileOptions.defaults().withExactDistinctLimit(100)
                .withFrequentItemsMapSize(64);

        /** 1,000 categories used 20 times each, shuffled: the 50,000 even categories scaled down. */
        private static List<String> even(int categories, int each, long seed) {
            List<String> values = new ArrayList<>();
            for (int c = 0; c < categories; c++) {
                for (int i = 0; i < each; i++) {
                    values.add("c" + c);
                }
            }
            Collections.shuffle(values, new Random(seed));
            return values;
        }

        private static CategoricalProfile profile(List<String> values, ProfileOptions options) {
            TextColumn.Builder builder = TextColumn.builder("t");
            values.forEach(builder::add);
            return (CategoricalProfile) DatasetProfile.of(Table.of(builder.build()), options).columns().get(0);
        }

        @Test
        void evenlyUsedCategoriesListNoValueAndSaySo() {
            CategoricalProfile p = profile(even(1_000, 20, 5), SMALL_SKETCH);

            assertThat(p.topKMethod()).isEqualTo(Method.SKETCH);
            // every true count is 20, within the sketch's error: nothing is guaranteed frequent
            assertThat(p.frequencyError()).isGreaterThanOrEqualTo(20);
            assertThat(p.topK()).isEmpty();
            assertThat(p.noFrequentValue()).isTrue();
        }

        @Test
        void aTrulyFrequentValueIsListedWithBoundsContainingItsCount() {
            List<String> values = new ArrayList<>(even(1_000, 20, 6));
            Map<String, Long> truth = new HashMap<>();
            values.forEach(v -> truth.merge(v, 1L, Long::sum));
            for (int i = 0; i < 4_000; i++) {
                values.add("heavy");
            }
            truth.put("heavy", 4_000L);
            Collections.shuffle(values, new Random(7));

            CategoricalProfile p = profile(values, SMALL_SKETCH);

            assertThat(p.topKMethod()).isEqualTo(Method.SKETCH);
            assertThat(p.noFrequentValue()).isFalse();
            assertThat(p.topK()).extracting(ItemCount::value).containsExactly("heavy");
            for (ItemCount item : p.topK()) {
                assertThat(truth.get(item.value())).isBetween(item.lowerBound(), item.upperBound());
                // guaranteed frequent: even the lower bound exceeds the sketch's maximum error
                assertThat(item.lowerBound()).isGreaterThan(p.frequencyError());
            }
        }

        @Test
        void exactCountsStillListTheMostFrequentValuesHoweverRare() {
            CategoricalProfile p = profile(even(50, 2, 8), ProfileOptions.defaults().withTopK(2));

            assertThat(p.topKMethod()).isEqualTo(Method.EXACT);
            assertThat(p.noFrequentValue()).isFalse();
            assertThat(p.topK()).containsExactly(new ItemCount("c0", 2, 2, 2), new ItemCount("c1", 2, 2, 2));
        }

        @Test
        void mergingKeepsTheRule() {
            List<String> values = even(1_000, 20, 9);
            CategoricalProfile first = profile(values.subList(0, 10_000), SMALL_SKETCH);
            CategoricalProfile second = profile(values.subList(10_000, 20_000), SMALL_SKETCH);

            CategoricalProfile merged = first.merge(second);

            assertThat(merged.topK()).isEmpty();
            assertThat(merged.noFrequentValue()).isTrue();
            assertThat(merged.frequencyError()).isGreaterThanOrEqualTo(20);
        }

        @Test
        void theMapSizeMustBeAPowerOfTwo() {
            assertThatThrownBy(() -> ProfileOptions.defaults().withFrequentItemsMapSize(100))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("frequentItemsMapSize must be a power of 2 in [8, 67108864] but was 100");
        }
    }
}
