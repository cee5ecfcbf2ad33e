package dev.mlops.features;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * A child JVM for {@link IngestKillTest}: ingests batches of {@value #RECORDS} records into the
 * group {@value #GROUP} of a store directory, for ever, each record's {@code marker} the batch's
 * index; prints {@value #STARTED} once the first batch is committed.
 */
public final class IngestingProcess {
    static final String GROUP = "events";
    static final int RECORDS = 500;
    static final String STARTED = "started";

    private IngestingProcess() {
    }

    /**
     * @param args the store's directory
     */
    public static void main(String[] args) {
        try (FeatureStore store = FeatureStore.open(Path.of(args[0]))) {
            store.define(StoreFixture.WRITER, group());
            for (int batch = 0;; batch++) {
                store.ingest(StoreFixture.WRITER, GROUP, batch(batch));
                if (batch == 0) {
                    System.out.println(STARTED);
                    System.out.flush();
                }
            }
        }
    }

    static FeatureGroup group() {
        return FeatureGroup.builder(GROUP).feature(dev.mlops.features.Feature.of("marker", ColumnType.NUMERIC)).build();
    }

    static Table batch(int index) {
        String[] keys = new String[RECORDS];
        Instant[] times = new Instant[RECORDS];
        double[] markers = new double[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            keys[i] = "e" + i;
            times[i] = StoreFixture.T0.plusSeconds(index);
        }
        Arrays.fill(markers, index);
        return Table.builder().categorical("entity_id", keys).timestamp("event_time", times)
                .add(NumericColumn.of("marker", markers)).build();
    }
}
