package dev.mlops.features;

import static dev.mlops.features.StoreFixture.READER;
import static dev.mlops.features.StoreFixture.T0;
import static dev.mlops.features.StoreFixture.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.Table;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seam: define a group, ingest a table, read it back through the history in memory. */
class EndToEndTest {

    @Test
    void aTableIngestedIsReadOnlineAndAsOf() {
        StoreClock clock = new StoreClock(T0.plus(Duration.ofDays(30)));
        try (FeatureStore store = StoreFixture.store(clock)) {
            FeatureGroup group = store.define(WRITER, StoreFixture.customer().build());
            assertThat(group.version()).isEqualTo(1);
            Table records = Table.builder()
                    .categorical("customer_id", "c1", "c2")
                    .timestamp("observed_at", T0, T0.plus(Duration.ofDays(1)))
                    .numeric("age", 41, 29)
                    .categorical("segment", "gold", "silver")
                    .build();
            IngestResult result = store.ingest(WRITER, "customer", records);
            assertThat(result.accepted()).isEqualTo(2);
            assertThat(result.batch()).isEqualTo(1);
            assertThat(result.writeTime()).isEqualTo(clock.instant());

            Table online = store.online(READER, FeatureSelection.of("customer", "age", "segment"), List.of("c2", "c9"));
            assertThat(online.categoricalColumn("customer_id").get(0)).isEqualTo("c2");
            assertThat(online.numericColumn("age").get(0)).isEqualTo(29.0);
            assertThat(online.categoricalColumn("segment").get(0)).isEqualTo("silver");
            assertThat(online.column("age").isMissing(1)).as("an unknown entity reads as missing").isTrue();

            Table asOf = store.asOf(READER, FeatureSelection.of("customer", "age"), T0);
            assertThat(asOf.rowCount()).as("only c1 had a record by T0").isEqualTo(1);
            assertThat(asOf.numericColumn("age").get(0)).isEqualTo(41.0);
        }
    }
}
