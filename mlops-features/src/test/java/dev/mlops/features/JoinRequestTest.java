package dev.mlops.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Table;
import dev.mlops.data.leakage.Finding;
import dev.mlops.data.leakage.LeakageReport;
import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.Splitters;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JoinRequestTest {

    static final Instant T = Instant.parse("2026-11-30T00:00:00Z");
    static final Table ROWS = Table.builder().categorical("customer_id", "c1", "c2")
            .timestamp("applied_at", T, T.plusSeconds(60)).build();

    @Nested
    class Requests {

        @Test
        void theDefaultsSeeTheLatestWritesUnderPlainNames() {
            JoinRequest request = JoinRequest.builder(ROWS, "applied_at")
                    .features(FeatureSelection.of("customer", "age")).build();
            assertThat(request.rows()).isSameAs(ROWS);
            assertThat(request.predictionTime()).isEqualTo("applied_at");
            assertThat(request.selections()).containsExactly(FeatureSelection.of("customer", "age"));
            assertThat(request.knowledge()).isEqualTo(JoinRequest.Knowledge.LATEST);
            assertThat(request.knownAt()).isEmpty();
            assertThat(request.qualifiedNames()).isFalse();
            assertThat(request.entityColumn("customer", "customer_id")).isEqualTo("customer_id");
        }

        @Test
        void entityColumnsKnowledgeAndNamesAreKept() {
            JoinRequest request = JoinRequest.builder(ROWS, "applied_at")
                    .features(FeatureSelection.all("customer")).features(FeatureSelection.all("account"))
                    .entityColumn("account", "account_no").knownAt(T).qualifiedNames().build();
            assertThat(request.selections()).extracting(FeatureSelection::group).containsExactly("customer", "account");
            assertThat(request.entityColumn("account", "account_id")).isEqualTo("account_no");
            assertThat(request.entityColumn("customer", "customer_id")).isEqualTo("customer_id");
            assertThat(request.knowledge()).isEqualTo(JoinRequest.Knowledge.AS_OF);
            assertThat(request.knownAt()).contains(T);
            assertThat(request.qualifiedNames()).isTrue();
        }

        @Test
        void knowingAtPredictionTimeDropsAFixedBound() {
            JoinRequest request = JoinRequest.builder(ROWS, "applied_at").features(FeatureSelection.all("customer"))
                    .knownAt(T).knownAtPredictionTime().build();
            assertThat(request.knowledge()).isEqualTo(JoinRequest.Knowledge.PREDICTION_TIME);
            assertThat(request.knownAt()).isEmpty();
        }

        @Test
        void aJoinNeedsASelection() {
            assertThatThrownBy(() -> JoinRequest.builder(ROWS, "applied_at").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a join needs at least one feature selection");
        }

        @Test
        void aGroupIsSelectedOnce() {
            JoinRequest.Builder builder = JoinRequest.builder(ROWS, "applied_at")
                    .features(FeatureSelection.of("customer", "age"));
            assertThatThrownBy(() -> builder.features(FeatureSelection.of("customer", "income")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("group 'customer' is selected twice in one join");
        }

        @Test
        void anEntityColumnForAGroupNotSelected() {
            JoinRequest.Builder builder = JoinRequest.builder(ROWS, "applied_at")
                    .features(FeatureSelection.all("customer")).entityColumn("account", "account_no");
            assertThatThrownBy(builder::build)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("an entity column is mapped for group 'account', which the join does not select");
        }
    }

    @Nested
    class Results {

        static final Instant EARLY = Instant.parse("2026-01-01T00:00:00Z");

        JoinResult result() {
            Instant[] applied = new Instant[8];
            Instant[] known = new Instant[8];
            double[] age = new double[8];
            for (int i = 0; i < 8; i++) {
                applied[i] = EARLY.plusSeconds(3600L * i);
                known[i] = i == 6 ? applied[i].plusSeconds(1) : applied[i].minusSeconds(1);
                age[i] = 30 + i;
            }
            Table table = Table.builder().timestamp("applied_at", applied).numeric("age", age).build();
            Table withKnownAt = Table.builder().timestamp("applied_at", applied).numeric("age", age)
                    .timestamp("customer.known_at", known).build();
            return new JoinResult(table, withKnownAt, Map.of("age", "customer.known_at"), "applied_at", T,
                    List.of(LineageInput.of("customer", "feature-group", "1@" + T)));
        }

        @Test
        void theLeakageCheckFlagsExactlyTheValuesWrittenAfterThePrediction() {
            JoinResult joined = result();
            LeakageReport report = joined.leakageCheck().build().run(joined.withKnownAt(),
                    Splitters.temporal(SplitSets.trainTest(0.5, 0.5), "applied_at").split(joined.withKnownAt()));
            Finding availability = report.findings().stream()
                    .filter(finding -> finding.check().equals("feature-availability")).findFirst().orElseThrow();
            assertThat(availability.severity()).isEqualTo(Severity.ERROR);
            assertThat(availability.measured()).isEqualTo(1.0);
        }

        @Test
        void theCollectionsAreCopied() {
            Map<String, String> columns = new HashMap<>(Map.of("age", "customer.known_at"));
            JoinResult joined = new JoinResult(ROWS, ROWS, columns, "applied_at", T, List.of());
            columns.put("x", "y");
            assertThat(joined.knownAtColumns()).containsOnlyKeys("age");
            assertThat(joined.knownAt()).isEqualTo(T);
            assertThat(joined.predictionTime()).isEqualTo("applied_at");
        }
    }
}
