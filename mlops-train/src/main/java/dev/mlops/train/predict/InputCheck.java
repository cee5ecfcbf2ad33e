package dev.mlops.train.predict;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Checks a features table against the schema a {@link Predictor} expects. */
public final class InputCheck {

    private InputCheck() {
        throw new AssertionError("no instances");
    }

    /**
     * Checks that every column of the expected schema is in the table with its type; extra
     * columns are allowed.
     *
     * @param expected the predictor's input schema
     * @param features the features table
     * @throws SchemaException naming every absent column and every column of another type, with
     *     the type expected and the type found
     */
    public static void require(Schema expected, Table features) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(features, "features");
        Schema actual = features.schema();
        List<String> problems = new ArrayList<>();
        for (Field field : expected.fields()) {
            if (!actual.contains(field.name())) {
                problems.add("column '" + field.name() + "' (" + field.type().name().toLowerCase(java.util.Locale.ROOT)
                        + ") is absent");
            } else if (actual.field(field.name()).type() != field.type()) {
                problems.add("column '" + field.name() + "' is " + name(actual.field(field.name()))
                        + ", but the model expects " + name(field));
            }
        }
        if (!problems.isEmpty()) {
            throw new SchemaException("the features do not fit the model's input: " + String.join("; ", problems));
        }
    }

    private static String name(Field field) {
        return field.type().name().toLowerCase(java.util.Locale.ROOT);
    }
}
