package dev.mlops.deploy.gate;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import dev.mlops.data.slice.Slice;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A fixed set of labelled rows that models are evaluated on, with the named slices of interest
 * and the fingerprint of its rows ({@link Fingerprint#of(Table)}), which every
 * {@link Evaluation} on it records so that a gate can refuse to compare evaluations made on
 * different data. Immutable.
 */
public final class ValidationSet {
    private final String name;
    private final Table rows;
    private final String label;
    private final List<Slice> slices;
    private final Fingerprint fingerprint;

    private ValidationSet(String name, Table rows, String label, List<Slice> slices) {
        this.name = Objects.requireNonNull(name, "name");
        this.rows = Objects.requireNonNull(rows, "rows");
        this.label = Objects.requireNonNull(label, "label");
        this.slices = List.copyOf(slices);
        if (name.isBlank()) {
            throw new IllegalArgumentException("a validation set's name must not be blank but was '" + name + "'");
        }
        if (!rows.schema().contains(label)) {
            throw new IllegalArgumentException("validation set '" + name + "': label column '" + label
                    + "' is not in the rows; their columns are " + rows.schema().names());
        }
        if (rows.rowCount() == 0) {
            throw new IllegalArgumentException("validation set '" + name + "' has no rows");
        }
        Set<String> names = new HashSet<>();
        for (Slice slice : this.slices) {
            if (!names.add(slice.name())) {
                throw new IllegalArgumentException("validation set '" + name + "': slice '" + slice.name()
                        + "' is named twice");
            }
        }
        this.fingerprint = Fingerprint.of(rows);
    }

    /**
     * A validation set.
     *
     * @param name its name, such as {@code validation} or {@code recent}, not blank
     * @param rows the rows, features and label, at least one
     * @param label the label column
     * @param slices the named slices to evaluate on, each name once
     * @return the set, its fingerprint computed
     * @throws IllegalArgumentException if the name is blank, the label absent, there are no rows,
     *     or two slices share a name
     */
    public static ValidationSet of(String name, Table rows, String label, List<Slice> slices) {
        return new ValidationSet(name, rows, label, slices);
    }

    /** @return the set's name */
    public String name() {
        return name;
    }

    /** @return the rows, label included */
    public Table rows() {
        return rows;
    }

    /** @return the label column's name */
    public String label() {
        return label;
    }

    /** @return the true label of each row */
    public Column truth() {
        return rows.column(label);
    }

    /** @return the rows without the label column, as a model is given them */
    public Table features() {
        return rows.select(rows.schema().names().stream().filter(column -> !column.equals(label))
                .toArray(String[]::new));
    }

    /** @return the named slices */
    public List<Slice> slices() {
        return slices;
    }

    /** @return the fingerprint of the rows */
    public Fingerprint fingerprint() {
        return fingerprint;
    }

    /** @return the name, the row count and the fingerprint */
    @Override
    public String toString() {
        return name + " (" + rows.rowCount() + " rows, fingerprint " + fingerprint.sha256() + ")";
    }
}
