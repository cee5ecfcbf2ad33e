package dev.mlops.monitor.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Writes a {@link MonitoringReport} as one self-contained HTML page (see
 * {@link MonitoringReport#toHtml()}): inline CSS, inline SVG, no script and a content security
 * policy that forbids scripts and every fetch. Every number from the report is written by
 * {@link ReportNumbers} and carries the JSON pointer of the same number ({@code data-json}).
 */
final class HtmlPage {
    private static final String CSS = """
            :root { --reference: #6f8aa8; --current: #e07b39; --ok: #2e7d32; --drift: #c62828; --none: #9e9e9e;
              --error: #c62828; --warning: #b26a00; --info: #1565c0; --line: #d7dbe0; --text: #1f2328; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
              color: var(--text); background: #f6f7f9; }
            header, main, footer { max-width: 1240px; margin: 0 auto; padding: 0 20px; }
            header { padding-top: 18px; }
            h1 { font-size: 1.6em; margin: 0.2em 0; }
            h2 { font-size: 1.25em; margin: 1.4em 0 0.6em; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
            h3 { font-size: 1.05em; margin: 0 0 6px; overflow-wrap: anywhere; }
            .meta { color: #57606a; margin: 0; overflow-wrap: anywhere; }
            nav a { margin-right: 14px; color: var(--info); }
            .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 16px; }
            .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
            .card.drift { border-left: 5px solid var(--drift); }
            .card.ok { border-left: 5px solid var(--ok); }
            .card.no-data { border-left: 5px solid var(--none); }
            .stats { margin: 0 0 6px; color: #57606a; font-size: 0.92em; }
            .badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 0.8em; color: #fff;
              vertical-align: middle; }
            .badge.ok { background: var(--ok); } .badge.drift { background: var(--drift); }
            .badge.no-data { background: var(--none); } .badge.error { background: var(--error); }
            .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
            figure { margin: 0; }
            svg.chart { display: block; width: 100%; max-width: 560px; height: auto; font: 11px system-ui, sans-serif;
              overflow: visible; }
            svg .grid { stroke: #eceef1; } svg .axis { stroke: #57606a; fill: none; }
            svg .tick { fill: #57606a; } svg .axis-title, svg .legend { fill: #57606a; }
            svg .note { fill: #57606a; font-style: italic; font-size: 13px; }
            svg .reference { fill: var(--reference); } svg .current { fill: var(--current); }
            svg .series { fill: none; stroke: #3d4a5c; stroke-width: 1.6; }
            svg .level { stroke: #57606a; stroke-dasharray: 6 4; stroke-width: 1.2; } svg .level-label { fill: #57606a; }
            svg .mark { stroke: #fff; stroke-width: 1; } svg .mark.ok { fill: var(--ok); }
            svg .mark.drift { fill: var(--drift); } svg .mark.no-data { fill: var(--none); }
            svg .mark.value { fill: #3d4a5c; } svg .mark.missing { fill: #fff; stroke: var(--none); stroke-width: 1.5; }
            figcaption { font-size: 0.85em; color: #57606a; margin-top: 2px; }
            .key { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; vertical-align: baseline; }
            .key.reference { background: var(--reference); } .key.current { background: var(--current); }
            .key.ok { background: var(--ok); border-radius: 5px; } .key.drift { background: var(--drift); border-radius: 5px; }
            .key.no-data { background: var(--none); border-radius: 5px; }
            .key.level { width: 18px; height: 0; border-top: 2px dashed #57606a; }
            table { border-collapse: collapse; font-size: 0.9em; margin: 6px 0; }
            th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid #eceef1; vertical-align: top; }
            td.num { font-variant-numeric: tabular-nums; text-align: right; }
            details summary { cursor: pointer; color: #57606a; font-size: 0.9em; }
            .findings { background: #fff; border: 1px solid var(--line); border-radius: 8px; width: 100%; }
            .findings td, .findings th { padding: 6px 10px; }
            footer { color: #57606a; font-size: 0.85em; padding: 24px 20px; }
            """;

    private final MonitoringReport report;
    private final StringBuilder out = new StringBuilder(32 * 1024);

    private HtmlPage(MonitoringReport report) {
        this.report = report;
    }

    static String render(MonitoringReport report) {
        return new HtmlPage(report).page();
    }

    private String page() {
        String title = Html.escape(report.title());
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
                .append(" style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(title).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<header>\n<h1>").append(title).append("</h1>\n")
                .append("<p class=\"meta\"><span class=\"subject\">").append(Html.escape(report.subject()))
                .append("</span> · created ").append(time("/createdAt", report.createdAt().toString()))
                .append("</p>\n<nav><a href=\"#findings\">Findings</a>");
        link(!report.features().isEmpty(), "features", "Drift per feature");
        link(!report.timelines().isEmpty(), "timelines", "Drift over time");
        link(!report.quality().isEmpty(), "quality", "Model quality over time");
        out.append("</nav>\n</header>\n<main>\n");
        findings();
        features();
        timelines();
        quality();
        out.append("</main>\n<footer>").append(Html.escape(MonitoringReport.KIND)).append(", format version ")
                .append("<span data-json=\"/formatVersion\">").append(MonitoringReport.FORMAT_VERSION)
                .append("</span>, written by mlops-java; the same numbers, written the same way, are in the")
                .append(" report's JSON form.</footer>\n</body>\n</html>\n");
        return out.toString();
    }

    private void link(boolean present, String id, String text) {
        if (present) {
            out.append("<a href=\"#").append(id).append("\">").append(text).append("</a>");
        }
    }

    private void findings() {
        out.append("<section id=\"findings\">\n<h2>Findings</h2>\n");
        if (report.findings().isEmpty()) {
            out.append("<p>No findings.</p>\n</section>\n");
            return;
        }
        out.append("<table class=\"findings\">\n<thead><tr><th>severity</th><th>scope</th><th>finding</th>")
                .append("<th>measured</th><th>threshold</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < report.findings().size(); i++) {
            Finding finding = report.findings().get(i);
            String pointer = "/findings/" + i + "/";
            out.append("<tr><td><span class=\"badge ").append(finding.severity().label()).append("\">")
                    .append(finding.severity().label()).append("</span></td><td>")
                    .append(Html.escape(finding.scope())).append("</td><td>").append(Html.escape(finding.message()))
                    .append("</td>");
            optionalCell(pointer + "measured", finding.measured());
            optionalCell(pointer + "threshold", finding.threshold());
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void optionalCell(String pointer, OptionalDouble value) {
        if (value.isPresent()) {
            cell(pointer, value.getAsDouble());
        } else {
            out.append("<td class=\"num\">–</td>");
        }
    }

    private void features() {
        if (report.features().isEmpty()) {
            return;
        }
        out.append("<section id=\"features\">\n<h2>Drift per feature</h2>\n<div class=\"cards\">\n");
        for (int i = 0; i < report.features().size(); i++) {
            FeatureDrift feature = report.features().get(i);
            String pointer = "/features/" + i + "/";
            String verdict = feature.verdict().label();
            out.append("<article class=\"card feature ").append(verdict).append("\">\n<h3>")
                    .append(Html.escape(feature.feature())).append(" <span class=\"badge ").append(verdict)
                    .append("\">").append(verdict).append("</span></h3>\n<p class=\"stats\">")
                    .append(Html.escape(feature.statistic())).append(' ').append(number(pointer + "value", feature.value()));
            if (feature.pValue().isPresent()) {
                out.append(" · p-value ").append(number(pointer + "pValue", feature.pValue().getAsDouble()));
            }
            out.append(" · threshold ").append(number(pointer + "threshold", feature.threshold()))
                    .append(" · reference rows ").append(count(pointer + "referenceSize", feature.referenceSize()))
                    .append(" · current rows ").append(count(pointer + "currentSize", feature.currentSize()))
                    .append("</p>\n<figure>\n").append(HistogramChart.draw(feature, i))
                    .append("\n<figcaption>Share of rows per bin:<span class=\"key reference\"></span>reference")
                    .append("<span class=\"key current\"></span>current</figcaption>\n</figure>\n")
                    .append("<details><summary>Shares per bin</summary>\n<table>\n<thead><tr><th>bin</th>")
                    .append("<th>reference share</th><th>current share</th></tr></thead>\n<tbody>\n");
            for (int b = 0; b < feature.bins().size(); b++) {
                Bin bin = feature.bins().get(b);
                out.append("<tr><td>").append(Html.escape(bin.label())).append("</td>");
                cell(pointer + "bins/" + b + "/referenceShare", bin.referenceShare());
                cell(pointer + "bins/" + b + "/currentShare", bin.currentShare());
                out.append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n</details>\n</article>\n");
        }
        out.append("</div>\n</section>\n");
    }

    private void timelines() {
        if (report.timelines().isEmpty()) {
            return;
        }
        out.append("<section id=\"timelines\">\n<h2>Drift over time</h2>\n<div class=\"cards\">\n");
        for (int i = 0; i < report.timelines().size(); i++) {
            Timeline timeline = report.timelines().get(i);
            String pointer = "/timelines/" + i;
            List<LineChart.Mark> marks = new ArrayList<>(timeline.points().size());
            for (Timeline.Point point : timeline.points()) {
                String verdict = point.verdict().label();
                marks.add(new LineChart.Mark(point.time(), point.value(), verdict, " (" + verdict + ")"));
            }
            String name = Html.escape(timeline.feature()) + " — " + Html.escape(timeline.statistic());
            out.append("<article class=\"card timeline\">\n<h3>").append(name).append("</h3>\n<p class=\"stats\">")
                    .append("threshold ").append(number(pointer + "/threshold", timeline.threshold()))
                    .append("</p>\n<figure>\n")
                    .append(LineChart.draw(timeline.statistic() + " of " + timeline.feature() + " per window",
                            timeline.statistic(), pointer, marks, Optional.of(new LineChart.Level("threshold",
                                    "threshold", timeline.threshold()))))
                    .append("\n<figcaption>").append(Html.escape(timeline.statistic()))
                    .append(" per window; <span class=\"key level\"></span>threshold; verdict:")
                    .append("<span class=\"key ok\"></span>ok<span class=\"key drift\"></span>drift")
                    .append("<span class=\"key no-data\"></span>no data</figcaption>\n</figure>\n");
            pointsTable(pointer, marks, true);
            out.append("</article>\n");
        }
        out.append("</div>\n</section>\n");
    }

    private void quality() {
        if (report.quality().isEmpty()) {
            return;
        }
        out.append("<section id=\"quality\">\n<h2>Model quality over time</h2>\n<div class=\"cards\">\n");
        for (int i = 0; i < report.quality().size(); i++) {
            QualitySeries series = report.quality().get(i);
            String pointer = "/quality/" + i;
            List<LineChart.Mark> marks = new ArrayList<>(series.points().size());
            for (QualitySeries.Point point : series.points()) {
                marks.add(new LineChart.Mark(point.time(), point.value(), "value", ""));
            }
            out.append("<article class=\"card quality\">\n<h3>").append(Html.escape(series.metric()))
                    .append("</h3>\n<p class=\"stats\">");
            if (series.baseline().isPresent()) {
                out.append("at training ").append(number(pointer + "/baseline", series.baseline().getAsDouble()));
            } else {
                out.append("no training value given");
            }
            Optional<LineChart.Level> level = series.baseline().isPresent()
                    ? Optional.of(new LineChart.Level("training", "baseline", series.baseline().getAsDouble()))
                    : Optional.empty();
            out.append("</p>\n<figure>\n")
                    .append(LineChart.draw(series.metric() + " per window", series.metric(), pointer, marks, level))
                    .append("\n<figcaption>").append(Html.escape(series.metric())).append(" per window")
                    .append(level.isPresent() ? "; <span class=\"key level\"></span>at training" : "")
                    .append("</figcaption>\n</figure>\n");
            pointsTable(pointer, marks, false);
            out.append("</article>\n");
        }
        out.append("</div>\n</section>\n");
    }

    private void pointsTable(String pointer, List<LineChart.Mark> marks, boolean verdicts) {
        out.append("<details><summary>Values per window</summary>\n<table>\n<thead><tr><th>time (UTC)</th>")
                .append("<th>value</th>").append(verdicts ? "<th>verdict</th>" : "").append("</tr></thead>\n<tbody>\n");
        for (int p = 0; p < marks.size(); p++) {
            LineChart.Mark mark = marks.get(p);
            String at = pointer + "/points/" + p + "/";
            out.append("<tr><td>").append(time(at + "time", mark.time().toString())).append("</td>");
            cell(at + "value", mark.value());
            if (verdicts) {
                out.append("<td><span class=\"badge ").append(mark.cssClass()).append("\">").append(mark.cssClass())
                        .append("</span></td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</details>\n");
    }

    private void cell(String pointer, double value) {
        out.append("<td class=\"num\" data-json=\"").append(pointer).append("\">").append(ReportNumbers.format(value))
                .append("</td>");
    }

    private static String number(String pointer, double value) {
        return "<span class=\"num\" data-json=\"" + pointer + "\">" + ReportNumbers.format(value) + "</span>";
    }

    private static String count(String pointer, long value) {
        return "<span class=\"num\" data-json=\"" + pointer + "\">" + value + "</span>";
    }

    private static String time(String pointer, String instant) {
        return "<time datetime=\"" + instant + "\" data-json=\"" + pointer + "\">" + instant + "</time>";
    }
}
