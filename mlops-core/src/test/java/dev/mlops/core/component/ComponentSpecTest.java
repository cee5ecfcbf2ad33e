package dev.mlops.core.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.Documents;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ComponentSpecTest {

    @Nested
    class Parsing {
        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource(delimiter = '|', value = {
            "t(a=1) | {\"a\":1}",
            "t(a=-1) | {\"a\":-1}",
            "t(a=0.25) | {\"a\":0.25}",
            "t(a=1e3) | {\"a\":1000.0}",
            "t(a=-2.5E-3) | {\"a\":-0.0025}",
            "t(a=99999999999999999999) | {\"a\":1.0E20}",
            "t(a=007) | {\"a\":\"007\"}",
            "t(a=1.) | {\"a\":\"1.\"}",
            "t(a=true, b=false) | {\"a\":true,\"b\":false}",
            "t(a=null) | {}",
            "t(a=NaN) | {\"a\":\"NaN\"}",
            "t(a=München) | {\"a\":\"München\"}",
            "t(a=Europe/Berlin) | {\"a\":\"Europe/Berlin\"}",
            "t(a=\"x, y = (z)\") | {\"a\":\"x, y = (z)\"}",
            "t(a=\"q\\\"b\\\\s\") | {\"a\":\"q\\\"b\\\\s\"}",
            "t(a=\"\") | {\"a\":\"\"}",
            "t(a=[1, x, \"y z\"]) | {\"a\":[1,\"x\",\"y z\"]}",
            "t(a=[]) | {\"a\":[]}",
            "t(a=[ ]) | {\"a\":[]}",
            "t(a={ }) | {\"a\":{}}",
            "t(a={}) | {\"a\":{}}",
            "t(a={b=[{c=1}]}) | {\"a\":{\"b\":[{\"c\":1}]}}",
            "'  t ( a = 1 , b = [ 2 , 3 ] ) ' | {\"a\":1,\"b\":[2,3]}",
            "t | {}",
            "t() | {}"
        })
        void readsEveryKindOfValue(String text, String settings) {
            ComponentSpec spec = ComponentSpec.parse(text);

            assertThat(spec.type()).isEqualTo("t");
            assertThat(spec.settings().toString()).isEqualTo(settings);
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource(delimiter = '|', value = {
            "'' | spec '' at character 1 (the end): expected a component type",
            "(a=1) | spec '(a=1)' at character 1 ('('): expected a component type",
            "t(a) | spec 't(a)' at character 4 (')'): expected '=' after the setting 'a'",
            "t(=1) | spec 't(=1)' at character 3 ('='): expected a setting's name",
            "t(a=) | spec 't(a=)' at character 5 (')'): expected a value",
            "t(a=1 b=2) | spec 't(a=1 b=2)' at character 7 ('b'): expected ',' or ')' after the setting 'a'",
            "t(a=1) x | spec 't(a=1) x' at character 8 ('x'): expected the end of the spec after the settings in parentheses",
            "t(a=[1 2]) | spec 't(a=[1 2])' at character 8 ('2'): expected ',' or ']' in a list",
            "t(a=\"x\\y\") | spec 't(a=\"x\\y\")' at character 8 ('y'): expected '\"' or '\\' after '\\' in a quoted string",
            "t(type=1) | spec 't(type=1)': the settings of component 't' must not have a field 'type', which names the component's type"
        })
        void pointsAtTheCharacterOfASyntaxError(String text, String message) {
            assertThatThrownBy(() -> ComponentSpec.parse(text)).isInstanceOf(ComponentException.class)
                    .hasMessage(message);
        }
    }

    @Nested
    class Writing {
        @Test
        void quotesWhatWouldReadBackAsSomethingElse() {
            ObjectNode settings = JsonNodeFactory.instance.objectNode();
            settings.put("n", "12");
            settings.put("b", "true");
            settings.put("z", "null");
            settings.put("e", "");
            settings.put("s", "a b");
            settings.put("w", "plain-word_1.0");

            ComponentSpec spec = new ComponentSpec("t", settings);

            assertThat(spec.toString()).isEqualTo("t(n=\"12\", b=\"true\", z=\"null\", e=\"\", s=\"a b\", w=plain-word_1.0)");
            assertThat(ComponentSpec.parse(spec.toString())).isEqualTo(spec);
        }

        @Test
        void theJsonFormIsFlat() {
            ComponentSpec spec = ComponentSpec.parse("t(a=1, b=[x])");

            assertThat(Documents.write(spec.toJson())).isEqualTo("{\n  \"a\": 1,\n  \"b\": [\n    \"x\"\n  ],\n"
                    + "  \"type\": \"t\"\n}");
            assertThat(ComponentSpec.read(Documents.parse(Documents.write(spec.toJson()), "s.json"))).isEqualTo(spec);
        }

        @Test
        void settingsAreCopiedInAndOut() {
            ObjectNode settings = JsonNodeFactory.instance.objectNode();
            settings.put("a", 1);
            ComponentSpec spec = new ComponentSpec("t", settings);

            settings.put("a", 2);
            spec.settings().put("a", 3);

            assertThat(spec.settings().get("a").longValue()).isEqualTo(1);
            assertThat(spec).isEqualTo(ComponentSpec.parse("t(a=1)")).hasSameHashCodeAs(ComponentSpec.parse("t(a=1)"));
        }

        @Test
        void refusesABlankType() {
            assertThatThrownBy(() -> new ComponentSpec(" ", JsonNodeFactory.instance.objectNode()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("a component's type must not be blank");
        }

        @Test
        void aReadSpecNeedsItsType() {
            assertThatThrownBy(() -> ComponentSpec.read(Documents.parse("{\"a\": 1}", "s.json")))
                    .hasMessage("s.json: 'type' is required (a string) but absent");
        }
    }

    static Stream<Long> seeds() {
        return new SplittableRandom(20261206L).longs(40).boxed();
    }

    /** Random settings trees of text, numbers, booleans, lists and objects survive the spec string. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomSettingsRoundTripThroughTheSpecString(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ObjectNode settings = randomObject(random, 0);
        ComponentSpec spec = new ComponentSpec("t", settings);

        assertThat(ComponentSpec.parse(spec.toString())).as("seed %d: %s", seed, spec).isEqualTo(spec);
    }

    private static ObjectNode randomObject(SplittableRandom random, int depth) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        IntStream.range(0, random.nextInt(5)).forEach(i -> object.set("k" + i, randomValue(random, depth)));
        return object;
    }

    private static com.fasterxml.jackson.databind.JsonNode randomValue(SplittableRandom random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        String alphabet = "ab1 ,=()[]{}\"\\-.ü/";
        switch (random.nextInt(depth < 2 ? 7 : 5)) {
            case 0:
                return nodes.numberNode(random.nextLong());
            case 1:
                return nodes.numberNode(random.nextDouble(-1e6, 1e6));
            case 2:
                return nodes.booleanNode(random.nextBoolean());
            case 3:
            case 4:
                StringBuilder text = new StringBuilder();
                IntStream.range(0, random.nextInt(6)).forEach(i -> text.append(alphabet.charAt(
                        random.nextInt(alphabet.length()))));
                return nodes.textNode(text.toString());
            case 5:
                com.fasterxml.jackson.databind.node.ArrayNode array = nodes.arrayNode();
                IntStream.range(0, random.nextInt(4)).forEach(i -> array.add(randomValue(random, depth + 1)));
                return array;
            default:
                return randomObject(random, depth + 1);
        }
    }
}
