package dev.mlops.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NearestNameTest {
    private static final List<String> KNOWN = List.of("column", "columns", "min", "max", "mostly", "severity");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "colum, column",
        "COLUMN, column",
        "mostyl, mostly",
        "mni, min",
        "severty, severity",
        "sevvrty, severity",
        "columnss, columns"
    })
    void findsTheClosestWithinTwoEdits(String given, String expected) {
        assertThat(NearestName.of(given, KNOWN)).contains(expected);
        assertThat(NearestName.hint(given, KNOWN)).isEqualTo("; did you mean '" + expected + "'?");
    }

    @ParameterizedTest
    @CsvSource({"threshold", "abcdef", "svrty"})
    void offersNothingBeyondTwoEdits(String given) {
        assertThat(NearestName.of(given, KNOWN)).isEmpty();
        assertThat(NearestName.hint(given, KNOWN)).isEmpty();
    }

    @ParameterizedTest(name = "d({0}, {1}) = {2}")
    @CsvSource({
        "'', '', 0",
        "'', abc, 3",
        "abc, '', 3",
        "kitten, sitting, 3",
        "flaw, lawn, 2",
        "abc, abc, 0",
        "abc, acb, 2"
    })
    void levenshteinDistance(String a, String b, int expected) {
        assertThat(NearestName.distance(a, b)).isEqualTo(expected);
        assertThat(NearestName.distance(b, a)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void ofEquallyCloseNamesTheFirstWins() {
        assertThat(NearestName.of("mox", List.of("max", "mix"))).contains("max");
        assertThat(NearestName.of("mox", List.of("mix", "max"))).contains("mix");
        assertThat(NearestName.of("max", List.of("mix", "max"))).contains("max");
    }
}
