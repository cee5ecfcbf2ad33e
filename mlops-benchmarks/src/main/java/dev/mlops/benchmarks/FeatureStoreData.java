package dev.mlops.benchmarks;

import dev.mlops.core.access.Principal;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.features.Feature;
import dev.mlops.features.FeatureGroup;
import dev.mlops.features.FeatureSelection;
import dev.mlops.features.FeatureStore;
import dev.mlops.features.IngestResult;
import dev.mlops.features.JoinRequest;
import dev.mlops.store.EpochMicros;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The seeded data of the feature-store benchmarks, fed to a real {@link FeatureStore} through its
 * public API: {@value #GROUPS} feature groups about {@code entities} entities, {@code featureRows}
 * records in all (2, 3 and 2 numeric features), and {@code rows} entity rows with prediction times,
 * for a point-in-time join.
 *
 * <p>Event times are uniform over one year, to the microsecond. Each group's records are ingested
 * in {@value #BATCHES} batches by event-time window ({@link FeatureStore#ingest(Principal, String, Table)},
 * one call per batch, the store's clock set to one hour after the window ends); 5 % of the records
 * arrive late, in one of the three following batches, and 2 % are corrections: an earlier
 * record's entity and event time with new values, in one of the three batches after it (the same
 * batch when it was the last), so that equal event times are broken by the write time (then the
 * later record of a batch). Entity keys are {@code c<id>}; prediction times are uniform over the
 * year.
 *
 * <p>{@link #writeNumpy} writes the very same records as {@code .npy} files for
 * {@code feature_join_pandas.py}: per group {@code gN_entity}, {@code gN_event}, {@code gN_write}
 * (int64, event and write times in epoch microseconds, the write time the store gave each batch)
 * and {@code gN_FEATURE} (float64), in the order they were ingested, and {@code rows_entity},
 * {@code rows_time}.
 */
final class FeatureStoreData {
    /** The seed of the published figures. */
    static final long DEFAULT_SEED = 23;
    /** The number of groups. */
    static final int GROUPS = 3;
    /** The number of batches per group. */
    static final int BATCHES = 20;
    /** Who defines the groups and ingests the records. */
    static final Principal WRITER = Principal.of("benchmark-etl", List.of(FeatureStore.WRITER_ROLE), List.of());
    /** Who reads them (the default policy lets anyone read a feature that is not sensitive). */
    static final Principal READER = Principal.of("benchmark-reader");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long YEAR_MICROS = 365L * 86_400L * 1_000_000L;
    private static final long HOUR_MICROS = 3_600L * 1_000_000L;
    private static final int[] FEATURES = {2, 3, 2};

    private final List<FeatureGroup> groups = new ArrayList<>();
    private final int[][] batchStarts = new int[GROUPS][];
    private final long[][] entities = new long[GROUPS][];
    private final long[][] events = new long[GROUPS][];
    private final long[][] writes = new long[GROUPS][];
    private final double[][][] values = new double[GROUPS][][];
    private final long[] rowEntities;
    private final long[] rowTimes;
    private final String[] keys;

    private FeatureStoreData(long seed, int entityCount, int featureRows, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        keys = new String[entityCount];
        for (int id = 0; id < entityCount; id++) {
            keys[id] = "c" + id;
        }
        for (int g = 0; g < GROUPS; g++) {
            int size = featureRows / GROUPS + (g < featureRows % GROUPS ? 1 : 0);
            generateGroup(g, size, random);
        }
        rowEntities = new long[rows];
        rowTimes = new long[rows];
        for (int row = 0; row < rows; row++) {
            rowEntities[row] = random.nextInt(entityCount);
            rowTimes[row] = EpochMicros.of(START) + random.nextLong(YEAR_MICROS);
        }
    }

    /**
     * Generates the data.
     *
     * @param seed the seed
     * @param entityCount the number of entities
     * @param featureRows the number of records over all groups
     * @param rows the number of entity rows
     * @return the data
     */
    static FeatureStoreData generate(long seed, int entityCount, int featureRows, int rows) {
        return new FeatureStoreData(seed, entityCount, featureRows, rows);
    }

    private void generateGroup(int g, int size, SplittableRandom random) {
        String name = "g" + g;
        FeatureGroup.Builder definition = FeatureGroup.builder(name).entityKey("entity").eventTime("event_time");
        for (int f = 0; f < FEATURES[g]; f++) {
            definition.feature(Feature.of(name + "_f" + f, ColumnType.NUMERIC));
        }
        groups.add(definition.build());
        long start = EpochMicros.of(START);
        long[] entity = new long[size];
        long[] event = new long[size];
        int[] batch = new int[size];
        double[][] features = new double[FEATURES[g]][size];
        int[] perBatch = new int[BATCHES + 1];
        for (int i = 0; i < size; i++) {
            if (i > 0 && random.nextInt(50) == 0) {
                int corrected = random.nextInt(i);
                entity[i] = entity[corrected];
                event[i] = event[corrected];
                batch[i] = Math.min(BATCHES - 1, batch[corrected] + 1 + random.nextInt(3));
            } else {
                entity[i] = random.nextInt(keys.length);
                event[i] = start + random.nextLong(YEAR_MICROS);
                int window = (int) ((event[i] - start) * BATCHES / YEAR_MICROS);
                batch[i] = random.nextInt(20) == 0 ? Math.min(BATCHES - 1, window + 1 + random.nextInt(3)) : window;
            }
            perBatch[batch[i] + 1]++;
            for (double[] feature : features) {
                feature[i] = Math.round(random.nextDouble() * 1e6) / 1e4;
            }
        }
        for (int b = 0; b < BATCHES; b++) {
            perBatch[b + 1] += perBatch[b];
        }
        batchStarts[g] = perBatch;
        int[] next = Arrays.copyOf(perBatch, BATCHES);
        int[] ingested = new int[size];
        for (int i = 0; i < size; i++) {
            ingested[next[batch[i]]++] = i;
        }
        entities[g] = new long[size];
        events[g] = new long[size];
        writes[g] = new long[size];
        values[g] = new double[FEATURES[g]][size];
        for (int at = 0; at < size; at++) {
            int i = ingested[at];
            entities[g][at] = entity[i];
            events[g][at] = event[i];
            for (int f = 0; f < FEATURES[g]; f++) {
                values[g][f][at] = features[f][i];
            }
        }
    }

    /**
     * Defines the first {@code groupCount} groups in the store and reads each once, so that the
     * store holds their (empty) histories in memory and adds every batch it then ingests to them,
     * as a serving store does.
     *
     * @param store the store
     * @param groupCount how many groups, from the first
     */
    void define(FeatureStore store, int groupCount) {
        for (int g = 0; g < groupCount; g++) {
            store.define(WRITER, groups.get(g));
            store.online(READER, FeatureSelection.all(groups.get(g).name()), List.of());
        }
    }

    /**
     * Ingests the first {@code groupCount} groups' batches through
     * {@link FeatureStore#ingest(Principal, String, Table)}, batch by batch, setting the clock to
     * each batch's write time first, and keeps the write time the store gave each batch.
     *
     * @param store the store, on {@code clock}
     * @param clock the store's clock
     * @param groupCount how many groups, from the first
     * @return the number of records ingested
     */
    long ingest(FeatureStore store, SettableClock clock, int groupCount) {
        long records = 0;
        for (int b = 0; b < BATCHES; b++) {
            clock.set(EpochMicros.instant(EpochMicros.of(START) + (b + 1) * (YEAR_MICROS / BATCHES) + HOUR_MICROS));
            for (int g = 0; g < groupCount; g++) {
                int from = batchStarts[g][b];
                int to = batchStarts[g][b + 1];
                IngestResult result = store.ingest(WRITER, groups.get(g).name(), batch(g, from, to));
                if (result.accepted() != to - from) {
                    throw new IllegalStateException("the store refused records of " + groups.get(g).name()
                            + " batch " + b + ": " + result.rejected());
                }
                Arrays.fill(writes[g], from, to, EpochMicros.of(result.writeTime()));
                records += to - from;
            }
        }
        return records;
    }

    private Table batch(int g, int from, int to) {
        FeatureGroup group = groups.get(g);
        CategoricalColumn.Builder entity = CategoricalColumn.builder(group.entityKey()).ensureCapacity(to - from);
        TimestampColumn.Builder event = TimestampColumn.builder(group.eventTime()).ensureCapacity(to - from);
        for (int at = from; at < to; at++) {
            entity.add(keys[(int) entities[g][at]]);
            event.add(EpochMicros.instant(events[g][at]));
        }
        List<Column> columns = new ArrayList<>(List.of(entity.build(), event.build()));
        for (int f = 0; f < FEATURES[g]; f++) {
            columns.add(NumericColumn.of(group.features().get(f).name(), Arrays.copyOfRange(values[g][f], from, to)));
        }
        return Table.of(columns);
    }

    /** @return the join of every feature of every group to the rows, {@link JoinRequest.Knowledge#LATEST} */
    JoinRequest joinRequest() {
        CategoricalColumn.Builder entity = CategoricalColumn.builder("entity").ensureCapacity(rowEntities.length);
        TimestampColumn.Builder time = TimestampColumn.builder("predicted_at").ensureCapacity(rowTimes.length);
        for (int row = 0; row < rowEntities.length; row++) {
            entity.add(keys[(int) rowEntities[row]]);
            time.add(EpochMicros.instant(rowTimes[row]));
        }
        JoinRequest.Builder request = JoinRequest.builder(Table.of(entity.build(), time.build()), "predicted_at");
        groups.forEach(group -> request.features(FeatureSelection.all(group.name())));
        return request.build();
    }

    /**
     * @param g a group's number, from 0
     * @return every feature of it
     */
    FeatureSelection selection(int g) {
        return FeatureSelection.all(groups.get(g).name());
    }

    /**
     * @param id an entity's number, from 0
     * @return its key, for online reads
     */
    String key(int id) {
        return keys[id];
    }


    /**
     * Deletes a directory the benchmark created, and everything in it.
     *
     * @param directory the directory
     * @throws IOException if a file cannot be deleted
     */
    static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * Writes the data, with the write times the store gave, as {@code .npy} files into a directory.
     *
     * @param directory the directory, created if absent
     * @throws IOException if a file cannot be written
     */
    void writeNumpy(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (int g = 0; g < GROUPS; g++) {
            writeLongs(directory.resolve("g" + g + "_entity.npy"), entities[g]);
            writeLongs(directory.resolve("g" + g + "_event.npy"), events[g]);
            writeLongs(directory.resolve("g" + g + "_write.npy"), writes[g]);
            for (int f = 0; f < FEATURES[g]; f++) {
                writeDoubles(directory.resolve(groups.get(g).features().get(f).name() + ".npy"), values[g][f]);
            }
        }
        writeLongs(directory.resolve("rows_entity.npy"), rowEntities);
        writeLongs(directory.resolve("rows_time.npy"), rowTimes);
    }

    private static void writeLongs(Path file, long[] array) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(array.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        data.asLongBuffer().put(array);
        write(file, "<i8", array.length, data);
    }

    private static void writeDoubles(Path file, double[] array) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(array.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        data.asDoubleBuffer().put(array);
        write(file, "<f8", array.length, data);
    }

    /** Writes a one-dimensional array in NumPy's format version 1.0. */
    private static void write(Path file, String type, int length, ByteBuffer data) throws IOException {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT,
                "{'descr': '%s', 'fortran_order': False, 'shape': (%d,), }", type, length));
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] text = header.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer preamble = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        preamble.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
                .putShort((short) text.length).flip();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(preamble);
            channel.write(ByteBuffer.wrap(text));
            data.rewind();
            while (data.hasRemaining()) {
                channel.write(data);
            }
        }
    }

    /** The store's clock in the benchmarks: set to each batch's write time before it is ingested. */
    static final class SettableClock extends Clock {
        private volatile Instant now = START;

        /** @param instant the time the clock reads from now on */
        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the benchmark clock stays in UTC");
        }
    }
}
