package dev.mlops.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.SchemaException;
import dev.mlops.core.json.Json;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.InputCheck;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.tribuo.FeatureEncoder;
import dev.mlops.train.tribuo.MissingPolicy;
import dev.mlops.train.tribuo.TribuoClassifier;
import dev.mlops.train.tribuo.TribuoTables;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;

class SparkScoringTest {
    private final SparkSession spark = LocalSpark.session();

    /** Rows with a record id, two numeric features, a colour and a label that depends on them. */
    private static Table table(int n, long seed) {
        Random random = new Random(seed);
        double[] ids = new double[n];
        double[] x = new double[n];
        double[] y = new double[n];
        String[] colour = new String[n];
        String[] label = new String[n];
        String[] colours = {"red", "green", "blue", "München"};
        for (int i = 0; i < n; i++) {
            ids[i] = 1000 + i;
            x[i] = random.nextGaussian();
            y[i] = random.nextGaussian();
            colour[i] = colours[random.nextInt(colours.length)];
            double score = x[i] - 0.5 * y[i] + (colour[i].equals("red") ? 1 : 0) + 0.5 * random.nextGaussian();
            label[i] = score > 1 ? "high" : score > -0.5 ? "mid" : "low";
        }
        return Table.builder().numeric("id", ids).numeric("x", x).numeric("y", y).categorical("colour", colour)
                .categorical("label", label).build();
    }

    /** A model file as a team would ship one: the Tribuo model serialized and the encoder's state as JSON. */
    private static Path saveModel(Path directory) throws IOException {
        Table train = table(400, 1);
        FeatureEncoder encoder = FeatureEncoder.fit(train, Set.of("id", "label"), MissingPolicy.IMPUTE);
        Model<Label> model = new LogisticRegressionTrainer().train(TribuoTables.classification(train, "label", encoder));
        Path file = directory.resolve("model.bin");
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(model);
            out.writeUTF(Json.writer().writeValueAsString(encoder.state()));
        }
        return file;
    }

    private static final AtomicInteger LOADS = new AtomicInteger();

    /** Reads the model file; what a supplier does on each executor. */
    @SuppressWarnings("unchecked")
    private static Predictor load(String file) {
        LOADS.incrementAndGet();
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(Path.of(file)))) {
            Model<Label> model = (Model<Label>) in.readObject();
            FeatureEncoder.State state = Json.reader().forType(FeatureEncoder.State.class).readValue(in.readUTF());
            return TribuoClassifier.of(model, FeatureEncoder.of(state));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private Dataset<Row> dataset(Table table, int partitions) {
        return SparkTables.toDataset(spark, table).withColumn("id", col("id").cast("long")).repartition(partitions);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Tribuo {
        private final Table test = table(600, 2);
        private final String file;
        private final Predictor local;

        Tribuo(@TempDir Path directory) throws IOException {
            file = saveModel(directory).toString();
            local = load(file);
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 3, 7})
        void scoresTheSameOnSparkAsInOneJvmRowByRowMatchedByRecordId(int partitions) {
            String path = file;
            Table expected = local.predict(test);
            Map<Long, Integer> rowOfId = new HashMap<>();
            for (int row = 0; row < test.rowCount(); row++) {
                rowOfId.put((long) test.numericColumn("id").get(row), row);
            }

            SparkScores scores = SparkScoring.of(() -> load(path)).withChunkRows(64)
                    .score(dataset(test, partitions), "id");

            List<Row> rows = scores.scores().collectAsList();
            assertThat(scores.scores().columns()).containsExactly("id", "prediction", "score@" + classes().get(0),
                    "score@" + classes().get(1), "score@" + classes().get(2));
            assertThat(scores.scores().schema().apply("id").dataType()).isEqualTo(DataTypes.LongType);
            assertThat(rows).hasSize(600);
            assertThat(scores.errors().count()).isZero();
            for (Row row : rows) {
                int at = rowOfId.remove(row.getLong(0));
                assertThat(row.getString(1)).isEqualTo(expected.categoricalColumn("prediction").get(at));
                for (int c = 0; c < 3; c++) {
                    assertThat(row.getDouble(2 + c)).as("id %d class %s", row.getLong(0), classes().get(c))
                            .isEqualTo(expected.numericColumn(Outputs.scoreColumn(classes().get(c))).get(at));
                }
            }
            assertThat(rowOfId).isEmpty();
        }

        private List<String> classes() {
            return local.outputs().classes();
        }

        @Test
        void theSupplierRunsOnceOnTheDriverAndOncePerExecutorJvmNotPerTask() {
            String path = file;
            LOADS.set(0);

            SparkScores scores = SparkScoring.of(() -> load(path)).withChunkRows(50).score(dataset(test, 6), "id");
            long scored = scores.scores().count();

            assertThat(scored).isEqualTo(600);
            // local mode: the driver is the one executor, and tasks share the broadcast's built predictor
            assertThat(LOADS.get()).isEqualTo(1);
        }

        @Test
        void aPredictorThatIsNotSerializableIsRefusedPointingToTheSupplier() {
            assertThatThrownBy(() -> SparkScoring.of(local)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(TribuoClassifier.class.getName()).hasMessageContaining("PredictorSupplier");
        }
    }

    /**
     * Doubles x; refuses a chunk holding a negative or missing x, as a model refuses a value it
     * cannot take; serializable, so it is broadcast as it is.
     */
    static final class Doubler implements XRegressor, Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public Table predict(Table features) {
            InputCheck.require(inputSchema(), features);
            NumericColumn x = features.numericColumn("x");
            double[] values = new double[x.size()];
            for (int row = 0; row < values.length; row++) {
                if (x.isMissing(row)) {
                    throw new IllegalArgumentException("x is missing");
                }
                if (x.get(row) < 0) {
                    throw new IllegalArgumentException("x must not be negative but was " + x.get(row));
                }
                values[row] = 2 * x.get(row);
            }
            return outputs().values(values);
        }
    }

    @Nested
    class BadRows {
        /** ids 0..n-1 as strings; x = id, negative every 97th row, missing every 101st, beyond 2^53 at id 500. */
        private Dataset<Row> data(int n, int partitions) {
            List<Long> ids = new ArrayList<>();
            for (long id = 0; id < n; id++) {
                ids.add(id);
            }
            Dataset<Row> rows = spark.createDataset(ids, org.apache.spark.sql.Encoders.LONG()).toDF("n");
            return rows.select(col("n").cast("string").as("id"),
                    when(col("n").mod(101).equalTo(7), null)
                            .when(col("n").equalTo(500), (1L << 53) + 1)
                            .when(col("n").mod(97).equalTo(5), col("n").multiply(-1))
                            .otherwise(col("n")).cast("long").as("x"))
                    .repartition(partitions);
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 4})
        void goToTheErrorsWithTheirReasonsAndNoRowIsLost(int partitions) {
            SparkScores scores = SparkScoring.of(new Doubler()).withChunkRows(100).score(data(2000, partitions), "id");

            Map<String, String> errors = new HashMap<>();
            scores.errors().collectAsList().forEach(row -> errors.put(row.getString(0), row.getString(1)));
            long scored = scores.scores().count();

            assertThat(scored + errors.size()).isEqualTo(2000);
            assertThat(scores.results().count()).isEqualTo(2000);
            assertThat(errors.get("500")).isEqualTo("feature 'x' holds 9007199254740993, beyond ±2^53, which has no"
                    + " exact double");
            assertThat(errors.get("7")).isEqualTo("the model failed: java.lang.IllegalArgumentException: x is missing");
            assertThat(errors.get("5")).isEqualTo("the model failed: java.lang.IllegalArgumentException: x must not be"
                    + " negative but was -5.0");
            // every missing x, every negative one, and the one beyond 2^53
            long missing = java.util.stream.LongStream.range(0, 2000).filter(n -> n % 101 == 7).count();
            long negative = java.util.stream.LongStream.range(0, 2000).filter(n -> n % 101 != 7 && n != 500
                    && n % 97 == 5).count();
            assertThat(errors).hasSize((int) (missing + negative + 1));
            Row twelve = scores.scores().filter(col("id").equalTo("12")).first();
            assertThat(twelve.getDouble(1)).isEqualTo(24.0);
        }

        @Test
        void aNullRecordIdIsAnErrorRowWithoutAnId() {
            Dataset<Row> data = data(300, 2).withColumn("id", when(col("id").equalTo("3"), null).otherwise(col("id")));

            SparkScores scores = SparkScoring.of(new Doubler()).score(data, "id");

            List<Row> missingId = scores.errors().filter(col("id").isNull()).collectAsList();
            assertThat(missingId).singleElement().satisfies(row -> assertThat(row.getString(1))
                    .isEqualTo("missing record id"));
            assertThat(scores.scores().count() + scores.errors().count()).isEqualTo(300);
        }

        @Test
        void aModelThatFailsOnEveryRowLeavesEveryRowInTheErrors() {
            Dataset<Row> negative = data(40, 2).withColumn("x", org.apache.spark.sql.functions.lit(-1L));

            SparkScores scores = SparkScoring.of(new Doubler()).withChunkRows(16).score(negative, "id");

            assertThat(scores.scores().count()).isZero();
            assertThat(scores.errors().count()).isEqualTo(40);
        }
    }

    @Nested
    class Refused {
        private final Dataset<Row> data = spark.range(10).selectExpr("id", "cast(id as double) as x",
                "cast(id as string) as s", "cast(id as double) as d");

        @Test
        void anAbsentFeatureIsNamedBeforeAnyJob() {
            assertThatThrownBy(() -> SparkScoring.of(new Doubler()).score(data.drop("x"), "id"))
                    .isInstanceOf(SchemaException.class).hasMessageContaining("[x]")
                    .hasMessageContaining("[id, s, d]");
        }

        @Test
        void aFeatureOfATypeTheModelCannotReadIsNamed() {
            assertThatThrownBy(() -> SparkScoring.of(new Doubler()).score(data.drop("x").withColumnRenamed("s", "x"),
                    "id")).isInstanceOf(SchemaException.class).hasMessageContaining("'x'")
                    .hasMessageContaining("numeric");
        }

        @Test
        void theRecordIdMustBeAPresentStringOrIntegralColumnNotNamedLikeAnOutput() {
            SparkScoring scoring = SparkScoring.of(new Doubler());

            assertThatThrownBy(() -> scoring.score(data, "key")).isInstanceOf(SchemaException.class)
                    .hasMessageContaining("'key'").hasMessageContaining("[id, x, s, d]");
            assertThatThrownBy(() -> scoring.score(data, "d")).isInstanceOf(SchemaException.class)
                    .hasMessageContaining("'d'").hasMessageContaining("double");
            assertThatThrownBy(() -> scoring.score(data.withColumnRenamed("id", "prediction"), "prediction"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'prediction'");
            assertThatThrownBy(() -> scoring.score(data.withColumnRenamed("id", "reason"), "reason"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'reason'");
            // a chunk of one row is the smallest
            assertThat(scoring.withChunkRows(1).score(data, "s").scores().count()).isEqualTo(10);
        }

        @Test
        void theChunkSizeIsAtLeastOneRow() {
            assertThatThrownBy(() -> SparkScoring.of(new Doubler()).withChunkRows(0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 but was 0");
        }

        @Test
        void aSerializablePredictorHoldingAnObjectThatIsNotIsRefusedNamingItsClass() {
            assertThatThrownBy(() -> SparkScoring.of(new Holding())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("class " + Unshippable.class.getName() + ", which is not Serializable")
                    .hasMessageContaining("transient");
        }

        @Test
        void aSupplierCapturingAnObjectThatIsNotSerializableIsRefusedNamingItsClass() {
            Unshippable captured = new Unshippable();

            assertThatThrownBy(() -> SparkScoring.of(() -> captured.doubler())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("class " + Unshippable.class.getName() + ", which is not Serializable")
                    .hasMessageContaining("captures 'this'");
        }
    }

    /** Not serializable: a handle a model might hold. */
    static final class Unshippable {
        Predictor doubler() {
            return new Doubler();
        }
    }

    /** Declared serializable but holding a field that is not. */
    static final class Holding implements XRegressor, Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("serial")
        private final Object handle = new Unshippable();

        @Override
        public Table predict(Table features) {
            return outputs().values(new double[features.rowCount() + handle.hashCode() * 0]);
        }
    }
}
