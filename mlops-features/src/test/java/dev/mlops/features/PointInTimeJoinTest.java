package dev.mlops.features;

import static dev.mlops.features.GroupHistoryTest.AGE;
import static dev.mlops.features.GroupHistoryTest.INCOME;
import static dev.mlops.features.GroupHistoryTest.V1;
import static dev.mlops.features.GroupHistoryTest.batch;
import static dev.mlops.features.GroupHistoryTest.day;
import static dev.mlops.features.GroupHistoryTest.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PointInTimeJoinTest {
    static final Feature SCORE = Feature.of("score", ColumnType.NUMERIC);
    static final FeatureGroup ACCOUNT = FeatureGroup.builder("account").entityKey("account_id").eventTime("at")
            .feature(SCORE).build();

    static RecordBatch accountBatch(long number, int writeDay, String account, int eventDay, double score) {
        return new RecordBatch(number, day(writeDay), Table.of(CategoricalColumn.of("account_id", account),
                TimestampColumn.of("at", day(eventDay)), NumericColumn.of("score", score)));
    }

    static Table rows(String[] customers, Instant... times) {
        return Table.of(CategoricalColumn.of("customer_id", customers), TimestampColumn.of("predicted_at", times));
    }

    /** a: event day 1 written day 2 (30), event day 5 written day 6 (31), a late record event day 3 written day 9 (32). */
    static final GroupHistory CUSTOMERS = history(
            batch(1, 2, "a", 1, 30, 100),
            batch(2, 6, "a", 5, 31, 101),
            batch(3, 9, "a", 3, 32, 102, "b", 3, 40, 200));

    static JoinResult join(JoinRequest request, PointInTimeJoin.Source... sources) {
        return PointInTimeJoin.join(request, List.of(sources));
    }

    static PointInTimeJoin.Source customers(FeatureGroup group) {
        return new PointInTimeJoin.Source(group, List.of(AGE, INCOME), CUSTOMERS);
    }

    @Nested
    class Knowledge {
        final Table rows = rows(new String[] {"a", "a", "a", "b", "nobody"}, day(0), day(4), day(7), day(4), day(4));

        @Test
        void latestSeesTheLateArrival() {
            JoinResult joined = join(JoinRequest.builder(rows, "predicted_at").features(FeatureSelection.all("customer"))
                    .build(), customers(V1.withVersion(1)));
            assertThat(joined.table().schema().names()).containsExactly("customer_id", "predicted_at", "age", "income");
            assertThat(joined.table().numericColumn("age").toArray()).containsExactly(Double.NaN, 32, 31, 40, Double.NaN);
            assertThat(joined.table().schema().field("income").sensitive()).isTrue();
            assertThat(joined.knownAt()).isEqualTo(day(9));
            TimestampColumn knownAt = joined.withKnownAt().timestampColumn("customer.known_at");
            assertThat(knownAt.isMissing(0)).isTrue();
            assertThat(knownAt.get(1)).isEqualTo(day(9));
            assertThat(knownAt.get(2)).isEqualTo(day(6));
            assertThat(joined.knownAtColumns()).isEqualTo(Map.of("age", "customer.known_at", "income", "customer.known_at"));
            assertThat(joined.lineage()).containsExactly(LineageInput.of("customer", "feature-group",
                    "1@" + day(9)).between(day(3), day(7).plusNanos(1000)));
        }

        @Test
        void predictionTimeExcludesTheLateArrival() {
            JoinResult joined = join(JoinRequest.builder(rows, "predicted_at").features(FeatureSelection.all("customer"))
                    .knownAtPredictionTime().build(), customers(V1.withVersion(1)));
            assertThat(joined.table().numericColumn("age").toArray()).containsExactly(Double.NaN, 30, 31, Double.NaN,
                    Double.NaN);
            assertThat(joined.knownAt()).isEqualTo(day(9));
            assertThat(joined.lineage().get(0).version()).contains("1@" + day(9) + "/prediction-time");
            assertThat(joined.lineage().get(0).from()).contains(day(1));
        }

        @Test
        void predictionTimeUnderACapSeesNoWriteAfterIt() {
            JoinResult joined = join(JoinRequest.builder(rows, "predicted_at").features(FeatureSelection.all("customer"))
                    .knownAtPredictionTime(day(5)).build(), customers(V1.withVersion(1)));
            assertThat(joined.table().numericColumn("age").toArray()).containsExactly(Double.NaN, 30, 30, Double.NaN,
                    Double.NaN);
            assertThat(joined.knownAt()).isEqualTo(day(5));
            assertThat(joined.lineage().get(0).version()).contains("1@" + day(5) + "/prediction-time");
        }

        @Test
        void asOfAFixedWriteTime() {
            JoinResult joined = join(JoinRequest.builder(rows, "predicted_at").features(FeatureSelection.all("customer"))
                    .knownAt(day(6)).build(), customers(V1.withVersion(1)));
            assertThat(joined.table().numericColumn("age").toArray()).containsExactly(Double.NaN, 30, 31, Double.NaN,
                    Double.NaN);
            assertThat(joined.knownAt()).isEqualTo(day(6));
        }
    }

    @Test
    void aCorrectionWinsOverTheRecordItCorrects() {
        GroupHistory history = history(batch(1, 2, "a", 1, 30, 100), batch(2, 3, "a", 1, 35, 100));
        Table rows = rows(new String[] {"a", "a"}, day(1), day(2));
        JoinResult latest = join(JoinRequest.builder(rows, "predicted_at").features(FeatureSelection.all("customer"))
                .build(), new PointInTimeJoin.Source(V1, List.of(AGE), history));
        assertThat(latest.table().numericColumn("age").toArray()).containsExactly(35, 35);
        JoinResult atPrediction = join(JoinRequest.builder(rows, "predicted_at")
                .features(FeatureSelection.all("customer")).knownAtPredictionTime().build(),
                new PointInTimeJoin.Source(V1, List.of(AGE), history));
        assertThat(atPrediction.table().numericColumn("age").toArray()).containsExactly(Double.NaN, 30);
    }

    @Test
    void aValueOlderThanTheTtlBeforeThePredictionTimeIsMissing() {
        FeatureGroup ttl = V1.toBuilder().ttl(Duration.ofDays(2)).build();
        Table rows = rows(new String[] {"a", "a"}, day(7), day(8));
        JoinResult joined = join(JoinRequest.builder(rows, "predicted_at").features(FeatureSelection.all("customer"))
                .build(), new PointInTimeJoin.Source(ttl, List.of(AGE), CUSTOMERS));
        assertThat(joined.table().numericColumn("age").toArray()).containsExactly(31, Double.NaN);
        assertThat(joined.withKnownAt().column("customer.known_at").isMissing(1)).isTrue();
    }

    @Test
    void joinsSeveralGroupsKeepingTheRowsOrder() {
        GroupHistory accounts = GroupHistory.of(ACCOUNT, List.of(accountBatch(1, 1, "x", 0, 0.5),
                accountBatch(2, 8, "y", 2, 0.7)));
        Table rows = Table.of(TextColumn.of("customer_id", "b", null, "a"), NumericColumn.of("acct", 1, 2, 3),
                TextColumn.of("account_no", "y", "x", "x"), TimestampColumn.of("predicted_at", day(5), day(5), null));
        JoinResult joined = join(JoinRequest.builder(rows, "predicted_at").features(FeatureSelection.all("customer"))
                .features(FeatureSelection.all("account")).entityColumn("account", "account_no").qualifiedNames()
                .build(), customers(V1), new PointInTimeJoin.Source(ACCOUNT, List.of(SCORE), accounts));
        assertThat(joined.table().schema().names()).containsExactly("customer_id", "acct", "account_no",
                "predicted_at", "customer.age", "customer.income", "account.score");
        assertThat(joined.table().numericColumn("customer.age").toArray()).containsExactly(40, Double.NaN, Double.NaN);
        assertThat(joined.table().numericColumn("account.score").toArray()).containsExactly(0.7, 0.5, Double.NaN);
        assertThat(joined.withKnownAt().schema().names()).endsWith("customer.known_at", "account.known_at");
        assertThat(joined.lineage()).extracting(LineageInput::name).containsExactly("customer", "account");
    }

    @Test
    void anIntegralNumericEntityColumnIsReadAsItsIntegerText() {
        GroupHistory accounts = GroupHistory.of(ACCOUNT, List.of(accountBatch(1, 1, "17", 0, 0.5)));
        Table rows = Table.of(NumericColumn.builder("account_id").add(17).add(18).addMissing().build(),
                TimestampColumn.of("predicted_at", day(5), day(5), day(5)));
        JoinResult joined = join(JoinRequest.builder(rows, "predicted_at").features(FeatureSelection.all("account"))
                .build(), new PointInTimeJoin.Source(ACCOUNT, List.of(SCORE), accounts));
        assertThat(joined.table().numericColumn("score").toArray()).containsExactly(0.5, Double.NaN, Double.NaN);
        Table fractional = Table.of(NumericColumn.of("account_id", 17.5), TimestampColumn.of("predicted_at", day(5)));
        Table huge = Table.of(NumericColumn.of("account_id", 1e300), TimestampColumn.of("predicted_at", day(5)));
        assertThatThrownBy(() -> join(JoinRequest.builder(huge, "predicted_at")
                .features(FeatureSelection.all("account")).build(),
                new PointInTimeJoin.Source(ACCOUNT, List.of(SCORE), accounts)))
                .hasMessageContaining("holds a refused key in row 0: entity key 1.0E300 is beyond ±2^53");
        assertThatThrownBy(() -> join(JoinRequest.builder(fractional, "predicted_at")
                .features(FeatureSelection.all("account")).build(),
                new PointInTimeJoin.Source(ACCOUNT, List.of(SCORE), accounts)))
                .isInstanceOf(FeatureStoreException.class)
                .hasMessage("the entity column 'account_id' (of group 'account') holds a refused key in row 0: entity "
                        + "key 17.5 is not an integer; a numeric key must be an integer within ±2^53");
    }

    @Test
    void anEntityWithNoHistoryGetsMissingValuesAndNoWindow() {
        GroupHistory empty = new GroupHistory(ACCOUNT);
        Table rows = Table.of(CategoricalColumn.of("account_id", "x"), TimestampColumn.of("predicted_at", day(5)));
        JoinResult joined = join(JoinRequest.builder(rows, "predicted_at").features(FeatureSelection.all("account"))
                .build(), new PointInTimeJoin.Source(ACCOUNT, List.of(SCORE), empty));
        assertThat(joined.table().column("score").isMissing(0)).isTrue();
        assertThat(joined.knownAt()).isEqualTo(Instant.EPOCH);
        assertThat(joined.lineage().get(0).from()).isEmpty();
    }

    @Nested
    class Refusals {
        final Table rows = rows(new String[] {"a"}, day(4));

        @Test
        void aMissingPredictionColumn() {
            assertThatThrownBy(() -> join(JoinRequest.builder(rows, "when").features(FeatureSelection.all("customer"))
                    .build(), customers(V1)))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessage("the join's rows have no prediction-time column 'when'; their columns are "
                            + "[customer_id, predicted_at]");
        }

        @Test
        void aPredictionColumnThatIsNotATimestamp() {
            assertThatThrownBy(() -> join(JoinRequest.builder(rows, "customer_id")
                    .features(FeatureSelection.all("customer")).build(), customers(V1)))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessage("the join's prediction-time column 'customer_id' is CATEGORICAL but must be TIMESTAMP");
        }

        @Test
        void aMissingOrUnusableEntityColumn() {
            assertThatThrownBy(() -> join(JoinRequest.builder(rows, "predicted_at")
                    .features(FeatureSelection.all("customer")).entityColumn("customer", "cid").build(), customers(V1)))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessage("the join's rows have no entity column (of group 'customer') column 'cid'; their "
                            + "columns are [customer_id, predicted_at]");
            assertThatThrownBy(() -> join(JoinRequest.builder(rows, "predicted_at")
                    .features(FeatureSelection.all("customer")).entityColumn("customer", "predicted_at").build(),
                    customers(V1)))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessage("the entity column 'predicted_at' (of group 'customer') is TIMESTAMP but must be "
                            + "CATEGORICAL, TEXT or integral NUMERIC");
        }

        @Test
        void nameClashes() {
            GroupHistory other = GroupHistory.of(ACCOUNT, List.of());
            FeatureGroup clashing = FeatureGroup.builder("account").entityKey("customer_id").eventTime("at")
                    .feature(Feature.of("age", ColumnType.NUMERIC)).build();
            assertThatThrownBy(() -> join(JoinRequest.builder(rows, "predicted_at")
                    .features(FeatureSelection.all("customer")).features(FeatureSelection.all("account")).build(),
                    customers(V1), new PointInTimeJoin.Source(clashing, clashing.features(), other)))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessage("the join would name two columns 'age': feature 'age' of group 'customer' and feature "
                            + "'age' of group 'account'; rename the rows' column, or ask for GROUP.FEATURE names with "
                            + "JoinRequest.Builder.qualifiedNames()");
            Table withAge = Table.of(CategoricalColumn.of("customer_id", "a"), NumericColumn.of("age", 1),
                    TimestampColumn.of("predicted_at", day(4)));
            assertThatThrownBy(() -> join(JoinRequest.builder(withAge, "predicted_at")
                    .features(FeatureSelection.all("customer")).build(), customers(V1)))
                    .hasMessageContaining("'age': a column of the join's rows and feature 'age' of group 'customer'");
            Table withKnownAt = Table.of(CategoricalColumn.of("customer_id", "a"),
                    TimestampColumn.of("customer.known_at", day(1)), TimestampColumn.of("predicted_at", day(4)));
            assertThatThrownBy(() -> join(JoinRequest.builder(withKnownAt, "predicted_at")
                    .features(FeatureSelection.all("customer")).build(), customers(V1)))
                    .hasMessageContaining("'customer.known_at': a column of the join's rows and the known-at column "
                            + "of group 'customer'");
        }
    }
}
