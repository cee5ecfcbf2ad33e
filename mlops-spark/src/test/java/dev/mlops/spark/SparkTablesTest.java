package dev.mlops.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SparkTablesTest {

    private final SparkSession spark = LocalSpark.session();

    @Test
    void aTableMakesTheRoundTripThroughADatasetWithMissingValuesAndNaN() {
        Table table = Table.builder()
                .numeric("x", 1.5, Double.NaN, -3, Double.POSITIVE_INFINITY)
                .categorical("c", "a", null, "b", "a")
                .text("t", "long text", "", null, "x")
                .bool("b", true, null, false, true)
                .timestamp("ts", Instant.parse("2024-01-02T03:04:05.123456Z"), null,
                        Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.EPOCH)
                .build();
        Table withMissing = table.rows(0, 1, 2, 3);
        Dataset<Row> dataset = SparkTables.toDataset(spark, withMissing);

        Table back = SparkTables.toTable(dataset, SparkSchema.of(dataset.schema()).withType("t", ColumnType.TEXT));

        assertThat(back).isEqualTo(withMissing);
        assertThat(back.numericColumn("x").isMissing(1)).isFalse();
        assertThat(back.categoricalColumn("c").isMissing(1)).isTrue();
    }

    @Test
    void sparkTypesMapToMlopsTypes() {
        StructType struct = new StructType()
                .add("byte", DataTypes.ByteType).add("short", DataTypes.ShortType).add("int", DataTypes.IntegerType)
                .add("long", DataTypes.LongType).add("float", DataTypes.FloatType).add("double", DataTypes.DoubleType)
                .add("decimal", DataTypes.createDecimalType(10, 3)).add("string", DataTypes.StringType)
                .add("bool", DataTypes.BooleanType).add("ts", DataTypes.TimestampType)
                .add("ntz", DataTypes.TimestampNTZType).add("date", DataTypes.DateType);
        List<Row> rows = List.of(RowFactory.create((byte) 1, (short) 2, 3, 4L, 1.5f, 2.25,
                new java.math.BigDecimal("12.345"), "s", true, Instant.parse("2024-05-06T07:08:09Z"),
                java.time.LocalDateTime.parse("2024-05-06T07:08:09"), java.time.LocalDate.parse("2024-05-06")));

        Table table = SparkTables.toTable(spark.createDataFrame(rows, struct));

        assertThat(table.schema().fields()).extracting(Field::type).containsExactly(ColumnType.NUMERIC,
                ColumnType.NUMERIC, ColumnType.NUMERIC, ColumnType.NUMERIC, ColumnType.NUMERIC, ColumnType.NUMERIC,
                ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.BOOLEAN, ColumnType.TIMESTAMP,
                ColumnType.TIMESTAMP, ColumnType.TIMESTAMP);
        assertThat(table.numericColumn("byte").get(0)).isEqualTo(1.0);
        assertThat(table.numericColumn("short").get(0)).isEqualTo(2.0);
        assertThat(table.numericColumn("int").get(0)).isEqualTo(3.0);
        assertThat(table.numericColumn("long").get(0)).isEqualTo(4.0);
        assertThat(table.numericColumn("float").get(0)).isEqualTo(1.5);
        assertThat(table.numericColumn("decimal").get(0)).isEqualTo(12.345);
        assertThat(table.timestampColumn("ts").get(0)).isEqualTo(Instant.parse("2024-05-06T07:08:09Z"));
        assertThat(table.timestampColumn("ntz").get(0)).isEqualTo(Instant.parse("2024-05-06T07:08:09Z"));
        assertThat(table.timestampColumn("date").get(0)).isEqualTo(Instant.parse("2024-05-06T00:00:00Z"));
    }

    @Test
    void aLongBeyondTwoToThe53IsAnErrorAsNumericAndReadsExactlyAsCategorical() {
        StructType struct = new StructType().add("id", DataTypes.LongType);
        Dataset<Row> dataset = spark.createDataFrame(List.of(RowFactory.create(9_007_199_254_740_993L)), struct);

        assertThatThrownBy(() -> SparkTables.toTable(dataset)).isInstanceOf(SchemaException.class)
                .hasMessageContaining("'id'").hasMessageContaining("9007199254740993")
                .hasMessageContaining("categorical");
        Table ids = SparkTables.toTable(dataset, SparkSchema.of(struct).withType("id", ColumnType.CATEGORICAL));
        assertThat(ids.categoricalColumn("id").get(0)).isEqualTo("9007199254740993");
    }

    @Test
    void anUnsupportedSparkTypeIsRefusedNamingTheColumn() {
        StructType struct = new StructType().add("ok", DataTypes.IntegerType)
                .add("tags", DataTypes.createArrayType(DataTypes.StringType));

        assertThatThrownBy(() -> SparkSchema.of(struct)).isInstanceOf(SchemaException.class)
                .hasMessageContaining("'tags'").hasMessageContaining("array<string>");
    }

    @Test
    void aColumnReadsOnlyAsTheTypesItsSparkTypeAllows() {
        SparkSchema schema = SparkSchema.of(new StructType().add("x", DataTypes.DoubleType)
                .add("s", DataTypes.StringType));

        assertThatThrownBy(() -> schema.withType("x", ColumnType.CATEGORICAL)).isInstanceOf(SchemaException.class)
                .hasMessageContaining("'x'").hasMessageContaining("numeric");
        assertThatThrownBy(() -> schema.withType("nope", ColumnType.TEXT)).isInstanceOf(SchemaException.class)
                .hasMessageContaining("'nope'").hasMessageContaining("x, s");
        assertThat(schema.withType("s", ColumnType.TEXT).schema().field("s").type()).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void matchingTakesADeclaredSchemasTypesAndSensitiveMarks() {
        SparkSchema schema = SparkSchema.of(new StructType().add("id", DataTypes.LongType)
                .add("name", DataTypes.StringType).add("x", DataTypes.DoubleType));

        Schema matched = schema.matching(Schema.of(Field.of("id", ColumnType.CATEGORICAL),
                Field.sensitive("name", ColumnType.TEXT), Field.of("absent", ColumnType.NUMERIC))).schema();

        assertThat(matched).isEqualTo(Schema.of(Field.of("id", ColumnType.CATEGORICAL),
                Field.sensitive("name", ColumnType.TEXT), Field.of("x", ColumnType.NUMERIC)));
    }

    @Test
    void aSchemaColumnTheDatasetLacksIsTheSchemaErrorOnTheDriverForEveryEntryPoint() {
        Dataset<Row> wide = spark.createDataFrame(List.of(RowFactory.create(1.0, "a")),
                new StructType().add("x", DataTypes.DoubleType).add("y", DataTypes.StringType));
        SparkSchema schema = SparkSchema.of(wide.schema());
        Dataset<Row> narrow = wide.drop("y");
        String expected = "no column 'y' in the Dataset; its columns are 'x'";

        assertThatThrownBy(() -> SparkTables.toTable(narrow, schema)).isInstanceOf(SchemaException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> SparkProfiler.create().profile(narrow, schema,
                dev.mlops.data.profile.ProfileOptions.defaults())).isInstanceOf(SchemaException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> SparkTables.rows(wide.drop("x", "y"), schema)).isInstanceOf(SchemaException.class)
                .hasMessage("no column 'x', 'y' in the Dataset; its columns are ");
    }

    @Test
    void aDatasetWithTwoColumnsOfOneNameIsRefusedNamingThem() {
        Dataset<Row> left = spark.createDataFrame(List.of(RowFactory.create(1, "a", 2.0)),
                new StructType().add("k", DataTypes.IntegerType).add("name", DataTypes.StringType)
                        .add("x", DataTypes.DoubleType));
        Dataset<Row> joined = left.join(left, "k");

        assertThatThrownBy(() -> SparkTables.toTable(joined)).isInstanceOf(SchemaException.class)
                .hasMessage("the Dataset has more than one column named 'name', 'x'; its columns are k, name, x, name,"
                        + " x; drop or rename the duplicates (after a join, select or alias them) before reading it");
        assertThatThrownBy(() -> SparkProfiler.create().profile(joined)).isInstanceOf(SchemaException.class)
                .hasMessageContaining("'name', 'x'");
        assertThatThrownBy(() -> SparkTables.rows(joined, SparkSchema.of(left.schema()).select("k", "x")))
                .isInstanceOf(SchemaException.class)
                .hasMessageStartingWith("the Dataset has more than one column named 'x' (names compared ignoring case")
                .hasMessageContaining("its columns are 'k', 'name', 'x', 'name', 'x'");
        assertThat(SparkTables.toTable(joined, SparkSchema.of(left.schema()).select("k")).rowCount()).isEqualTo(1);
    }

    @Test
    void columnsWhoseNamesDifferOnlyInCaseAreAmbiguousUnlessSparkIsCaseSensitive() {
        Dataset<Row> dataset = spark.createDataFrame(List.of(RowFactory.create(1.0, 2.0)),
                new StructType().add("id", DataTypes.DoubleType).add("ID", DataTypes.DoubleType));
        SparkSchema schema = SparkSchema.of(dataset.schema()).select("id");

        assertThatThrownBy(() -> SparkTables.toTable(dataset, schema)).isInstanceOf(SchemaException.class)
                .hasMessageContaining("more than one column named 'id' (names compared ignoring case, as"
                        + " spark.sql.caseSensitive is false)");
        spark.conf().set("spark.sql.caseSensitive", "true");
        try {
            assertThat(SparkTables.toTable(dataset, schema).numericColumn("id").get(0)).isEqualTo(1.0);
        } finally {
            spark.conf().unset("spark.sql.caseSensitive");
        }
    }


    void partitionsReadAsChunksOfAtMostTheGivenSizeInOrder(int chunkRows) {
        Random random = new Random(chunkRows);
        double[] values = new double[500];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        Table table = Table.builder().numeric("x", values).build();
        Dataset<Row> dataset = SparkTables.toDataset(spark, table).repartition(5);
        SparkSchema schema = SparkSchema.of(dataset.schema());

        List<int[]> sizes = SparkTables.mapTables(dataset, schema, chunkRows, (partition, tables) -> {
            List<int[]> seen = new ArrayList<>();
            for (Iterator<Table> it = tables; it.hasNext();) {
                seen.add(new int[] {partition, it.next().rowCount()});
            }
            return seen.iterator();
        }).collect();

        assertThat(sizes).allSatisfy(size -> assertThat(size[1]).isBetween(0, chunkRows));
        assertThat(sizes.stream().mapToInt(size -> size[1]).sum()).isEqualTo(500);
        assertThat(sizes.stream().map(size -> size[0]).distinct()).hasSize(5);
    }
}
