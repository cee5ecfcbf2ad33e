package dev.mlops.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultValuesTest {

    static final Instant T = Instant.parse("2026-11-30T00:00:00Z");

    @Test
    void aRejectedRecordSaysWhereAndWhy() {
        RejectedRecord rejected = new RejectedRecord("customers.csv", 12, "feature 'age': expected a number but was 'x'");
        assertThat(rejected).hasToString("customers.csv line 12: feature 'age': expected a number but was 'x'");
        assertThat(new RejectedRecord("table", 1, "r").line()).isEqualTo(1);
        assertThatThrownBy(() -> new RejectedRecord("table", 0, "r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a rejected record's line is counted from 1 but was 0");
    }

    @Test
    void anIngestResultIsCleanWhenNothingWasRefused() {
        List<RejectedRecord> rejected = new ArrayList<>();
        IngestResult clean = new IngestResult("customer", 2, 7, T, 100, rejected);
        rejected.add(new RejectedRecord("table", 3, "r"));
        assertThat(clean.clean()).isTrue();
        assertThat(clean.rejected()).isEmpty();
        IngestResult partly = new IngestResult("customer", 2, 7, T, 99, rejected);
        assertThat(partly.clean()).isFalse();
        assertThat(partly.rejected()).hasSize(1);
        assertThat(new IngestResult("customer", 2, 0, T, 0, List.of()).batch()).isZero();
    }

    @Test
    void anIngestResultsCountsAreNotNegative() {
        assertThatThrownBy(() -> new IngestResult("g", 1, -1, T, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an ingestion's counts are not negative but were batch -1, accepted 0");
        assertThatThrownBy(() -> new IngestResult("g", 1, 0, T, -1, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an ingestion's counts are not negative but were batch 0, accepted -1");
    }

    @Test
    void retentionCountsAreNotNegative() {
        assertThat(new RetentionResult(0, 0).removed()).isZero();
        assertThatThrownBy(() -> new RetentionResult(-1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retention counts are not negative but were -1 groups, 0 records");
        assertThatThrownBy(() -> new RetentionResult(0, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retention counts are not negative but were 0 groups, -1 records");
    }

    @Test
    void anIncompatibleSchemaNamesEveryChange() {
        IncompatibleSchemaException error = new IncompatibleSchemaException("customer", 3,
                List.of("feature 'age' was removed", "feature 'income' changed type from NUMERIC to CATEGORICAL"));
        assertThat(error).hasMessage("feature group 'customer': the new definition is incompatible with version 3: "
                + "feature 'age' was removed; feature 'income' changed type from NUMERIC to CATEGORICAL (a new version "
                + "may only add features at the end; define a new group for the rest)");
        assertThat(error.changes()).hasSize(2);
        assertThat(error).isInstanceOf(FeatureStoreException.class);
        RuntimeException cause = new IllegalStateException("x");
        assertThat(new FeatureStoreException("m", cause)).hasMessage("m").hasCause(cause);
    }
}
