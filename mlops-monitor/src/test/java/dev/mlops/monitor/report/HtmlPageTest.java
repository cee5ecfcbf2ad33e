package dev.mlops.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.json.Documents;
import dev.mlops.core.report.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The page as text and as jsoup parses it (the browser test runs the same checks on Chromium's DOM). */
class HtmlPageTest {
    private static final Instant T0 = Instant.parse("2026-03-16T00:00:00Z");

    private static Document page(MonitoringReport report) {
        return Jsoup.parse(report.toHtml());
    }

    private static MonitoringReport.Builder builder() {
        return MonitoringReport.builder("t", "s", T0);
    }

    @Nested
    class WholePage {
        private final MonitoringReport report = Reports.full();
        private final String html = report.toHtml();
        private final Document page = Jsoup.parse(html);

        @Test
        void everyNumberEqualsTheJsonsAndEveryChartIsDrawn() {
            JsonNode json = Documents.parseTree(report.toJson(), "report.json");
            assertThat(PageChecks.numbersMatchJson(page, json)).isGreaterThan(250);
            PageChecks.chartsDrawn(page, json);
        }

        @Test
        void thePageIsSelfContainedAndHasNoScript() {
            assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">").doesNotContainIgnoringCase("<script");
            assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                    .isEqualTo("default-src 'none'; style-src 'unsafe-inline'");
            assertThat(page.select("[src]")).isEmpty();
            assertThat(page.select("a[href]").eachAttr("href")).allSatisfy(href -> assertThat(href).startsWith("#"));
            assertThat(page.select("style")).hasSize(1);
            assertThat(page.select("meta[charset]").attr("charset")).isEqualTo("utf-8");
        }

        @Test
        void textIsEscapedEverywhere() {
            assertThat(page.title()).isEqualTo("Churn model — week 12 <b>bold?</b>");
            assertThat(page.select("h1").text()).isEqualTo("Churn model — week 12 <b>bold?</b>");
            assertThat(page.select(".subject").text()).isEqualTo("churn v3 on captures of São Paulo & München");
            assertThat(page.select("b, i")).isEmpty();
            assertThat(page.select("section#findings tbody tr").get(1).child(2).text())
                    .isEqualTo("unseen categories \"Köln\" & 'Bonn' <i>2.5%</i>");
            Element script = page.select("section#features article").get(2);
            assertThat(script.select("h3").text()).isEqualTo(Reports.SCRIPT + " drift");
            assertThat(script.select("details td:eq(0)").eachText()).containsExactly("<b>", "\"q\"&'s'");
            assertThat(script.select("svg > title").text()).contains(Reports.SCRIPT);
            assertThat(script.select("svg text.tick").eachText()).contains("<b>", "\"q\"&'s'");
            assertThat(script.select("rect.bar title").eachText()).contains("<b>: reference share 1");
            assertThat(html).contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;");
        }

        @Test
        void findingsShowSeverityScopeAndNumbers() {
            Elements rows = page.select("section#findings tbody tr");
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).select(".badge.error").text()).isEqualTo("error");
            assertThat(rows.get(0).select("td").eachText()).containsExactly("error", "age",
                    "age drifted: KS p-value below 0.05", "1.23457E-7", "0.05");
            assertThat(rows.get(2).select("td").eachText()).containsExactly("info", "report",
                    "1 of 5 features has no current rows", "–", "–");
        }

        @Test
        void eachFeatureShowsItsStatisticVerdictAndSizes() {
            Elements cards = page.select("section#features article");
            assertThat(cards).hasSize(5);
            assertThat(cards.get(0).classNames()).contains("card", "feature", "drift");
            assertThat(cards.get(0).select("p.stats").text())
                    .isEqualTo("ks 0.312346 · p-value 1.23457E-7 · threshold 0.05 · reference rows 12000 · current rows 1500");
            assertThat(cards.get(2).select("p.stats").text())
                    .isEqualTo("psi Infinity · threshold 0.2 · reference rows 100 · current rows 10");
            assertThat(cards.get(3).classNames()).contains("no-data");
            assertThat(cards.get(3).select(".badge").text()).isEqualTo("no-data");
            assertThat(cards.get(3).select("details td.num").eachText())
                    .containsExactly("0.25", "NaN", "0.5", "NaN", "0.25", "NaN");
        }

        @Test
        void timelinesAndQualityHaveTheirTables() {
            Element age = page.select("section#timelines article").get(0);
            assertThat(age.select("h3").text()).isEqualTo("age — psi");
            assertThat(age.select("p.stats").text()).isEqualTo("threshold 0.2");
            assertThat(age.select("tbody tr").get(2).select("td").eachText())
                    .containsExactly("2026-03-18T00:00:00Z", "NaN", "no-data");
            assertThat(age.select("tbody .badge").eachText())
                    .containsExactly("ok", "ok", "no-data", "ok", "drift", "drift", "drift");
            assertThat(age.select("time").first().attr("datetime")).isEqualTo("2026-03-16T00:00:00Z");
            Elements quality = page.select("section#quality article");
            assertThat(quality.get(0).select("p.stats").text()).isEqualTo("at training 0.91");
            assertThat(quality.get(0).select("figcaption").text()).isEqualTo("accuracy per window; at training");
            assertThat(quality.get(1).select("p.stats").text()).isEqualTo("no training value given");
            assertThat(quality.get(1).select("figcaption").text()).isEqualTo("rmse per window");
            assertThat(quality.get(1).select("thead th").eachText()).containsExactly("time (UTC)", "value");
            assertThat(quality.get(1).select("tbody td").eachText())
                    .containsExactly("2026-03-16T00:00:00Z", "1234.57", "2026-03-16T00:30:00Z", "NaN",
                            "2026-03-16T01:00:00Z", "1302.25");
        }

        @Test
        void theNavigationLinksTheSectionsAndTheFooterNamesTheFormat() {
            assertThat(page.select("nav a").eachAttr("href"))
                    .containsExactly("#findings", "#features", "#timelines", "#quality");
            assertThat(page.select("footer").text()).startsWith("monitoring-report, format version 1, written by");
        }
    }

    @Nested
    class EmptyParts {
        @Test
        void aReportWithNothingInItSaysSo() {
            Document page = page(builder().build());
            assertThat(page.select("section#findings p").text()).isEqualTo("No findings.");
            assertThat(page.select("section")).hasSize(1);
            assertThat(page.select("nav a").eachAttr("href")).containsExactly("#findings");
            assertThat(page.select("svg")).isEmpty();
            assertThat(page.select("time").text()).isEqualTo("2026-03-16T00:00:00Z");
        }

        @Test
        void aFeatureWithoutBinsGetsAxesAndANote() {
            Document page = page(builder().feature(new FeatureDrift("f", "psi", 0.0, OptionalDouble.empty(), 0.2,
                    Verdict.OK, 0, 0, List.of())).build());
            Element svg = page.select("svg.histogram").first();
            assertThat(svg.select("text.note").eachText()).containsExactly("no bins to draw");
            assertThat(List.of(svg.select("text.note").attr("x"), svg.select("text.note").attr("y")))
                    .containsExactly("300.0", "122.0");
            assertThat(svg.select("rect.bar")).isEmpty();
            assertThat(svg.select("path.axis")).hasSize(1);
            assertThat(svg.select("text.tick").eachText()).containsExactly("0", "0.2", "0.4", "0.6", "0.8", "1");
        }

        @Test
        void aSeriesWithoutPointsGetsAxesAndANote() {
            Document page = page(builder().quality(new QualitySeries("auc", OptionalDouble.empty(), List.of())).build());
            Element svg = page.select("svg.line").first();
            assertThat(svg.select("text.note").eachText()).containsExactly("no points to draw");
            assertThat(List.of(svg.select("text.note").attr("x"), svg.select("text.note").attr("y")))
                    .containsExactly("300.0", "124.0");
            assertThat(svg.select("circle, path.series, line.level")).isEmpty();
            assertThat(svg.select("text.tick").eachText()).containsExactly("0", "0.2", "0.4", "0.6", "0.8", "1");
        }

        @Test
        void aSeriesOfNaNsShowsItsWindowsOnTheTimeAxis() {
            Document page = page(builder().timeline(new Timeline("f", "psi", 0.2, List.of(
                    new Timeline.Point(T0, Double.NaN, Verdict.NO_DATA),
                    new Timeline.Point(T0.plus(Duration.ofHours(6)), Double.NaN, Verdict.NO_DATA)))).build());
            Element svg = page.select("svg.line").first();
            assertThat(svg.select("text.note").eachText()).containsExactly("no finite values to draw");
            assertThat(svg.select("text.note").attr("y")).isEqualTo("124.0");
            assertThat(svg.select("circle.mark.missing")).hasSize(2)
                    .allSatisfy(mark -> assertThat(mark.attr("cy")).isEqualTo("220.0"));
            assertThat(svg.select("circle.mark.missing").eachAttr("cx")).containsExactly("68.0", "532.0");
            assertThat(svg.select("circle title").eachText()).containsExactly("2026-03-16T00:00:00Z: NaN (no-data)",
                    "2026-03-16T06:00:00Z: NaN (no-data)");
            assertThat(svg.select("path.series")).isEmpty();
            assertThat(svg.select("line.level")).hasSize(1);
        }
    }

    @Nested
    class Histograms {
        private final Element svg = page(builder().feature(new FeatureDrift("f", "psi", 0.1, OptionalDouble.empty(),
                0.2, Verdict.OK, 4, 2, List.of(new Bin("low", 0.25, 0.5), new Bin("high", 0.75, 0.5)))).build())
                .select("svg.histogram").first();

        @Test
        void barsStandSideBySideWithHeightsInProportionToTheShares() {
            Elements bars = svg.select("rect.bar");
            assertThat(bars.eachAttr("class")).containsExactly("bar reference", "bar current", "bar reference",
                    "bar current");
            assertThat(bars.eachAttr("x")).containsExactly("85.3", "178.0", "329.3", "422.0");
            assertThat(bars.eachAttr("width")).containsOnly("92.7");
            assertThat(bars.eachAttr("height")).containsExactly("53.8", "107.5", "161.3", "107.5");
            assertThat(bars.eachAttr("y")).containsExactly("154.3", "100.5", "46.8", "100.5");
            assertThat(bars.eachAttr("data-json")).containsExactly("/features/0/bins/0/referenceShare",
                    "/features/0/bins/0/currentShare", "/features/0/bins/1/referenceShare",
                    "/features/0/bins/1/currentShare");
            assertThat(bars.select("title").eachText()).containsExactly("low: reference share 0.25",
                    "low: current share 0.5", "high: reference share 0.75", "high: current share 0.5");
        }

        @Test
        void theAxesHaveTicksLabelsAndALegend() {
            assertThat(svg.attr("width")).isEqualTo("560");
            assertThat(svg.attr("height")).isEqualTo("280");
            assertThat(svg.select("path.axis").attr("d")).isEqualTo("M56.0 36.0 V208.0 H544.0");
            Elements grid = svg.select("line.grid");
            assertThat(grid.eachAttr("y1")).containsExactly("208.0", "165.0", "122.0", "79.0", "36.0");
            assertThat(grid.eachAttr("x1")).containsOnly("56.0");
            assertThat(grid.eachAttr("x2")).containsOnly("544.0");
            Elements ticks = svg.select("text.tick");
            assertThat(ticks.eachText()).containsExactly("0", "0.2", "0.4", "0.6", "0.8", "low", "high");
            assertThat(ticks.get(1).attr("y")).isEqualTo("169.0");
            assertThat(ticks.get(1).attr("x")).isEqualTo("50.0");
            assertThat(ticks.get(1).attr("text-anchor")).isEqualTo("end");
            assertThat(ticks.get(5).attr("x")).isEqualTo("178.0");
            assertThat(ticks.get(5).attr("y")).isEqualTo("222.0");
            assertThat(ticks.get(5).attr("text-anchor")).isEqualTo("middle");
            assertThat(ticks.get(5).hasAttr("transform")).isFalse();
            assertThat(svg.select("text.axis-title").text()).isEqualTo("share of rows");
            assertThat(svg.select("text.axis-title").attr("y")).isEqualTo("24.0");
            assertThat(svg.select("text.legend").eachText()).containsExactly("reference", "current");
            assertThat(svg.select("rect.reference:not(.bar)").attr("x")).isEqualTo("374.0");
            assertThat(svg.select("rect.current:not(.bar)").attr("x")).isEqualTo("474.0");
            assertThat(svg.select("text.legend").eachAttr("x")).containsExactly("388.0", "488.0");
            assertThat(svg.select("text.note")).isEmpty();
        }

        @Test
        void manyBinsGetTurnedThinnedAndShortenedLabels() {
            Element many = page(builder().feature(new FeatureDrift("f", "psi", 0.1, OptionalDouble.empty(), 0.2,
                    Verdict.OK, 4, 2, Reports.manyBins(40))).build()).select("svg.histogram").first();
            Elements labels = many.select("text.tick[transform]");
            assertThat(labels).hasSize(20);
            assertThat(labels.first().text()).isEqualTo("bin number…");
            assertThat(labels.get(1).attr("x")).isEqualTo("86.5");
            assertThat(labels.first().attr("text-anchor")).isEqualTo("end");
            assertThat(labels.first().attr("transform")).isEqualTo("rotate(-40.0 62.1 222.0)");
            assertThat(many.select("rect.bar")).hasSize(80);
            Element sixty = page(builder().feature(new FeatureDrift("f", "psi", 0.1, OptionalDouble.empty(), 0.2,
                    Verdict.OK, 4, 2, Reports.manyBins(60))).build()).select("svg.histogram").first();
            assertThat(sixty.select("text.tick[transform]")).as("every second of 60 labels").hasSize(30);
            Element nine = page(builder().feature(new FeatureDrift("f", "psi", 0.1, OptionalDouble.empty(), 0.2,
                    Verdict.OK, 4, 2, Reports.manyBins(9))).build()).select("svg.histogram").first();
            assertThat(nine.select("text.tick[transform]")).hasSize(9);
            Element eight = page(builder().feature(new FeatureDrift("f", "psi", 0.1, OptionalDouble.empty(), 0.2,
                    Verdict.OK, 4, 2, Reports.manyBins(8))).build()).select("svg.histogram").first();
            assertThat(eight.select("text.tick[transform]")).isEmpty();
            assertThat(eight.select("text.tick")).hasSize(8 + 4);
        }

        @Test
        void labelsAreCutByCharactersNotByCodeUnits() {
            assertThat(HistogramChart.shorten("123456789012")).isEqualTo("123456789012");
            assertThat(HistogramChart.shorten("1234567890123")).isEqualTo("12345678901…");
            assertThat(HistogramChart.shorten("1234567890 23")).isEqualTo("1234567890…");
            assertThat(HistogramChart.shorten("😀😀😀😀😀😀😀😀😀😀😀😀")).isEqualTo("😀😀😀😀😀😀😀😀😀😀😀😀");
            assertThat(HistogramChart.shorten("😀😀😀😀😀😀😀😀😀😀😀😀😀")).isEqualTo("😀😀😀😀😀😀😀😀😀😀😀…");
        }

        @Test
        void aSideWithoutRowsHasNoBarsAndANote() {
            Element empty = page(builder().feature(new FeatureDrift("f", "psi", Double.NaN, OptionalDouble.empty(),
                    0.2, Verdict.NO_DATA, 4, 0, Bin.fromCounts(List.of("a", "b"), new long[] {1, 3}, new long[] {0, 0})))
                    .build()).select("svg.histogram").first();
            assertThat(empty.select("rect.bar").eachAttr("class")).containsOnly("bar reference").hasSize(2);
            assertThat(empty.select("text.note").eachText()).containsExactly("no current rows");
            assertThat(List.of(empty.select("text.note").attr("x"), empty.select("text.note").attr("y")))
                    .containsExactly("300.0", "24.0");
            Element noReference = page(builder().feature(new FeatureDrift("f", "psi", Double.NaN,
                    OptionalDouble.empty(), 0.2, Verdict.NO_DATA, 0, 4, Bin.fromCounts(List.of("a"), new long[] {0},
                            new long[] {4}))).build()).select("svg.histogram").first();
            assertThat(noReference.select("rect.bar").eachAttr("class")).containsExactly("bar current");
            assertThat(noReference.select("rect.bar").attr("height")).isEqualTo("172.0");
            assertThat(noReference.select("text.note")).isEmpty();
        }
    }

    @Nested
    class Lines {
        private final Element svg = page(builder().timeline(new Timeline("f", "psi", 0.2, List.of(
                new Timeline.Point(T0, 0.1, Verdict.OK),
                new Timeline.Point(T0.plus(Duration.ofDays(1)), 0.3, Verdict.DRIFT)))).build())
                .select("svg.line").first();

        @Test
        void aLineJoinsTheMarkersAndTheThresholdIsDashed() {
            assertThat(svg.attr("width")).isEqualTo("560");
            assertThat(svg.attr("height")).isEqualTo("260");
            assertThat(svg.select("path.axis").attr("d")).isEqualTo("M56.0 28.0 V220.0 H544.0");
            assertThat(svg.select("path.series").attr("d")).isEqualTo("M68.0 220.0 L532.0 28.0");
            Elements marks = svg.select("circle.mark");
            assertThat(marks.eachAttr("class")).containsExactly("mark ok", "mark drift");
            assertThat(marks.eachAttr("r")).containsOnly("4.0");
            assertThat(marks.eachAttr("data-json")).containsExactly("/timelines/0/points/0/value",
                    "/timelines/0/points/1/value");
            assertThat(marks.select("title").eachText()).containsExactly("2026-03-16T00:00:00Z: 0.1 (ok)",
                    "2026-03-17T00:00:00Z: 0.3 (drift)");
            Element level = svg.select("line.level").first();
            assertThat(List.of(level.attr("x1"), level.attr("y1"), level.attr("x2"), level.attr("y2")))
                    .containsExactly("56.0", "124.0", "544.0", "124.0");
            Element label = svg.select("text.level-label").first();
            assertThat(label.text()).isEqualTo("threshold 0.2");
            assertThat(label.attr("data-json")).isEqualTo("/timelines/0/threshold");
            assertThat(label.attr("x")).isEqualTo("540.0");
            assertThat(label.attr("y")).isEqualTo("119.0");
            assertThat(label.attr("text-anchor")).isEqualTo("end");
        }

        @Test
        void theTimeAxisHasUtcTicks() {
            Elements ticks = svg.select("text.tick");
            assertThat(ticks.eachText()).containsExactly("0.1", "0.15", "0.2", "0.25", "0.3", "03-16 00:00",
                    "03-17 00:00");
            assertThat(ticks.get(5).attr("x")).isEqualTo("68.0");
            assertThat(ticks.get(5).attr("y")).isEqualTo("236.0");
            assertThat(ticks.get(5).attr("text-anchor")).isEqualTo("middle");
            assertThat(ticks.get(6).attr("text-anchor")).isEqualTo("end");
            assertThat(svg.select("line.axis").eachAttr("y2")).containsOnly("224.0");
            assertThat(svg.select("line.axis").eachAttr("x1")).containsExactly("68.0", "532.0");
            Element title = svg.select("text.axis-title").last();
            assertThat(title.text()).isEqualTo("time (UTC)");
            assertThat(List.of(title.attr("x"), title.attr("y"))).containsExactly("544.0", "252.0");
            assertThat(svg.select("text.axis-title").first().text()).isEqualTo("psi");
        }

        @Test
        void tickLabelsFollowTheSpan() {
            assertThat(timeTicks(T0, Duration.ofDays(1), 3)).containsExactly("2026-03-16", "2026-03-17", "2026-03-18");
            assertThat(timeTicks(T0, Duration.ofMinutes(59), 2)).containsExactly("00:00:00", "00:59:00");
            assertThat(timeTicks(T0, Duration.ofHours(1), 2)).containsExactly("03-16 00:00", "03-16 01:00");
            assertThat(timeTicks(T0.plusSeconds(3600 * 13), Duration.ofDays(1), 1)).containsExactly("2026-03-16 13:00");
            assertThat(timeTicks(T0, Duration.ofDays(1), 8))
                    .containsExactly("2026-03-16", "2026-03-17", "2026-03-19", "2026-03-21", "2026-03-23");
        }

        private List<String> timeTicks(Instant first, Duration step, int points) {
            QualitySeries.Point[] series = new QualitySeries.Point[points];
            for (int i = 0; i < points; i++) {
                series[i] = new QualitySeries.Point(first.plus(step.multipliedBy(i)), i);
            }
            Element chart = page(builder().quality(new QualitySeries("m", OptionalDouble.empty(), List.of(series)))
                    .build()).select("svg.line").first();
            List<String> labels = chart.select("text.tick").eachText();
            return labels.subList(labels.size() - chart.select("line.axis").size(), labels.size());
        }

        @Test
        void aSinglePointSitsInTheMiddle() {
            Element one = page(builder().quality(new QualitySeries("acc", OptionalDouble.empty(), List.of(
                    new QualitySeries.Point(T0, 0.9)))).build()).select("svg.line").first();
            Element mark = one.select("circle.mark").first();
            assertThat(mark.attr("cx")).isEqualTo("300.0");
            assertThat(mark.attr("class")).isEqualTo("mark value");
            assertThat(mark.select("title").text()).isEqualTo("2026-03-16T00:00:00Z: 0.9");
            assertThat(one.select("path.series, line.level, text.note")).isEmpty();
            assertThat(one.select("text.tick").last().attr("text-anchor")).isEqualTo("middle");
            assertThat(one.select("text.tick").eachText()).containsExactly("0.4", "0.6", "0.8", "1", "1.2", "1.4",
                    "2026-03-16 00:00");
        }

        @Test
        void theLineBreaksWhereAValueIsNotFinite() {
            Element broken = page(builder().timeline(new Timeline("f", "psi", 1.0, List.of(
                    new Timeline.Point(T0, 0.0, Verdict.OK),
                    new Timeline.Point(T0.plusSeconds(1), 1.0, Verdict.DRIFT),
                    new Timeline.Point(T0.plusSeconds(2), Double.POSITIVE_INFINITY, Verdict.DRIFT),
                    new Timeline.Point(T0.plusSeconds(3), 1.0, Verdict.DRIFT),
                    new Timeline.Point(T0.plusSeconds(4), 0.0, Verdict.OK)))).build()).select("svg.line").first();
            assertThat(broken.select("path.series").attr("d"))
                    .isEqualTo("M68.0 220.0 L184.0 28.0 M416.0 28.0 L532.0 220.0");
            Element missing = broken.select("circle.mark.missing").first();
            assertThat(List.of(missing.attr("cx"), missing.attr("cy"), missing.attr("r")))
                    .containsExactly("300.0", "220.0", "3.0");
            assertThat(missing.attr("data-value")).isEqualTo("Infinity");
            Element isolated = page(builder().quality(new QualitySeries("m", OptionalDouble.of(2.0), List.of(
                    new QualitySeries.Point(T0, 1.0), new QualitySeries.Point(T0.plusSeconds(1), Double.NaN),
                    new QualitySeries.Point(T0.plusSeconds(2), 3.0)))).build()).select("svg.line").first();
            assertThat(isolated.select("path.series")).as("no two finite neighbours: no line").isEmpty();
            assertThat(isolated.select("text.level-label").text()).isEqualTo("training 2");
            assertThat(isolated.select("text.level-label").attr("data-json")).isEqualTo("/quality/0/baseline");
        }

        @Test
        void theLevelWidensTheAxis() {
            Element chart = page(builder().timeline(new Timeline("f", "p-value", 0.05, List.of(
                    new Timeline.Point(T0, 0.5, Verdict.OK), new Timeline.Point(T0.plusSeconds(60), 0.6, Verdict.OK))))
                    .build()).select("svg.line").first();
            assertThat(chart.select("text.tick").eachText()).startsWith("0", "0.1", "0.2", "0.3");
            Element high = page(builder().quality(new QualitySeries("m", OptionalDouble.of(10.0), List.of(
                    new QualitySeries.Point(T0, 1.0)))).build()).select("svg.line").first();
            assertThat(high.select("text.tick").eachText()).startsWith("0", "2", "4", "6", "8", "10");
        }
    }

    @Test
    void aFindingWithoutSeverityNumbersStillHasItsCells() {
        Document page = page(builder().finding(new Finding(Severity.WARNING, "x", "m", OptionalDouble.of(1.5),
                OptionalDouble.empty())).build());
        assertThat(page.select("section#findings td").eachText()).containsExactly("warning", "x", "m", "1.5", "–");
    }
}
