package dev.mlops.deploy.serving;

import dev.mlops.core.access.Principal;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.features.EntityKeys;
import dev.mlops.features.FeatureSelection;
import dev.mlops.features.FeatureStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Joins each request's rows with the online features of their entities, one online read per
 * group and request, before an {@link Endpoint} predicts: what {@link Endpoint.Builder#features}
 * sets up. Built once (probing each read, so a denied feature fails the build), then thread-safe.
 *
 * <p>The columns' types are fixed by the probe; the sensitive flags are not: a feature the store
 * marks sensitive in a later version of its group is sensitive for every request read after that.
 */
final class FeatureEnricher {
    private final List<GroupRead> reads;
    private final Map<String, String> groupOfColumn;
    private final Set<String> sensitive;
    private final Map<String, ColumnType> types;

    /**
     * A request with the features added, and the names of its columns to capture as sensitive:
     * those the store marked at the build, and those the reads of this request marked.
     */
    record Enriched(PredictRequest request, Set<String> sensitive) {
    }

    /** One group read: where from, as whom, which features, keyed by which request field; and its counts. */
    static final class GroupRead {
        private final FeatureStore store;
        private final Principal principal;
        private final FeatureSelection selection;
        private final String keyField;
        private final List<String> columns;
        private final LongAdder lookups = new LongAdder();
        private final LongAdder missing = new LongAdder();

        private GroupRead(FeatureStore store, Principal principal, FeatureSelection selection, String keyField,
                List<String> columns) {
            this.store = store;
            this.principal = principal;
            this.selection = selection;
            this.keyField = keyField;
            this.columns = columns;
        }

        EnrichmentStats stats() {
            return new EnrichmentStats(selection.group(), lookups.sum(), missing.sum());
        }
    }

    /** A group read as the builder was given it, before the probe. */
    record Source(FeatureStore store, Principal principal, FeatureSelection selection, String keyField) {
    }

    private FeatureEnricher(List<GroupRead> reads, Map<String, String> groupOfColumn, Set<String> sensitive,
            Map<String, ColumnType> types) {
        this.reads = reads;
        this.groupOfColumn = groupOfColumn;
        this.sensitive = sensitive;
        this.types = types;
    }

    /**
     * Probes each read once (an online read of no entity, which the store checks like any other)
     * and fixes the columns it adds: each read selects the features the probe returned, so a
     * selection of all of a group's features becomes the features the group has now.
     *
     * @throws dev.mlops.core.access.AccessDeniedException if the store denies a selected feature
     * @throws IllegalArgumentException if two reads add the same column, or a read adds a column
     *     named as a read's entity key field
     */
    static FeatureEnricher probe(List<Source> sources) {
        List<GroupRead> reads = new ArrayList<>();
        Map<String, String> groupOfColumn = new LinkedHashMap<>();
        Set<String> sensitive = new LinkedHashSet<>();
        Map<String, ColumnType> types = new LinkedHashMap<>();
        Set<String> keyFields = new LinkedHashSet<>();
        sources.forEach(source -> keyFields.add(source.keyField()));
        for (Source source : sources) {
            Table probe = source.store().online(source.principal(), source.selection(), List.of());
            List<String> columns = new ArrayList<>();
            for (int i = 2; i < probe.columnCount(); i++) {
                Column column = probe.column(i);
                String previous = groupOfColumn.putIfAbsent(column.name(), source.selection().group());
                if (previous != null || keyFields.contains(column.name())) {
                    throw new IllegalArgumentException("feature '" + column.name() + "' of group '"
                            + source.selection().group() + "' would be added to requests twice: it is "
                            + (previous != null ? "also read from group '" + previous + "'"
                                    : "also the entity key field of a feature read") + "; select it from one only");
                }
                columns.add(column.name());
                types.put(column.name(), column.type());
                if (column.sensitive()) {
                    sensitive.add(column.name());
                }
            }
            reads.add(new GroupRead(source.store(), source.principal(),
                    new FeatureSelection(source.selection().group(), columns), source.keyField(),
                    List.copyOf(columns)));
        }
        return new FeatureEnricher(List.copyOf(reads), Collections.unmodifiableMap(groupOfColumn),
                Collections.unmodifiableSet(sensitive), Collections.unmodifiableMap(types));
    }

    /**
     * Checks that every added column a variant's model takes has the type the model takes.
     *
     * @param variant the variant
     * @param input the variant's input schema
     * @throws IllegalArgumentException naming the feature, its group and both types, if one differs
     */
    void requireTypes(String variant, Schema input) {
        List<String> problems = new ArrayList<>();
        for (Field field : input.fields()) {
            ColumnType type = types.get(field.name());
            if (type != null && type != field.type()) {
                problems.add("feature '" + field.name() + "' of group '" + groupOfColumn.get(field.name()) + "' is "
                        + name(type) + " in the store, but the model of variant '" + variant + "' takes it as "
                        + name(field.type()));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private static String name(ColumnType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** @return the names of the added columns the store marked sensitive when the endpoint was built */
    Set<String> sensitive() {
        return sensitive;
    }

    /** @return each group's counts, in the order the reads were given */
    List<EnrichmentStats> stats() {
        List<EnrichmentStats> stats = new ArrayList<>(reads.size());
        reads.forEach(read -> stats.add(read.stats()));
        return stats;
    }

    /** @return the reads, for the endpoint's meters */
    List<GroupRead> reads() {
        return reads;
    }

    /**
     * The request with every read's features added to its rows.
     *
     * @return the request with the features, and its sensitive column names
     * @throws EndpointException (invalid request) if the request gives a feature the endpoint
     *     reads, or a row's entity key is absent or not a string or an integer within
     *     ±2<sup>53</sup> ({@link EntityKeys}); (features unavailable) if the store refuses or
     *     fails a read, or returns a feature in another type than when the endpoint was built
     */
    Enriched enrich(PredictRequest request, String variant, String inferenceId) {
        Set<String> marked = sensitive;
        Map<String, @Nullable Object> row = request.featureRow();
        if (row != null) {
            refuseClash(row.keySet(), variant, inferenceId);
            Map<String, @Nullable Object> enriched = new LinkedHashMap<>(row);
            for (GroupRead read : reads) {
                String key = key(read, row.containsKey(read.keyField), row.get(read.keyField), variant,
                        inferenceId, "");
                Table values = online(read, List.of(key), variant, inferenceId);
                marked = mark(marked, values);
                for (int c = 0; c < read.columns.size(); c++) {
                    Column column = values.column(c + 2);
                    enriched.put(read.columns.get(c), column.isMissing(0) ? null : Features.raw(column, 0));
                }
            }
            return new Enriched(request.withFeatures(enriched), marked);
        }
        Table table = Objects.requireNonNull(request.featureTable(), "a request has a row or a table");
        refuseClash(table.schema().names(), variant, inferenceId);
        List<Column> columns = new ArrayList<>(table.columns());
        for (GroupRead read : reads) {
            int index = table.schema().find(read.keyField).orElse(-1);
            List<String> keys = new ArrayList<>(table.rowCount());
            for (int i = 0; i < table.rowCount(); i++) {
                Column column = index < 0 ? null : table.column(index);
                keys.add(key(read, column != null, column == null || column.isMissing(i) ? null
                        : Features.raw(column, i), variant, inferenceId, " in row " + i));
            }
            Table values = online(read, keys, variant, inferenceId);
            marked = mark(marked, values);
            for (int c = 0; c < read.columns.size(); c++) {
                columns.add(values.column(c + 2));
            }
        }
        return new Enriched(request.withFeatures(Table.of(columns)), marked);
    }

    /** @return the marked names with the read's sensitive columns added (the same set when none is new) */
    private static Set<String> mark(Set<String> marked, Table values) {
        Set<String> result = marked;
        for (int c = 2; c < values.columnCount(); c++) {
            Column column = values.column(c);
            if (column.sensitive() && !result.contains(column.name())) {
                if (result == marked) {
                    result = new LinkedHashSet<>(marked);
                }
                result.add(column.name());
            }
        }
        return result;
    }

    private void refuseClash(Collection<String> fields, String variant, String inferenceId) {
        for (String field : fields) {
            String group = groupOfColumn.get(field);
            if (group != null) {
                throw invalid(variant, inferenceId, "request " + inferenceId + " gives '" + field
                        + "', which the endpoint reads from feature group '" + group
                        + "'; leave it out of the request");
            }
        }
    }

    private static String key(GroupRead read, boolean present, @Nullable Object value, String variant,
            String inferenceId, String where) {
        String problem = null;
        if (!present) {
            problem = "has no field '" + read.keyField + "'" + where;
        } else if (value == null) {
            problem = "has a missing '" + read.keyField + "'" + where;
        } else if (value instanceof String text) {
            return text;
        } else if (value instanceof Number number) {
            try {
                return number instanceof Long || number instanceof Integer || number instanceof Short
                        || number instanceof Byte ? EntityKeys.of(number.longValue())
                        : EntityKeys.of(number.doubleValue());
            } catch (IllegalArgumentException e) {
                problem = "has '" + read.keyField + "' = " + value + where + ", which is refused (" + e.getMessage()
                        + ")";
            }
        } else {
            problem = "has '" + read.keyField + "' = " + value + where + ", not a string or an integer";
        }
        throw invalid(variant, inferenceId, "request " + inferenceId + " " + problem
                + ", the entity key of feature group '" + read.selection.group() + "'");
    }

    private Table online(GroupRead read, List<String> keys, String variant, String inferenceId) {
        Table values;
        try {
            values = read.store.online(read.principal, read.selection, keys);
        } catch (RuntimeException e) {
            throw new EndpointException(EndpointException.Reason.FEATURES_UNAVAILABLE, variant, inferenceId,
                    "the feature store did not answer the online read of " + read.selection + " as "
                            + read.principal.name() + " for request " + inferenceId + ": " + e.getMessage(), e);
        }
        for (int c = 2; c < values.columnCount(); c++) {
            Column column = values.column(c);
            ColumnType built = Objects.requireNonNull(types.get(column.name()), column.name());
            if (column.type() != built) {
                throw new EndpointException(EndpointException.Reason.FEATURES_UNAVAILABLE, variant, inferenceId,
                        "feature '" + column.name() + "' of group '" + read.selection.group() + "' is now "
                                + name(column.type()) + " in the store, but the endpoint was built when it was "
                                + name(built) + "; rebuild the endpoint", null);
            }
        }
        read.lookups.add(keys.size());
        for (int i = 0; i < values.rowCount(); i++) {
            if (allMissing(values, i)) {
                read.missing.increment();
            }
        }
        return values;
    }

    /**
     * @return whether none of the read's features has a value at the row: the store does not know
     *     the entity, every value is past the time to live, or every value was recorded missing
     */
    private static boolean allMissing(Table values, int row) {
        for (int c = 2; c < values.columnCount(); c++) {
            if (!values.column(c).isMissing(row)) {
                return false;
            }
        }
        return true;
    }

    private static EndpointException invalid(String variant, String inferenceId, String message) {
        return new EndpointException(EndpointException.Reason.INVALID_REQUEST, variant, inferenceId, message, null);
    }
}
