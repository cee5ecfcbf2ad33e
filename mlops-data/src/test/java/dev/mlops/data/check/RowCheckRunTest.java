package dev.mlops.data.check;

import static dev.mlops.data.check.CheckFixtures.CONTEXT;
import static dev.mlops.data.check.CheckFixtures.PEOPLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Table;
import org.junit.jupiter.api.Test;

/** What every row check shares: the failing-row sample and severities. */
class RowCheckRunTest {
    private static final CheckContext CONTEXT = CheckContext.defaults();

    private static final Table PEOPLE = Table.builder()
            .numeric("age", 34, 17, Double.NaN, 51, -2, 40)
            .categorical("city", "München", "São Paulo", null, "Hamburg", "München", "Paris")
            .text("email", "a@x.de", "b@x.br", "c@x", null, "e@x.de", "f@x.fr")
            .build();













    @Test
    void theSampleIsBoundedButTheCountIsNot() {
        double[] values = new double[1000];
        java.util.Arrays.fill(values, -1);
        Table table = Table.builder().numeric("x", values).build();
        CheckResult result = Checks.nonNegative("x").run(table, CONTEXT.withSampleSize(3));
        assertThat(result.failingRows()).isEqualTo(1000);
        assertThat(result.sample()).extracting(FailingRow::row).containsExactly(0, 1, 2);
        assertThat(Checks.nonNegative("x").run(table, CONTEXT).sample()).hasSize(CheckContext.DEFAULT_SAMPLE_SIZE);
    }

    @Test
    void aWarningThatFailsIsAWarningNotAnError() {
        CheckResult result = Checks.range("age", 18, 100).withSeverity(Severity.WARNING).run(PEOPLE, CONTEXT);
        assertThat(result.isWarning()).isTrue();
        assertThat(result.isError()).isFalse();
        assertThat(result.severity()).isEqualTo(Severity.WARNING);
    }
}
