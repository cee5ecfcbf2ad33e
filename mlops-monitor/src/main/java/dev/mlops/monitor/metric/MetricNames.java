package dev.mlops.monitor.metric;

/**
 * The well-known metric names and tag keys that mlops-java's monitors emit, so that producers,
 * alarm rules and dashboards agree. A user's own metric follows the same rules (see
 * {@link MetricId}) under a family of its own.
 *
 * <table>
 *   <caption>Names and their values</caption>
 *   <tr><th>name</th><th>value</th><th>tags</th></tr>
 *   <tr><td>{@code drift.statistic}</td><td>the detector's statistic or distance</td>
 *       <td>feature, detector</td></tr>
 *   <tr><td>{@code drift.p_value}</td><td>the test's p-value (adjusted when corrected), in [0, 1]</td>
 *       <td>feature, detector</td></tr>
 *   <tr><td>{@code drift.verdict}</td><td>1 when the feature drifted, 0 when not</td>
 *       <td>feature, detector</td></tr>
 *   <tr><td>{@code quality.<metric>}</td><td>a model-quality metric such as {@code quality.accuracy},
 *       {@code quality.f1_macro}, {@code quality.rmse}</td><td>variant</td></tr>
 * </table>
 */
public final class MetricNames {

    /** A drift detector's statistic or distance for one feature in one window. */
    public static final String DRIFT_STATISTIC = "drift.statistic";
    /** A drift test's p-value for one feature in one window, adjusted when corrected. */
    public static final String DRIFT_P_VALUE = "drift.p_value";
    /** A drift verdict for one feature in one window: 1 drifted, 0 not. */
    public static final String DRIFT_VERDICT = "drift.verdict";
    /** The family of model-quality metrics: {@code quality.accuracy}, {@code quality.rmse}, ... */
    public static final String QUALITY = "quality";

    /** Tag key: the feature (column) a drift metric is about. */
    public static final String FEATURE = "feature";
    /** Tag key: the drift detector's type name, such as {@code ks}. */
    public static final String DETECTOR = "detector";
    /** Tag key: the model variant, such as {@code blue} or {@code canary}. */
    public static final String VARIANT = "variant";
    /** Tag key: the pipeline stage a capture-derived metric is about. */
    public static final String STAGE = "stage";

    private MetricNames() {
        throw new AssertionError("no instances");
    }

    /**
     * @param metric a quality metric's own name, such as {@code accuracy} or {@code f1_macro}
     * @return its metric name, such as {@code quality.accuracy}
     * @throws IllegalArgumentException if the result breaks the naming rules of {@link MetricId}
     */
    public static String quality(String metric) {
        return MetricId.of(QUALITY + "." + metric).name();
    }

    /**
     * @param drifted a drift verdict
     * @return the value of {@link #DRIFT_VERDICT} for it: 1 or 0
     */
    public static double verdict(boolean drifted) {
        return drifted ? 1.0 : 0.0;
    }
}
