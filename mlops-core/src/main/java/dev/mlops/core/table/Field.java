package dev.mlops.core.table;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named, typed column of a {@link Schema}.
 *
 * <p>A field marked {@code sensitive} holds values that must not leave the process raw: a
 * profile written out keeps such a column sketch-only (DESIGN.md, "Raw values in profiles and
 * captures"). The flag travels with the column through views, selections and renames, and
 * through a format's schema setting; as a setting it is written only when true.
 *
 * @param name the column's name, unique within its schema and not blank
 * @param type the column's type
 * @param sensitive whether the column's raw values must not leave the process
 */
public record Field(String name, ColumnType type,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean sensitive) {

    /**
     * Validates the field.
     *
     * @param name the column's name, unique within its schema and not blank
     * @param type the column's type
     * @param sensitive whether the column's raw values must not leave the process
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
     * Returns a field that is not sensitive.
     *
     * @param name the column's name
     * @param type the column's type
     */
    public Field(String name, ColumnType type) {
        this(name, type, false);
    }

    /**
     * Returns a field that is not sensitive.
     *
     * @param name the column's name
     * @param type the column's type
     * @return the field
     */
    public static Field of(String name, ColumnType type) {
        return new Field(name, type, false);
    }

    /**
     * Returns a field marked sensitive.
     *
     * @param name the column's name
     * @param type the column's type
     * @return the sensitive field
     */
    public static Field sensitive(String name, ColumnType type) {
        return new Field(name, type, true);
    }

    /** Reads a field of a settings list, where {@code sensitive} may be left out for false. */
    @JsonCreator
    private static Field read(@JsonProperty("name") String name, @JsonProperty("type") ColumnType type,
            @JsonProperty("sensitive") @Nullable Boolean sensitive) {
        return new Field(name, type, Boolean.TRUE.equals(sensitive));
    }

    @Override
    public String toString() {
        return name + ": " + type + (sensitive ? " (sensitive)" : "");
    }
}
