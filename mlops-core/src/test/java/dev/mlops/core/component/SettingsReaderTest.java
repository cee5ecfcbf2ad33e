package dev.mlops.core.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.report.Severity;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsReaderTest {

    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of(long.class, "an integer"), Arguments.of(Long.class, "an integer"),
                Arguments.of(int.class, "an integer"), Arguments.of(Integer.class, "an integer"),
                Arguments.of(double.class, "a number"), Arguments.of(Double.class, "a number"),
                Arguments.of(float.class, "a number"), Arguments.of(Float.class, "a number"),
                Arguments.of(boolean.class, "true or false"), Arguments.of(Boolean.class, "true or false"),
                Arguments.of(String.class, "a string"),
                Arguments.of(Severity.class, "one of error, warning, info"),
                Arguments.of(List.class, "a list"),
                Arguments.of(Duration.class, "a Duration"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("types")
    void namesTheExpectedValueInWords(Class<?> type, String words) {
        assertThat(SettingsReader.typeName(type)).isEqualTo(words);
    }
}
