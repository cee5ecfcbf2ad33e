package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
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
    private static final String TOUR = "## A five-minute tour in code";
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final String CLASS = "ReadmeTour";

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
    private static List<Snippet> snippets;

    /** One {@code java} block of the tour under its {@code ###} heading. */
    record Snippet(String heading, List<String> imports, List<String> statements) { }

    /** The wrapper's source and, for each of its lines, the heading of the block it came from ("" for the wrapper). */
    record Source(String text, List<String> origins) { }

    @BeforeAll
    static void readTheTour() throws IOException {
        root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        snippets = snippets(readme);
    }

    /** The tour's blocks: the text from its heading to the next {@code ## } heading, cut at each {@code ###}. */
    static List<Snippet> snippets(String readme) {
        int start = readme.indexOf("\n" + TOUR + "\n");
        assertThat(start).as("README.md has a section \"%s\"", TOUR.substring(3)).isNotNegative();
        int end = readme.indexOf("\n## ", start + TOUR.length() + 1);
        String[] sections = readme.substring(start, end < 0 ? readme.length() : end).split("\n### ");
        List<Snippet> found = new ArrayList<>();
        for (String section : Arrays.asList(sections).subList(1, sections.length)) {
            String heading = section.substring(0, section.indexOf('\n')).strip();
            Matcher block = JAVA_BLOCK.matcher(section);
            while (block.find()) {
                List<String> imports = new ArrayList<>();
                List<String> statements = new ArrayList<>();
                for (String line : block.group(1).split("\n", -1)) {
                    (line.startsWith("import ") ? imports : statements).add(line);
                }
                found.add(new Snippet(heading, imports, statements));
            }
        }
        return found;
    }

    /** The one class the blocks make, in order, with each line's block. */
    static Source wrap(List<Snippet> blocks) {
        List<String> lines = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Snippet snippet : blocks) {
            for (String line : snippet.imports()) {
                if (seen.add(line.strip())) {
                    lines.add(line);
                    origins.add(snippet.heading());
                }
            }
        }
        lines.add("public final class " + CLASS + " {");
        origins.add("");
        lines.add("    /** @param dir a working directory holding credit-g.csv: the one variable the tour assumes */");
        origins.add("");
        lines.add("    public static void run(java.nio.file.Path dir) throws Exception {");
        origins.add("");
        for (Snippet snippet : blocks) {
            for (String line : snippet.statements()) {
                lines.add("        " + line);
                origins.add(snippet.heading());
            }
        }
        lines.add("    }");
        origins.add("");
        lines.add("}");
        origins.add("");
        return new Source(String.join("\n", lines) + "\n", origins);
    }

    /** Compiles the wrapper into {@code classes}; the errors, each named by its block's heading. */
    static List<String> compile(Source source, Path sources, Path classes) throws IOException {
        Path file = sources.resolve(CLASS + ".java");
        Files.createDirectories(sources);
        Files.createDirectories(classes);
        Files.writeString(file, source.text(), StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", testClassPath(), "-d", classes.toString(), "-proc:none",
                    "-encoding", "UTF-8", "-Xlint:-options");
            javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file.toFile())).call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                int line = (int) d.getLineNumber();
                String origin = line >= 1 && line <= source.origins().size() ? source.origins().get(line - 1) : "";
                String text = line >= 1 && line <= source.origins().size() ? source.text().split("\n", -1)[line - 1].strip()
                        : "";
                errors.add("\"" + (origin.isEmpty() ? "(the wrapper)" : origin) + "\": " + d.getMessage(Locale.ROOT)
                        + "\n    at: " + text);
            }
        }
        return errors;
    }

    /** The classpath the tests run with: Surefire's, which names every jar and directory. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    @Test
    void theTourHasOneBlockPerPracticeOfTheGuideInOrder() {
        assertThat(snippets).extracting(Snippet::heading).containsExactlyElementsOf(PRACTICES);
        assertThat(snippets).allSatisfy(snippet -> assertThat(snippet.statements().stream()
                .filter(line -> !line.isBlank()).count()).as("lines of code in \"%s\"", snippet.heading())
                .isBetween(3L, 14L));
    }

    @Test
    void everyBlockCompilesAndTheTourRunsOnCreditGWritingWhatItSays(@TempDir Path dir)
            throws IOException, ReflectiveOperationException {
        List<String> errors = compile(wrap(snippets), dir.resolve("src"), dir.resolve("classes"));
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
        Snippet broken = new Snippet("A broken block", List.of("import java.util.List;"),
                List.of("List<String> names = List.of(\"a\");", "int n = names.size() + undefinedVariable;"));

        List<String> errors = compile(wrap(List.of(broken)), dir.resolve("src"), dir.resolve("classes"));

        assertThat(errors).singleElement().asString()
                .startsWith("\"A broken block\": cannot find symbol")
                .contains("undefinedVariable");
    }
}
