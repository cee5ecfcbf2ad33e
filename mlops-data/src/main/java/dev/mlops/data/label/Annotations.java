package dev.mlops.data.label;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * An immutable, indexed set of annotations, ready for a {@link LabelAggregator}.
 *
 * <p>Items, workers and labels are each mapped to 0-based indices in their natural
 * ({@link String#compareTo}) order, and the annotations are held in primitive arrays sorted by
 * item, then worker. The order of the input therefore never changes what an aggregator sees:
 * any permutation of the same annotations gives equal {@code Annotations}.
 *
 * <p>Bad input is refused with an {@link AnnotationException} naming its 0-based position: an
 * empty, blank or missing item, worker or label; a worker who labelled the same item twice (a
 * duplicate (item, worker) pair, even with the same label); an empty input. An item exists
 * only through its annotations, so every item here has at least one; to catch items sent for
 * labelling that came back without any, check them with {@link #requireItems(Collection)} or
 * {@link #itemsWithoutAnnotations(Collection)}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Annotations {
    private final String[] items;
    private final String[] workers;
    private final String[] labels;
    /** Annotations of item i are positions itemStart[i] (inclusive) to itemStart[i + 1]. */
    private final int[] itemStart;
    private final int[] worker;
    private final int[] label;

    private Annotations(String[] items, String[] workers, String[] labels, int[] itemStart, int[] worker,
            int[] label) {
        this.items = items;
        this.workers = workers;
        this.labels = labels;
        this.itemStart = itemStart;
        this.worker = worker;
        this.label = label;
    }

    /**
     * Returns the annotations of a collection.
     *
     * @param annotations the annotations, in any order
     * @return the indexed annotations
     * @throws AnnotationException if the collection is empty or holds a duplicate (item, worker) pair
     */
    public static Annotations of(Collection<Annotation> annotations) {
        Objects.requireNonNull(annotations, "annotations");
        Indexer indexer = new Indexer("annotation", position -> "annotation " + position, annotations.size());
        int position = 0;
        for (Annotation annotation : annotations) {
            if (annotation == null) {
                throw new AnnotationException("annotation", position, "is null");
            }
            indexer.add(annotation.item(), annotation.worker(), annotation.label());
            position++;
        }
        return indexer.build();
    }

    /**
     * Returns the given annotations.
     *
     * @param annotations the annotations, in any order
     * @return the indexed annotations
     * @throws AnnotationException if there are none or a (item, worker) pair repeats
     */
    public static Annotations of(Annotation... annotations) {
        return of(Arrays.asList(annotations));
    }

    /**
     * Reads annotations from a table with columns named {@code item}, {@code worker} and
     * {@code label}, as {@link #fromTable(Table, String, String, String)} does.
     *
     * @param table the table, one annotation per row
     * @return the indexed annotations
     * @throws dev.mlops.core.SchemaException if a column is missing
     * @throws AnnotationException if a row is bad or the table is empty
     */
    public static Annotations fromTable(Table table) {
        return fromTable(table, "item", "worker", "label");
    }

    /**
     * Reads annotations from a table, one per row, such as one that
     * {@link dev.mlops.data.io.CsvFormat} or {@link dev.mlops.data.io.JsonLinesFormat} read.
     *
     * <p>The columns may have any type; each value is taken as its text
     * ({@link Column#format(int)}, so a numeric id 7 is "7"). A missing or blank value fails with
     * an {@link AnnotationException} naming the 0-based table row and the column (in a CSV file
     * with a header, row r is on line r + 2 when no record spans lines).
     *
     * @param table the table
     * @param itemColumn the name of the item column
     * @param workerColumn the name of the worker column
     * @param labelColumn the name of the label column
     * @return the indexed annotations
     * @throws dev.mlops.core.SchemaException if a column is missing
     * @throws AnnotationException if a row is bad or the table is empty
     */
    public static Annotations fromTable(Table table, String itemColumn, String workerColumn, String labelColumn) {
        return fromTable(table, itemColumn, workerColumn, labelColumn, row -> "table row " + row);
    }

    /**
     * Reads annotations from a table as {@link #fromTable(Table, String, String, String)} does,
     * with errors naming each row's place as the caller knows it, such as the file and physical
     * line the row was read from ({@code "annotations.csv line 5"}).
     *
     * @param table the table
     * @param itemColumn the name of the item column
     * @param workerColumn the name of the worker column
     * @param labelColumn the name of the label column
     * @param rowPlace names the place of a 0-based row, for errors
     * @return the indexed annotations
     * @throws dev.mlops.core.SchemaException if a column is missing
     * @throws AnnotationException if a row is bad or the table is empty; the message starts with
     *     the row's place
     */
    public static Annotations fromTable(Table table, String itemColumn, String workerColumn, String labelColumn,
            IntFunction<String> rowPlace) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rowPlace, "rowPlace");
        Column items = table.column(Objects.requireNonNull(itemColumn, "itemColumn"));
        Column workers = table.column(Objects.requireNonNull(workerColumn, "workerColumn"));
        Column labels = table.column(Objects.requireNonNull(labelColumn, "labelColumn"));
        Indexer indexer = new Indexer("table", rowPlace, table.rowCount());
        for (int row = 0; row < table.rowCount(); row++) {
            indexer.add(text(items, row, rowPlace), text(workers, row, rowPlace), text(labels, row, rowPlace));
        }
        return indexer.build();
    }

    private static String text(Column column, int row, IntFunction<String> rowPlace) {
        if (column.isMissing(row)) {
            throw AnnotationException.at(rowPlace.apply(row), row, "column '" + column.name()
                    + "' is missing; every annotation needs an item, a worker and a label");
        }
        return column.format(row);
    }

    /** @return the number of annotations */
    public int size() {
        return worker.length;
    }

    /** @return the items in natural order; index i is item i, unmodifiable */
    public List<String> items() {
        return List.of(items);
    }

    /** @return the workers in natural order; index j is worker j, unmodifiable */
    public List<String> workers() {
        return List.of(workers);
    }

    /** @return the distinct labels in natural order; index k is label k, unmodifiable */
    public List<String> labels() {
        return List.of(labels);
    }

    /** @return the number of items */
    public int itemCount() {
        return items.length;
    }

    /** @return the number of workers */
    public int workerCount() {
        return workers.length;
    }

    /** @return the number of distinct labels */
    public int labelCount() {
        return labels.length;
    }

    /**
     * Returns the position of an item's first annotation; an item's annotations are the
     * positions from {@code start(i)} to {@code start(i + 1)}, sorted by worker.
     *
     * @param itemIndex an item index, or {@link #itemCount()} for the end of the last item
     * @return the position
     * @throws IndexOutOfBoundsException if the index is outside {@code [0, itemCount()]}
     */
    public int start(int itemIndex) {
        return itemStart[itemIndex];
    }

    /**
     * Returns the worker index of an annotation.
     *
     * @param position the annotation's position, in {@code [0, size())}
     * @return the worker's index in {@link #workers()}
     */
    public int workerIndex(int position) {
        return worker[position];
    }

    /**
     * Returns the label index of an annotation.
     *
     * @param position the annotation's position, in {@code [0, size())}
     * @return the label's index in {@link #labels()}
     */
    public int labelIndex(int position) {
        return label[position];
    }

    /**
     * Returns the expected items that have no annotation, such as items sent for labelling that
     * no worker labelled. An aggregator only sees annotated items, so these get no result.
     *
     * @param expected the ids of the items that should have annotations
     * @return the ids without annotations, in natural order without repeats, unmodifiable
     */
    public List<String> itemsWithoutAnnotations(Collection<String> expected) {
        Objects.requireNonNull(expected, "expected");
        return expected.stream().filter(item -> Arrays.binarySearch(items, item) < 0).distinct().sorted().toList();
    }

    /**
     * Checks that every expected item has at least one annotation.
     *
     * @param expected the ids of the items that should have annotations
     * @return these annotations
     * @throws AnnotationException if an expected item has none; the message counts them and
     *     names the first ten
     */
    public Annotations requireItems(Collection<String> expected) {
        List<String> missing = itemsWithoutAnnotations(expected);
        if (!missing.isEmpty()) {
            throw new AnnotationException(missing.size() + " of the " + expected.size() + " expected items have no"
                    + " annotation: " + (missing.size() <= 10 ? missing : missing.subList(0, 10) + " ...")
                    + "; every expected item needs at least one (item, worker, label) annotation");
        }
        return this;
    }

    /**
     * Returns an annotation as a record.
     *
     * @param itemIndex the item's index
     * @param position the annotation's position, in {@code [start(itemIndex), start(itemIndex + 1))}
     * @return the annotation
     */
    public Annotation get(int itemIndex, int position) {
        return new Annotation(items[itemIndex], workers[worker[position]], labels[label[position]]);
    }

    /** @return every annotation, sorted by item, then worker, unmodifiable */
    public List<Annotation> toList() {
        List<Annotation> all = new ArrayList<>(size());
        for (int i = 0; i < items.length; i++) {
            for (int a = itemStart[i]; a < itemStart[i + 1]; a++) {
                all.add(get(i, a));
            }
        }
        return List.copyOf(all);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Annotations that && Arrays.equals(items, that.items)
                && Arrays.equals(workers, that.workers) && Arrays.equals(labels, that.labels)
                && Arrays.equals(itemStart, that.itemStart) && Arrays.equals(worker, that.worker)
                && Arrays.equals(label, that.label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(items), Arrays.hashCode(worker), Arrays.hashCode(label));
    }

    @Override
    public String toString() {
        return "Annotations[" + size() + " annotations, " + items.length + " items, " + workers.length + " workers, "
                + labels.length + " labels " + Arrays.toString(labels) + "]";
    }

    /** Collects annotations as codes in order of first appearance, then sorts and checks them. */
    private static final class Indexer {
        private final String input;
        private final IntFunction<String> place;
        private final Map<String, Integer> itemCodes = new HashMap<>();
        private final Map<String, Integer> workerCodes = new HashMap<>();
        private final Map<String, Integer> labelCodes = new HashMap<>();
        private final List<String> itemNames = new ArrayList<>();
        private final List<String> workerNames = new ArrayList<>();
        private final List<String> labelNames = new ArrayList<>();
        private int[] item;
        private int[] worker;
        private int[] label;
        private int size;

        Indexer(String input, IntFunction<String> place, int capacity) {
            this.input = input;
            this.place = place;
            this.item = new int[Math.max(capacity, 1)];
            this.worker = new int[item.length];
            this.label = new int[item.length];
        }

        void add(String itemId, String workerId, String labelText) {
            check(itemId, "item");
            check(workerId, "worker");
            check(labelText, "label");
            if (size == item.length) {
                item = Arrays.copyOf(item, size * 2);
                worker = Arrays.copyOf(worker, size * 2);
                label = Arrays.copyOf(label, size * 2);
            }
            item[size] = code(itemCodes, itemNames, itemId);
            worker[size] = code(workerCodes, workerNames, workerId);
            label[size] = code(labelCodes, labelNames, labelText);
            size++;
        }

        private void check(String value, String part) {
            if (value.isBlank()) {
                throw AnnotationException.at(place.apply(size), size, part + " must not be blank but was '" + value + "'");
            }
        }

        private static int code(Map<String, Integer> codes, List<String> names, String name) {
            Integer code = codes.get(name);
            if (code == null) {
                code = names.size();
                codes.put(name, code);
                names.add(name);
            }
            return code;
        }

        Annotations build() {
            if (size == 0) {
                throw new AnnotationException("no annotations in the " + input
                        + " input; at least one (item, worker, label) annotation is needed");
            }
            String[] items = sorted(itemNames);
            String[] workers = sorted(workerNames);
            String[] labels = sorted(labelNames);
            int[] itemRank = ranks(itemNames, items);
            int[] workerRank = ranks(workerNames, workers);
            int[] labelRank = ranks(labelNames, labels);

            int[] start = new int[items.length + 1];
            for (int a = 0; a < size; a++) {
                start[itemRank[item[a]] + 1]++;
            }
            for (int i = 0; i < items.length; i++) {
                start[i + 1] += start[i];
            }
            // within each item, sort by worker: keys pack the worker rank and the input position
            long[] keys = new long[size];
            int[] next = Arrays.copyOf(start, items.length);
            for (int a = 0; a < size; a++) {
                keys[next[itemRank[item[a]]]++] = ((long) workerRank[worker[a]] << 32) | a;
            }
            int[] sortedWorker = new int[size];
            int[] sortedLabel = new int[size];
            for (int i = 0; i < items.length; i++) {
                Arrays.sort(keys, start[i], start[i + 1]);
                for (int p = start[i]; p < start[i + 1]; p++) {
                    int a = (int) keys[p];
                    sortedWorker[p] = (int) (keys[p] >>> 32);
                    sortedLabel[p] = labelRank[label[a]];
                    if (p > start[i] && sortedWorker[p] == sortedWorker[p - 1]) {
                        int first = Math.min(a, (int) keys[p - 1]);
                        int second = Math.max(a, (int) keys[p - 1]);
                        throw AnnotationException.at(place.apply(second), second, "worker '" + workers[sortedWorker[p]]
                                + "' labelled item '" + items[i] + "' again (first at " + place.apply(first)
                                + "); each (item, worker) pair may appear once");
                    }
                }
            }
            return new Annotations(items, workers, labels, start, sortedWorker, sortedLabel);
        }

        private static String[] sorted(List<String> names) {
            String[] sorted = names.toArray(new String[0]);
            Arrays.sort(sorted);
            return sorted;
        }

        private static int[] ranks(List<String> names, String[] sorted) {
            int[] rank = new int[names.size()];
            for (int code = 0; code < rank.length; code++) {
                rank[code] = Arrays.binarySearch(sorted, names.get(code));
            }
            return rank;
        }
    }
}
