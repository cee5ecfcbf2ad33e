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
 * index; prints {@code begin N} before it ingests batch N (from 0), so the last line printed
 * names the batch in flight when it is killed.
 */
public final class IngestingProcess {
    static final String GROUP = "events";
    static final int RECORDS = 500;
    static final String BEGIN = "begin ";

    private IngestingProcess() {
    }

    /**
     * @param args the store's directory
     */
    public static void main(String[] args) {
        try (FeatureStore store = FeatureStore.open(Path.of(args[0]))) {
            store.define(StoreFixture.WRITER, group());
            for (int batch = 0;; batch++) {
                System.out.println(BEGIN + batch);
                System.out.flush();
                store.ingest(StoreFixture.WRITER, GROUP, batch(batch));
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
