package dev.mlops.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.check.Checks;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.ProfileOptions;
import dev.mlops.data.split.RandomSplitterSettings;
import dev.mlops.data.split.SplitSets;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.tribuo.FeatureEncoder;
import dev.mlops.train.tribuo.MissingPolicy;
import dev.mlops.train.tribuo.TribuoClassifier;
import dev.mlops.train.tribuo.TribuoTables;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;

/**
 * The shaded jar ({@code mlops-spark-VERSION-spark.jar}) as a cluster runs it: failsafe runs these
 * tests on Spark 4.0.1's own classpath plus that jar only (no mlops module, no Tribuo, no library the
 * jar relocates or excludes; Spark's own Jackson, DataSketches and commons-lang3 instead of our newer
 * ones; the pom says how). Spark must see its versions, and our code must run on the jar's copies, so
 * a class missing from the jar fails here.
 */
class ShadedJarIT {
    private static final String SHADED = "dev.mlops.spark.shaded.";

    private final SparkSession spark = LocalSpark.session();

    static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path shadedJar() {
        return Path.of(System.getProperty("mlops.spark.jar"));
    }

    /** A table of {@code rows} rows: a number, a city (non-ASCII names) and a flag. */
    static Table cities(int rows) {
        double[] amounts = new double[rows];
        String[] cities = new String[rows];
        Boolean[] members = new Boolean[rows];
        String[] names = {"München", "São Paulo", "Hamburg", "Köln"};
        for (int i = 0; i < rows; i++) {
            amounts[i] = i * 1.5;
            cities[i] = names[i % names.length];
            members[i] = i % 3 == 0;
        }
        return Table.builder().numeric("amount", amounts).categorical("city", cities).bool("member", members).build();
    }

    @Test
    void theClasspathIsSparksOwnPlusTheShadedJarOnly() {
        List<String> names = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).getFileName().toString()).toList();

        assertThat(names).contains(shadedJar().getFileName().toString())
                .contains("jackson-databind-" + System.getProperty("mlops.spark.jackson.version") + ".jar");
        assertThat(names).noneMatch(name -> name.startsWith("mlops-") && !name.equals(shadedJar().getFileName()
                .toString()));
        for (String prefix : List.of("tribuo-", "olcut-", "sqlite-jdbc-", "postgresql-", "flyway-", "HikariCP-",
                "jline-", "jansi-", "opencsv-", "commons-beanutils-", "fastdoubleparser-", "picocli-", "micrometer-",
                "HdrHistogram-", "jackson-dataformat-csv-", "jackson-databind-2.23", "commons-lang3-3.20")) {
            assertThat(names).as("the ITs' classpath holds no %s", prefix).noneMatch(name -> name.startsWith(prefix));
        }
    }

    @Test
    void sparkSeesItsOwnJacksonAndDataSketchesWhileOursAreRelocatedInTheShadedJar() throws Exception {
        String sparkJackson = System.getProperty("mlops.spark.jackson.version");
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()).isEqualTo(sparkJackson);
        assertThat(jarOf(ObjectMapper.class).getFileName()).hasToString("jackson-databind-" + sparkJackson + ".jar");
        assertThat(jarOf(KllDoublesSketch.class).getFileName())
                .hasToString("datasketches-java-" + System.getProperty("mlops.spark.datasketches.version") + ".jar");

        Class<?> ourJackson = Class.forName(SHADED + "com.fasterxml.jackson.databind.cfg.PackageVersion");
        assertThat(ourJackson.getField("VERSION").get(null).toString()).isNotEqualTo(sparkJackson);
        assertThat(jarOf(ourJackson)).isEqualTo(shadedJar());
        assertThat(jarOf(Class.forName(SHADED + "org.apache.datasketches.kll.KllDoublesSketch"))).isEqualTo(shadedJar());
        assertThat(jarOf(Table.class)).as("mlops classes come from the shaded jar, not the thin ones")
                .isEqualTo(shadedJar());
        assertThat(jarOf(SparkJob.class)).isEqualTo(shadedJar());

        // Spark's own JSON goes through its Jackson
        List<String> json = SparkTables.toDataset(spark, cities(2)).toJSON().collectAsList();
        assertThat(json).containsExactly("{\"amount\":0.0,\"city\":\"München\",\"member\":true}",
                "{\"amount\":1.5,\"city\":\"São Paulo\",\"member\":false}");
    }

    @Test
    void aProfileWithSketchesMadeOnSparkMakesTheJsonRoundTripThroughTheRelocatedJackson() {
        Dataset<Row> dataset = SparkTables.toDataset(spark, cities(3000)).repartition(3);
        // above these limits the profile keeps KLL, HLL and frequent-items sketches: relocated DataSketches
        ProfileOptions sketches = ProfileOptions.defaults().withExactQuantileLimit(100).withExactDistinctLimit(2);

        DatasetProfile profile = SparkProfiler.create().profile(dataset, sketches);
        String json = profile.toJson();

        assertThat(profile.rowCount()).isEqualTo(3000);
        assertThat(DatasetProfile.fromJson(json).toJson()).isEqualTo(json);
        assertThat(json).contains("São Paulo");
    }

    @Test
    void sparkJobProfilesFilesThroughTheShadedJar(@TempDir Path dir) throws IOException {
        Path input = SparkJobTest.cities(dir);
        Path output = dir.resolve("profile.json");
        StringWriter err = new StringWriter();

        int status = SparkJob.execute(spark, new PrintWriter(new StringWriter()), new PrintWriter(err), "profile",
                "--input", input.toString(), "--out", output.toString());

        assertThat(status).as(err.toString()).isEqualTo(SparkJob.EXIT_OK);
        assertThat(DatasetProfile.load(output).rowCount()).isEqualTo(200);
    }

    @Test
    void theMainClassChecksFilesAsSparkSubmitRunsItWithAUsersOwnCheckFromTheRegistry(@TempDir Path dir)
            throws Exception {
        Path input = SparkJobTest.cities(dir);
        Path suite = dir.resolve("suite.json");
        // MaxCheck is a user's own check: this module's test META-INF/services lists its type
        CheckSuite.builder("cities").add(Checks.allowedValues("city", List.of("München", "Hamburg")))
                .add(new MaxCheck("amount", 100)).build().save(suite);
        Path report = dir.resolve("report.json");

        Child child = Child.run(dir, "check", "--input", input.toString(), "--suite", suite.toString(), "--report",
                report.toString());

        assertThat(child.status()).as(child.err()).isEqualTo(SparkJob.EXIT_CHECK_FAILED);
        assertThat(child.out()).contains("allowed-values(city)").contains("max(amount)");
        String json = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(json).contains("allowed-values(city)").contains("max(amount)");
    }

    @Test
    void aSplitRunsOnTheShadedJar() {
        Dataset<Row> data = SparkTables.toDataset(spark, cities(2000)).withColumn("id",
                org.apache.spark.sql.functions.monotonically_increasing_id()).repartition(3);
        SplitSets sets = SplitSets.trainValidationTest(0.7, 0.15, 0.15);

        SparkSplit split = SparkSplits.random(new RandomSplitterSettings(sets, 42), "id").split(data);

        long train = split.set("train").count();
        assertThat(train + split.set("validation").count() + split.set("test").count()).isEqualTo(2000);
        assertThat(split.report().rows()).isEqualTo(2000);
        assertThat(split.report().rowsPerSet()).containsEntry("train", train);
        assertThat(split.report().withinBound(train, 2000, "train")).isTrue();
        assertThat(jarOf(SparkSplits.class)).isEqualTo(shadedJar());
    }

    /** {@code rows} rows: an id, two numbers, a colour and a label that follows them. */
    static Table labelled(int rows) {
        double[] ids = new double[rows];
        double[] x = new double[rows];
        String[] colour = new String[rows];
        String[] label = new String[rows];
        String[] colours = {"red", "green", "München"};
        for (int i = 0; i < rows; i++) {
            ids[i] = i;
            x[i] = (i * 37 % 101) / 50.0 - 1;
            colour[i] = colours[i % colours.length];
            label[i] = x[i] + (colour[i].equals("red") ? 0.5 : 0) > 0 ? "yes" : "no";
        }
        return Table.builder().numeric("id", ids).numeric("x", x).categorical("colour", colour)
                .categorical("label", label).build();
    }

    /** The encoder the model was trained with: fitted again from the same training rows on each executor. */
    static FeatureEncoder encoder() {
        return FeatureEncoder.fit(labelled(300), Set.of("id", "label"), MissingPolicy.IMPUTE);
    }

    /** Reads the Tribuo model file: what the supplier does on each executor. */
    @SuppressWarnings("unchecked")
    static Predictor load(String file) {
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(Path.of(file)))) {
            return TribuoClassifier.of((Model<Label>) in.readObject(), encoder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTribuoModelFileScoresOnTheShadedJarAsInOneJvm(@TempDir Path dir) throws IOException {
        Model<Label> model = new LogisticRegressionTrainer().train(TribuoTables.classification(labelled(300), "label",
                encoder()));
        Path file = dir.resolve("model.bin");
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(model);
        }
        String path = file.toString();
        Table test = labelled(500);
        Table expected = load(path).predict(test);

        SparkScores scores = SparkScoring.of(() -> load(path)).withChunkRows(64)
                .score(SparkTables.toDataset(spark, test).withColumn("id",
                        org.apache.spark.sql.functions.col("id").cast("long")).repartition(3), "id");

        List<Row> rows = scores.scores().collectAsList();
        assertThat(rows).hasSize(500);
        assertThat(scores.errors().count()).isZero();
        for (Row row : rows) {
            assertThat(row.getString(1)).as("id %d", row.getLong(0))
                    .isEqualTo(expected.categoricalColumn("prediction").get((int) row.getLong(0)));
        }
        assertThat(jarOf(Model.class)).as("Tribuo comes from the shaded jar").isEqualTo(shadedJar());
    }

    /** A finished child JVM: its exit status and output. */
    record Child(int status, String out, String err) {

        /** Runs SparkJob's main in a JVM of its own, as spark-submit does, in local[2]. */
        static Child run(Path dir, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", classpath(), "-Dspark.master=local[2]",
                    "-Dspark.ui.enabled=false",
                    "-Duser.language=de", "-Duser.country=DE", "-Duser.timezone=Asia/Kolkata",
                    SparkJob.class.getName()));
            command.addAll(List.of(args));
            Path out = dir.resolve("child.out");
            Path err = dir.resolve("child.err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("SparkJob did not end within 120 s: " + command);
            }
            return new Child(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    /**
     * The classpath a child JVM gets, as spark-submit builds it: this one's, which failsafe made Spark's
     * own jars plus the shaded jar (and the test classes and JUnit);
     * {@link #theClasspathIsSparksOwnPlusTheShadedJarOnly} checks that.
     */
    static String classpath() {
        String classpath = System.getProperty("java.class.path");
        assertThat(classpath.split(File.pathSeparator)).contains(shadedJar().toString());
        return classpath;
    }
}
