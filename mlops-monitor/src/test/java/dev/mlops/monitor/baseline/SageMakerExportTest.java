package dev.mlops.monitor.baseline;

import static dev.mlops.monitor.baseline.BaselineTest.CLOCK;
import static dev.mlops.monitor.baseline.BaselineTest.training;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.profile.ProfileOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export checked field by field against AWS's documented schemas ("Schema for Statistics
 * (statistics.json file)", https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-byoc-statistics.html;
 * "Schema for Constraints (constraints.json file)",
 * https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-byoc-constraints.html): each
 * field's name and JSON type, and its value for {@link BaselineTest#training()}, computed
 * independently with pandas 1.5 (/usr/bin/python3):
 *
 * <pre>
 * import pandas as pd
 * age = pd.Series([23, 35, 41, None, 29, 52, 35, 61, 18, 44, 35, 27], dtype="float64")
 * income = pd.Series([1250.5, -80.25, 3100.0, 2200.75, 0.0, 4800.125, 1999.99, 2750.0, -15.5, 3600.0, 2425.25, 1100.0])
 * salary = pd.Series([52000, 61000, 48000, 75000, 39000, 88000, 57000, 69000, 33000, 91000, 64000, 45000], dtype="float64")
 * city = pd.Series(["München", "Berlin", "São Paulo", "München", "Berlin", "München", "Hamburg", "München", "Berlin",
 *                   "São Paulo", "München", None])
 * def stats(c):
 *     s = c.dropna(); mn, mx = s.min(), s.max()
 *     buckets = []
 *     for i in range(10):
 *         lo = mn + (mx - mn) * i / 10; hi = mx if i == 9 else mn + (mx - mn) * (i + 1) / 10
 *         buckets.append((lo, hi, int(((s &gt;= lo) &amp; ((s &lt;= hi) if i == 9 else (s &lt; hi))).sum())))
 *     return s.count(), c.isna().sum(), s.mean(), s.sum(), s.std(ddof=0), mn, mx, buckets
 * stats(age)    # 11 1 36.36363636363637 400.0 12.039878640831494 18.0 61.0
 *               # [(18.0, 22.3, 1), (22.3, 26.6, 1), (26.6, 30.9, 2), (30.9, 35.2, 3), (35.2, 39.5, 0),
 *               #  (39.5, 43.8, 1), (43.8, 48.1, 1), (48.1, 52.4, 1), (52.4, 56.7, 0), (56.7, 61.0, 1)]
 * stats(income) # 12 0 1927.5720833333332 23130.864999999998 1474.585226028914 -80.25 4800.125
 *               # counts [3, 0, 2, 0, 2, 2, 1, 1, 0, 1], bounds -80.25 + 488.0375 i
 * stats(salary) # 12 0 60166.666666666664 722000.0 17511.107586012055 33000.0 91000.0
 * city.value_counts().to_dict(), city.nunique(), city.notna().mean()
 *               # {'München': 5, 'Berlin': 3, 'São Paulo': 2, 'Hamburg': 1} 4 0.9166666666666666
 * </pre>
 */
class SageMakerExportTest {
    /** The documented statistics.json: each field with its JSON type. */
    private static final String STATISTICS_SCHEMA = """
            {"version": "number", "dataset": {"item_count": "number"},
             "features": [{"name": "string", "inferred_type": "string",
               "numerical_statistics": {"common": {"num_present": "number", "num_missing": "number"},
                 "mean": "number", "sum": "number", "std_dev": "number", "min": "number", "max": "number",
                 "distribution": {"kll": {
                   "buckets": [{"lower_bound": "number", "upper_bound": "number", "count": "number"}],
                   "sketch": {"parameters": {"c": "number", "k": "number"}, "data": [["number"]]}}}},
               "string_statistics": {"common": {"num_present": "number", "num_missing": "number"},
                 "distinct_count": "number",
                 "distribution": {"categorical": {"buckets": [{"value": "string", "count": "number"}]}}}}]}
            """;
    /** The documented constraints.json: each field with its JSON type. */
    private static final String CONSTRAINTS_SCHEMA = """
            {"version": "number",
             "features": [{"name": "string", "inferred_type": "string", "completeness": "number",
               "num_constraints": {"is_non_negative": "boolean"}, "string_constraints": {"domains": ["string"]},
               "monitoringConfigOverrides": {}}],
             "monitoring_config": {"evaluate_constraints": "string", "emit_metrics": "string",
               "datatype_check_threshold": "number", "domain_content_threshold": "number",
               "distribution_constraints": {"perform_comparison": "string", "comparison_threshold": "number",
                 "comparison_method": "string", "categorical_comparison_threshold": "number",
                 "categorical_drift_method": "string"}}}
            """;
    private static final Set<String> TYPES = Set.of("Integral", "Fractional", "String", "Unknown");

    @TempDir
    Path dir;

    private static JsonNode tree(String json) {
        return Documents.parseTree(json, "test");
    }

    private static JsonNode statistics(Baseline baseline) {
        return tree(SageMakerExport.statistics(baseline));
    }

    private static JsonNode constraints(Baseline baseline) {
        return tree(SageMakerExport.constraints(baseline));
    }

    private static JsonNode feature(JsonNode document, String name) {
        for (JsonNode feature : document.get("features")) {
            if (feature.get("name").textValue().equals(name)) {
                return feature;
            }
        }
        return fail("no feature " + name + " in " + document);
    }

    /**
     * Checks that every field of a document is in the documented schema with the documented JSON
     * type, and collects the paths of the fields it has.
     */
    private static void conforms(JsonNode actual, JsonNode schema, String path, Set<String> seen) {
        seen.add(path);
        if (schema.isTextual()) {
            String type = schema.textValue();
            boolean ok = switch (type) {
                case "number" -> actual.isNumber();
                case "string" -> actual.isTextual();
                case "boolean" -> actual.isBoolean();
                default -> false;
            };
            assertThat(ok).as(path + " must be a " + type + " but is " + actual).isTrue();
        } else if (schema.isArray()) {
            assertThat(actual.isArray()).as(path + " must be an array but is " + actual).isTrue();
            for (JsonNode element : actual) {
                conforms(element, schema.get(0), path + "[]", seen);
            }
        } else {
            assertThat(actual.isObject()).as(path + " must be an object but is " + actual).isTrue();
            for (Map.Entry<String, JsonNode> field : actual.properties()) {
                assertThat(schema.has(field.getKey())).as(path + "." + field.getKey() + " is not in the documented"
                        + " schema").isTrue();
                conforms(field.getValue(), schema.get(field.getKey()), path + "." + field.getKey(), seen);
            }
        }
    }

    private static Set<String> paths(JsonNode schema, String path) {
        Set<String> paths = new TreeSet<>();
        paths.add(path);
        if (schema.isArray()) {
            paths.addAll(paths(schema.get(0), path + "[]"));
        } else if (schema.isObject()) {
            schema.properties().forEach(f -> paths.addAll(paths(f.getValue(), path + "." + f.getKey())));
        }
        return paths;
    }

    private static List<Double> numbers(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(v -> values.add(v.doubleValue()));
        return values;
    }

    @Nested
    class Statistics {
        @Test
        void everyDocumentedFieldIsThereWithItsJsonTypeAndNoOther() {
            JsonNode statistics = statistics(BaselineTest.baseline());

            Set<String> seen = new TreeSet<>();
            conforms(statistics, tree(STATISTICS_SCHEMA), "", seen);
            assertThat(seen).isEqualTo(paths(tree(STATISTICS_SCHEMA), ""));
            for (JsonNode feature : statistics.get("features")) {
                assertThat(TYPES).contains(feature.get("inferred_type").textValue());
            }
        }

        @Test
        void theDatasetAndTheFeaturesInSchemaOrder() {
            JsonNode statistics = statistics(BaselineTest.baseline());

            assertThat(statistics.get("version").intValue()).isZero();
            assertThat(statistics.get("dataset").get("item_count").longValue()).isEqualTo(12);
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            statistics.get("features").forEach(f -> {
                names.add(f.get("name").textValue());
                types.add(f.get("inferred_type").textValue());
            });
            assertThat(names).containsExactly("age", "income", "city", "salary", "zip", "member", "joined");
            assertThat(types).containsExactly("Integral", "Fractional", "String", "Integral", "String", "String",
                    "Unknown");
            assertThat(feature(statistics, "joined").size()).isEqualTo(2);
        }

        @Test
        void anIntegralColumnMatchesPandas() {
            JsonNode age = feature(statistics(BaselineTest.baseline()), "age").get("numerical_statistics");

            assertThat(age.get("common").get("num_present").longValue()).isEqualTo(11);
            assertThat(age.get("common").get("num_missing").longValue()).isEqualTo(1);
            assertThat(age.get("mean").doubleValue()).isCloseTo(36.36363636363637, within(1e-12));
            assertThat(age.get("sum").doubleValue()).isEqualTo(400.0);
            assertThat(age.get("std_dev").doubleValue()).isCloseTo(12.039878640831494, within(1e-12));
            assertThat(age.get("min").doubleValue()).isEqualTo(18.0);
            assertThat(age.get("max").doubleValue()).isEqualTo(61.0);
            JsonNode buckets = age.get("distribution").get("kll").get("buckets");
            double[][] expected = {{18.0, 22.3, 1}, {22.3, 26.6, 1}, {26.6, 30.9, 2}, {30.9, 35.2, 3}, {35.2, 39.5, 0},
                {39.5, 43.8, 1}, {43.8, 48.1, 1}, {48.1, 52.4, 1}, {52.4, 56.7, 0}, {56.7, 61.0, 1}};
            assertThat(buckets).hasSize(SageMakerExport.BUCKETS);
            for (int i = 0; i < expected.length; i++) {
                JsonNode bucket = buckets.get(i);
                assertThat(bucket.get("lower_bound").doubleValue()).as("bucket %d", i).isEqualTo(expected[i][0]);
                assertThat(bucket.get("upper_bound").doubleValue()).as("bucket %d", i).isEqualTo(expected[i][1]);
                assertThat(bucket.get("count").longValue()).as("bucket %d", i).isEqualTo((long) expected[i][2]);
            }
            JsonNode sketch = age.get("distribution").get("kll").get("sketch");
            assertThat(sketch.get("parameters").get("c").doubleValue()).isEqualTo(2.0 / 3.0);
            assertThat(sketch.get("parameters").get("k").intValue()).isEqualTo(200);
            assertThat(sketch.get("data")).hasSize(1);
            assertThat(numbers(sketch.get("data").get(0))).containsExactly(18.0, 23.0, 27.0, 29.0, 35.0, 35.0, 35.0,
                    41.0, 44.0, 52.0, 61.0);
        }

        @Test
        void aFractionalColumnMatchesPandas() {
            JsonNode income = feature(statistics(BaselineTest.baseline()), "income").get("numerical_statistics");

            assertThat(income.get("common").get("num_present").longValue()).isEqualTo(12);
            assertThat(income.get("common").get("num_missing").longValue()).isZero();
            assertThat(income.get("mean").doubleValue()).isCloseTo(1927.5720833333332, within(1e-9));
            assertThat(income.get("sum").doubleValue()).isCloseTo(23130.864999999998, within(1e-9));
            assertThat(income.get("std_dev").doubleValue()).isCloseTo(1474.585226028914, within(1e-9));
            assertThat(income.get("min").doubleValue()).isEqualTo(-80.25);
            assertThat(income.get("max").doubleValue()).isEqualTo(4800.125);
            JsonNode buckets = income.get("distribution").get("kll").get("buckets");
            long[] counts = {3, 0, 2, 0, 2, 2, 1, 1, 0, 1};
            for (int i = 0; i < counts.length; i++) {
                assertThat(buckets.get(i).get("count").longValue()).as("bucket %d", i).isEqualTo(counts[i]);
                assertThat(buckets.get(i).get("lower_bound").doubleValue()).isCloseTo(-80.25 + 488.0375 * i,
                        within(1e-9));
            }
            assertThat(buckets.get(9).get("upper_bound").doubleValue()).isEqualTo(4800.125);
        }

        @Test
        void aStringColumnMatchesPandasMostFrequentFirst() {
            JsonNode city = feature(statistics(BaselineTest.baseline()), "city").get("string_statistics");
            JsonNode member = feature(statistics(BaselineTest.baseline()), "member").get("string_statistics");

            assertThat(city.get("common").get("num_present").longValue()).isEqualTo(11);
            assertThat(city.get("common").get("num_missing").longValue()).isEqualTo(1);
            assertThat(city.get("distinct_count").longValue()).isEqualTo(4);
            assertThat(city.get("distribution").get("categorical").get("buckets").toString()).isEqualTo(
                    "[{\"count\":5,\"value\":\"München\"},{\"count\":3,\"value\":\"Berlin\"},"
                            + "{\"count\":2,\"value\":\"São Paulo\"},{\"count\":1,\"value\":\"Hamburg\"}]");
            assertThat(member.get("distinct_count").longValue()).isEqualTo(2);
            assertThat(member.get("distribution").get("categorical").get("buckets").toString()).isEqualTo(
                    "[{\"count\":8,\"value\":\"true\"},{\"count\":4,\"value\":\"false\"}]");
        }

        @Test
        void aSensitiveColumnKeepsOnlyAggregates() {
            JsonNode statistics = statistics(BaselineTest.baseline());
            JsonNode salary = feature(statistics, "salary").get("numerical_statistics");
            JsonNode zip = feature(statistics, "zip").get("string_statistics");

            List<String> salaryFields = new ArrayList<>();
            salary.fieldNames().forEachRemaining(salaryFields::add);
            assertThat(salaryFields).containsExactly("common", "mean", "std_dev", "sum");
            assertThat(salary.get("mean").doubleValue()).isCloseTo(60166.666666666664, within(1e-9));
            assertThat(salary.get("sum").doubleValue()).isEqualTo(722000.0);
            assertThat(salary.get("std_dev").doubleValue()).isCloseTo(17511.107586012055, within(1e-9));
            List<String> zipFields = new ArrayList<>();
            zip.fieldNames().forEachRemaining(zipFields::add);
            assertThat(zipFields).containsExactly("common", "distinct_count");
            assertThat(zip.get("distinct_count").longValue()).isEqualTo(4);
            assertThat(SageMakerExport.statistics(BaselineTest.baseline())).doesNotContain("80331", "91000", "33000");
        }

        @Test
        void aSketchedColumnWritesTheKllLevelsWithTheirWeights() {
            double[] values = new double[1000];
            for (int i = 0; i < values.length; i++) {
                values[i] = (i * 7919 % 1000) / 2.0;
            }
            Baseline baseline = Baseline.builder()
                    .profileOptions(ProfileOptions.defaults().withExactQuantileLimit(100).withKllK(16))
                    .build(Table.of(NumericColumn.of("x", values)));

            JsonNode x = feature(statistics(baseline), "x").get("numerical_statistics").get("distribution").get("kll");

            assertThat(x.get("sketch").get("parameters").get("k").intValue()).isEqualTo(16);
            JsonNode data = x.get("sketch").get("data");
            assertThat(data.size()).isGreaterThan(1);
            long weight = 0;
            for (int level = 0; level < data.size(); level++) {
                List<Double> items = numbers(data.get(level));
                assertThat(items).isSorted();
                for (double item : items) {
                    assertThat(item * 2).isEqualTo(Math.rint(item * 2)).isBetween(0.0, 999.0);
                }
                weight += (long) items.size() << level;
            }
            assertThat(weight).isEqualTo(1000);
            long total = 0;
            for (int i = 0; i < SageMakerExport.BUCKETS; i++) {
                JsonNode bucket = x.get("buckets").get(i);
                double lower = bucket.get("lower_bound").doubleValue();
                double upper = bucket.get("upper_bound").doubleValue();
                long expected = 0;
                for (int level = 0; level < data.size(); level++) {
                    for (double item : numbers(data.get(level))) {
                        if (item >= lower && (item < upper || i == SageMakerExport.BUCKETS - 1 && item == upper)) {
                            expected += 1L << level;
                        }
                    }
                }
                assertThat(bucket.get("count").longValue()).as("bucket %d", i).isEqualTo(expected)
                        // 100 values per bucket; KLL with k = 16: a PMF error of 17.9% of n at 99% confidence
                        .isBetween(100L - 180, 100L + 180);
                total += expected;
            }
            assertThat(x.get("buckets").get(0).get("lower_bound").doubleValue()).isEqualTo(0.0);
            assertThat(x.get("buckets").get(9).get("upper_bound").doubleValue()).isEqualTo(499.5);
        }

        @Test
        void aSketchedStringColumnWritesItsFrequentItems() {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                values.add(i < 50 ? "a" : i < 80 ? "b" : "c");
            }
            Baseline baseline = Baseline.builder().profileOptions(ProfileOptions.defaults().withExactDistinctLimit(2))
                    .build(Table.of(CategoricalColumn.of("c", values.toArray(String[]::new))));

            JsonNode c = feature(statistics(baseline), "c").get("string_statistics");

            assertThat(c.get("distinct_count").longValue()).isEqualTo(3);
            assertThat(c.get("distribution").get("categorical").get("buckets").toString()).isEqualTo(
                    "[{\"count\":50,\"value\":\"a\"},{\"count\":30,\"value\":\"b\"},{\"count\":20,\"value\":\"c\"}]");
        }

        @Test
        void columnsWithoutValuesOrFiniteValuesOrWithOne() {
            Table table = Table.of(NumericColumn.builder("empty").addMissing().addMissing().addMissing().build(),
                    NumericColumn.of("nan", Double.NaN, Double.NaN, Double.POSITIVE_INFINITY),
                    NumericColumn.builder("one").add(5).addMissing().addMissing().build(),
                    CategoricalColumn.of("label", null, null, null));

            JsonNode statistics = statistics(Baseline.of(table));

            assertThat(feature(statistics, "empty").toString()).isEqualTo(
                    "{\"inferred_type\":\"Unknown\",\"name\":\"empty\"}");
            assertThat(feature(statistics, "label").toString()).isEqualTo(
                    "{\"inferred_type\":\"Unknown\",\"name\":\"label\"}");
            assertThat(feature(statistics, "nan").toString()).isEqualTo("{\"inferred_type\":\"Fractional\","
                    + "\"name\":\"nan\",\"numerical_statistics\":{\"common\":{\"num_missing\":0,\"num_present\":3}}}");
            JsonNode one = feature(statistics, "one").get("numerical_statistics");
            assertThat(feature(statistics, "one").get("inferred_type").textValue()).isEqualTo("Integral");
            assertThat(one.get("std_dev").doubleValue()).isZero();
            assertThat(one.get("mean").doubleValue()).isEqualTo(5.0);
            JsonNode buckets = one.get("distribution").get("kll").get("buckets");
            for (int i = 0; i < 9; i++) {
                assertThat(buckets.get(i).toString()).isEqualTo(
                        "{\"count\":0,\"lower_bound\":5.0,\"upper_bound\":5.0}");
            }
            assertThat(buckets.get(9).toString()).isEqualTo("{\"count\":1,\"lower_bound\":5.0,\"upper_bound\":5.0}");
        }
    }

    @Nested
    class Constraints {
        @Test
        void everyDocumentedFieldIsThereWithItsJsonTypeAndNoOther() {
            JsonNode constraints = constraints(BaselineTest.baseline());

            Set<String> seen = new TreeSet<>();
            conforms(constraints, tree(CONSTRAINTS_SCHEMA), "", seen);
            assertThat(seen).isEqualTo(paths(tree(CONSTRAINTS_SCHEMA), ""));
            for (JsonNode feature : constraints.get("features")) {
                assertThat(TYPES).contains(feature.get("inferred_type").textValue());
                assertThat(feature.get("monitoringConfigOverrides").size()).isZero();
            }
        }

        @Test
        void completenessNonNegativityAndDomainsPerFeature() {
            JsonNode constraints = constraints(BaselineTest.baseline());

            assertThat(constraints.get("version").intValue()).isZero();
            JsonNode age = feature(constraints, "age");
            assertThat(age.get("inferred_type").textValue()).isEqualTo("Integral");
            assertThat(age.get("completeness").doubleValue()).isEqualTo(0.9166666666666666);
            assertThat(age.get("num_constraints").get("is_non_negative").booleanValue()).isTrue();
            assertThat(age.has("string_constraints")).isFalse();
            JsonNode income = feature(constraints, "income");
            assertThat(income.get("completeness").doubleValue()).isEqualTo(1.0);
            assertThat(income.get("num_constraints").get("is_non_negative").booleanValue()).isFalse();
            JsonNode city = feature(constraints, "city");
            assertThat(city.get("inferred_type").textValue()).isEqualTo("String");
            assertThat(city.get("completeness").doubleValue()).isEqualTo(0.9166666666666666);
            assertThat(city.get("string_constraints").get("domains").toString())
                    .isEqualTo("[\"Berlin\",\"Hamburg\",\"München\",\"São Paulo\"]");
            assertThat(city.has("num_constraints")).isFalse();
            assertThat(feature(constraints, "member").get("string_constraints").get("domains").toString())
                    .isEqualTo("[\"false\",\"true\"]");
            JsonNode joined = feature(constraints, "joined");
            assertThat(joined.get("inferred_type").textValue()).isEqualTo("Unknown");
            assertThat(joined.get("completeness").doubleValue()).isEqualTo(11.0 / 12);
            assertThat(joined.has("num_constraints") || joined.has("string_constraints")).isFalse();
        }

        @Test
        void aNegativeInfinityIsNegative() {
            Table table = Table.of(NumericColumn.of("x", 1, Double.NEGATIVE_INFINITY, 3), NumericColumn.of("y", 1,
                    Double.NaN, 3));

            JsonNode constraints = constraints(Baseline.of(table));

            assertThat(feature(constraints, "x").get("num_constraints").get("is_non_negative").booleanValue()).isFalse();
            assertThat(feature(constraints, "y").get("num_constraints").get("is_non_negative").booleanValue()).isTrue();
        }

        @Test
        void theMonitoringConfigHasTheDocumentedDefaults() {
            JsonNode config = constraints(BaselineTest.baseline()).get("monitoring_config");

            assertThat(config.toString()).isEqualTo("{\"datatype_check_threshold\":0.1,\"distribution_constraints\":"
                    + "{\"categorical_comparison_threshold\":0.1,\"categorical_drift_method\":\"LInfinity\","
                    + "\"comparison_method\":\"Robust\",\"comparison_threshold\":0.1,\"perform_comparison\":\"Enabled\"},"
                    + "\"domain_content_threshold\":0.1,\"emit_metrics\":\"Enabled\",\"evaluate_constraints\":\"Enabled\"}");
        }

        @Test
        void aSensitiveColumnGetsNoDomainEvenWhenAnEditedSuiteListsOne() throws IOException {
            BaselineTest.baseline().write(dir);
            Path suiteFile = dir.resolve(Baseline.SUITE_FILE);
            ObjectNode suite = (ObjectNode) tree(Files.readString(suiteFile, StandardCharsets.UTF_8));
            ArrayNode checks = (ArrayNode) suite.get("checks");
            ObjectNode zipDomain = null;
            for (JsonNode check : checks) {
                if (check.get("type").textValue().equals("allowed-values") && check.get("column").textValue()
                        .equals("city")) {
                    zipDomain = check.deepCopy();
                }
            }
            assertThat(zipDomain).isNotNull();
            zipDomain.put("column", "zip");
            zipDomain.putArray("values").add("80331").add("10115");
            checks.add(zipDomain);
            Files.writeString(suiteFile, Documents.write(suite), StandardCharsets.UTF_8);
            Baseline edited = Baseline.load(dir);
            assertThat(edited.suite().checks()).hasSize(BaselineTest.baseline().suite().checks().size() + 1);

            JsonNode zip = feature(constraints(edited), "zip");

            assertThat(zip.has("string_constraints")).isFalse();
            assertThat(zip.get("completeness").doubleValue()).isEqualTo(1.0);
            assertThat(SageMakerExport.constraints(edited)).doesNotContain("80331");
        }
    }

    @Test
    void writeStoresBothFilesIntoANewDirectory() throws IOException {
        Baseline baseline = Baseline.builder().clock(CLOCK).build(training());
        Path target = dir.resolve("sagemaker/baseline");

        SageMakerExport.write(baseline, target);

        assertThat(Files.readString(target.resolve(SageMakerExport.STATISTICS_FILE), StandardCharsets.UTF_8))
                .isEqualTo(SageMakerExport.statistics(baseline) + "\n");
        assertThat(Files.readString(target.resolve(SageMakerExport.CONSTRAINTS_FILE), StandardCharsets.UTF_8))
                .isEqualTo(SageMakerExport.constraints(baseline) + "\n");
    }

    @Test
    void aDirectoryThatCannotBeMadeIsNamed() throws IOException {
        Path taken = Files.writeString(dir.resolve("taken"), "x", StandardCharsets.UTF_8);
        Baseline baseline = BaselineTest.baseline();

        assertThatThrownBy(() -> SageMakerExport.write(baseline, taken)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot make the directory " + taken);
        assertThatThrownBy(() -> baseline.write(taken)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot make the baseline directory " + taken);
    }

    @Test
    void aBaselineReadBackExportsTheSame() {
        Baseline baseline = BaselineTest.baseline();
        baseline.write(dir);

        Baseline again = Baseline.load(dir);

        assertThat(SageMakerExport.statistics(again)).isEqualTo(SageMakerExport.statistics(baseline));
        assertThat(SageMakerExport.constraints(again)).isEqualTo(SageMakerExport.constraints(baseline));
    }
}
