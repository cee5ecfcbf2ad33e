package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The architecture rules catch what they forbid: each case imports a fixture package under
 * {@code src/test/java/dev/mlops/<module>/violation} that breaks one rule on purpose, and the rule
 * must fail naming the class that broke it. So {@link ArchitectureTest} passing means the code
 * base keeps the rules, not that the rules looked at nothing.
 */
class ArchitectureSelfTest {

    private static JavaClasses fixtures(String... packages) {
        return new ClassFileImporter().importPackages(packages);
    }

    private static void assertFails(ArchRule rule, JavaClasses classes, String... named) {
        assertThatThrownBy(() -> rule.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(named);
    }

    /** A rule, the fixture packages that break it, and what its failure must name. */
    private static Arguments violation(String what, ArchRule rule, List<String> fixtures, String... named) {
        return arguments(named(what, rule), fixtures, named);
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                violation("core using another module breaks the DAG", ArchitectureTest.CORE_DEPENDS_ON_NO_OTHER_MODULE,
                        List.of("dev.mlops.core.violation"),
                        "mlops-core uses no other mlops module", "CoreUsesData", "DataUsesCore"),
                violation("two modules using each other are a cycle", ArchitectureTest.NO_CYCLES_BETWEEN_MODULES,
                        List.of("dev.mlops.core.violation", "dev.mlops.data.violation"),
                        "Cycle detected", "module core", "module data"),
                violation("two packages using each other are a cycle", ArchitectureTest.NO_CYCLES_BETWEEN_PACKAGES,
                        List.of("dev.mlops.deploy.violation"), "Cycle detected", "Ping", "Pong"),
                violation("using another module's internal package", ArchitectureTest.NO_USE_OF_ANOTHER_MODULES_INTERNAL_PACKAGE,
                        List.of("dev.mlops.train.violation"), "TrainUsesDataInternal", "dev.mlops.data.internal.NumberSyntax"),
                violation("library code that prints", ArchitectureTest.NO_STANDARD_STREAMS_IN_LIBRARY_CODE,
                        List.of("dev.mlops.monitor.violation"), "Prints.hello()", "System.out"),
                violation("library code that reads the system clock", ArchitectureTest.NO_HIDDEN_CLOCK_IN_LIBRARY_CODE,
                        List.of("dev.mlops.monitor.violation"), "ReadsTheClock.stamp()", "Instant.now()"),
                violation("library code that draws unseeded chance", ArchitectureTest.NO_UNSEEDED_CHANCE_IN_LIBRARY_CODE,
                        List.of("dev.mlops.monitor.violation"), "RollsDice.roll()", "Random.<init>()"),
                violation("mlops-data opening a database connection", ArchitectureTest.NO_DATABASE_IN_CORE_OR_DATA,
                        List.of("dev.mlops.data.violation"), "OpensAConnection.open(java.lang.String)",
                        "java.sql.DriverManager"),
                violation("a class outside every module root", ArchitectureTest.CLASSES_LIVE_IN_A_MODULE_ROOT,
                        List.of("dev.mlops.stray"), "dev.mlops.stray.Stray"),
                violation("mlops-spark using mlops-deploy", ArchitectureTest.SPARK_DEPENDS_ONLY_ON_CORE_DATA_STORE_TRAIN_AND_MONITOR,
                        List.of("dev.mlops.spark.violation"), "SparkUsesDeploy.passed", "dev.mlops.deploy.gate.GateReport"),
                violation("the CLI using mlops-spark", ArchitectureTest.NO_MODULE_BUT_THE_SPARK_ONES_USES_MLOPS_SPARK,
                        List.of("dev.mlops.cli.violation"), "CliUsesSpark.columns", "dev.mlops.spark.SparkSchema"),
                violation("the CLI using Spark", ArchitectureTest.NO_SPARK_OUTSIDE_THE_SPARK_MODULES,
                        List.of("dev.mlops.cli.violation"), "CliUsesSpark.version",
                        "org.apache.spark.sql.SparkSession"),
                violation("mlops-data using Parquet's API", ArchitectureTest.NO_PARQUET_OR_HADOOP_OUTSIDE_THE_PARQUET_MODULE,
                        List.of("dev.mlops.data.violation"), "ReadsParquet.schema(java.lang.String)",
                        "org.apache.parquet.schema.MessageTypeParser"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void aRuleFailsOnTheFixtureThatBreaksIt(ArchRule rule, List<String> fixtures, String[] named) {
        assertFails(rule, fixtures(fixtures.toArray(String[]::new)), named);
    }

    static Stream<Named<ArchRule>> moduleRules() {
        return Stream.of(ArchitectureTest.CORE_DEPENDS_ON_NO_OTHER_MODULE,
                        ArchitectureTest.DATA_DEPENDS_ONLY_ON_CORE,
                        ArchitectureTest.PARQUET_DEPENDS_ONLY_ON_CORE_AND_DATA,
                        ArchitectureTest.STORE_DEPENDS_ONLY_ON_CORE,
                        ArchitectureTest.TRAIN_DEPENDS_ONLY_ON_CORE_DATA_AND_STORE,
                        ArchitectureTest.MONITOR_DEPENDS_ONLY_ON_CORE_DATA_AND_STORE,
                        ArchitectureTest.DEPLOY_DEPENDS_ONLY_ON_CORE_DATA_STORE_TRAIN_FEATURES_AND_MONITOR,
                        ArchitectureTest.SPARK_DEPENDS_ONLY_ON_CORE_DATA_STORE_TRAIN_AND_MONITOR,
                        ArchitectureTest.TESTKIT_DEPENDS_ONLY_ON_LIBRARY_MODULES,
                        ArchitectureTest.CLI_DEPENDS_ONLY_ON_LIBRARY_MODULES,
                        ArchitectureTest.EXAMPLES_DEPEND_ONLY_ON_PUBLISHED_MODULES,
                        ArchitectureTest.BENCHMARKS_DEPEND_ONLY_ON_LIBRARY_MODULES)
                .map(rule -> named(rule.getDescription(), rule));
    }

    /** No module rule passes by finding no classes of its module: a module missing from the classpath fails. */
    @ParameterizedTest
    @MethodSource("moduleRules")
    void aModuleRuleWithNoClassesOfItsModuleFails(ArchRule rule) {
        assertFails(rule, fixtures("dev.mlops.stray"), "failed to check any classes");
    }
}
