package dev.mlops.features;

import dev.mlops.core.access.Policy;
import dev.mlops.core.access.Principal;
import dev.mlops.core.table.ColumnType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Principals, groups and records the store tests share. */
final class StoreFixture {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Principal WRITER = Principal.of("etl", List.of(FeatureStore.WRITER_ROLE), List.of());
    static final Principal READER = Principal.of("ana");
    static final Principal ANALYST = Principal.of("bo", List.of("analyst"), List.of());

    private StoreFixture() {
    }

    /** @return customer: age (numeric), segment (categorical), income (numeric, sensitive), by customer_id at observed_at */
    static FeatureGroup.Builder customer() {
        return FeatureGroup.builder("customer")
                .entityKey("customer_id")
                .eventTime("observed_at")
                .feature(Feature.of("age", ColumnType.NUMERIC, "age in years"))
                .feature(Feature.of("segment", ColumnType.CATEGORICAL, "marketing segment"))
                .feature(Feature.of("income", ColumnType.NUMERIC, "yearly income in EUR").asSensitive())
                .owner("risk-team");
    }

    /** @return a store in memory on the clock, with the default policy */
    static FeatureStore store(StoreClock clock) {
        return store(clock, FeatureStore.defaultPolicy());
    }

    /**
     * @return a store in memory on the clock and policy; its directory (under {@code target}, in
     *     case a mutation test drops the audit log given) is not written
     */
    static FeatureStore store(StoreClock clock, Policy policy) {
        return FeatureStore.builder(Path.of("target", "unused-store-directory")).database("jdbc:sqlite::memory:").clock(clock)
                .policy(policy).audit(new MemoryAuditLog(clock)).open();
    }

    /**
     * @param entity the key
     * @param day the event time, in days after {@link #T0}
     * @param age the age
     * @param segment the segment, or null
     * @param income the income, or null
     * @return the record
     */
    static FeatureRecord record(String entity, int day, @Nullable Double age, @Nullable String segment,
            @Nullable Double income) {
        Map<String, @Nullable Object> values = new HashMap<>();
        values.put("age", age);
        values.put("segment", segment);
        values.put("income", income);
        return FeatureRecord.of(entity, T0.plus(Duration.ofDays(day)), values);
    }
}
