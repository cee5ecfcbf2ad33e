package dev.mlops.data.split;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The key columns a splitter reads, taken from the items of a list, so that a {@link Splitter}
 * can split a {@code List<T>}: {@code ItemKeys.<Order>none().categorical("customer",
 * Order::customerId)}.
 *
 * <p>{@link #table(List)} builds a table whose first column, {@code item}, holds each item's
 * 0-based position (so a list without keys still has rows), followed by the key columns in the
 * order they were added. Immutable: each method returns a new instance.
 *
 * @param <T> the items' type
 */
public final class ItemKeys<T> {
    /** The name of the column of item positions. */
    public static final String ITEM_COLUMN = "item";

    private final List<Key<T>> keys;

    private ItemKeys(List<Key<T>> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * Returns keys with no key column, enough for a random split.
     *
     * @param <T> the items' type
     * @return keys that extract nothing
     */
    public static <T> ItemKeys<T> none() {
        return new ItemKeys<>(List.of());
    }

    /**
     * Adds a categorical column (a label or a group key) whose level is the key's
     * {@link String#valueOf} text; a {@code null} key is a missing value.
     *
     * @param column the column's name
     * @param key extracts the key from an item
     * @return new keys with the column added
     * @throws IllegalArgumentException if the name is {@value #ITEM_COLUMN} or already used
     */
    public ItemKeys<T> categorical(String column, Function<? super T, ? extends @Nullable Object> key) {
        Objects.requireNonNull(key, "key");
        return with(new Key<>(column, items -> {
            CategoricalColumn.Builder builder = CategoricalColumn.builder(column);
            for (T item : items) {
                Object value = key.apply(item);
                if (value == null) {
                    builder.addMissing();
                } else {
                    builder.add(String.valueOf(value));
                }
            }
            return builder.build();
        }));
    }

    /**
     * Adds a timestamp column (an event time); a {@code null} key is a missing value.
     *
     * @param column the column's name
     * @param key extracts the instant from an item
     * @return new keys with the column added
     * @throws IllegalArgumentException if the name is {@value #ITEM_COLUMN} or already used
     */
    public ItemKeys<T> timestamp(String column, Function<? super T, ? extends @Nullable Instant> key) {
        Objects.requireNonNull(key, "key");
        return with(new Key<>(column, items -> {
            TimestampColumn.Builder builder = TimestampColumn.builder(column);
            for (T item : items) {
                Instant value = key.apply(item);
                if (value == null) {
                    builder.addMissing();
                } else {
                    builder.add(value);
                }
            }
            return builder.build();
        }));
    }

    /**
     * Builds the key table of a list.
     *
     * @param items the items
     * @return a table of {@code items.size()} rows: the {@value #ITEM_COLUMN} column and the keys
     */
    public Table table(List<T> items) {
        Objects.requireNonNull(items, "items");
        NumericColumn.Builder positions = NumericColumn.builder(ITEM_COLUMN);
        for (int i = 0; i < items.size(); i++) {
            positions.add(i);
        }
        List<Column> columns = new ArrayList<>();
        columns.add(positions.build());
        for (Key<T> key : keys) {
            columns.add(key.extract().apply(items));
        }
        return Table.of(columns);
    }

    private ItemKeys<T> with(Key<T> key) {
        Objects.requireNonNull(key.name(), "column");
        if (key.name().equals(ITEM_COLUMN) || keys.stream().anyMatch(k -> k.name().equals(key.name()))) {
            throw new IllegalArgumentException("column must be a new name other than '" + ITEM_COLUMN + "' but was '"
                    + key.name() + "'");
        }
        List<Key<T>> more = new ArrayList<>(keys);
        more.add(key);
        return new ItemKeys<>(more);
    }

    private record Key<T>(String name, Function<List<T>, Column> extract) {
    }
}
