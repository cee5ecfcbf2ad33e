package dev.mlops.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTest {

    /** The kind of document the library writes: times, a map, a measured value. */
    record Finding(String name, Instant createdAt, Duration took, Map<String, Integer> counts,
            double value) {
    }

    record Measured(double value, Double boxed, float single) {
    }

    record Point(String label, double x) {
    }

    record Holder(Object value) {
    }

    static final Instant CREATED = Instant.parse("2024-03-01T12:34:56.789Z");

    static Finding finding(double value) {
        Map<String, Integer> counts = new HashMap<>();
        counts.put("zeta", 3);
        counts.put("alpha", 1);
        counts.put("München", 7);
        counts.put("mid", 2);
        return new Finding("drift", CREATED, Duration.ofMinutes(90).plusMillis(250), counts, value);
    }

    static String write(Object value) throws JsonProcessingException {
        return Json.writer().writeValueAsString(value);
    }

    @Nested
    class JavaTime {

        @Test
        void instantAndDurationAreIsoStringsInUtc() throws Exception {
            // Surefire runs in Asia/Kolkata: a local-time slip would show +05:30 here.
            String json = write(finding(1.5));

            assertThat(json)
                    .contains("\"createdAt\":\"2024-03-01T12:34:56.789Z\"")
                    .contains("\"took\":\"PT1H30M0.25S\"");
        }

        @Test
        void localDateIsIsoString() throws Exception {
            assertThat(write(Map.of("day", LocalDate.of(2024, 2, 29))))
                    .isEqualTo("{\"day\":\"2024-02-29\"}");
        }

        @Test
        void recordRoundTrips() throws Exception {
            Finding original = finding(0.125);

            Finding back = Json.reader().forType(Finding.class).readValue(write(original));

            assertThat(back).isEqualTo(original);
        }
    }

    @Nested
    class KeyOrder {

        @Test
        void mapKeysComeOutSorted() throws Exception {
            String json = write(finding(1.0));

            assertThat(json).contains("\"counts\":{\"München\":7,\"alpha\":1,\"mid\":2,\"zeta\":3}");
        }

        @Test
        void recordComponentsKeepDeclarationOrder() throws Exception {
            assertThat(write(finding(2.0)))
                    .isEqualTo("{\"name\":\"drift\",\"createdAt\":\"2024-03-01T12:34:56.789Z\","
                            + "\"took\":\"PT1H30M0.25S\",\"counts\":{\"München\":7,\"alpha\":1,"
                            + "\"mid\":2,\"zeta\":3},\"value\":2.0}");
        }

        @Test
        void treePropertiesComeOutSorted() throws Exception {
            ObjectNode tree = Json.newMapper().createObjectNode();
            tree.put("b", 1).put("a", 2).putObject("c").put("y", 1).put("x", 2);

            assertThat(write(tree)).isEqualTo("{\"a\":2,\"b\":1,\"c\":{\"x\":2,\"y\":1}}");
        }

        @Test
        void twoWritesOfEqualValuesAreIdentical() throws Exception {
            Map<String, Object> first = new HashMap<>();
            Map<String, Object> second = new LinkedHashMap<>();
            for (int i = 0; i < 50; i++) {
                first.put("key" + i, i);
            }
            for (int i = 49; i >= 0; i--) {
                second.put("key" + i, i);
            }

            assertThat(write(first)).isEqualTo(write(second));
            assertThat(write(finding(3.0))).isEqualTo(write(finding(3.0)));
            assertThat(Json.prettyWriter().writeValueAsString(first))
                    .isEqualTo(Json.prettyWriter().writeValueAsString(second));
        }
    }

    @Nested
    class NonFiniteNumbers {

        static Stream<Arguments> nonFinite() {
            return Stream.of(
                    Arguments.of(Double.NaN, "NaN"),
                    Arguments.of(Double.POSITIVE_INFINITY, "Infinity"),
                    Arguments.of(Double.NEGATIVE_INFINITY, "-Infinity"));
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("nonFinite")
        void writtenAsQuotedStrings(double value, String text) throws Exception {
            String json = write(new Measured(value, value, (float) value));

            assertThat(json).isEqualTo("{\"value\":\"" + text + "\",\"boxed\":\"" + text
                    + "\",\"single\":\"" + text + "\"}");
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("nonFinite")
        void readBackIntoDoubleDoubleAndFloat(double value, String text) throws Exception {
            Measured original = new Measured(value, value, (float) value);

            Measured back = Json.reader().forType(Measured.class).readValue(write(original));

            // boxed comparisons: Double.equals treats NaN as equal to itself, == does not
            assertThat(back).isEqualTo(original);
            assertThat(Double.valueOf(back.value())).isEqualTo(Double.valueOf(value));
            assertThat(back.boxed()).isEqualTo(Double.valueOf(value));
            assertThat(Float.valueOf(back.single())).isEqualTo(Float.valueOf((float) value));
        }

        @Test
        void findingWithNaNRoundTripsAndIsValidJson() throws Exception {
            String json = write(finding(Double.NaN));

            assertThat(json).contains("\"value\":\"NaN\"");
            JsonNode tree = Json.reader().readTree(json);
            assertThat(tree.get("value").isTextual()).isTrue();
            Finding back = Json.reader().forType(Finding.class).readValue(json);
            assertThat(back.value()).isNaN();
        }

        @Test
        void untypedTargetsKeepTheString() throws Exception {
            Map<String, Object> map = Json.reader().forType(Map.class)
                    .readValue("{\"v\":\"NaN\"}");

            assertThat(map).containsEntry("v", "NaN");
        }

        @Test
        void bareNaNTokenIsRejectedAsNotJson() {
            assertThatThrownBy(() -> Json.reader().forType(Measured.class)
                    .readValue("{\"value\":NaN}"))
                    .isInstanceOf(JsonProcessingException.class);
        }
    }

    @Nested
    class Reading {

        @Test
        void unknownPropertiesAreIgnored() throws Exception {
            Point point = Json.reader().forType(Point.class)
                    .readValue("{\"label\":\"São Paulo\",\"extra\":{\"deep\":[1,2]},\"x\":2.5,"
                            + "\"later\":true}");

            assertThat(point).isEqualTo(new Point("São Paulo", 2.5));
        }

        @Test
        void floatsReadAsDoubleNotBigDecimal() throws Exception {
            Map<String, Object> map = Json.reader().forType(Map.class)
                    .readValue("{\"v\":0.1,\"w\":1e400}");
            JsonNode tree = Json.reader().readTree("{\"v\":0.1}");

            assertThat(map.get("v")).isInstanceOf(Double.class).isEqualTo(0.1);
            assertThat(map.get("w")).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(tree.get("v").isDouble()).isTrue();
        }

        @Test
        void textAfterTheValueIsAnError() {
            assertThatThrownBy(() -> Json.reader().forType(Point.class)
                    .readValue("{\"label\":\"a\",\"x\":1} {\"label\":\"b\",\"x\":2}"))
                    .isInstanceOf(MismatchedInputException.class)
                    .hasMessageContaining("Trailing token");
        }

        @Test
        void noDefaultTypingOnWriteOrRead() throws Exception {
            String json = write(new Holder(new ArrayList<>(List.of(1, 2))));
            Holder back = Json.reader().forType(Holder.class)
                    .readValue("{\"value\":[\"java.util.ArrayList\",[1]]}");

            assertThat(json).isEqualTo("{\"value\":[1,2]}");
            assertThat(back.value()).isEqualTo(List.of("java.util.ArrayList", List.of(1)));
        }
    }

    @Nested
    class GermanLocale {

        private Locale savedLocale;
        private TimeZone savedZone;

        @BeforeEach
        void useGermanLocale() {
            // Surefire already runs with de_DE and Asia/Kolkata; set them again so the test
            // proves the same thing when started from an IDE.
            savedLocale = Locale.getDefault();
            savedZone = TimeZone.getDefault();
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        }

        @AfterEach
        void restore() {
            Locale.setDefault(savedLocale);
            TimeZone.setDefault(savedZone);
        }

        @Test
        void numbersUseADecimalPoint() throws Exception {
            assertThat(String.format("%.1f", 1234.5)).as("the locale is German").isEqualTo("1234,5");

            String json = write(Map.of("a", 1234.5, "b", 0.1 + 0.2, "c", 1.0e-7, "d", 12345678.9f));

            assertThat(json).isEqualTo(
                    "{\"a\":1234.5,\"b\":0.30000000000000004,\"c\":1.0E-7,\"d\":1.2345679E7}");
        }

        @Test
        void numbersParseWithADecimalPoint() throws Exception {
            Point point = Json.reader().forType(Point.class)
                    .readValue("{\"label\":\"Köln\",\"x\":1234.5}");

            assertThat(point.x()).isEqualTo(1234.5);
        }

        @Test
        void freshMapperIgnoresTheDefaultLocaleAndZone() {
            JsonMapper mapper = Json.newMapper();

            assertThat(mapper.getSerializationConfig().getLocale()).isEqualTo(Locale.ROOT);
            assertThat(mapper.getSerializationConfig().getTimeZone().getID()).isEqualTo("UTC");
        }

        @Test
        void legacyDateIsWrittenInUtc() throws Exception {
            java.util.Date date = java.util.Date.from(CREATED);

            assertThat(write(Map.of("d", date))).isEqualTo("{\"d\":\"2024-03-01T12:34:56.789+00:00\"}");
        }
    }

    @Nested
    class PrettyWriter {

        @Test
        void indentsWithTwoSpacesAndNoTrailingNewline() throws Exception {
            Map<String, Object> doc = new HashMap<>();
            doc.put("name", "profile");
            doc.put("values", List.of(1, 2));
            doc.put("empty", List.of());
            doc.put("nested", Map.of("k", "v"));
            doc.put("none", Map.of());

            String json = Json.prettyWriter().writeValueAsString(doc);

            assertThat(json).isEqualTo("{\n"
                    + "  \"empty\": [],\n"
                    + "  \"name\": \"profile\",\n"
                    + "  \"nested\": {\n"
                    + "    \"k\": \"v\"\n"
                    + "  },\n"
                    + "  \"none\": {},\n"
                    + "  \"values\": [\n"
                    + "    1,\n"
                    + "    2\n"
                    + "  ]\n"
                    + "}");
            assertThat(json).doesNotEndWith("\n").doesNotContain("\r");
        }

        @Test
        void prettyOutputReadsBackToTheSameValue() throws Exception {
            Finding original = finding(Double.NEGATIVE_INFINITY);

            Finding back = Json.reader().forType(Finding.class)
                    .readValue(Json.prettyWriter().writeValueAsString(original));

            assertThat(back).isEqualTo(original);
        }

        @Test
        void freshMapperDefaultPrettyPrinterIsTheHouseStyle() throws Exception {
            String json = Json.newMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(new Point("a", 1.0));

            assertThat(json).isEqualTo(Json.prettyWriter().writeValueAsString(new Point("a", 1.0)));
        }
    }

    @Nested
    class SharedState {

        @Test
        void sharedReaderAndWritersAreTheSameInstances() {
            assertThat(Json.writer()).isSameAs(Json.writer());
            assertThat(Json.prettyWriter()).isSameAs(Json.prettyWriter());
            assertThat(Json.reader()).isSameAs(Json.reader());
        }

        @Test
        void reconfiguringACopyLeavesTheSharedWriterAlone() throws Exception {
            ObjectWriter indenting = Json.writer().with(SerializationFeature.INDENT_OUTPUT);

            assertThat(indenting).isNotSameAs(Json.writer());
            assertThat(write(new Point("a", 1.0))).isEqualTo("{\"label\":\"a\",\"x\":1.0}");
        }

        @Test
        void newMapperIsFreshEachTimeAndChangesStayLocal() throws Exception {
            JsonMapper first = Json.newMapper();
            first.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, true);

            assertThat(Json.newMapper()).isNotSameAs(first);
            assertThat(Json.newMapper().writeValueAsString(Map.of("t", CREATED)))
                    .isEqualTo("{\"t\":\"2024-03-01T12:34:56.789Z\"}");
            assertThat(write(Map.of("t", CREATED))).isEqualTo("{\"t\":\"2024-03-01T12:34:56.789Z\"}");
        }

        @Test
        void propertyNamesFromAnnotationsAreHonoured() throws Exception {
            record Renamed(@JsonProperty("format_version") int formatVersion) {
            }

            assertThat(write(new Renamed(2))).isEqualTo("{\"format_version\":2}");
        }
    }

    /** A record for {@link #toTreeWritesAsTheSharedWriterDoes()}. */
    record Measure(String name, Instant at, double value) {
    }

    @Test
    void toTreeWritesAsTheSharedWriterDoes() throws Exception {
        Measure measure = new Measure("München", Instant.parse("2026-12-06T10:00:00Z"), Double.NaN);

        JsonNode tree = Json.toTree(measure);

        assertThat(tree.get("at").textValue()).isEqualTo("2026-12-06T10:00:00Z");
        assertThat(Json.writer().writeValueAsString(tree))
                .isEqualTo("{\"at\":\"2026-12-06T10:00:00Z\",\"name\":\"München\",\"value\":\"NaN\"}");
    }
}
