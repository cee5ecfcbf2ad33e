package dev.mlops.data.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CheckResultTest {
    private static final RangeCheck CHECK = Checks.range("age", 0, 120).withSeverity(Severity.WARNING);
    private static final Threshold THRESHOLD = Threshold.atLeast(0.9);

    @Nested
    class Factories {
        @Test
        void passedNamesTheCheckAndCarriesItsSpec() {
            CheckResult result = CheckResult.passed(CHECK, 0.95, THRESHOLD, "fine");
            assertThat(result).isEqualTo(new CheckResult("range(age)", "range", List.of("age"), Severity.WARNING,
                    Verdict.PASSED, "fine", 0.95, THRESHOLD, Double.NaN, 0, List.of(), CHECK.spec()));
        }

        @Test
        void failedAndNoDataFixTheirVerdicts() {
            assertThat(CheckResult.failed(CHECK, 0.95, THRESHOLD, "no").verdict()).isEqualTo(Verdict.FAILED);
            CheckResult noData = CheckResult.noData(CHECK, THRESHOLD, "empty");
            assertThat(noData.verdict()).isEqualTo(Verdict.NO_DATA);
            assertThat(noData.measured()).isNaN();
            assertThat(noData.message()).isEqualTo("empty");
            assertThat(noData.isWarning()).isTrue();
        }

        @Test
        void measuredJudgesByTheThresholdAndNaNFails() {
            assertThat(CheckResult.measured(CHECK, 0.9, THRESHOLD, "m").verdict()).isEqualTo(Verdict.PASSED);
            assertThat(CheckResult.measured(CHECK, 0.89, THRESHOLD, "m").verdict()).isEqualTo(Verdict.FAILED);
            assertThat(CheckResult.measured(CHECK, Double.NaN, THRESHOLD, "m").verdict()).isEqualTo(Verdict.FAILED);
        }

        @Test
        void withersChangeOnlyTheirField() {
            CheckResult result = CheckResult.failed(CHECK, 0.5, THRESHOLD, "half");
            List<FailingRow> sample = List.of(new FailingRow(3, "-1"));
            CheckResult withRows = result.withFailingRows(7, sample).withStatistic(2.5);
            assertThat(withRows).isEqualTo(new CheckResult(result.check(), result.type(), result.columns(),
                    result.severity(), Verdict.FAILED, "half", 0.5, THRESHOLD, 2.5, 7, sample, result.spec()));
            assertThatThrownBy(() -> result.withFailingRows(0, sample)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("failingRows must be at least the 1 sampled rows but was 0");
        }
    }
}
