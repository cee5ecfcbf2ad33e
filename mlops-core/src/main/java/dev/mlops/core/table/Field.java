package dev.mlops.core.table;

import java.util.Objects;

/**
 * A named, typed column of a {@link Schema}.
 *
 * @param name the column's name, unique within its schema and not blank
 * @param type the column's type
 */
public record Field(String name, ColumnType type) {

    /**
     * Validates the field.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("field name must not be blank but was '" + name + "'");
        }
    }

    /**
     * Returns a field.
     *
     * @param name the column's name
     * @param type the column's type
     * @return the field
     */
    public static Field of(String name, ColumnType type) {
        return new Field(name, type);
    }

    @Override
    public String toString() {
        return name + ": " + type;
    }
}
