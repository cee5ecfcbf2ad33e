package dev.mlops.features;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The seeded data of the feature-store benchmarks: {@value #GROUPS} feature groups about
 * {@code entities} entities, {@code featureRows} records in all (2, 3 and 2 numeric features),
 * and {@code rows} entity rows with prediction times, for a point-in-time join.
 *
 * <p>Event times are uniform over one year, to the microsecond. Each group's records are
 * committed in {@value #BATCHES} batches by event-time window, the batch of window {@code b}
 * written one hour after the window ends; 5 % of the records arrive late, in one of the three
 * following batches. Entity keys are {@code c<id>}; prediction times are uniform over the year.
 *
 * <p>{@link #writeNumpy} writes the very same data as {@code .npy} files for
 * {@code feature_join_pandas.py}: per group {@code gN_entity}, {@code gN_event}, {@code gN_write}
 * (int64, event and write times in epoch microseconds) and {@code gN_FEATURE} (float64), in the
 * order the records were committed, and {@code rows_entity}, {@code rows_time}.
 */
public final class FeatureJoinData {
    /** The seed of the published figures. */
    public static final long DEFAULT_SEED = 23;
    /** The number of groups. */
    public static final int GROUPS = 3;
    /** The number of batches per group. */
    public static final int BATCHES = 20;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long YEAR_MICROS = 365L * 86_400L * 1_000_000L;
    private static final long HOUR_MICROS = 3_600L * 1_000_000L;
    private static final int[] FEATURES = {2, 3, 2};

    private final List<FeatureGroup> groups = new ArrayList<>();
    private final List<List<RecordBatch>> batches = new ArrayList<>();
    private final long[][] entities = new long[GROUPS][];
    private final long[][] events = new long[GROUPS][];
    private final long[][] writes = new long[GROUPS][];
    private final double[][][] values = new double[GROUPS][][];
    private final long[] rowEntities;
    private final long[] rowTimes;
    private final String[] keys;

    private FeatureJoinData(long seed, int entityCount, int featureRows, int rows) {
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
            rowTimes[row] = micros(START) + random.nextLong(YEAR_MICROS);
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
    public static FeatureJoinData generate(long seed, int entityCount, int featureRows, int rows) {
        return new FeatureJoinData(seed, entityCount, featureRows, rows);
    }

    private void generateGroup(int g, int size, SplittableRandom random) {
        String name = "g" + g;
        FeatureGroup.Builder definition = FeatureGroup.builder(name).entityKey("entity").eventTime("event_time");
        for (int f = 0; f < FEATURES[g]; f++) {
            definition.feature(Feature.of(name + "_f" + f, ColumnType.NUMERIC));
        }
        FeatureGroup group = definition.build().withVersion(1);
        groups.add(group);
        long start = micros(START);
        long[] entity = new long[size];
        long[] event = new long[size];
        int[] batch = new int[size];
        double[][] features = new double[FEATURES[g]][size];
        int[] perBatch = new int[BATCHES + 1];
        for (int i = 0; i < size; i++) {
            entity[i] = random.nextInt(keys.length);
            event[i] = start + random.nextLong(YEAR_MICROS);
            int window = (int) ((event[i] - start) * BATCHES / YEAR_MICROS);
            batch[i] = random.nextInt(20) == 0 ? Math.min(BATCHES - 1, window + 1 + random.nextInt(3)) : window;
            perBatch[batch[i] + 1]++;
            for (double[] feature : features) {
                feature[i] = Math.round(random.nextDouble() * 1e6) / 1e4;
            }
        }
        for (int b = 0; b < BATCHES; b++) {
            perBatch[b + 1] += perBatch[b];
        }
        int[] next = Arrays.copyOf(perBatch, BATCHES);
        int[] committed = new int[size];
        for (int i = 0; i < size; i++) {
            committed[next[batch[i]]++] = i;
        }
        entities[g] = new long[size];
        events[g] = new long[size];
        writes[g] = new long[size];
        values[g] = new double[FEATURES[g]][size];
        for (int at = 0; at < size; at++) {
            int i = committed[at];
            entities[g][at] = entity[i];
            events[g][at] = event[i];
            writes[g][at] = writeTime(batch[i]);
            for (int f = 0; f < FEATURES[g]; f++) {
                values[g][f][at] = features[f][i];
            }
        }
        List<RecordBatch> groupBatches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            groupBatches.add(batch(g, b + 1L, perBatch[b], perBatch[b + 1]));
        }
        batches.add(groupBatches);
    }

    private static long writeTime(int batch) {
        return micros(START) + (batch + 1) * (YEAR_MICROS / BATCHES) + HOUR_MICROS;
    }

    private RecordBatch batch(int g, long number, int from, int to) {
        FeatureGroup group = groups.get(g);
        CategoricalColumn.Builder entity = CategoricalColumn.builder(group.entityKey()).ensureCapacity(to - from);
        TimestampColumn.Builder event = TimestampColumn.builder(group.eventTime()).ensureCapacity(to - from);
        for (int at = from; at < to; at++) {
            entity.add(keys[(int) entities[g][at]]);
            event.add(GroupHistory.instant(events[g][at]));
        }
        List<Column> columns = new ArrayList<>(List.of(entity.build(), event.build()));
        for (int f = 0; f < FEATURES[g]; f++) {
            columns.add(NumericColumn.of(group.features().get(f).name(), Arrays.copyOfRange(values[g][f], from, to)));
        }
        return new RecordBatch(number, GroupHistory.instant(writeTime((int) number - 1)), Table.of(columns));
    }

    private static long micros(Instant instant) {
        return GroupHistory.micros(instant);
    }

    /**
     * Builds the three groups' histories from their batches, as the store does after reading
     * them, and the join of every feature of every group to the rows ({@link JoinRequest.Knowledge#LATEST}).
     *
     * @return the join, run anew on each call
     */
    public Supplier<JoinResult> join() {
        JoinRequest.Builder builder = JoinRequest.builder(rows(), "predicted_at");
        List<PointInTimeJoin.Source> sources = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            FeatureGroup group = groups.get(g);
            builder.features(FeatureSelection.all(group.name()));
            sources.add(new PointInTimeJoin.Source(group, group.features(), GroupHistory.of(group, batches.get(g))));
        }
        JoinRequest request = builder.build();
        return () -> PointInTimeJoin.join(request, sources);
    }

    /**
     * Builds the first group's history and an online read of every feature of it.
     *
     * @param now the time the TTL is measured to
     * @return the read of the latest values of the entities given
     */
    public Function<List<String>, Table> online(Instant now) {
        FeatureGroup group = groups.get(0);
        GroupHistory history = GroupHistory.of(group, batches.get(0));
        return entityKeys -> history.online(group, group.features(), entityKeys, now);
    }

    /** @return the entity rows: {@code entity} (categorical) and {@code predicted_at} */
    Table rows() {
        CategoricalColumn.Builder entity = CategoricalColumn.builder("entity").ensureCapacity(rowEntities.length);
        TimestampColumn.Builder time = TimestampColumn.builder("predicted_at").ensureCapacity(rowTimes.length);
        for (int row = 0; row < rowEntities.length; row++) {
            entity.add(keys[(int) rowEntities[row]]);
            time.add(GroupHistory.instant(rowTimes[row]));
        }
        return Table.of(entity.build(), time.build());
    }

    /**
     * @param id an entity's number, from 0
     * @return its key, for online reads
     */
    public String key(int id) {
        return keys[id];
    }

    /**
     * Writes the data as {@code .npy} files into a directory.
     *
     * @param directory the directory, created if absent
     * @throws IOException if a file cannot be written
     */
    public void writeNumpy(Path directory) throws IOException {
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
}
