package dev.mlops.data.check;

import static dev.mlops.data.check.CheckFixtures.PEOPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.json.Json;
import dev.mlops.core.report.ReportHeader;
import dev.mlops.core.report.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CheckReportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    private static CheckReport report() {
        return CheckSuite.builder("people")
                .add(Checks.complete("age"))
                .add(Checks.range("age", 18, 120))
                .add(Checks.complete("city").withSeverity(Severity.WARNING))
                .add(Checks.complete("zip"))
                .clock(CLOCK)
                .build()
                .run(PEOPLE, CheckContext.defaults().withSampleSize(2));
    }

    @Test
    void failsOnErrorsAndListsWarningsApart() {
        CheckReport report = report();
        assertThat(report.passed()).isFalse();
        assertThat(report.errors()).extracting(CheckResult::check).containsExactly("range(age)", "completeness(zip)");
        assertThat(report.warnings()).extracting(CheckResult::check).containsExactly("completeness(city)");
    }

    @Test
    void warningsAloneDoNotFailAReport() {
        CheckReport report = CheckSuite.builder("s").add(Checks.complete("city").withSeverity(Severity.WARNING)).build()
                .run(PEOPLE);
        assertThat(report.passed()).isTrue();
        assertThat(report.requirePassed()).isSameAs(report);
    }

    @Test
    void noDataFailsAReport() {
        CheckReport report = CheckSuite.builder("s").add(Checks.complete("age")).build().run(PEOPLE.head(0));
        assertThat(report.passed()).isFalse();
        assertThat(report.toText()).contains("no-data error   completeness(age): no data: the table has no rows");
    }

    @Test
    void requirePassedNamesTheFailuresAndTheirRows() {
        assertThatThrownBy(() -> report().requirePassed()).isInstanceOf(CheckFailedException.class)
                .hasMessageStartingWith("2 of 4 checks of suite 'people' did not pass on table ")
                .hasMessageContaining("(6 rows):\n  failed range(age): 3 of 6 rows pass (50.00%), 3 fail; needs a share >= 1"
                        + "\n    row 1: 17\n    row 2: NaN\n    and 1 more failing rows")
                .hasMessageContaining("\n  failed completeness(zip): ");
    }

    @Test
    void writesTheEnvelopeAndEveryResultAsJson() throws Exception {
        JsonNode json = Json.reader().readTree(report().toJson());
        ReportHeader header = ReportHeader.read(json, "report", CheckReport.KIND, CheckReport.FORMAT_VERSION);
        assertThat(header.createdAt()).isEqualTo(CLOCK.instant());
        assertThat(json.get("suite").asText()).isEqualTo("people");
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("errors").asInt()).isEqualTo(2);
        assertThat(json.get("warnings").asInt()).isEqualTo(1);
        JsonNode range = json.get("results").get(1);
        assertThat(range.get("check").asText()).isEqualTo("range(age)");
        assertThat(range.get("verdict").asText()).isEqualTo("failed");
        assertThat(range.get("severity").asText()).isEqualTo("error");
        assertThat(range.get("measured").asDouble()).isEqualTo(0.5);
        assertThat(range.get("threshold").get("lower").asDouble()).isEqualTo(1.0);
        assertThat(range.get("threshold").get("upper").asText()).isEqualTo("Infinity");
        assertThat(range.get("statistic").asText()).isEqualTo("NaN");
        assertThat(range.get("failingRows").asLong()).isEqualTo(3);
        assertThat(range.get("sample").get(0).get("row").asInt()).isEqualTo(1);
        assertThat(range.get("sample").get(0).get("value").asText()).isEqualTo("17");
        assertThat(json.get("results").get(3).get("measured").asText()).isEqualTo("NaN");
    }

    @Test
    void theTextHasAVerdictLineAndALinePerCheck() {
        String text = report().toText();
        assertThat(text).startsWith("check report for suite 'people': FAILED (1 passed, 2 errors, 1 warning)\n");
        assertThat(text).contains("passed  error   completeness(age)", "failed  warning completeness(city)",
                "                row 1: 17\n", "                and 1 more\n");
    }

    @Test
    void findsAResultByName() {
        assertThat(report().result("range(age)").failingRows()).isEqualTo(3);
        assertThatThrownBy(() -> report().result("range(zip)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no check named 'range(zip)' in the report; the checks are: completeness(age), range(age),"
                        + " completeness(city), completeness(zip)");
    }
}
