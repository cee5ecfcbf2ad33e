package dev.mlops.core.table;

import dev.mlops.core.SchemaException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The ordered list of named, typed fields of a {@link Table}. Immutable; equal when the names
 * and types are equal in the same order.
 */
public final class Schema {
    private final List<Field> fields;
    private final Map<String, Integer> indexByName;

    private Schema(List<Field> fields) {
        this.fields = List.copyOf(fields);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.fields.size(); i++) {
            Integer previous = index.put(this.fields.get(i).name(), i);
            if (previous != null) {
                throw new IllegalArgumentException("field name '" + this.fields.get(i).name()
                        + "' appears twice, at positions " + (previous + 1) + " and " + (i + 1));
            }
        }
        this.indexByName = Map.copyOf(index);
    }

    /**
     * Returns the schema of the given fields, in order.
     *
     * @param fields the fields; names must be unique
     * @return the schema
     * @throws IllegalArgumentException if two fields share a name
     */
    public static Schema of(List<Field> fields) {
        Objects.requireNonNull(fields, "fields");
        return new Schema(fields);
    }

    /**
     * Returns the schema of the given fields, in order.
     *
     * @param fields the fields; names must be unique
     * @return the schema
     * @throws IllegalArgumentException if two fields share a name
     */
    public static Schema of(Field... fields) {
        return of(Arrays.asList(fields));
    }

    /** @return the fields in order, unmodifiable */
    public List<Field> fields() {
        return fields;
    }

    /** @return the number of fields */
    public int size() {
        return fields.size();
    }

    /** @return the field names in order, unmodifiable */
    public List<String> names() {
        List<String> names = new ArrayList<>(fields.size());
        for (Field field : fields) {
            names.add(field.name());
        }
        return List.copyOf(names);
    }

    /**
     * Returns the field at a 0-based position.
     *
     * @param index the position
     * @return the field
     * @throws IndexOutOfBoundsException if there is no such position
     */
    public Field field(int index) {
        return fields.get(index);
    }

    /**
     * Returns the field with the given name.
     *
     * @param name the column's name
     * @return the field
     * @throws SchemaException if no field has that name; the message lists the names there are
     */
    public Field field(String name) {
        return fields.get(indexOf(name));
    }

    /**
     * Returns the 0-based position of the named field.
     *
     * @param name the column's name
     * @return its position
     * @throws SchemaException if no field has that name; the message lists the names there are
     */
    public int indexOf(String name) {
        return find(name).orElseThrow(() -> new SchemaException("no column named '" + name + "'; the "
                + fields.size() + " columns are: " + String.join(", ", names())));
    }

    /**
     * Looks a field's position up without failing.
     *
     * @param name the column's name
     * @return its 0-based position, or empty when there is no such column
     */
    public OptionalInt find(String name) {
        Integer index = indexByName.get(name);
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }

    /**
     * Tells whether a field has the given name.
     *
     * @param name the column's name
     * @return true if the schema has that column
     */
    public boolean contains(String name) {
        return indexByName.containsKey(name);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Schema schema && fields.equals(schema.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.stream().map(Field::toString).collect(Collectors.joining(", ", "Schema[", "]"));
    }
}
