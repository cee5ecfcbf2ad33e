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
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
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

    @Test
    void integralAndBooleanColumnsReadAsCategoricalTextAndLongsBeyondTwoToThe53OfEitherSign() {
        StructType struct = new StructType().add("b", DataTypes.ByteType).add("s", DataTypes.ShortType)
                .add("i", DataTypes.IntegerType).add("l", DataTypes.LongType).add("flag", DataTypes.BooleanType);
        Dataset<Row> dataset = spark.createDataFrame(List.of(RowFactory.create((byte) -7, (short) 300, 70_000,
                -9_007_199_254_740_993L, false)), struct);
        SparkSchema schema = SparkSchema.of(struct);
        for (String name : List.of("b", "s", "i", "l", "flag")) {
            schema = schema.withType(name, ColumnType.CATEGORICAL);
        }

        Table table = SparkTables.toTable(dataset, schema);

        assertThat(List.of("b", "s", "i", "l", "flag")).map(name -> table.categoricalColumn(name).get(0))
                .containsExactly("-7", "300", "70000", "-9007199254740993", "false");
        assertThatThrownBy(() -> SparkTables.toTable(dataset.select("l"))).isInstanceOf(SchemaException.class)
                .hasMessage("column 'l' holds -9007199254740993, beyond ±2^53, which has no exact double; read the"
                        + " column as categorical (SparkSchema.withType(\"l\", ColumnType.CATEGORICAL))");
        Dataset<Row> edges = spark.createDataFrame(List.of(RowFactory.create(1L << 53), RowFactory.create(-(1L << 53))),
                new StructType().add("l", DataTypes.LongType));
        assertThat(SparkTables.toTable(edges).numericColumn("l").toArray()).containsExactly(0x1p53, -0x1p53);
    }

    @Test
    void eachSparkTypeReadsOnlyAsTheTypesItNames() {
        StructType struct = new StructType().add("flag", DataTypes.BooleanType).add("l", DataTypes.LongType)
                .add("s", DataTypes.StringType).add("d", DataTypes.DoubleType).add("ts", DataTypes.TimestampType)
                .add("day", DataTypes.DateType);
        SparkSchema schema = SparkSchema.of(struct);

        assertThat(schema.withType("flag", ColumnType.BOOLEAN)).isEqualTo(schema);
        assertThatThrownBy(() -> schema.withType("flag", ColumnType.NUMERIC)).isInstanceOf(SchemaException.class)
                .hasMessage("column 'flag' has the Spark type boolean and cannot be read as numeric; it can be read as"
                        + " categorical or boolean");
        assertThatThrownBy(() -> schema.withType("l", ColumnType.TEXT)).isInstanceOf(SchemaException.class)
                .hasMessageEndingWith("it can be read as numeric or categorical");
        assertThatThrownBy(() -> schema.withType("s", ColumnType.BOOLEAN)).isInstanceOf(SchemaException.class)
                .hasMessageEndingWith("it can be read as categorical or text");
        assertThatThrownBy(() -> schema.withType("ts", ColumnType.CATEGORICAL)).isInstanceOf(SchemaException.class)
                .hasMessage("column 'ts' has the Spark type timestamp and cannot be read as categorical; it can be read"
                        + " as timestamp");
        assertThatThrownBy(() -> schema.withType("day", ColumnType.NUMERIC)).isInstanceOf(SchemaException.class)
                .hasMessageContaining("Spark type date").hasMessageEndingWith("it can be read as timestamp");
        assertThatThrownBy(() -> schema.withType("d", ColumnType.CATEGORICAL)).isInstanceOf(SchemaException.class)
                .hasMessageContaining("Spark type double").hasMessageEndingWith("it can be read as numeric");
    }

    @Test
    void schemasAreValuesAndSelectAndSensitiveMarksNameTheColumnsTheyLack() {
        StructType struct = new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.StringType)
                .add("m", DataTypes.createDecimalType(12, 4)).add("n", DataTypes.createDecimalType(12, 2));
        SparkSchema schema = SparkSchema.of(struct);

        assertThat(SparkSchema.of(struct)).isEqualTo(schema).hasSameHashCodeAs(schema)
                .hasToString(schema.schema().toString());
        assertThat(schema.select("b", "a").names()).containsExactly("b", "a");
        assertThat(schema.select("b", "a").size()).isEqualTo(2);
        assertThat(schema.select("n").scale(0)).isEqualTo(2);
        assertThat(schema.select("m").precision(0)).isEqualTo(12);
        assertThat(schema).isNotEqualTo(schema.withType("a", ColumnType.CATEGORICAL))
                .isNotEqualTo(schema.withSensitive("a")).isNotEqualTo(schema.select("a", "b", "m"))
                .isNotEqualTo(SparkSchema.of(new StructType().add("a", DataTypes.LongType).add("b", DataTypes.StringType)
                        .add("m", DataTypes.createDecimalType(12, 4)).add("n", DataTypes.createDecimalType(12, 2))))
                .isNotEqualTo(SparkSchema.of(new StructType().add("a", DataTypes.IntegerType)
                        .add("b", DataTypes.StringType).add("m", DataTypes.createDecimalType(13, 4))
                        .add("n", DataTypes.createDecimalType(12, 2))))
                .isNotEqualTo(SparkSchema.of(new StructType().add("a", DataTypes.IntegerType)
                        .add("b", DataTypes.StringType).add("m", DataTypes.createDecimalType(12, 4))
                        .add("n", DataTypes.createDecimalType(12, 3))))
                .isNotEqualTo(SparkSchema.of(new StructType().add("x", DataTypes.IntegerType)
                        .add("b", DataTypes.StringType).add("m", DataTypes.createDecimalType(12, 4))
                        .add("n", DataTypes.createDecimalType(12, 2))))
                .isNotEqualTo("a");
        assertThat(schema.withSensitive("b").select("b").schema().field("b").sensitive()).isTrue();
        assertThatThrownBy(() -> schema.select("a", "zz")).isInstanceOf(SchemaException.class)
                .hasMessage("no column 'zz' in the Dataset; its columns are a, b, m, n");
        assertThatThrownBy(() -> schema.withSensitive("zz")).isInstanceOf(SchemaException.class)
                .hasMessageContaining("'zz'");
    }

    @Test
    void aColumnsNameIsExactWithDotsAndBackticks() {
        Dataset<Row> dataset = spark.createDataFrame(List.of(RowFactory.create(1.0, 2.0, 3.0)),
                new StructType().add("a.b", DataTypes.DoubleType).add("c`d", DataTypes.DoubleType)
                        .add("a", DataTypes.DoubleType));

        Table table = SparkTables.toTable(dataset);

        assertThat(table.numericColumn("a.b").get(0)).isEqualTo(1.0);
        assertThat(table.numericColumn("c`d").get(0)).isEqualTo(2.0);
        assertThat(dataset.select(SparkTables.column("c`d")).columns()).containsExactly("c`d");
    }

    @Test
    void aPartitionReadsAsAtLeastOneTableAndChunksMustHoldARow() {
        SparkSchema schema = SparkSchema.of(new StructType().add("x", DataTypes.DoubleType));

        Iterator<Table> empty = PartitionTables.of(Collections.emptyIterator(), schema, 5);

        assertThat(empty.hasNext()).isTrue();
        assertThat(empty.next().rowCount()).isZero();
        assertThat(empty.hasNext()).isFalse();
        assertThatThrownBy(empty::next).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> PartitionTables.of(Collections.emptyIterator(), schema, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("chunkRows must be at least 1 but was 0");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 1000})
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
