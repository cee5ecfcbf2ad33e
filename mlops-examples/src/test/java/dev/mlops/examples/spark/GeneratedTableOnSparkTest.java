package dev.mlops.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckReport;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.profile.TimestampProfile;
import dev.mlops.spark.SparkTables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedTableOnSparkTest {
    private static final long ROWS = 20_000;
    private static final long SEED = 42;

    /** One {@code local[2]} session for this test JVM, stopped by Spark's own shutdown hook. */
    private static SparkSession spark;
    /** One small run shared by the tests of its outcome. */
    private static GeneratedTableOnSpark.Outcome outcome;

    @TempDir
    static Path out;

    @BeforeAll
    static void runSmall() {
        spark = SparkSession.builder().master("local[2]").appName("mlops-examples-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        outcome = GeneratedTableOnSpark.run(spark, ROWS, SEED, out);
    }

    @Nested
    class ARunOfTwentyThousandRows {

        @Test
        void profilesEveryColumnAsGenerated() {
            DatasetProfile profile = outcome.profile();
            assertThat(outcome.rows()).isEqualTo(ROWS);
            assertThat(profile.rowCount()).isEqualTo(ROWS);
            NumericProfile id = (NumericProfile) profile.column("id");
            assertThat(id.min()).hasValue(0);
            assertThat(id.max()).hasValue(ROWS - 1);
            NumericProfile amount = (NumericProfile) profile.column("amount");
            // refunds: 0.1 % of the rows in expectation, -0.01 to -50.00; payments 0.01 to 500.00
            assertThat(amount.negatives()).isBetween(5L, 40L);
            assertThat(amount.min().getAsDouble()).isBetween(-50.0, -0.01);
            assertThat(amount.max().getAsDouble()).isBetween(490.0, 500.0);
            assertThat(amount.missing()).isZero();
            CategoricalProfile country = (CategoricalProfile) profile.column("country");
            assertThat(country.exactCounts()).hasValueSatisfying(
                    counts -> assertThat(counts).containsOnlyKeys(GeneratedTableOnSpark.COUNTRIES));
            NumericProfile age = (NumericProfile) profile.column("age");
            assertThat(age.min()).hasValue(18);
            assertThat(age.max()).hasValue(87);
            // discount: missing in 2 % of the rows in expectation (400 of 20,000; ±4.5 sigma)
            NumericProfile discount = (NumericProfile) profile.column("discount");
            assertThat(discount.missing()).isBetween(310L, 490L);
            assertThat(discount.min()).hasValue(0);
            assertThat(discount.max()).hasValue(0.3);
            TimestampProfile paidAt = (TimestampProfile) profile.column("paid_at");
            assertThat(paidAt.earliest().orElseThrow()).isAfterOrEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
            assertThat(paidAt.latest().orElseThrow()).isBefore(Instant.parse("2026-12-08T00:00:00Z"));
        }

        @Test
        void theSuiteFailsOnlyOnTheRefundsAndNamesEachOfThem() {
            CheckReport report = outcome.report();
            long refunds = ((NumericProfile) outcome.profile().column("amount")).negatives();

            assertThat(report.passed()).isFalse();
            assertThat(report.rowCount()).isEqualTo(ROWS);
            assertThat(report.errors()).singleElement().satisfies(failed -> {
                assertThat(failed.columns()).containsExactly("amount");
                assertThat(failed.type()).isEqualTo("range");
                assertThat(failed.failingRows()).isEqualTo(refunds);
                assertThat(failed.sample()).isNotEmpty()
                        .allSatisfy(row -> assertThat(row.value()).startsWith("-"));
            });
            assertThat(report.results()).hasSize(6).filteredOn(CheckResult::passed).hasSize(5);
        }

        @Test
        void writesTheProfileAndTheReportAsJson() throws IOException {
            assertThat(outcome.profileFile()).isEqualTo(out.resolve("profile.json"));
            assertThat(DatasetProfile.load(outcome.profileFile()).rowCount()).isEqualTo(ROWS);
            assertThat(Files.readString(outcome.reportFile(), StandardCharsets.UTF_8))
                    .contains("\"check-report\"").contains("\"payments\"");
        }

        @Test
        void printsTheRowsTheTimesTheVerdictsAndWhereTheOutputsWent() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            GeneratedTableOnSpark.print(outcome, new PrintStream(bytes, true, StandardCharsets.UTF_8));

            assertThat(bytes.toString(StandardCharsets.UTF_8))
                    .contains("generated 20,000 rows in " + outcome.partitions() + " partitions")
                    .containsPattern("profiled in \\d+\\.\\d\\d s")
                    .contains("FAILED (5 passed, 1 error, 0 warnings)")
                    .containsPattern("failed +range\\(amount\\): \\d+ of 20000 rows pass")
                    .containsPattern("e\\.g\\. row \\d+: -\\d+\\.\\d+, row \\d+: -")
                    .contains("profile written to " + out.resolve("profile.json"))
                    .contains("report written to " + out.resolve("check-report.json"));
        }
    }

    @Nested
    class TheGeneratedRows {

        @Test
        void doNotDependOnThePartitioning() {
            Table onePartition = SparkTables.toTable(GeneratedTableOnSpark.payments(spark, 3_000, 1, SEED));
            Table sevenPartitions = SparkTables.toTable(GeneratedTableOnSpark.payments(spark, 3_000, 7, SEED));

            assertThat(sevenPartitions).isEqualTo(onePartition);
            assertThat(SparkTables.toTable(GeneratedTableOnSpark.payments(spark, 3_000, 1, SEED + 1)))
                    .isNotEqualTo(onePartition);
        }

        @Test
        void refuseANegativeRowCountOrNoPartition() {
            assertThatThrownBy(() -> GeneratedTableOnSpark.payments(spark, -1, 2, SEED))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("rows must not be negative but was -1");
            assertThatThrownBy(() -> GeneratedTableOnSpark.payments(spark, 10, 0, SEED))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("partitions must be at least 1 but was 0");
        }
    }

    @Test
    void mainRefusesAnUnknownOptionBeforeStartingSpark() {
        assertThatThrownBy(() -> GeneratedTableOnSpark.main(new String[] {"--row", "5"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown option --row; expected --rows, --out, --master or --seed");
    }
}
