package dev.mlops.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.json.Documents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportNumbersTest {

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource(delimiter = '|', value = {
        "0.0 | 0",
        "-0.0 | 0",
        "1.0 | 1",
        "100.0 | 100",
        "-2.5 | -2.5",
        "0.1234565 | 0.123457",
        "0.12345649 | 0.123456",
        "123456789.0 | 123457000",
        "999999.5 | 1000000",
        "0.000001234567 | 0.00000123457",
        "1.234567E-7 | 1.23457E-7",
        "4.9E-324 | 4.9E-324",
        "1.0E14 | 100000000000000",
        "9.99999E14 | 999999000000000",
        "1.0E15 | 1E+15",
        "1.5E20 | 1.5E+20",
        "-1.7976931348623157E308 | -1.79769E+308",
        "NaN | NaN",
        "Infinity | Infinity",
        "-Infinity | -Infinity"})
    void writesSixSignificantDigitsTheSameInThePageAndTheJson(double value, String expected) {
        assertThat(ReportNumbers.format(value)).isEqualTo(expected);
        String json = Documents.write(ReportNumbers.node(value));
        assertThat(json).isEqualTo(Double.isFinite(value) ? expected : "\"" + expected + "\"");
        assertThat(Double.valueOf(Documents.parseTree(json, "number").asDouble()))
                .as("the JSON reads back as the number written").isEqualTo(Double.valueOf(Double.isFinite(value)
                        ? Double.parseDouble(expected) : value));
    }
}
