package dev.mlops.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The getters for optional numbers and instants and for arrays of numbers. */
class DocumentReaderNumbersTest {
    private static final String TEXT = """
            {"a": 1.5, "n": null, "nan": "NaN", "t": "2026-01-31T12:00:00Z", "nt": null,
             "xs": [1, 2.5, "-Infinity"], "bad": [1, "x"], "s": "s", "o": {"xs": 3}}
            """;

    private static DocumentReader reader() {
        return Documents.parse(TEXT, "d.json");
    }

    @Test
    void optionalNumbers() {
        DocumentReader reader = reader();

        assertThat(reader.optionalNumber("a")).hasValue(1.5);
        assertThat(reader.optionalNumber("n")).isEmpty();
        assertThat(reader.optionalNumber("absent")).isEmpty();
        assertThat(reader.optionalNumber("nan").getAsDouble()).isNaN();
        assertThatThrownBy(() -> reader.optionalNumber("s")).isInstanceOf(DocumentException.class)
                .hasMessage("d.json: 's' must be a number (or \"NaN\", \"Infinity\", \"-Infinity\") but was \"s\"");
    }

    @Test
    void optionalInstants() {
        DocumentReader reader = reader();

        assertThat(reader.optionalInstant("t")).contains(Instant.parse("2026-01-31T12:00:00Z"));
        assertThat(reader.optionalInstant("nt")).isEmpty();
        assertThat(reader.optionalInstant("absent")).isEmpty();
        assertThatThrownBy(() -> reader.optionalInstant("s")).isInstanceOf(DocumentException.class)
                .hasMessage("d.json: 's' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z but was 's'");
    }

    @Test
    void arraysOfNumbers() {
        DocumentReader reader = reader();

        assertThat(reader.doubles("xs")).containsExactly(1, 2.5, Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> reader.doubles("bad")).isInstanceOf(DocumentException.class)
                .hasMessageStartingWith("d.json: 'bad[1]' must be a number");
        assertThatThrownBy(() -> reader.doubles("absent")).isInstanceOf(DocumentException.class)
                .hasMessage("d.json: 'absent' is required (an array of numbers) but absent");
        assertThatThrownBy(() -> reader.object("o").doubles("xs")).isInstanceOf(DocumentException.class)
                .hasMessage("d.json: o: 'xs' must be an array of numbers but was 3");
    }
}
