package dev.mlops.monitor.report;

import dev.mlops.core.json.Documents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A monitoring report: summary findings, per-feature drift with histograms, drift statistics over
 * time and model quality over time, as a self-contained HTML page ({@link #toHtml()}) and a JSON
 * document ({@link #toJson()}) that hold the same numbers written the same way.
 *
 * <pre>{@code
 * MonitoringReport report = MonitoringReport.builder("Churn model, week 12", "churn v3 on captures of 2026-03-16..22",
 *                 Instant.now(clock))
 *         .finding(Finding.of(Severity.ERROR, "age", "age drifted (KS p = 0.0001)", 0.0001, 0.05))
 *         .feature(FeatureDrift.of("age", bins, driftResult))
 *         .timeline(new Timeline("age", "psi", 0.2, points))
 *         .quality(new QualitySeries("accuracy", OptionalDouble.of(0.91), accuracyPoints))
 *         .build();
 * ReportFiles files = ReportFiles.write(report, Path.of("reports/week-12"));
 * }</pre>
 *
 * <p>Numbers are written with six significant digits, in the page and in the JSON alike; the
 * record keeps them as given. Immutable and thread-safe.
 *
 * @param title the report's title, the page's heading
 * @param createdAt when the report was made, by the caller's clock
 * @param subject what the report is about: the model, the data, the period
 * @param findings the summary findings, most serious first as given, unmodifiable
 * @param features per-feature drift, unmodifiable
 * @param timelines drift statistics over time, unmodifiable
 * @param quality model quality over time, one series per metric, unmodifiable
 */
public record MonitoringReport(String title, Instant createdAt, String subject, List<Finding> findings,
        List<FeatureDrift> features, List<Timeline> timelines, List<QualitySeries> quality) {

    /** The {@code kind} of the JSON document. */
    public static final String KIND = "monitoring-report";
    /** The version of {@link #toJson()}'s format. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Validates the report and copies its lists.
     *
     * @param title the report's title
     * @param createdAt when the report was made
     * @param subject what the report is about
     * @param findings the summary findings
     * @param features per-feature drift
     * @param timelines drift statistics over time
     * @param quality model quality over time
     * @throws IllegalArgumentException if the title or subject is blank
     */
    public MonitoringReport {
        Checks.notBlank("title", title);
        Objects.requireNonNull(createdAt, "createdAt");
        Checks.notBlank("subject", subject);
        findings = List.copyOf(findings);
        features = List.copyOf(features);
        timelines = List.copyOf(timelines);
        quality = List.copyOf(quality);
    }

    /**
     * Starts a report.
     *
     * @param title the report's title
     * @param subject what the report is about
     * @param createdAt when the report is made, such as {@code Instant.now(clock)}
     * @return a builder with no findings, features, timelines or quality series yet
     */
    public static Builder builder(String title, String subject, Instant createdAt) {
        return new Builder(title, subject, createdAt);
    }

    /**
     * Returns the report as a JSON document (the shared pretty writer: keys sorted, two-space
     * indentation): {@code kind} {@value #KIND}, {@code formatVersion}, {@code createdAt}
     * (ISO-8601), {@code title}, {@code subject}; {@code findings}, each with {@code severity},
     * {@code scope}, {@code message} and, when present, {@code measured} and {@code threshold};
     * {@code features}, each with {@code feature}, {@code statistic}, {@code value},
     * {@code pValue} (tests only), {@code threshold}, {@code verdict} ({@code "ok"},
     * {@code "drift"}, {@code "no-data"}), {@code referenceSize}, {@code currentSize} and
     * {@code bins} ({@code label}, {@code referenceShare}, {@code currentShare});
     * {@code timelines}, each with {@code feature}, {@code statistic}, {@code threshold} and
     * {@code points} ({@code time}, {@code value}, {@code verdict}); {@code quality}, each with
     * {@code metric}, {@code baseline} (when known) and {@code points} ({@code time},
     * {@code value}). Numbers have six significant digits; non-finite ones are the strings
     * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
     *
     * @return the JSON text, without a trailing line break
     */
    public String toJson() {
        return Documents.write(ReportJson.write(this));
    }

    /**
     * Reads a report written by {@link #toJson()}.
     *
     * @param json the JSON text
     * @param source names the text in messages, such as its file
     * @return the report, its numbers as written (six significant digits)
     * @throws dev.mlops.core.DataFormatException if the text is not JSON; it names the line
     * @throws dev.mlops.core.json.DocumentException if a field is missing, malformed or unknown,
     *     the kind differs or the format version is newer than {@value #FORMAT_VERSION}; the
     *     message names the source and the field's path, such as {@code features[2].bins[0]}
     */
    public static MonitoringReport fromJson(String json, String source) {
        return ReportJson.read(Documents.parse(json, source));
    }

    /**
     * Reads a report's JSON file (UTF-8).
     *
     * @param file the file, such as {@code report.json}
     * @return the report
     * @throws UncheckedIOException if the file cannot be read
     * @throws dev.mlops.core.json.DocumentException as {@link #fromJson(String, String)}, naming the file
     */
    public static MonitoringReport read(Path file) {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the monitoring report " + file, e);
        }
    }

    /**
     * Draws the report as one self-contained HTML page: inline CSS and SVG charts, no script, no
     * network (a content security policy forbids both). It shows the findings; per feature the
     * drift statistic, the verdict and a grouped bar chart of reference against current shares per
     * bin; per timeline a line of the statistic per window with the threshold dashed and each
     * window marked by its verdict; per quality metric a line with the training baseline dashed.
     * Each chart has a table of its numbers under a {@code <details>} element. All text is
     * escaped; every number from the report carries a {@code data-json} attribute holding the JSON
     * pointer of the same number in {@link #toJson()}.
     *
     * @return the page, UTF-8 text starting with {@code <!DOCTYPE html>}
     */
    public String toHtml() {
        return HtmlPage.render(this);
    }

    /** Collects the parts of a {@link MonitoringReport}. Not thread-safe. */
    public static final class Builder {
        private final String title;
        private final String subject;
        private final Instant createdAt;
        private final List<Finding> findings = new ArrayList<>();
        private final List<FeatureDrift> features = new ArrayList<>();
        private final List<Timeline> timelines = new ArrayList<>();
        private final List<QualitySeries> quality = new ArrayList<>();

        private Builder(String title, String subject, Instant createdAt) {
            this.title = title;
            this.subject = subject;
            this.createdAt = createdAt;
        }

        /**
         * @param finding a summary finding, listed after those added before
         * @return this builder
         */
        public Builder finding(Finding finding) {
            findings.add(Objects.requireNonNull(finding, "finding"));
            return this;
        }

        /**
         * @param feature a feature's drift, shown after those added before
         * @return this builder
         */
        public Builder feature(FeatureDrift feature) {
            features.add(Objects.requireNonNull(feature, "feature"));
            return this;
        }

        /**
         * @param timeline a drift statistic over time, shown after those added before
         * @return this builder
         */
        public Builder timeline(Timeline timeline) {
            timelines.add(Objects.requireNonNull(timeline, "timeline"));
            return this;
        }

        /**
         * @param series a quality metric over time, shown after those added before
         * @return this builder
         */
        public Builder quality(QualitySeries series) {
            quality.add(Objects.requireNonNull(series, "series"));
            return this;
        }

        /**
         * @return the report
         * @throws IllegalArgumentException if the title or subject is blank
         */
        public MonitoringReport build() {
            return new MonitoringReport(title, createdAt, subject, findings, features, timelines, quality);
        }
    }
}
