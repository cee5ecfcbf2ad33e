package dev.mlops.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentReaderTest {

    private static DocumentReader read(String json) {
        return Documents.parse(json, "doc.json");
    }

    @Nested
    class Envelope {
        @Test
        void readsTheKindAndVersion() {
            assertThat(read("{\"kind\": \"split\", \"formatVersion\": 2}").requireKind("split", 2)).isEqualTo(2);
        }

        @Test
        void refusesAnotherKind() {
            assertThatThrownBy(() -> read("{\"kind\": \"profile\", \"formatVersion\": 1}").requireKind("split", 1))
                    .hasMessage("doc.json: expected a document of kind 'split' but its kind is 'profile'");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "0 | doc.json: format version 0 of 'split' is not supported; this version of mlops-java reads versions 1 to 2",
            "3 | doc.json: format version 3 of 'split' is not supported; this version of mlops-java reads versions 1 to 2",
            "\"2\" | doc.json: 'formatVersion' must be an integer but was \"2\"",
            "1.5 | doc.json: 'formatVersion' must be an integer but was 1.5"
        })
        void refusesAnUnreadableVersion(String version, String message) {
            assertThatThrownBy(() -> read("{\"kind\": \"split\", \"formatVersion\": " + version + "}")
                    .requireKind("split", 2)).isInstanceOf(DocumentException.class).hasMessage(message);
        }

        @Test
        void namesTheOnlyVersionItReads() {
            assertThatThrownBy(() -> read("{\"kind\": \"s\", \"formatVersion\": 2}").requireKind("s", 1))
                    .hasMessageEndingWith("reads version 1");
            assertThatThrownBy(() -> read("{\"formatVersion\": 1}").requireKind("s", 1))
                    .hasMessage("doc.json: 'kind' is required (a string) but absent");
        }
    }

    @Nested
    class Values {
        private final DocumentReader reader = read("{\"t\": \"a\", \"n\": 2.5, \"i\": 7, \"big\": 9007199254740993,"
                + " \"nan\": \"NaN\", \"inf\": \"Infinity\", \"ninf\": \"-Infinity\", \"b\": true, \"nul\": null,"
                + " \"at\": \"2026-01-31T12:00:00Z\", \"ts\": [\"x\", \"y\"], \"is\": [1, 2, 3]}");

        @Test
        void readsEachType() {
            assertThat(reader.text("t")).isEqualTo("a");
            assertThat(reader.number("n")).isEqualTo(2.5);
            assertThat(reader.number("i")).isEqualTo(7.0);
            assertThat(reader.number("nan")).isNaN();
            assertThat(reader.number("inf")).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(reader.number("ninf")).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(reader.number("absent", 4.0)).isEqualTo(4.0);
            assertThat(reader.number("n", 4.0)).isEqualTo(2.5);
            assertThat(reader.longValue("big")).isEqualTo(9007199254740993L);
            assertThat(reader.intValue("i")).isEqualTo(7);
            assertThat(reader.optionalLong("i")).hasValue(7);
            assertThat(reader.optionalLong("nul")).isEmpty();
            assertThat(reader.optionalLong("absent")).isEmpty();
            assertThat(reader.optionalText("t")).contains("a");
            assertThat(reader.optionalText("nul")).isEmpty();
            assertThat(reader.optionalText("absent")).isEmpty();
            assertThat(reader.bool("b", false)).isTrue();
            assertThat(reader.bool("absent", true)).isTrue();
            assertThat(reader.bool("absent", false)).isFalse();
            assertThat(read("{\"b\": false}").bool("b", true)).isFalse();
            assertThat(reader.instant("at")).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
            assertThat(reader.texts("ts")).containsExactly("x", "y");
            assertThat(reader.ints("is")).containsExactly(1, 2, 3);
            assertThat(reader.has("nul")).isTrue();
            assertThat(reader.has("absent")).isFalse();
            assertThat(reader.value("t").textValue()).isEqualTo("a");
        }

        @Test
        void namesTheFieldAndWhatWasExpected() {
            assertThatThrownBy(() -> reader.text("n")).isInstanceOf(DocumentException.class)
                    .hasMessage("doc.json: 'n' must be a string but was 2.5");
            assertThatThrownBy(() -> reader.number("t")).hasMessage(
                    "doc.json: 't' must be a number (or \"NaN\", \"Infinity\", \"-Infinity\") but was \"a\"");
            assertThatThrownBy(() -> reader.number("absent")).hasMessage(
                    "doc.json: 'absent' is required (a number) but absent");
            assertThatThrownBy(() -> reader.longValue("n")).hasMessage("doc.json: 'n' must be an integer but was 2.5");
            assertThatThrownBy(() -> reader.longValue("absent"))
                    .hasMessage("doc.json: 'absent' is required (an integer) but absent");
            assertThatThrownBy(() -> reader.intValue("big"))
                    .hasMessage("doc.json: 'big' must be an integer within ±2^31 but was 9007199254740993");
            assertThatThrownBy(() -> reader.optionalText("n"))
                    .hasMessage("doc.json: 'n' must be a string or null but was 2.5");
            assertThatThrownBy(() -> reader.optionalLong("t")).hasMessage("doc.json: 't' must be an integer but was \"a\"");
            assertThatThrownBy(() -> reader.bool("t", true)).hasMessage("doc.json: 't' must be true or false but was \"a\"");
            assertThatThrownBy(() -> reader.instant("t")).hasMessage(
                    "doc.json: 't' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z but was 'a'");
            assertThatThrownBy(() -> reader.texts("is")).hasMessage("doc.json: 'is[0]' must be a string but was 1");
            assertThatThrownBy(() -> read("{\"ts\": [\"a\", 2]}").texts("ts"))
                    .hasMessage("doc.json: 'ts[1]' must be a string but was 2");
            assertThatThrownBy(() -> reader.texts("t")).hasMessage(
                    "doc.json: 't' must be an array of strings but was \"a\"");
            assertThatThrownBy(() -> reader.ints("ts")).hasMessage(
                    "doc.json: 'ts[0]' must be an integer within ±2^31 but was \"x\"");
            assertThatThrownBy(() -> reader.ints("absent")).hasMessage(
                    "doc.json: 'absent' is required (an array of integers) but absent");
            assertThatThrownBy(() -> reader.value("absent")).hasMessage(
                    "doc.json: 'absent' is required (a value) but absent");
            assertThatThrownBy(() -> reader.object("t")).hasMessage("doc.json: 't' must be an object but was \"a\"");
            assertThatThrownBy(() -> reader.object("absent")).hasMessage(
                    "doc.json: 'absent' is required (an object) but absent");
        }

        @Test
        void valuesUpToSixtyCharactersAreShownWhole() {
            String sixty = "\"" + "x".repeat(58) + "\"";
            DocumentReader withSixty = read("{\"t\": [" + sixty + "]}");

            assertThatThrownBy(() -> withSixty.text("t")).hasMessage("doc.json: 't' must be a string but was [" + sixty
                    .substring(0, 56) + "...");
            assertThatThrownBy(() -> read("{\"t\": " + sixty + "}").longValue("t"))
                    .hasMessage("doc.json: 't' must be an integer but was " + sixty);
            assertThat(DocumentReader.describe(null)).isEqualTo("absent");
        }

        @Test
        void longValuesAreShortened() {
            String longText = "x".repeat(100);
            DocumentReader withLong = read("{\"t\": [\"" + longText + "\"]}");

            assertThatThrownBy(() -> withLong.text("t"))
                    .hasMessage("doc.json: 't' must be a string but was [\"" + "x".repeat(55) + "...");
        }
    }

    @Nested
    class Nesting {
        private final DocumentReader root = read("{\"checks\": [{\"type\": \"range\", \"colum\": \"age\"},"
                + " {\"type\": \"x\", \"inner\": {\"deep\": 1}}, 3]}");

        @Test
        void pathsNameTheElement() {
            List<DocumentReader> checks = read("{\"checks\": [{\"a\": 1}, {\"inner\": {\"deep\": \"x\"}}]}")
                    .objects("checks");

            assertThat(checks).hasSize(2);
            assertThat(checks.get(1).path()).isEqualTo("checks[1]");
            DocumentReader inner = checks.get(1).object("inner");
            assertThat(inner.path()).isEqualTo("checks[1].inner");
            assertThat(inner.fieldNames()).containsExactly("deep");
            assertThatThrownBy(() -> inner.longValue("deep"))
                    .hasMessage("doc.json: checks[1].inner: 'deep' must be an integer but was \"x\"");
        }

        @Test
        void aNonObjectElementIsNamed() {
            assertThatThrownBy(() -> root.objects("checks"))
                    .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.path()).isEqualTo("checks[2]"))
                    .hasMessage("doc.json: checks[2]: must be an object but was 3");
        }

        @Test
        void aMissingFieldPointsAtANearMiss() {
            DocumentReader check = read("{\"checks\": [{\"type\": \"range\", \"colum\": \"age\"}]}")
                    .objects("checks").get(0);
            check.text("type");

            assertThatThrownBy(() -> check.text("column")).hasMessage(
                    "doc.json: checks[0]: 'column' is required (a string) but absent; the object has 'colum', a"
                            + " misspelling?");
        }

        @Test
        void unknownFieldsAreRefusedWithAHint() {
            DocumentReader check = read("{\"type\": \"range\", \"colum\": \"age\", \"zzz\": 1}");
            check.text("type");
            check.optionalText("column");

            assertThatThrownBy(check::requireNoOthers).hasMessage(
                    "doc.json: unknown fields 'colum', 'zzz'; did you mean 'column'? (known fields: column, type)");
        }

        @Test
        void oneUnknownFieldWithoutAHint() {
            DocumentReader object = read("{\"a\": 1, \"qqqqq\": 2}");
            object.longValue("a");

            assertThatThrownBy(object::requireNoOthers)
                    .hasMessage("doc.json: unknown field 'qqqqq' (known fields: a)");
        }

        @Test
        void allFieldsReadPasses() {
            DocumentReader object = read("{\"a\": 1}");
            object.longValue("a");
            object.requireNoOthers();
            assertThat(object.node().size()).isEqualTo(1);
        }
    }
}
