package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.examples.ReadmeSnippets.Snippet;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 */
class ReadmeTourTest {
    private static final String TOUR = "A five-minute tour in code";
    private static final String CLASS = "ReadmeTour";
    private static final String SIGNATURE = "public static void run(java.nio.file.Path dir) throws Exception";

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

    @BeforeAll
    static void readTheTour() throws IOException {
        root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        headings = new ArrayList<>();
        snippets = new ArrayList<>();
        String[] parts = ReadmeSnippets.section(ReadmeSnippets.readme(), TOUR).split("\n### ");
        for (String part : Arrays.asList(parts).subList(1, parts.length)) {
            String heading = part.substring(0, part.indexOf('\n')).strip();
            for (Snippet snippet : ReadmeSnippets.javaBlocks(part, heading)) {
                headings.add(heading);
                snippets.add(snippet);
            }
        }
    }

    @Test
    void theTourHasOneBlockPerPracticeOfTheGuideInOrder() {
        assertThat(headings).containsExactlyElementsOf(PRACTICES);
        assertThat(snippets).allSatisfy(snippet -> assertThat(snippet.body().stream()
                .filter(line -> !line.isBlank()).count()).as("lines of code in \"%s\"", snippet.origin())
                .isBetween(3L, 14L));
    }

    @Test
    void everyBlockCompilesAndTheTourRunsOnCreditGWritingWhatItSays(@TempDir Path dir)
            throws IOException, ReflectiveOperationException {
        List<String> errors = ReadmeSnippets.compile(List.of(ReadmeSnippets.method(CLASS, SIGNATURE, snippets)), dir);
        assertThat(errors).as("javac's errors in the README's tour").isEmpty();

        Path work = Files.createDirectories(dir.resolve("work"));
        Files.copy(Path.of(System.getProperty("mlops.data.dir", root.resolve("mlops-examples/src/main/resources/data")
                .toString())).resolve("credit-g.csv"), work.resolve("credit-g.csv"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
                ReadmeTourTest.class.getClassLoader())) {
            Method run = loader.loadClass(CLASS).getMethod("run", Path.class);
            try {
                run.invoke(null, work);
            } catch (InvocationTargetException e) {
                throw new AssertionError("the README's tour failed on credit-g: " + e.getCause(), e.getCause());
            }
        }
        try (var written = Files.walk(work)) {
            List<String> files = written.map(p -> work.relativize(p).toString().replace(File.separatorChar, '/'))
                    .collect(Collectors.toList());
            assertThat(files).as("what the tour wrote").contains("mlops.db", "split.json", "suite.json",
                    "report/report.html");
        }
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
