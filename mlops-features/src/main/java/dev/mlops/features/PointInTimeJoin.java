package dev.mlops.features;

import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.store.EpochMicros;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The point-in-time join over {@link GroupHistory} snapshots: for each entity row and each group,
 * the record of the row's entity with the latest event time not after the row's prediction time,
 * a tie going to the latest write (then the later record of a batch), among the records the
 * request's {@linkplain JoinRequest.Knowledge knowledge} lets it see; values older than the
 * group's TTL, measured to the prediction time, read as missing.
 *
 * <p>Per group the rows' entity column is mapped to the history's entity codes once (a
 * categorical column level by level, a text or integral numeric column row by row, a number by
 * {@link EntityKeys}, so a non-integral one or one beyond ±2<sup>53</sup> fails the join); the
 * rows are then grouped by entity (a counting sort) and each is a binary search within its
 * entity's run of the sorted history, so the searches walk the history in order. A row whose entity key or
 * prediction time is missing, or whose entity the group has no record of, gets missing values.
 * Rows keep their order; feature columns select the history's columns without copying them.
 *
 * <p><b>Lineage.</b> One {@code feature-group} input per group: its name, and as version the
 * schema version and the write-time bound, {@code VERSION@KNOWN_AT}, or for a
 * {@link JoinRequest.Knowledge#PREDICTION_TIME} join {@code VERSION@CAP/prediction-time} (each row
 * saw the writes up to the earlier of its prediction time and the cap); its window runs from the
 * earliest event time of a record whose values the join returned to the latest prediction time
 * plus one microsecond (the window's end is exclusive, and no record after the latest prediction
 * time can have been read). A group from which no value was returned has no window.
 */
final class PointInTimeJoin {
    /** The suffix of the known-at column each group adds to {@link JoinResult#withKnownAt()}. */
    static final String KNOWN_AT = ".known_at";
    /** The suffix of a lineage version read with {@link JoinRequest.Knowledge#PREDICTION_TIME}. */
    static final String PREDICTION_TIME_SUFFIX = "/prediction-time";
    /** The lineage kind of a group's input. */
    static final String LINEAGE_KIND = "feature-group";

    /**
     * One group taking part in a join.
     *
     * @param group the group's latest definition
     * @param features the features selected, resolved and access-checked
     * @param history the group's history
     */
    record Source(FeatureGroup group, List<Feature> features, GroupHistory history) {

        /**
         * Copies the features.
         *
         * @param group the definition
         * @param features the features
         * @param history the history
         */
        Source {
            Objects.requireNonNull(group, "group");
            features = List.copyOf(features);
            Objects.requireNonNull(history, "history");
        }
    }

    private PointInTimeJoin() {
        throw new AssertionError("no instances");
    }

    /**
     * Joins.
     *
     * @param request the rows and the knowledge bound; its selections are already resolved into {@code sources}
     * @param sources one source per selected group, in the request's order
     * @return the joined table, the known-at columns and the lineage
     * @throws FeatureStoreException if the rows lack the prediction-time column or an entity
     *     column, if one has an unusable type, or if two output columns would share a name
     */
    static JoinResult join(JoinRequest request, List<Source> sources) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(sources, "sources");
        Table rows = request.rows();
        int count = rows.rowCount();
        long[] predictions = predictionTimes(rows, request.predictionTime());
        boolean[] present = new boolean[count];
        long latestPrediction = Long.MIN_VALUE;
        for (int row = 0; row < count; row++) {
            present[row] = !rows.column(request.predictionTime()).isMissing(row);
            if (present[row]) {
                latestPrediction = Math.max(latestPrediction, predictions[row]);
            }
        }
        List<GroupHistory.Snapshot> snapshots = new ArrayList<>(sources.size());
        Instant latestWrite = Instant.EPOCH;
        for (Source source : sources) {
            GroupHistory.Snapshot snapshot = source.history().snapshot();
            snapshots.add(snapshot);
            if (snapshot.lastWrite().isAfter(latestWrite)) {
                latestWrite = snapshot.lastWrite();
            }
        }
        Instant knownAt = switch (request.knowledge()) {
            case LATEST -> latestWrite;
            case AS_OF -> request.knownAt().orElseThrow();
            case PREDICTION_TIME -> request.knownAt().orElse(latestWrite);
        };
        long writeBound = GroupHistory.saturatedMicros(knownAt);
        boolean perRow = request.knowledge() == JoinRequest.Knowledge.PREDICTION_TIME;

        Names names = new Names(rows);
        List<Column> features = new ArrayList<>();
        List<Column> knownAtColumns = new ArrayList<>();
        Map<String, String> knownAtByFeature = new LinkedHashMap<>();
        List<LineageInput> lineage = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            Source source = sources.get(s);
            GroupHistory.Snapshot snapshot = snapshots.get(s);
            FeatureGroup group = source.group();
            String entityColumn = request.entityColumn(group.name(), group.entityKey());
            int[] codes = entityCodes(rows, entityColumn, group.name(), snapshot);
            long ttl = GroupHistory.ttlMicros(group);
            int[] positions = new int[count];
            long earliest = Long.MAX_VALUE;
            for (int row = 0; row < count; row++) {
                if (!present[row]) {
                    codes[row] = -1;
                }
            }
            // rows by entity: the searches then walk the history in order instead of jumping about it
            for (int row : IndexSort.byBucket(codes, IndexSort.bucketStarts(codes, snapshot.entityCount()))) {
                long prediction = predictions[row];
                int index = snapshot.latest(codes[row], prediction, perRow ? Math.min(prediction, writeBound) : writeBound);
                if (index >= 0) {
                    long event = snapshot.eventMicros(index);
                    if (!GroupHistory.expired(event, prediction, ttl)) {
                        positions[row] = snapshot.position(index);
                        earliest = Math.min(earliest, event);
                    }
                }
            }
            String knownAtName = group.name() + KNOWN_AT;
            for (Feature feature : source.features()) {
                String name = request.qualifiedNames() ? group.name() + "." + feature.name() : feature.name();
                names.claim(name, "feature '" + feature.name() + "' of group '" + group.name() + "'");
                features.add(snapshot.feature(feature, positions, name));
                knownAtByFeature.put(name, knownAtName);
            }
            names.claim(knownAtName, "the known-at column of group '" + group.name() + "'");
            knownAtColumns.add(snapshot.writeColumn().select(positions).rename(knownAtName));
            LineageInput input = LineageInput.of(group.name(), LINEAGE_KIND,
                    group.version() + "@" + knownAt + (perRow ? PREDICTION_TIME_SUFFIX : ""));
            if (earliest != Long.MAX_VALUE) {
                input = input.between(EpochMicros.instant(earliest), EpochMicros.instant(latestPrediction == Long.MAX_VALUE ? latestPrediction : latestPrediction + 1));
            }
            lineage.add(input);
        }
        List<Column> columns = new ArrayList<>(rows.columns());
        columns.addAll(features);
        Table table = Table.of(columns);
        columns.addAll(knownAtColumns);
        return new JoinResult(table, Table.of(columns), knownAtByFeature, request.predictionTime(), knownAt, lineage);
    }

    /** Reads the prediction times as epoch micros; a missing one reads 0 and is told apart by the caller. */
    private static long[] predictionTimes(Table rows, String name) {
        Column column = column(rows, name, "prediction-time");
        if (column.type() != ColumnType.TIMESTAMP) {
            throw new FeatureStoreException("the join's prediction-time column '" + name + "' is " + column.type()
                    + " but must be TIMESTAMP");
        }
        TimestampColumn times = (TimestampColumn) column;
        long[] micros = new long[rows.rowCount()];
        for (int row = 0; row < micros.length; row++) {
            if (!times.isMissing(row)) {
                micros[row] = GroupHistory.saturatedMicros(Instant.ofEpochSecond(times.epochSecond(row), times.nano(row)));
            }
        }
        return micros;
    }

    private static Column column(Table rows, String name, String what) {
        if (rows.schema().find(name).isEmpty()) {
            throw new FeatureStoreException("the join's rows have no " + what + " column '" + name
                    + "'; their columns are " + rows.schema().names());
        }
        return rows.column(name);
    }

    /** Maps the rows' entity keys to the snapshot's codes; -1 for a missing or unknown entity. */
    private static int[] entityCodes(Table rows, String name, String group, GroupHistory.Snapshot snapshot) {
        Column column = column(rows, name, "entity column (of group '" + group + "')");
        int[] codes = new int[rows.rowCount()];
        if (column instanceof CategoricalColumn keys) {
            List<String> levels = keys.levels();
            int[] byLevel = new int[levels.size()];
            for (int level = 0; level < byLevel.length; level++) {
                byLevel[level] = snapshot.code(levels.get(level));
            }
            for (int row = 0; row < codes.length; row++) {
                int level = keys.code(row);
                codes[row] = level < 0 ? -1 : byLevel[level];
            }
        } else if (column instanceof TextColumn keys) {
            for (int row = 0; row < codes.length; row++) {
                codes[row] = keys.isMissing(row) ? -1 : snapshot.code(keys.get(row));
            }
        } else if (column instanceof NumericColumn keys) {
            Map<Double, Integer> seen = new HashMap<>();
            for (int row = 0; row < codes.length; row++) {
                if (keys.isMissing(row)) {
                    codes[row] = -1;
                    continue;
                }
                double value = keys.get(row);
                Integer code = seen.get(value);
                if (code == null) {
                    try {
                        code = snapshot.code(EntityKeys.of(value));
                    } catch (IllegalArgumentException e) {
                        throw new FeatureStoreException(String.format(Locale.ROOT, "the entity column '%s' (of group "
                                + "'%s') holds a refused key in row %d: %s", name, group, row, e.getMessage()), e);
                    }
                    seen.put(value, code);
                }
                codes[row] = code;
            }
        } else {
            throw new FeatureStoreException("the entity column '" + name + "' (of group '" + group + "') is "
                    + column.type() + " but must be CATEGORICAL, TEXT or integral NUMERIC");
        }
        return codes;
    }

    /** The output's column names so far, to refuse a clash with a message saying what clashes. */
    private static final class Names {
        private final Map<String, String> owners = new HashMap<>();

        Names(Table rows) {
            for (String name : rows.schema().names()) {
                owners.put(name, "a column of the join's rows");
            }
        }

        void claim(String name, String owner) {
            String earlier = owners.putIfAbsent(name, owner);
            if (earlier != null) {
                throw new FeatureStoreException("the join would name two columns '" + name + "': " + earlier
                        + " and " + owner + "; rename the rows' column, or ask for GROUP.FEATURE names with "
                        + "JoinRequest.Builder.qualifiedNames()");
            }
        }
    }
}
