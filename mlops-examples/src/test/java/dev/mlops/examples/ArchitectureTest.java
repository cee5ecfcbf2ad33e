package dev.mlops.examples;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The layout of DESIGN.md as a test: the module DAG, no package cycles, no use of another
 * module's {@code internal} package, and the house rules on standard streams, time and chance
 * (STYLE.md 13 and 15).
 *
 * <p>It analyses the production classes of every {@code dev.mlops} module: mlops-examples depends
 * on every published module, and on mlops-benchmarks in test scope so that the benchmarks' rule
 * sees them too. Every module rule must find classes of its module (ArchUnit fails a rule that
 * checks nothing), so a module that leaves the classpath fails here instead of passing unseen (a
 * module that has only its {@code package-info} so far is seen through it: ArchUnit imports it
 * as a class);
 * {@link ArchitectureSelfTest} shows each rule failing on a class that breaks it. A class outside
 * the known module roots fails {@code classesLiveInAModuleRoot}: add its module to the DAG here
 * first.
 */
@AnalyzeClasses(packages = "dev.mlops", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ROOT = "dev.mlops";

    /** The library modules users embed: no printing, no hidden clocks or chance. */
    private static final List<String> LIBRARY_MODULES = List.of("core", "data", "parquet", "store", "train",
            "features", "monitor", "deploy", "spark", "testkit");

    /** The modules that may run Apache Spark: mlops-spark itself, and the example and benchmarks that run it. */
    private static final List<String> SPARK_MODULES = List.of("spark", "examples", "benchmarks");

    /** spark-submit's main class: like the CLI, it prints its results and errors. */
    private static final String SPARK_JOB = ROOT + ".spark.SparkJob";

    /** Every module's package root segment, as DESIGN.md names them, plus the unpublished benchmarks. */
    private static final List<String> MODULES = List.of("core", "data", "parquet", "store", "train", "features",
            "monitor", "deploy", "spark", "testkit", "cli", "examples", "benchmarks");

    static final ArchRule CLASSES_LIVE_IN_A_MODULE_ROOT = classes().that().resideInAPackage(ROOT + "..")
            .should().resideInAnyPackage(packages(MODULES))
            .because("every module has one package root (DESIGN.md), and the rules below know each module's place"
                    + " in the DAG; a new module is added to ArchitectureTest's DAG first");

    static final ArchRule CORE_DEPENDS_ON_NO_OTHER_MODULE = module("core").mayUse();

    static final ArchRule DATA_DEPENDS_ONLY_ON_CORE = module("data").mayUse("core");

    static final ArchRule PARQUET_DEPENDS_ONLY_ON_CORE_AND_DATA = module("parquet").mayUse("core", "data");

    static final ArchRule STORE_DEPENDS_ONLY_ON_CORE = module("store").mayUse("core");

    static final ArchRule TRAIN_DEPENDS_ONLY_ON_CORE_DATA_AND_STORE = module("train").mayUse("core", "data", "store");

    static final ArchRule FEATURES_DEPENDS_ONLY_ON_CORE_DATA_AND_STORE = module("features").mayUse("core", "data", "store");

    static final ArchRule MONITOR_DEPENDS_ONLY_ON_CORE_DATA_AND_STORE = module("monitor").mayUse("core", "data", "store");

    static final ArchRule DEPLOY_DEPENDS_ONLY_ON_CORE_DATA_STORE_TRAIN_FEATURES_AND_MONITOR = module("deploy")
            .mayUse("core", "data", "store", "train", "features", "monitor");

    static final ArchRule SPARK_DEPENDS_ONLY_ON_CORE_DATA_STORE_TRAIN_AND_MONITOR = module("spark")
            .mayUse("core", "data", "store", "train", "monitor");

    static final ArchRule TESTKIT_DEPENDS_ONLY_ON_LIBRARY_MODULES = module("testkit")
            .mayUse("core", "data", "store", "train", "features", "monitor", "deploy");

    static final ArchRule CLI_DEPENDS_ONLY_ON_LIBRARY_MODULES = module("cli")
            .mayUse("core", "data", "parquet", "store", "train", "features", "monitor", "deploy");

    static final ArchRule EXAMPLES_DEPEND_ONLY_ON_PUBLISHED_MODULES = module("examples")
            .mayUse("core", "data", "parquet", "store", "train", "features", "monitor", "deploy", "spark", "testkit",
                    "cli");

    static final ArchRule BENCHMARKS_DEPEND_ONLY_ON_LIBRARY_MODULES = module("benchmarks")
            .mayUse("core", "data", "parquet", "store", "train", "features", "monitor", "deploy", "spark");

    static final ArchRule NO_MODULE_BUT_THE_SPARK_ONES_USES_MLOPS_SPARK = noClasses().that()
            .resideInAPackage(ROOT + "..").and().resideOutsideOfPackages(packages(SPARK_MODULES))
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".spark..")
            .because("mlops-spark is for Spark jobs: no library module, testkit or the mlops command depends on it"
                    + " (DESIGN.md, Scale: past one machine on Apache Spark)");

    static final ArchRule NO_SPARK_OUTSIDE_THE_SPARK_MODULES = noClasses().that()
            .resideInAPackage(ROOT + "..").and().resideOutsideOfPackages(packages(SPARK_MODULES))
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
            .because("Apache Spark stays out of every module but mlops-spark (and the example and benchmarks that run"
                    + " it); Spark jobs run through spark-submit, never the mlops command (DESIGN.md)");

    static final ArchRule NO_PARQUET_OR_HADOOP_OUTSIDE_THE_PARQUET_MODULE = noClasses().that()
            .resideInAPackage(ROOT + "..").and().resideOutsideOfPackage(ROOT + ".parquet..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.parquet..", "org.apache.hadoop..")
            .because("Parquet's Hadoop API and codecs stay in mlops-parquet, found through the component registry, so"
                    + " that a user of mlops-data alone never pulls them (DESIGN.md, Modules)");

    static final ArchRule NO_DATABASE_IN_CORE_OR_DATA = noClasses().that()
            .resideInAnyPackage(ROOT + ".core..", ROOT + ".data..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..",
                    "org.postgresql..", "org.flywaydb..", "com.zaxxer.hikari..")
            .because("mlops-core and mlops-data never pull a database driver: records live behind mlops-store "
                    + "(DESIGN.md, Modules)");

    static final ArchRule NO_CYCLES_BETWEEN_MODULES = slices().matching(ROOT + ".(*)..").namingSlices("module $1")
            .should().beFreeOfCycles();

    static final ArchRule NO_CYCLES_BETWEEN_PACKAGES = slices().matching(ROOT + ".(**)").namingSlices("package $1")
            .should().beFreeOfCycles();

    static final ArchRule NO_USE_OF_ANOTHER_MODULES_INTERNAL_PACKAGE = classes().that().resideInAPackage(ROOT + "..")
            .should(notUseAnotherModulesInternalPackage())
            .because("dev.mlops.<module>.internal is that module's own business (STYLE.md 2 and 13)");

    static final ArchRule NO_STANDARD_STREAMS_IN_LIBRARY_CODE = noClasses().that()
            .resideInAnyPackage(packages(LIBRARY_MODULES)).and().doNotHaveFullyQualifiedName(SPARK_JOB)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("a library logs through slf4j and returns results; only the CLI and spark-submit's main class,"
                    + " SparkJob, print (STYLE.md 8, 13)");

    static final ArchRule NO_UNSEEDED_CHANCE_IN_LIBRARY_CODE = noClasses().that()
            .resideInAnyPackage(packages(LIBRARY_MODULES))
            .should().callConstructorWhere(target(owner(type(Random.class))))
            .orShould().callMethod(Math.class, "random")
            .orShould().callMethod(ThreadLocalRandom.class, "current")
            .because("anything random takes a seed or a SplittableRandom (STYLE.md 6, 15)");

    static final ArchRule NO_HIDDEN_CLOCK_IN_LIBRARY_CODE = noClasses().that()
            .resideInAnyPackage(packages(LIBRARY_MODULES))
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callConstructor(Date.class)
            .because("anything that waits, expires or stamps takes a java.time.Clock (STYLE.md 15)");

    // Each rule runs from an @ArchTest method rather than an @ArchTest field: Surefire 3.5.3, which the
    // parent pom pins, silently skips @ArchTest fields (TNG/ArchUnit#1442) but runs methods.
    @ArchTest
    static void classesLiveInAModuleRoot(JavaClasses classes) {
        CLASSES_LIVE_IN_A_MODULE_ROOT.check(classes);
    }

    @ArchTest
    static void coreDependsOnNoOtherModule(JavaClasses classes) {
        CORE_DEPENDS_ON_NO_OTHER_MODULE.check(classes);
    }

    @ArchTest
    static void dataDependsOnlyOnCore(JavaClasses classes) {
        DATA_DEPENDS_ONLY_ON_CORE.check(classes);
    }

    @ArchTest
    static void parquetDependsOnlyOnCoreAndData(JavaClasses classes) {
        PARQUET_DEPENDS_ONLY_ON_CORE_AND_DATA.check(classes);
    }

    @ArchTest
    static void noParquetOrHadoopOutsideTheParquetModule(JavaClasses classes) {
        NO_PARQUET_OR_HADOOP_OUTSIDE_THE_PARQUET_MODULE.check(classes);
    }

    @ArchTest
    static void storeDependsOnlyOnCore(JavaClasses classes) {
        STORE_DEPENDS_ONLY_ON_CORE.check(classes);
    }

    @ArchTest
    static void trainDependsOnlyOnCoreDataAndStore(JavaClasses classes) {
        TRAIN_DEPENDS_ONLY_ON_CORE_DATA_AND_STORE.check(classes);
    }

    @ArchTest
    static void featuresDependsOnlyOnCoreDataAndStore(JavaClasses classes) {
        FEATURES_DEPENDS_ONLY_ON_CORE_DATA_AND_STORE.check(classes);
    }

    @ArchTest
    static void monitorDependsOnlyOnCoreDataAndStore(JavaClasses classes) {
        MONITOR_DEPENDS_ONLY_ON_CORE_DATA_AND_STORE.check(classes);
    }

    @ArchTest
    static void deployDependsOnlyOnCoreDataStoreTrainFeaturesAndMonitor(JavaClasses classes) {
        DEPLOY_DEPENDS_ONLY_ON_CORE_DATA_STORE_TRAIN_FEATURES_AND_MONITOR.check(classes);
    }

    @ArchTest
    static void sparkDependsOnlyOnCoreDataStoreTrainAndMonitor(JavaClasses classes) {
        SPARK_DEPENDS_ONLY_ON_CORE_DATA_STORE_TRAIN_AND_MONITOR.check(classes);
    }

    @ArchTest
    static void noModuleButTheSparkOnesUsesMlopsSpark(JavaClasses classes) {
        NO_MODULE_BUT_THE_SPARK_ONES_USES_MLOPS_SPARK.check(classes);
    }

    @ArchTest
    static void noSparkOutsideTheSparkModules(JavaClasses classes) {
        NO_SPARK_OUTSIDE_THE_SPARK_MODULES.check(classes);
    }

    @ArchTest
    static void testkitDependsOnlyOnLibraryModules(JavaClasses classes) {
        TESTKIT_DEPENDS_ONLY_ON_LIBRARY_MODULES.check(classes);
    }

    @ArchTest
    static void cliDependsOnlyOnLibraryModules(JavaClasses classes) {
        CLI_DEPENDS_ONLY_ON_LIBRARY_MODULES.check(classes);
    }

    @ArchTest
    static void examplesDependOnlyOnPublishedModules(JavaClasses classes) {
        EXAMPLES_DEPEND_ONLY_ON_PUBLISHED_MODULES.check(classes);
    }

    @ArchTest
    static void benchmarksDependOnlyOnLibraryModules(JavaClasses classes) {
        BENCHMARKS_DEPEND_ONLY_ON_LIBRARY_MODULES.check(classes);
    }

    @ArchTest
    static void noDatabaseInCoreOrData(JavaClasses classes) {
        NO_DATABASE_IN_CORE_OR_DATA.check(classes);
    }

    @ArchTest
    static void noCyclesBetweenModules(JavaClasses classes) {
        NO_CYCLES_BETWEEN_MODULES.check(classes);
    }

    @ArchTest
    static void noCyclesBetweenPackages(JavaClasses classes) {
        NO_CYCLES_BETWEEN_PACKAGES.check(classes);
    }

    @ArchTest
    static void noUseOfAnotherModulesInternalPackage(JavaClasses classes) {
        NO_USE_OF_ANOTHER_MODULES_INTERNAL_PACKAGE.check(classes);
    }

    @ArchTest
    static void noStandardStreamsInLibraryCode(JavaClasses classes) {
        NO_STANDARD_STREAMS_IN_LIBRARY_CODE.check(classes);
    }

    @ArchTest
    static void noUnseededChanceInLibraryCode(JavaClasses classes) {
        NO_UNSEEDED_CHANCE_IN_LIBRARY_CODE.check(classes);
    }

    @ArchTest
    static void noHiddenClockInLibraryCode(JavaClasses classes) {
        NO_HIDDEN_CLOCK_IN_LIBRARY_CODE.check(classes);
    }

    /** A module of the DAG, whose allowed dependencies a rule then names. */
    private record Module(String name) {

        /** Classes of this module use no {@code dev.mlops} class outside this module and the given ones. */
        ArchRule mayUse(String... modules) {
            String[] allowed = packages(Stream.concat(Stream.of(name), Arrays.stream(modules)).toList());
            String others = modules.length == 0 ? "no other mlops module" : "no mlops module but " + String.join(", ", modules);
            return noClasses().that().resideInAPackage(ROOT + "." + name + "..")
                    .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(resideOutsideOfPackages(allowed)))
                    .as("mlops-" + name + " uses " + others)
                    .because("DESIGN.md's module DAG: arrows are Maven dependencies and nothing points backwards");
        }
    }

    private static Module module(String name) {
        return new Module(name);
    }

    private static String[] packages(List<String> modules) {
        return modules.stream().map(module -> ROOT + "." + module + "..").toArray(String[]::new);
    }

    /** The module a package belongs to: the segment after {@code dev.mlops}, if there is one. */
    private static Optional<String> moduleOf(String packageName) {
        if (!packageName.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        String rest = packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static boolean isInternal(String packageName, String module) {
        String internal = ROOT + "." + module + ".internal";
        return packageName.equals(internal) || packageName.startsWith(internal + ".");
    }

    /** Fails each dependency on {@code dev.mlops.<other module>.internal..}; a module may use its own. */
    private static ArchCondition<JavaClass> notUseAnotherModulesInternalPackage() {
        return new ArchCondition<>("not use another module's internal package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> from = moduleOf(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
                    Optional<String> to = moduleOf(target);
                    if (to.isPresent() && !to.equals(from) && isInternal(target, to.get())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
