package dev.mlops.monitor.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.data.check.AllowedValuesCheck;
import dev.mlops.data.check.Check;
import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.ColumnProfile;
import dev.mlops.data.profile.ItemCount;
import dev.mlops.data.profile.NumericProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Writes a {@link Baseline} as Amazon SageMaker Model Monitor's baseline files, so a team that
 * monitors with SageMaker (or moves to or from it) can use a baseline made here:
 * {@value #STATISTICS_FILE} and {@value #CONSTRAINTS_FILE}, in the shape AWS documents in the
 * SageMaker developer guide:
 * <ul>
 *   <li>"Schema for Statistics (statistics.json file)",
 *       https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-byoc-statistics.html (also
 *       .../model-monitor-interpreting-statistics.html: "the distribution is materialized in 10
 *       buckets");</li>
 *   <li>"Schema for Constraints (constraints.json file)",
 *       https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-byoc-constraints.html, with
 *       the table of {@code monitoring_config} defaults.</li>
 * </ul>
 *
 * <h2>statistics.json</h2>
 * {@code "version": 0}, {@code "dataset": {"item_count"}} (the row count) and one entry of
 * {@code "features"} per column in schema order, with its {@code "name"} and
 * {@code "inferred_type"}:
 * <ul>
 *   <li>{@code "Integral"} for a numeric column whose present values are all finite whole numbers
 *       ({@link Baseline#integralColumns()}), {@code "Fractional"} for another numeric column, each
 *       with {@code "numerical_statistics"}: {@code "common"} ({@code "num_present"}: the rows not
 *       missing, NaN and infinities included; {@code "num_missing"}), and over the finite values
 *       {@code "mean"}, {@code "sum"}, {@code "std_dev"}, {@code "min"}, {@code "max"} and
 *       {@code "distribution": {"kll": {"buckets", "sketch"}}}. {@code std_dev} is the population
 *       standard deviation (divisor n), as SageMaker's container computes it with Deequ's
 *       {@code StandardDeviation} ({@code stddev_pop}; awslabs/deequ,
 *       {@code analyzers/StandardDeviation.scala}), not the sample one of
 *       {@link NumericProfile#standardDeviation()}. The {@value #BUCKETS} {@code "buckets"} are
 *       equal-width from the minimum to the maximum, as Deequ's {@code KLLSketch} makes them
 *       ({@code analyzers/KLLSketch.scala}): each holds {@code "lower_bound"},
 *       {@code "upper_bound"} and the {@code "count"} of values in {@code [lower, upper)}, the last
 *       one's interval closed at the maximum; exact for a profile that keeps its values, the KLL
 *       sketch's weighted estimate otherwise. The {@code "sketch"} holds
 *       {@code "parameters": {"c", "k"}} and {@code "data"}, the sketch's items level by level,
 *       level {@code h} weighing {@code 2^h}: for a profile that keeps its values, one level with
 *       all of them (a sketch that never compacted, so the counts are exact) and k the profile's
 *       KLL k; otherwise the retained items of the profile's DataSketches KLL sketch, its k, and
 *       c = 2/3, DataSketches' capacity decay (Deequ's own sketch, which SageMaker's container
 *       uses, has c = 0.64 and k = 2048). A column without finite values has {@code "common"}
 *       only.</li>
 *   <li>{@code "String"} for a categorical, boolean or text column, with
 *       {@code "string_statistics"}: {@code "common"}, {@code "distinct_count"} (exact or the
 *       HyperLogLog estimate) and {@code "distribution": {"categorical": {"buckets"}}}, one
 *       {@code {"value", "count"}} per value, the most frequent first (ties by value): every value
 *       of an exactly counted column, the frequent items with their estimated counts otherwise.</li>
 *   <li>{@code "Unknown"} for a column with no present value, and for a timestamp column (the
 *       profile keeps only its counts, earliest and latest time, for which the schema has no
 *       place): no statistics.</li>
 * </ul>
 *
 * <h2>constraints.json</h2>
 * {@code "version": 0} and one entry of {@code "features"} per column: {@code "name"},
 * {@code "inferred_type"} as above, {@code "completeness"} (the share of rows not missing, 0 to
 * 1), for a numeric column {@code "num_constraints": {"is_non_negative"}} (no value below zero,
 * -Infinity included), for a string column with an allowed-values check in
 * {@link Baseline#suite()} {@code "string_constraints": {"domains"}} (that check's values), and an
 * empty {@code "monitoringConfigOverrides"}. Then {@code "monitoring_config"} with the documented
 * defaults: {@code "evaluate_constraints"} and {@code "emit_metrics"} {@code "Enabled"},
 * {@code "datatype_check_threshold"} and {@code "domain_content_threshold"} 0.1,
 * {@code "distribution_constraints"}: {@code "perform_comparison": "Enabled"},
 * {@code "comparison_threshold"} 0.1, {@code "comparison_method": "Robust"} (the schema's
 * spelling; the table names no default), {@code "categorical_comparison_threshold"} 0.1 (the
 * documented default: the comparison threshold) and {@code "categorical_drift_method":
 * "LInfinity"}.
 *
 * <h2>Sensitive columns</h2>
 * A column the schema marks sensitive leaves no raw value in either file: no minimum or maximum,
 * no KLL buckets or sketch items (their bounds and items are values of the column), no
 * categorical buckets and no domains. What stays are aggregates: the counts, the mean, sum and
 * standard deviation of a numeric column, the distinct count of a string column, completeness and
 * {@code is_non_negative}.
 *
 * <p>Keys are sorted and indented by two spaces ({@link Documents#write}). Stateless and
 * thread-safe.
 */
public final class SageMakerExport {
    /** The statistics file's name. */
    public static final String STATISTICS_FILE = "statistics.json";
    /** The constraints file's name. */
    public static final String CONSTRAINTS_FILE = "constraints.json";
    /** How many KLL buckets a numeric feature has, as SageMaker materializes them. */
    public static final int BUCKETS = 10;
    /** The documented default of the thresholds in {@code monitoring_config}. */
    public static final double DEFAULT_THRESHOLD = 0.1;

    private static final String ENABLED = "Enabled";
    private static final String INTEGRAL = "Integral";
    private static final String FRACTIONAL = "Fractional";
    private static final String STRING = "String";
    private static final String UNKNOWN = "Unknown";

    private SageMakerExport() {
        throw new AssertionError("no instances");
    }

    /**
     * Writes {@value #STATISTICS_FILE} and {@value #CONSTRAINTS_FILE} into a directory, creating
     * it if needed, each replaced atomically, in UTF-8 with a final line break.
     *
     * @param baseline the baseline
     * @param directory the directory
     * @throws UncheckedIOException if the directory cannot be made or a file cannot be written
     */
    public static void write(Baseline baseline, Path directory) {
        Objects.requireNonNull(directory, "directory");
        String statistics = statistics(baseline);
        String constraints = constraints(baseline);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the directory " + directory, e);
        }
        AtomicFiles.writeString(directory.resolve(STATISTICS_FILE), statistics + "\n");
        AtomicFiles.writeString(directory.resolve(CONSTRAINTS_FILE), constraints + "\n");
    }

    /**
     * @param baseline the baseline
     * @return its {@value #STATISTICS_FILE}, as the class description says
     */
    public static String statistics(Baseline baseline) {
        Objects.requireNonNull(baseline, "baseline");
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", 0);
        root.putObject("dataset").put("item_count", baseline.rowCount());
        ArrayNode features = root.putArray("features");
        JsonNode storedColumns = Documents.parseTree(baseline.profileJson(), Baseline.PROFILE_FILE).get("columns");
        for (int i = 0; i < baseline.schema().size(); i++) {
            Field field = baseline.schema().field(i);
            ColumnProfile column = baseline.profile().column(field.name());
            String type = inferredType(baseline, field, column);
            ObjectNode feature = features.addObject();
            feature.put("name", field.name());
            feature.put("inferred_type", type);
            if (type.equals(UNKNOWN)) {
                continue;
            }
            if (column instanceof NumericProfile numeric) {
                numeric(feature.putObject("numerical_statistics"), numeric, field.sensitive(), storedColumns.get(i),
                        baseline.profile().options().kllK());
            } else {
                strings(feature.putObject("string_statistics"), (CategoricalProfile) column, field.sensitive());
            }
        }
        return Documents.write(root);
    }

    /**
     * @param baseline the baseline
     * @return its {@value #CONSTRAINTS_FILE}, as the class description says
     */
    public static String constraints(Baseline baseline) {
        Objects.requireNonNull(baseline, "baseline");
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", 0);
        ArrayNode features = root.putArray("features");
        for (Field field : baseline.schema().fields()) {
            ColumnProfile column = baseline.profile().column(field.name());
            String type = inferredType(baseline, field, column);
            ObjectNode feature = features.addObject();
            feature.put("name", field.name());
            feature.put("inferred_type", type);
            feature.put("completeness", (double) (column.count() - column.missing()) / column.count());
            if (column instanceof NumericProfile numeric) {
                feature.putObject("num_constraints").put("is_non_negative",
                        numeric.negatives() == 0 && numeric.negativeInfinity() == 0);
            }
            Optional<AllowedValuesCheck> domain = domain(baseline, field.name());
            if (type.equals(STRING) && !field.sensitive() && domain.isPresent()) {
                ArrayNode domains = feature.putObject("string_constraints").putArray("domains");
                domain.get().values().forEach(domains::add);
            }
            feature.putObject("monitoringConfigOverrides");
        }
        ObjectNode config = root.putObject("monitoring_config");
        config.put("evaluate_constraints", ENABLED);
        config.put("emit_metrics", ENABLED);
        config.put("datatype_check_threshold", DEFAULT_THRESHOLD);
        config.put("domain_content_threshold", DEFAULT_THRESHOLD);
        ObjectNode distribution = config.putObject("distribution_constraints");
        distribution.put("perform_comparison", ENABLED);
        distribution.put("comparison_threshold", DEFAULT_THRESHOLD);
        distribution.put("comparison_method", "Robust");
        distribution.put("categorical_comparison_threshold", DEFAULT_THRESHOLD);
        distribution.put("categorical_drift_method", "LInfinity");
        return Documents.write(root);
    }

    private static String inferredType(Baseline baseline, Field field, ColumnProfile column) {
        if (column.count() == column.missing() || field.type() == ColumnType.TIMESTAMP) {
            return UNKNOWN;
        }
        if (field.type() == ColumnType.NUMERIC) {
            return baseline.integralColumns().contains(field.name()) ? INTEGRAL : FRACTIONAL;
        }
        return STRING;
    }

    private static Optional<AllowedValuesCheck> domain(Baseline baseline, String column) {
        for (Check check : baseline.suite().checks()) {
            if (check instanceof AllowedValuesCheck allowed && allowed.column().equals(column)) {
                return Optional.of(allowed);
            }
        }
        return Optional.empty();
    }

    private static void common(ObjectNode statistics, ColumnProfile column) {
        ObjectNode common = statistics.putObject("common");
        common.put("num_present", column.count() - column.missing());
        common.put("num_missing", column.missing());
    }

    private static void numeric(ObjectNode statistics, NumericProfile column, boolean sensitive, JsonNode stored,
            int kllK) {
        common(statistics, column);
        long n = column.finite();
        if (n == 0) {
            return;
        }
        statistics.put("mean", column.mean().orElseThrow());
        statistics.put("sum", column.sum());
        statistics.put("std_dev", n == 1 ? 0.0 : Math.sqrt(column.variance().orElseThrow() * (n - 1) / n));
        if (sensitive) {
            return;
        }
        double min = column.min().orElseThrow();
        double max = column.max().orElseThrow();
        statistics.put("min", min);
        statistics.put("max", max);
        Distribution distribution = column.exactValues()
                .map(values -> Distribution.exact(values, kllK))
                .orElseGet(() -> Distribution.kll(Base64.getDecoder().decode(stored.get("kll").textValue())));
        ObjectNode kll = statistics.putObject("distribution").putObject("kll");
        ArrayNode buckets = kll.putArray("buckets");
        for (double[] bucket : distribution.buckets(min, max, BUCKETS)) {
            ObjectNode node = buckets.addObject();
            node.put("lower_bound", bucket[0]);
            node.put("upper_bound", bucket[1]);
            node.put("count", (long) bucket[2]);
        }
        ObjectNode sketch = kll.putObject("sketch");
        ObjectNode parameters = sketch.putObject("parameters");
        parameters.put("c", Distribution.KLL_C);
        parameters.put("k", distribution.k());
        ArrayNode data = sketch.putArray("data");
        for (List<Double> level : distribution.levels()) {
            ArrayNode items = data.addArray();
            level.forEach(items::add);
        }
    }

    private static void strings(ObjectNode statistics, CategoricalProfile column, boolean sensitive) {
        common(statistics, column);
        statistics.put("distinct_count", column.distinct());
        if (sensitive) {
            return;
        }
        List<ItemCount> counts = new ArrayList<>();
        Optional<SortedMap<String, Long>> exact = column.exactCounts();
        if (exact.isPresent()) {
            for (Map.Entry<String, Long> entry : exact.get().entrySet()) {
                counts.add(new ItemCount(entry.getKey(), entry.getValue(), entry.getValue(), entry.getValue()));
            }
        } else {
            counts.addAll(column.topK());
        }
        counts.sort(Comparator.comparingLong(ItemCount::count).reversed().thenComparing(ItemCount::value));
        ArrayNode buckets = statistics.putObject("distribution").putObject("categorical").putArray("buckets");
        for (ItemCount count : counts) {
            ObjectNode node = buckets.addObject();
            node.put("value", count.value());
            node.put("count", count.count());
        }
    }
}
