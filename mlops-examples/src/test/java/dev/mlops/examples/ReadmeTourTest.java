package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.Table;
import dev.mlops.data.label.AggregationResult;
import dev.mlops.data.label.ConsolidatedLabel;
import dev.mlops.data.split.Split;
import dev.mlops.deploy.gate.GateReport;
import dev.mlops.deploy.registry.ModelVersion;
import dev.mlops.deploy.registry.Stage;
import dev.mlops.examples.ReadmeSnippets.Snippet;
import dev.mlops.monitor.capture.CaptureReader;
import dev.mlops.monitor.capture.CaptureRecord;
import dev.mlops.monitor.job.MonitoringResult;
import dev.mlops.train.experiment.LeaderboardRow;
import dev.mlops.train.experiment.RunnerResult;
import dev.mlops.train.significance.McNemarResult;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "A five-minute tour in code" is real code: its {@code java} blocks, one per
 * practice, compile against this module's test classpath and run, in order, on the bundled German
 * credit data in a temporary directory.
 *
 * <p>The blocks are one story: a later block uses the variables an earlier one declared. They are
 * put, in order, into one method of one class, {@code ReadmeTour.run(Path dir)}: its imports are
 * every block's {@code import} lines, and {@code dir} (a working directory holding
 * {@code credit-g.csv}) is the one variable the README says the tour assumes. A compile error is
 * reported with the heading of the block its line came from and javac's message.
 *
 * <p>What the tour's comments state is checked: the method returns the variables named in
 * {@link #STATED} (a last block the test adds), and each value a comment gives (the rows, the
 * split's sizes, the crowd's label, the runs, the gates, the version and its lineage, the canary's
 * capture, the monitoring windows, the as-of age) is asserted on what the tour computed. The tour
 * runs once for all tests, in a temporary directory.
 */
class ReadmeTourTest {
    /** The README section of the tour. */
    static final String TOUR = "A five-minute tour in code";
    private static final String CLASS = "ReadmeTour";
    private static final String SIGNATURE =
            "public static java.util.Map<String, Object> run(java.nio.file.Path dir) throws Exception";
    private static final String VALUES = "readmeTourValues";

    /**
     * The variables the tour declares whose values its comments state: the wrapper returns them by
     * name, so that a comment that no longer holds fails an assertion, and a variable the README
     * no longer declares (at the tour's top level) fails to compile, named.
     */
    private static final List<String> STATED = List.of("credit", "split", "labels", "app17", "runs", "mcnemar",
            "chanceCannotExplainIt", "firstGate", "why", "v1", "lineage", "requests", "watched", "inMarch");

    /** The practices of the guide the tour shows, in its order: one block each. */
    private static final List<String> PRACTICES = List.of(
            "Read credit-g and unit-test it",
            "Split without leakage",
            "Consolidate crowd labels",
            "Train baselines and experiments, tracked",
            "Is the difference significant?",
            "Gate the candidate against production",
            "Register with lineage and approve",
            "Canary rollout with capture",
            "Drift, quality from late labels, alarms and the report",
            "Feature store: an as-of read");

    private static Path root;
    private static List<String> headings;
    private static List<Snippet> snippets;
    @TempDir
    static Path scratch;
    private static Path work;
    private static Map<String, Object> tour;

    @BeforeAll
    static void readAndRunTheTour() throws IOException, ReflectiveOperationException {
        root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        headings = new ArrayList<>();
        snippets = new ArrayList<>();
        ReadmeSnippets.subsections(ReadmeSnippets.section(ReadmeSnippets.readme(), TOUR)).forEach((heading, blocks) -> {
            for (Snippet snippet : blocks) {
                headings.add(heading);
                snippets.add(snippet);
            }
        });
        work = Files.createDirectories(scratch.resolve("work"));
        tour = runTheTour(scratch);
    }

    @Test
    void theTourHasOneBlockPerPracticeOfTheGuideInOrder() {
        assertThat(headings).containsExactlyElementsOf(PRACTICES);
        assertThat(snippets).allSatisfy(snippet -> assertThat(snippet.body().stream()
                .filter(line -> !line.isBlank()).count()).as("lines of code in \"%s\"", snippet.origin())
                .isBetween(3L, 14L));
    }

    @Test
    void everyBlockCompilesAndTheTourRunsOnCreditGWritingWhatItSays() throws IOException {
        try (var written = Files.walk(work)) {
            List<String> files = written.map(p -> work.relativize(p).toString().replace(File.separatorChar, '/'))
                    .collect(Collectors.toList());
            assertThat(files).as("what the tour wrote").contains("mlops.db", "split.json", "suite.json",
                    "capture", "report/report.html");
        }
    }

    @Test
    void theDataAndItsSplitAreTheSizesTheCommentsSay() {
        assertThat(value("credit", Table.class).rowCount()).as("credit-g's rows (\"1,000 rows\")").isEqualTo(1000);
        Split split = value("split", Split.class);
        assertThat(split.setNames()).containsExactly("train", "validation", "test");
        assertThat(List.of(split.size("train"), split.size("validation"), split.size("test")))
                .as("the split's sizes (\"700/150/150\")").containsExactly(700, 150, 150);
    }

    @Test
    void theCrowdGivesAppSeventeenGoodTwoVotesToOne() {
        assertThat(value("app17", String.class)).as("app-17's label (\"good\")").isEqualTo("good");
        ConsolidatedLabel app17 = value("labels", AggregationResult.class).item("app-17").orElseThrow();
        assertThat(app17.votes()).as("app-17's votes (\"2 votes to 1\")").isEqualTo(3);
        assertThat(app17.agreement()).as("app-17's share for \"good\" (\"2 votes to 1\")").isEqualTo(2.0 / 3.0);
    }

    @Test
    void threeBaselinesAndTwoExperimentsRanEachATrackedRunAndMcNemarJudgesAtFivePercent() {
        List<LeaderboardRow> rows = value("runs", RunnerResult.class).leaderboard().rows();
        assertThat(rows).as("the runs (\"after the 3 baselines\", \"a run each\")").hasSize(5)
                .allSatisfy(row -> assertThat(row.runId()).as("%s's tracked run", row.experiment()).isNotBlank());
        assertThat(rows).filteredOn(LeaderboardRow::baseline).hasSize(3);
        McNemarResult mcnemar = value("mcnemar", McNemarResult.class);
        assertThat(value("chanceCannotExplainIt", Boolean.class)).as("McNemar's verdict (\"at 5 %%\", p = %s)",
                mcnemar.pValue()).isEqualTo(mcnemar.pValue() < 0.05);
    }

    @Test
    void theFirstGatePassesAndTheSecondExplainsEachRule() {
        assertThat(value("firstGate", GateReport.class).passed()).as("the first gate (CI stops if it fails)")
                .isTrue();
        assertThat(value("why", String.class).lines().filter(line -> line.startsWith("[")))
                .as("the second gate's text (\"one line per rule: the metric, then each slice\")")
                .satisfiesExactly(metric -> assertThat(metric).contains("macro_f1 on validation"),
                        foreign -> assertThat(foreign).contains("slice foreign"),
                        older -> assertThat(older).contains("slice 25+"));
    }

    @Test
    void creditOneIsRegisteredAsACandidateWithTheLogisticRunInItsLineage() {
        ModelVersion v1 = value("v1", ModelVersion.class);
        assertThat(v1.model() + ":" + v1.version()).as("the first version (\"credit:1\")").isEqualTo("credit:1");
        assertThat(v1.stage()).as("its stage when registered (\"a candidate\")").isEqualTo(Stage.CANDIDATE);
        String logisticRun = value("runs", RunnerResult.class).leaderboard().rows().stream()
                .filter(row -> row.experiment().startsWith("logistic")).findFirst().orElseThrow().runId();
        assertThat(value("lineage", String.class)).as("the lineage (\"run, data, split, gate\")")
                .contains(logisticRun, "split", "gate");
    }

    @Test
    void theCanaryCapturedEveryRequestAndSentAFewToGreen() {
        int requests = value("requests", Table.class).rowCount();
        assertThat(requests).as("the test set's requests").isEqualTo(150);
        Map<String, Long> answered = CaptureReader.readAll(work.resolve("capture")).records().stream()
                .collect(Collectors.groupingBy(CaptureRecord::modelVariant, Collectors.counting()));
        assertThat(answered.values().stream().mapToLong(Long::longValue).sum()).as("captured requests")
                .isEqualTo(requests);
        assertThat(answered.getOrDefault("green", 0L)).as("green's answers (\"5 %% to green at first\"): %s",
                answered).isBetween(1L, 15L);
    }

    @Test
    void theMonitoringJobCutThreeWindowsOfFiftyWithTheirQuality() {
        MonitoringResult watched = value("watched", MonitoringResult.class);
        assertThat(watched.windows()).as("the report's windows (150 requests by 50)").hasSize(3);
        assertThat(watched.quality()).as("quality from the late labels").isPresent();
        assertThat(watched.quality().orElseThrow().windows()).as("quality's windows").hasSize(3);
    }

    @Test
    void theAsOfReadSaysApplicantOneWasThirtyFourInMarch() {
        Table inMarch = value("inMarch", Table.class);
        assertThat(inMarch.rowCount()).as("applicants read as of 2026-03-01").isEqualTo(1);
        assertThat(inMarch.numericColumn("age").get(0)).as("a-1's age on 2026-03-01 (\"a-1 is 34\")")
                .isEqualTo(34.0);
    }

    /** Compiles the tour, with a last block returning {@link #STATED} by name, and runs it in {@code work}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> runTheTour(Path dir) throws IOException, ReflectiveOperationException {
        List<String> returning = new ArrayList<>();
        returning.add("java.util.Map<String, Object> " + VALUES + " = new java.util.LinkedHashMap<>();");
        STATED.forEach(name -> returning.add(VALUES + ".put(\"" + name + "\", " + name + ");"));
        returning.add("return " + VALUES + ";");
        List<Snippet> blocks = new ArrayList<>(snippets);
        blocks.add(new Snippet("the values ReadmeTourTest checks", List.of(), returning));
        List<String> errors = ReadmeSnippets.compile(List.of(ReadmeSnippets.method(CLASS, SIGNATURE, blocks)), dir);
        assertThat(errors).as("javac's errors in the README's tour").isEmpty();

        Files.copy(Path.of(System.getProperty("mlops.data.dir", root.resolve("mlops-examples/src/main/resources/data")
                .toString())).resolve("credit-g.csv"), work.resolve("credit-g.csv"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
                ReadmeTourTest.class.getClassLoader())) {
            Method run = loader.loadClass(CLASS).getMethod("run", Path.class);
            try {
                return (Map<String, Object>) run.invoke(null, work);
            } catch (InvocationTargetException e) {
                throw new AssertionError("the README's tour failed on credit-g: " + e.getCause(), e.getCause());
            }
        }
    }

    private static <T> T value(String name, Class<T> type) {
        assertThat(tour.get(name)).as("the tour's variable %s", name).isInstanceOf(type);
        return type.cast(tour.get(name));
    }

    @Test
    void aBlockThatDoesNotCompileIsNamedByItsHeadingWithJavacsMessage(@TempDir Path dir) throws IOException {
        List<Snippet> broken = ReadmeSnippets.javaBlocks("""
                ```java
                import java.util.List;
                List<String> names = List.of("a");
                int n = names.size() + undefinedVariable;
                ```
                """, "A broken block");

        List<String> errors = ReadmeSnippets.compile(List.of(ReadmeSnippets.method(CLASS, SIGNATURE, broken)), dir);

        assertThat(errors).singleElement().asString()
                .startsWith("\"A broken block, java block 1\": cannot find symbol")
                .contains("undefinedVariable");
    }
}
