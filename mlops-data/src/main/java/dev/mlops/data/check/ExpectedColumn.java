package dev.mlops.data.check;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.mlops.core.table.ColumnType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A column a {@link SchemaCheck} expects. In a suite's JSON it is
 * {@code {"name": "age", "type": "numeric", "nullable": true}}: the type in lower case (read in
 * any case), {@code nullable} true when absent.
 *
 * @param name the column's name
 * @param type its type
 * @param nullable false if the column must have no missing value
 */
public record ExpectedColumn(String name, ColumnType type, boolean nullable) {

    /**
     * Validates the name.
     *
     * @param name the column's name
     * @param type its type
     * @param nullable false if the column must have no missing value
     * @throws IllegalArgumentException if the name is blank or absent, or the type is absent
     */
    public ExpectedColumn {
        Columns.name(name);
        Columns.required("type", type);
    }

    /**
     * Reads the JSON form.
     *
     * @param name the column's name
     * @param type its type
     * @param nullable false if the column must have no missing value; true when absent
     * @return the column
     * @throws IllegalArgumentException if the name is blank or absent, or the type is absent
     */
    @JsonCreator
    static ExpectedColumn read(@JsonProperty("name") @Nullable String name,
            @JsonProperty("type") @Nullable ColumnType type, @JsonProperty("nullable") @Nullable Boolean nullable) {
        return new ExpectedColumn(name, type, nullable == null || nullable);
    }

    /** @return the JSON form, the type in lower case */
    @JsonValue
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("type", type.name().toLowerCase(Locale.ROOT));
        json.put("nullable", nullable);
        return json;
    }
}
