package dev.mlops.train.tracking.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class YamlTest {
    private static final String LONG = "a long experiment name with many words that goes on and on past the eighty"
            + " column limit of PyYAML";

    @Nested
    class Dump {
        /**
         * A value and what follows {@code "name:"} when PyYAML 6.0.3 with libyaml dumps {@code {"name": value}}
         * as MLflow's {@code write_yaml} does ({@code default_flow_style=False, allow_unicode=True}).
         */
        static Stream<Arguments> stringsAsPyYamlWritesThem() {
            return Stream.of(
                Arguments.of("Default", " Default"),
                Arguments.of("0", " '0'"),
                Arguments.of("606783375233873416", " '606783375233873416'"),
                Arguments.of("", " ''"),
                Arguments.of("true", " 'true'"),
                Arguments.of("True", " 'True'"),
                Arguments.of("yes", " 'yes'"),
                Arguments.of("off", " 'off'"),
                Arguments.of("null", " 'null'"),
                Arguments.of("~", " '~'"),
                Arguments.of("1.5", " '1.5'"),
                Arguments.of("1e5", " 1e5"),
                Arguments.of(".inf", " '.inf'"),
                Arguments.of("0x1F", " '0x1F'"),
                Arguments.of("2026-01-01", " '2026-01-01'"),
                Arguments.of("2026-01-01 10:00:00", " '2026-01-01 10:00:00'"),
                Arguments.of("-", " '-'"),
                Arguments.of("- a", " '- a'"),
                Arguments.of("a: b", " 'a: b'"),
                Arguments.of("a:b", " a:b"),
                Arguments.of("a #b", " 'a #b'"),
                Arguments.of("a#b", " a#b"),
                Arguments.of("#a", " '#a'"),
                Arguments.of("!x", " '!x'"),
                Arguments.of("*x", " '*x'"),
                Arguments.of("&x", " '&x'"),
                Arguments.of("%x", " '%x'"),
                Arguments.of("@x", " '@x'"),
                Arguments.of("`x", " '`x'"),
                Arguments.of("|x", " '|x'"),
                Arguments.of(">x", " '>x'"),
                Arguments.of("it's", " it's"),
                Arguments.of(" lead", " ' lead'"),
                Arguments.of("trail ", " 'trail '"),
                Arguments.of("M\u00FCnchen S\u00E3o Paulo", " M\u00FCnchen S\u00E3o Paulo"),
                Arguments.of("tab\there", " \"tab\\there\""),
                Arguments.of("line\nbreak", " 'line\n\n  break'"),
                Arguments.of("two\n\nbreaks", " 'two\n\n\n  breaks'"),
                Arguments.of("\nlead break", " '\n\n  lead break'"),
                Arguments.of("x\u2028y", " 'x\u2028  y'"),
                Arguments.of("a \nb", " \"a \\nb\""),
                Arguments.of("say \"hi\"", " say \"hi\""),
                Arguments.of("back\\slash", " back\\slash"),
                Arguments.of("[a]", " '[a]'"),
                Arguments.of("{a}", " '{a}'"),
                Arguments.of("a,b", " a,b"),
                Arguments.of("?x", " ?x"),
                Arguments.of("? x", " '? x'"),
                Arguments.of(":x", " :x"),
                Arguments.of("---x", " '---x'"),
                Arguments.of("...x", " '...x'"),
                Arguments.of("file:///home/alice/my%20mlruns/1", " file:///home/alice/my%20mlruns/1"),
                Arguments.of("=", " '='"),
                Arguments.of("<<", " '<<'"),
                Arguments.of("12:30", " '12:30'"),
                Arguments.of("1_000", " '1_000'"),
                Arguments.of("+1", " '+1'"),
                Arguments.of("-0.5", " '-0.5'"),
                Arguments.of("a\u00A0b", " a\u00A0b"),
                Arguments.of("emoji \uD83D\uDE00", " \"emoji \\U0001F600\""),
                Arguments.of("bell\u0007", " \"bell\\a\""),
                Arguments.of("a\u0085b", " \"a\\Nb\""),
                Arguments.of("\uFEFFbom", " \"\\uFEFFbom\""),
                Arguments.of("a  b", " a  b"),
                Arguments.of("\u65E5\u672C\u8A9E", " \u65E5\u672C\u8A9E"));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource
        void stringsAsPyYamlWritesThem(String value, String written) {
            assertThat(Yaml.dump(Map.of("name", value))).isEqualTo("name:" + written + "\n");
        }

        @Test
        void keysAreSortedAndIntegersNullAndTheEmptyListAreBare() {
            Map<String, @Nullable Object> mapping = new LinkedHashMap<>();
            mapping.put("status", 3);
            mapping.put("end_time", null);
            mapping.put("tags", List.of());
            mapping.put("start_time", 1772355601000L);
            mapping.put("experiment_id", "1");

            assertThat(Yaml.dump(mapping)).isEqualTo(
                    "end_time: null\nexperiment_id: '1'\nstart_time: 1772355601000\nstatus: 3\ntags: []\n");
        }

        @Test
        void longValuesFoldAtASingleSpacePastEightyColumnsAsPyYamlDoes() {
            assertThat(Yaml.dump(Map.of("name", LONG))).isEqualTo("name: a long experiment name with many words"
                    + " that goes on and on past the eighty column\n  limit of PyYAML\n");
            assertThat(Yaml.dump(Map.of("run_name", "0 " + LONG))).isEqualTo("run_name: 0 a long experiment name with"
                    + " many words that goes on and on past the eighty\n  column limit of PyYAML\n");
            assertThat(Yaml.dump(Map.of("name", "'" + LONG + "'"))).isEqualTo("name: '''a long experiment name with"
                    + " many words that goes on and on past the eighty\n  column limit of PyYAML'''\n");
            assertThat(Yaml.dump(Map.of("name", LONG + " " + LONG))).isEqualTo("name: a long experiment name with many"
                    + " words that goes on and on past the eighty column\n  limit of PyYAML a long experiment name with"
                    + " many words that goes on and on past\n  the eighty column limit of PyYAML\n");
            assertThat(Yaml.dump(Map.of("name", "word ".repeat(19) + "abcdefghij  klm nop"))).isEqualTo("name: "
                    + "word ".repeat(15) + "word\n  word word word abcdefghij  klm nop\n");
            assertThat(Yaml.dump(Map.of("name", "x".repeat(100) + " y z"))).isEqualTo("name: " + "x".repeat(100)
                    + "\n  y z\n");
        }

        @Test
        void anotherKindOfValueIsRefusedNamingTheKey() {
            assertThatThrownBy(() -> Yaml.dump(Map.of("tags", List.of("a"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("YAML value of 'tags' must be a string, an integer, null or an empty list but was "
                            + List.of("a").getClass().getName());
        }
    }

    @Nested
    class ReadScalars {
        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("dev.mlops.train.tracking.mlflow.YamlTest$Dump#stringsAsPyYamlWritesThem")
        void everyStringWrittenReadsBack(String value, String written) {
            assertThat(Yaml.readScalars(Yaml.dump(Map.of("name", value, "other", "x")))).containsEntry("name", value)
                    .containsEntry("other", "x");
        }

        @Test
        void foldedValuesReadBackWhole() {
            for (String value : List.of(LONG, "0 " + LONG, "'" + LONG + "'", LONG + " " + LONG)) {
                assertThat(Yaml.readScalars(Yaml.dump(Map.of("name", value)))).containsEntry("name", value);
            }
        }

        @Test
        void nullsListsAndIntegersOfMlflowsFilesAreRead() {
            Map<String, @Nullable String> expected = new HashMap<>();
            expected.put("end_time", null);
            expected.put("experiment_id", "0");
            expected.put("status", "3");
            expected.put("tags", "[]");
            expected.put("deleted_time", null);

            assertThat(Yaml.readScalars(String.join("\n", Arrays.asList("end_time: null", "experiment_id: '0'",
                    "status: 3", "tags: []", "deleted_time:", "# a comment", "")))).isEqualTo(expected);
        }
    }
}
