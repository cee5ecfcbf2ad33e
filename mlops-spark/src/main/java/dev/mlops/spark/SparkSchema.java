package dev.mlops.spark;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * How the columns of a Spark {@code Dataset<Row>} read as mlops columns: each Spark column's
 * {@link ColumnType} and whether it is sensitive.
 *
 * <p>{@link #of(StructType)} maps every column: boolean → {@link ColumnType#BOOLEAN}; byte, short,
 * int, long, float, double and decimal → {@link ColumnType#NUMERIC}; string →
 * {@link ColumnType#CATEGORICAL}; timestamp, timestamp_ntz (its wall-clock time read as UTC) and
 * date (midnight UTC) → {@link ColumnType#TIMESTAMP}. A column of any other Spark type (arrays,
 * maps, structs, binary, intervals) is refused with a {@link SchemaException} naming it: select the
 * columns to read first. {@link #withType} reads a string column as {@link ColumnType#TEXT}, or an
 * integral or boolean column as {@link ColumnType#CATEGORICAL} (ids, DESIGN.md: an integer beyond
 * ±2^53 has no exact double, so a long column that holds one must be read as categorical; read as
 * numeric, such a value is an error naming the column and the value). {@link #matching(Schema)}
 * takes the types and sensitive marks of a schema mlops already knows: a suite's, or a baseline
 * profile's.
 *
 * <p>A Spark null is a missing value; a float or double NaN stays NaN (a value, not missing), as
 * in a numeric column read from a file.
 *
 * <p>Immutable and serializable: it travels to Spark's executors with the tasks that read rows.
 */
public final class SparkSchema implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The Spark columns' names, in order. */
    private final String[] names;
    /** How each column's values are read from Spark's rows. */
    private final SourceType[] sources;
    /** The mlops type each column reads as. */
    private final ColumnType[] types;
    /** Whether each column is sensitive. */
    private final boolean[] sensitive;
    /** Precision of each decimal column; 0 for the others. */
    private final int[] precisions;
    /** Scale of each decimal column; 0 for the others. */
    private final int[] scales;

    private SparkSchema(String[] names, SourceType[] sources, ColumnType[] types, boolean[] sensitive,
            int[] precisions, int[] scales) {
        this.names = names;
        this.sources = sources;
        this.types = types;
        this.sensitive = sensitive;
        this.precisions = precisions;
        this.scales = scales;
    }

    /**
     * Maps every column of a Spark schema to its default mlops type, none sensitive.
     *
     * @param struct the Spark schema ({@code dataset.schema()})
     * @return the mapping
     * @throws SchemaException naming the first column whose Spark type has no mlops column type
     */
    public static SparkSchema of(StructType struct) {
        Objects.requireNonNull(struct, "struct");
        StructField[] fields = struct.fields();
        int count = fields.length;
        String[] names = new String[count];
        SourceType[] sources = new SourceType[count];
        ColumnType[] types = new ColumnType[count];
        int[] precisions = new int[count];
        int[] scales = new int[count];
        for (int i = 0; i < count; i++) {
            names[i] = fields[i].name();
            sources[i] = SourceType.of(names[i], fields[i].dataType());
            types[i] = sources[i].defaultType();
            if (fields[i].dataType() instanceof DecimalType decimal) {
                precisions[i] = decimal.precision();
                scales[i] = decimal.scale();
            }
        }
        // Schema.of checks the names are unique and not blank
        SparkSchema mapped = new SparkSchema(names, sources, types, new boolean[count], precisions, scales);
        mapped.schema();
        return mapped;
    }

    /**
     * Reads one column as another mlops type.
     *
     * @param column the column's name
     * @param type string columns: categorical or text; byte, short, int and long columns: numeric or
     *     categorical; boolean columns: boolean or categorical; other columns only their default type
     * @return the changed mapping
     * @throws SchemaException if there is no such column, or its Spark type cannot be read as
     *     {@code type}; the message names the column, its Spark type and the types it can be read as
     */
    public SparkSchema withType(String column, ColumnType type) {
        Objects.requireNonNull(type, "type");
        int index = indexOf(column);
        if (!sources[index].canBe(type)) {
            List<String> allowed = new ArrayList<>();
            for (ColumnType candidate : ColumnType.values()) {
                if (sources[index].canBe(candidate)) {
                    allowed.add(lower(candidate));
                }
            }
            throw new SchemaException("column '" + column + "' has the Spark type " + sources[index]
                    + " and cannot be read as " + lower(type) + "; it can be read as " + String.join(" or ", allowed));
        }
        ColumnType[] changed = types.clone();
        changed[index] = type;
        return new SparkSchema(names, sources, changed, sensitive, precisions, scales);
    }

    /**
     * Marks columns sensitive: a profile written out keeps them sketch-only, and reports leave out
     * their raw values (DESIGN.md).
     *
     * @param columns the columns' names
     * @return the changed mapping
     * @throws SchemaException naming a column that is not in the schema
     */
    public SparkSchema withSensitive(String... columns) {
        boolean[] changed = sensitive.clone();
        for (String column : columns) {
            changed[indexOf(column)] = true;
        }
        return new SparkSchema(names, sources, types, changed, precisions, scales);
    }

    /**
     * Takes the type and sensitive mark of each column the given schema names; the other columns
     * keep theirs, and the given schema's columns that the Dataset lacks are ignored (a check that
     * needs one reports it missing).
     *
     * @param declared a schema mlops knows (a suite's {@code schema()}, a profile's columns)
     * @return the changed mapping
     * @throws SchemaException if a column's Spark type cannot be read as the declared type; the
     *     message names the column
     */
    public SparkSchema matching(Schema declared) {
        Objects.requireNonNull(declared, "declared");
        SparkSchema result = this;
        for (Field field : declared.fields()) {
            int index = Arrays.asList(names).indexOf(field.name());
            if (index < 0) {
                continue;
            }
            if (types[index] != field.type()) {
                result = result.withType(field.name(), field.type());
            }
            if (field.sensitive()) {
                result = result.withSensitive(field.name());
            }
        }
        return result;
    }

    /**
     * Keeps some columns, in the given order.
     *
     * @param columns the columns' names
     * @return the mapping of those columns
     * @throws SchemaException naming a column that is not in the schema
     */
    public SparkSchema select(String... columns) {
        int count = columns.length;
        int[] picked = new int[count];
        for (int i = 0; i < count; i++) {
            picked[i] = indexOf(columns[i]);
        }
        String[] newNames = new String[count];
        SourceType[] newSources = new SourceType[count];
        ColumnType[] newTypes = new ColumnType[count];
        boolean[] newSensitive = new boolean[count];
        int[] newPrecisions = new int[count];
        int[] newScales = new int[count];
        for (int i = 0; i < count; i++) {
            int from = picked[i];
            newNames[i] = names[from];
            newSources[i] = sources[from];
            newTypes[i] = types[from];
            newSensitive[i] = sensitive[from];
            newPrecisions[i] = precisions[from];
            newScales[i] = scales[from];
        }
        SparkSchema selected = new SparkSchema(newNames, newSources, newTypes, newSensitive, newPrecisions, newScales);
        selected.schema();
        return selected;
    }

    /** @return the mlops schema the Dataset's rows read as */
    public Schema schema() {
        List<Field> fields = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            fields.add(new Field(names[i], types[i], sensitive[i]));
        }
        return Schema.of(fields);
    }

    /** @return the columns' names, in order */
    public List<String> names() {
        return List.of(names);
    }

    /** @return how many columns */
    public int size() {
        return names.length;
    }

    String name(int column) {
        return names[column];
    }

    SourceType source(int column) {
        return sources[column];
    }

    ColumnType type(int column) {
        return types[column];
    }

    boolean sensitive(int column) {
        return sensitive[column];
    }

    int precision(int column) {
        return precisions[column];
    }

    int scale(int column) {
        return scales[column];
    }

    private static String lower(ColumnType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private int indexOf(String column) {
        Objects.requireNonNull(column, "column");
        int index = Arrays.asList(names).indexOf(column);
        if (index < 0) {
            throw new SchemaException("no column '" + column + "' in the Dataset; its columns are "
                    + String.join(", ", names));
        }
        return index;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SparkSchema that && Arrays.equals(names, that.names)
                && Arrays.equals(sources, that.sources) && Arrays.equals(types, that.types)
                && Arrays.equals(sensitive, that.sensitive) && Arrays.equals(precisions, that.precisions)
                && Arrays.equals(scales, that.scales);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(names), Arrays.hashCode(types), Arrays.hashCode(sensitive));
    }

    @Override
    public String toString() {
        return schema().toString();
    }
}
