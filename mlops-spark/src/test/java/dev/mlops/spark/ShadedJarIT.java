package dev.mlops.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.check.Checks;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.ProfileOptions;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar ({@code mlops-spark-VERSION-spark.jar}) as a cluster runs it: failsafe puts it on
 * the classpath instead of the thin classes, with Spark 4.0.1's own Jackson, DataSketches and
 * commons-lang3 instead of our newer ones (the pom says which). Spark must see its versions, and our
 * code must run on its relocated copies.
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
                "--input", input.toString(), "--output", output.toString());

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

    /** A finished child JVM: its exit status and output. */
    record Child(int status, String out, String err) {

        /** Runs SparkJob's main in a JVM of its own, as spark-submit does, in local[2]. */
        static Child run(Path dir, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classpath(), "-Dspark.master=local[2]", "-Dspark.ui.enabled=false",
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

    /** The classpath a child JVM gets: this one's, the shaded jar and Spark's own jars, as spark-submit builds it. */
    static String classpath() {
        String classpath = System.getProperty("java.class.path");
        assertThat(classpath.split(File.pathSeparator)).contains(shadedJar().toString());
        return classpath;
    }
}
