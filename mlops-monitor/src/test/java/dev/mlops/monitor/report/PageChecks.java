package dev.mlops.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Checks on a report page's DOM (as Chromium returns it, or as jsoup parses the HTML text) against
 * the report's JSON: shared by the browser test and the page's unit tests.
 */
final class PageChecks {
    private static final double PIXEL = 0.15;

    private PageChecks() {
    }

    /**
     * Every element with a {@code data-json} pointer shows the JSON's value at that pointer
     * written the same way; the page has as many such numbers as the JSON has numbers (each at
     * least once). Returns how many elements were compared.
     */
    static int numbersMatchJson(Document page, JsonNode json) {
        Elements marked = page.select("[data-json]");
        List<String> pointers = new ArrayList<>();
        for (Element element : marked) {
            String pointer = element.attr("data-json");
            JsonNode expected = json.at(pointer);
            assertThat(expected.isMissingNode()).as("pointer %s of %s exists in the JSON", pointer, element).isFalse();
            String shown = element.hasAttr("data-value") ? element.attr("data-value") : element.text();
            assertThat(shown).as("the page's %s at %s", element.tagName(), pointer).isEqualTo(jsonText(expected));
            if (element.hasAttr("data-value")) {
                assertThat(element.text()).as("the visible text or tooltip of %s", pointer).contains(shown);
            }
            pointers.add(pointer);
        }
        List<String> numbers = new ArrayList<>();
        collectNumbers(json, "", numbers);
        assertThat(pointers).as("every number of the JSON is in the page").containsAll(numbers);
        return marked.size();
    }

    /** @return the JSON value as its text in the file: a number's token, a string's content */
    static String jsonText(JsonNode value) {
        if (value.isFloatingPointNumber() || value.isBigDecimal()) {
            return value.decimalValue().toString();
        }
        return value.asText();
    }

    /** Pointers of every number in the JSON, also non-finite ones written as strings, and times. */
    private static void collectNumbers(JsonNode node, String pointer, List<String> numbers) {
        if (node.isObject()) {
            node.properties().forEach(entry -> collectNumbers(entry.getValue(), pointer + "/" + entry.getKey(),
                    numbers));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectNumbers(node.get(i), pointer + "/" + i, numbers);
            }
        } else if (node.isNumber() || List.of("NaN", "Infinity", "-Infinity").contains(node.asText())) {
            numbers.add(pointer);
        }
    }

    /**
     * Each chart is an SVG with a non-zero size; each histogram has a bar per finite share whose
     * height is proportional to the share; each line chart has its axes, a marker per point, a
     * dashed level where the JSON has one, and markers whose heights follow their values.
     */
    static void chartsDrawn(Document page, JsonNode json) {
        Elements histograms = page.select("section#features svg.histogram");
        assertThat(histograms).as("one histogram per feature").hasSize(json.get("features").size());
        for (int f = 0; f < histograms.size(); f++) {
            Element svg = histograms.get(f);
            sized(svg);
            assertThat(svg.select("path.axis")).hasSize(1);
            JsonNode bins = json.get("features").get(f).get("bins");
            int finite = 0;
            for (JsonNode bin : bins) {
                finite += bin.get("referenceShare").isNumber() ? 1 : 0;
                finite += bin.get("currentShare").isNumber() ? 1 : 0;
            }
            Elements bars = svg.select("rect.bar");
            assertThat(bars).as("bars of feature %d", f).hasSize(finite);
            proportional(bars, "height", false);
            for (Element bar : bars) {
                assertThat(Double.parseDouble(bar.attr("width"))).as("bar width").isGreaterThan(0.0);
            }
        }
        Elements lines = page.select("section#timelines svg.line, section#quality svg.line");
        assertThat(lines).as("one line chart per timeline and quality series")
                .hasSize(json.get("timelines").size() + json.get("quality").size());
        List<JsonNode> series = new ArrayList<>();
        json.get("timelines").forEach(series::add);
        json.get("quality").forEach(series::add);
        for (int s = 0; s < lines.size(); s++) {
            Element svg = lines.get(s);
            JsonNode entry = series.get(s);
            sized(svg);
            assertThat(svg.select("path.axis")).hasSize(1);
            assertThat(svg.select("circle.mark")).as("a marker per point").hasSize(entry.get("points").size());
            boolean level = entry.has("threshold") || entry.has("baseline");
            assertThat(svg.select("line.level")).as("a dashed level line").hasSize(level ? 1 : 0);
            Elements drawn = svg.select("circle.mark:not(.missing)");
            proportional(drawn, "cy", true);
            long finitePoints = 0;
            for (JsonNode point : entry.get("points")) {
                finitePoints += point.get("value").isNumber() ? 1 : 0;
            }
            assertThat(drawn).hasSize((int) finitePoints);
            for (int i = 1; i < drawn.size(); i++) {
                assertThat(Double.parseDouble(drawn.get(i).attr("cx")))
                        .as("markers go right with time").isGreaterThan(Double.parseDouble(drawn.get(i - 1).attr("cx")));
            }
        }
    }

    private static void sized(Element svg) {
        assertThat(Integer.parseInt(svg.attr("width"))).isPositive();
        assertThat(Integer.parseInt(svg.attr("height"))).isPositive();
        assertThat(svg.attr("viewBox")).isEqualTo("0 0 " + svg.attr("width") + " " + svg.attr("height"));
    }

    /**
     * The attribute is a linear function of each element's data-value (a height proportional to
     * it, or a y coordinate that falls as it grows), to a tenth of a pixel and more.
     */
    private static void proportional(Elements elements, String attribute, boolean falling) {
        if (elements.size() < 2) {
            return;
        }
        double lowValue = Double.POSITIVE_INFINITY;
        double highValue = Double.NEGATIVE_INFINITY;
        double low = 0;
        double high = 0;
        for (Element element : elements) {
            double value = Double.parseDouble(element.attr("data-value"));
            double at = Double.parseDouble(element.attr(attribute));
            if (value < lowValue) {
                lowValue = value;
                low = at;
            }
            if (value > highValue) {
                highValue = value;
                high = at;
            }
        }
        if (lowValue == highValue) {
            return;
        }
        double slope = (high - low) / (highValue - lowValue);
        assertThat(slope).as("%s %s as the value grows", attribute, falling ? "falls" : "grows")
                .satisfies(s -> assertThat(falling ? -s : s).isPositive());
        for (Element element : elements) {
            double value = Double.parseDouble(element.attr("data-value"));
            assertThat(Double.parseDouble(element.attr(attribute)))
                    .as("%s of %s", attribute, element.attr("data-json"))
                    .isCloseTo(low + (value - lowValue) * slope, org.assertj.core.data.Offset.offset(PIXEL));
        }
    }
}
