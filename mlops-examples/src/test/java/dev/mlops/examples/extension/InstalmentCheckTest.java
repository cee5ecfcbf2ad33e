package dev.mlops.examples.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.Check;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.FailingRow;
import dev.mlops.data.check.RowCounts;
import dev.mlops.data.check.Verdict;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.examples.MlopsProcess;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The instalment check's own numbers. The counts on credit-g were computed with Python's csv
 * module: {@code [i for i, x in enumerate(rows) if float(x['credit_amount']) / float(x['duration']) > 1000]}
 * gives rows 236, 738 and 917 (14555 over 6 months, 6761 over 6, 14896 over 6); above 500 there are 22;
 * the largest instalment is 2482.67.
 */
class InstalmentCheckTest {
    private static final Table CREDIT = CsvFormat.defaults().read(MlopsProcess.creditG());

    private static InstalmentCheck upTo(double max) {
        return new InstalmentCheck("credit_amount", "duration", 0, max, 1.0, Severity.ERROR);
    }

    @Test
    void theInstalmentIsTheAmountOverTheMonths() {
        assertThat(InstalmentCheck.instalment(1169, 6)).isEqualTo(1169 / 6.0);
        assertThat(InstalmentCheck.instalment(1000, 0)).isNaN();
        assertThat(InstalmentCheck.instalment(1000, -3)).isNaN();
        assertThat(InstalmentCheck.instalment(Double.POSITIVE_INFINITY, 12)).isNaN();
    }

    @Test
    void everyCreditGLoanIsWithinTwoAndAHalfThousandAMonth() {
        CheckResult result = upTo(2_500).run(CREDIT, CheckContext.defaults());

        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.failingRows()).isZero();
        assertThat(result.measured()).isEqualTo(1.0);
    }

    @Test
    void aLowerCeilingFindsTheLoansAboveItInRowOrder() {
        CheckResult result = upTo(1_000).run(CREDIT, CheckContext.defaults());

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.failingRows()).isEqualTo(3);
        assertThat(result.measured()).isEqualTo(997 / 1000.0);
        assertThat(result.sample()).extracting(FailingRow::row).containsExactly(236, 738, 917);
        assertThat(result.sample().get(0).value()).isEqualTo("credit_amount=14555, duration=6: 2425.83 a month");
        assertThat(upTo(500).run(CREDIT, CheckContext.defaults()).failingRows()).isEqualTo(22);
    }

    @Test
    void anInstalmentExactlyAtMinOrMaxPasses() {
        Table loans = Table.builder()
                .numeric("credit_amount", 600, 1200, 588, 1212)
                .numeric("duration", 12, 12, 12, 12)
                .build();

        CheckResult result = new InstalmentCheck("credit_amount", "duration", 50, 100, 1.0, Severity.ERROR)
                .run(loans, CheckContext.defaults());

        assertThat(result.failingRows()).as("49 and 101 a month fail, 50 and 100 pass").isEqualTo(2);
        assertThat(result.sample()).extracting(FailingRow::row).containsExactly(2, 3);
    }

    @Test
    void aCheckForOneExactInstalmentThatMayFailEveryRowIsAccepted() {
        InstalmentCheck check = new InstalmentCheck("credit_amount", "duration", 100, 100, 0.0, Severity.WARNING);
        Table loans = Table.builder().numeric("credit_amount", 1200, 1300).numeric("duration", 12, 12).build();

        CheckResult result = check.run(loans, CheckContext.defaults());

        assertThat(result.failingRows()).isEqualTo(1);
        assertThat(result.verdict()).as("mostly = 0 accepts any share").isEqualTo(Verdict.PASSED);
    }

    @Test
    void itIsRowLocalSoCreditGCountedInTwoPartsGivesTheWholeTablesResult() {
        InstalmentCheck check = upTo(500);
        int sampleSize = CheckContext.DEFAULT_SAMPLE_SIZE;
        int[] firstHalf = IntStream.range(0, 500).toArray();
        int[] secondHalf = IntStream.range(500, CREDIT.rowCount()).toArray();

        RowCounts first = RowCounts.of(check.bind(CREDIT.rows(firstHalf)), firstHalf.length, sampleSize);
        RowCounts second = RowCounts.of(check.bind(CREDIT.rows(secondHalf)), secondHalf.length, sampleSize);
        CheckResult whole = check.run(CREDIT, CheckContext.defaults());

        assertThat(check.rowLocal()).isTrue();
        assertThat(first.failing()).isPositive();
        assertThat(second.failing()).isPositive();
        assertThat(first.followedBy(second, sampleSize).result(check)).isEqualTo(whole);
    }

    @Test
    void aRowWithoutAnAmountOrDurationIsNotJudgedAndZeroMonthsFails() {
        Table loans = Table.of(
                NumericColumn.builder("credit_amount").add(1200).addMissing().add(900).add(600).build(),
                NumericColumn.builder("duration").add(12).add(6).add(0).addMissing().build());

        CheckResult result = upTo(2_500).run(loans, CheckContext.defaults());

        assertThat(result.failingRows()).isEqualTo(1);
        assertThat(result.measured()).as("1 of the 2 judged rows passes").isEqualTo(0.5);
        assertThat(result.sample()).singleElement().satisfies(row -> {
            assertThat(row.row()).isEqualTo(2);
            assertThat(row.value()).isEqualTo("credit_amount=900, duration=0: no instalment a month");
        });
    }

    @Test
    void aNaNAmountFailsAsNoInstalmentCanBeComputed() {
        Table loans = Table.builder().numeric("credit_amount", 1200, Double.NaN).numeric("duration", 12, 6).build();

        CheckResult result = upTo(2_500).run(loans, CheckContext.defaults());

        assertThat(result.failingRows()).isEqualTo(1);
        assertThat(result.sample()).singleElement().satisfies(row -> assertThat(row.row()).isEqualTo(1));
    }

    @Test
    void aMissingOrTextColumnFailsNamingIt() {
        Table text = Table.builder().numeric("credit_amount", 1200).categorical("duration", "12").build();

        CheckResult missing = upTo(2_500).run(Table.builder().numeric("credit_amount", 1200).build(),
                CheckContext.defaults());
        CheckResult retyped = upTo(2_500).run(text, CheckContext.defaults());

        assertThat(missing.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(missing.message()).contains("column 'duration' is missing");
        assertThat(retyped.message()).contains("column 'duration' is CATEGORICAL, not NUMERIC");
    }

    @Test
    void settingsOutOfRangeAreRefusedNamingThem() {
        assertThatThrownBy(() -> new InstalmentCheck("credit_amount", "duration", 100, 50, 1.0, Severity.ERROR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max", "100.0", "50.0");
        assertThatThrownBy(() -> new InstalmentCheck("credit_amount", "credit_amount", 0, 50, 1.0, Severity.ERROR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two columns");
        assertThatThrownBy(() -> new InstalmentCheck("credit_amount", "duration", -1, 50, 1.0, Severity.ERROR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min", "-1.0");
        assertThatThrownBy(() -> new InstalmentCheck("credit_amount", "duration", 0, 50, 1.5, Severity.ERROR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mostly", "1.5");
    }

    @Test
    void theRegistryBuildsItFromASpecStringWithDefaults() {
        Check built = ComponentRegistry.defaults().create(Check.class,
                "instalment(amount=credit_amount, months=duration, max=2500)");

        assertThat(built).isEqualTo(upTo(2_500));
        assertThat(built.spec().toString()).contains("instalment(", "amount=credit_amount", "max=2500");
        assertThat(List.of(built.name(), built.columns().toString()))
                .containsExactly("instalment(credit_amount/duration)", "[credit_amount, duration]");
    }
}
