package dev.mlops.data.leakage;

import dev.mlops.core.report.Severity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.DataFormatException;
import dev.mlops.core.json.DocumentException;
import dev.mlops.core.json.Json;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.Split;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LeakageReportTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private static LeakageReport failingReport() {
        Table table = Table.builder()
                .numeric("x", 1, 2, 1, 4)
                .categorical("label", "a", "a", "a", "a")
                .build();
        Split split = TestSplits.trainTest(table, new int[] {0, 1}, new int[] {2, 3});
        return LeakageCheck.builder().labelColumn("label").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().run(table, split);
    }

    @Nested
    class Verdict {

        @Test
        void anErrorFailsAndFindingsFilterBySeverity() {
            LeakageReport report = failingReport();

            assertThat(report.passed()).isFalse();
            assertThat(report.findings(Severity.ERROR)).extracting(Finding::check).containsExactly("exact-duplicates");
            assertThat(report.findings(Severity.INFO)).extracting(Finding::check).containsExactly("class-distribution");
            assertThat(report.findings(Severity.WARNING)).isEmpty();
        }

        @Test
        void warningsAndInfoAlonePass() {
            LeakageReport report = new LeakageReport(NOW, failingReport().fingerprint(), List.of(
                    new Finding("near-duplicates", Severity.WARNING, "m", 2, 0, List.of())));

            assertThat(report.passed()).isTrue();
        }
    }

    @Nested
    class Enforcement {

        @Test
        void aFailedReportThrowsNamingTheCheckAndRows() {
            LeakageReport report = failingReport();

            assertThatThrownBy(report::requirePassed).isInstanceOf(LeakageException.class)
                    .isInstanceOf(dev.mlops.core.MlopsException.class)
                    .hasMessageContaining("exact-duplicates: 2 rows in 1 group")
                    .hasMessageContaining("[train row 0, test row 2]: x=1");
        }

        @Test
        void aPassedReportIsReturned() {
            LeakageReport report = new LeakageReport(NOW, failingReport().fingerprint(), List.of());

            assertThat(report.requirePassed()).isSameAs(report);
        }
    }

    @Nested
    class JsonOutput {

        @Test
        void theEnvelopeHasKindVersionTimeFingerprintAndFindings() throws Exception {
            LeakageReport report = failingReport();

            JsonNode json = Json.reader().readTree(report.toJson());

            assertThat(json.get("kind").asText()).isEqualTo("leakage-report");
            assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
            assertThat(json.get("createdAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
            assertThat(json.get("fingerprint").asText()).isEqualTo(report.fingerprint().sha256());
            assertThat(json.get("passed").asBoolean()).isFalse();
            JsonNode duplicates = json.get("findings").get(0);
            assertThat(duplicates.get("check").asText()).isEqualTo("exact-duplicates");
            assertThat(duplicates.get("severity").asText()).isEqualTo("error");
            assertThat(duplicates.get("measured").asDouble()).isEqualTo(2.0);
            assertThat(duplicates.get("threshold").asDouble()).isZero();
            JsonNode example = duplicates.get("examples").get(0);
            assertThat(example.get("detail").asText()).isEqualTo("x=1");
            assertThat(example.get("totalRows").asInt()).isEqualTo(2);
            assertThat(example.get("rows").get(1).get("set").asText()).isEqualTo("test");
            assertThat(example.get("rows").get(1).get("row").asInt()).isEqualTo(2);
        }

        @Test
        void nonFiniteNumbersAreWrittenAsStrings() throws Exception {
            JsonNode json = Json.reader().readTree(failingReport().toJson());

            JsonNode noTest = json.get("findings").get(1);
            assertThat(noTest.get("severity").asText()).isEqualTo("info");
            assertThat(noTest.get("measured").isTextual()).isTrue();
            assertThat(noTest.get("measured").asText()).isEqualTo("NaN");
            assertThat(noTest.get("threshold").asDouble()).isEqualTo(0.01);
        }

        @Test
        void twoWritesAreIdentical() {
            LeakageReport report = failingReport();

            assertThat(report.toJson()).isEqualTo(failingReport().toJson());
        }
    }

    @Nested
    class TextOutput {

        @Test
        void theTextNamesTheVerdictFindingsAndExamplesWithPointDecimals() {
            String text = failingReport().toText();

            assertThat(text).startsWith("leakage report: FAILED (1 error, 0 warnings, 1 info)\n")
                    .contains("created 2026-01-02T03:04:05Z")
                    .contains("ERROR   exact-duplicates: 2 rows in 1 group of equal rows span sets test and train")
                    .contains("(measured 2, threshold 0)")
                    .contains("        train row 0, test row 2: x=1\n")
                    .contains("(measured NaN, threshold 0.01)");
        }
    }

    @Nested
    class Reading {

        @Test
        void readsBackWhatItWrote() {
            LeakageReport report = failingReport();

            LeakageReport back = LeakageReport.fromJson(report.toJson(), "leakage.json");

            assertThat(back).isEqualTo(report);
            assertThat(back.toJson()).isEqualTo(report.toJson());
        }

        @Test
        void aBadFieldIsNamedByItsPath() {
            String json = failingReport().toJson().replaceFirst("\"row\": 2", "\"row\": -2");

            assertThatThrownBy(() -> LeakageReport.fromJson(json, "leakage.json")).isInstanceOf(DocumentException.class)
                    .hasMessage("leakage.json: findings[0].examples[0].rows[1]: row must not be negative but was -2");
        }

        @Test
        void anUnknownSeverityIsNamed() {
            String json = failingReport().toJson().replace("\"severity\": \"info\"", "\"severity\": \"fatal\"");

            assertThatThrownBy(() -> LeakageReport.fromJson(json, "leakage.json")).isInstanceOf(DocumentException.class)
                    .hasMessage("leakage.json: findings[1]: severity must be one of error, warning, info but was 'fatal'");
        }

        @Test
        void anotherKindAndAMisspelledFieldAreRefused() {
            String json = failingReport().toJson();

            assertThatThrownBy(() -> LeakageReport.fromJson(json.replace("leakage-report", "check-report"), "l.json"))
                    .hasMessage("l.json: expected a document of kind 'leakage-report' but its kind is 'check-report'");
            assertThatThrownBy(() -> LeakageReport.fromJson(json.replace("\"findings\"", "\"finding\""), "l.json"))
                    .hasMessage("l.json: 'findings' is required (an array of objects) but absent; the object has"
                            + " 'finding', a misspelling?");
        }

        @Test
        void aSyntaxErrorNamesTheLineAndCharacter() {
            assertThatThrownBy(() -> LeakageReport.fromJson("{\n\"kind\": \"leakage-report\",\n  ]", "l.json"))
                    .isInstanceOf(DataFormatException.class).hasMessageStartingWith("l.json line 3: not valid JSON at character 3");
        }
    }
}
