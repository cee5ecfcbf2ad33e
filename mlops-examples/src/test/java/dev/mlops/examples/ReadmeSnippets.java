package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The README's {@code java} blocks as code the tests compile as written: a section's blocks, each
 * either a whole compilation unit or statements put into one method of a wrapper class, compiled
 * with javac against this module's test class path. A compile error names the block its line came
 * from, with javac's message and the line.
 */
final class ReadmeSnippets {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private ReadmeSnippets() {
        throw new AssertionError("no instances");
    }

    /**
     * One {@code java} block, its {@code import} lines apart.
     *
     * @param origin where it is in the README, for error messages
     * @param imports its import lines
     * @param body the other lines
     */
    record Snippet(String origin, List<String> imports, List<String> body) {
    }

    /**
     * A source file to compile and, for each of its lines, the block it came from ("" for a wrapper's lines).
     *
     * @param name the class the file declares (its file name without {@code .java})
     * @param text the source
     * @param origins one per line
     */
    record Source(String name, String text, List<String> origins) {
    }

    /** @return the repository's README.md */
    static String readme() throws IOException {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        return Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    }

    /**
     * A {@code ## } section of the README.
     *
     * @param readme the README's text
     * @param heading the section's heading without {@code ## }
     * @return the text from the heading to the next {@code ## } heading
     */
    static String section(String readme, String heading) {
        String marker = "\n## " + heading + "\n";
        int start = readme.indexOf(marker);
        assertThat(start).as("README.md has a section \"%s\"", heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + marker.length() - 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /**
     * The {@code java} blocks of a text, in order.
     *
     * @param text a section or part of one
     * @param origin what the text is, e.g. its heading; block {@code n} is named {@code "origin, java block n"}
     * @return the blocks
     */
    static List<Snippet> javaBlocks(String text, String origin) {
        List<Snippet> found = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(text);
        while (block.find()) {
            List<String> imports = new ArrayList<>();
            List<String> body = new ArrayList<>();
            for (String line : block.group(1).split("\n", -1)) {
                (line.startsWith("import ") ? imports : body).add(line);
            }
            found.add(new Snippet(origin + ", java block " + (found.size() + 1), imports, body));
        }
        return found;
    }

    /**
     * The {@code ### } subsections of a section and their {@code java} blocks.
     *
     * @param section a section, as {@link #section} gives it
     * @return each subsection's heading (without {@code ### }) and its blocks, in order
     */
    static Map<String, List<Snippet>> subsections(String section) {
        Map<String, List<Snippet>> found = new LinkedHashMap<>();
        String[] parts = section.split("\n### ");
        for (String part : Arrays.asList(parts).subList(1, parts.length)) {
            String heading = part.substring(0, part.indexOf('\n')).strip();
            found.put(heading, javaBlocks(part, heading));
        }
        return found;
    }

    /**
     * A block that is a whole compilation unit, as written.
     *
     * @param name the class the file is named after
     * @param snippet the block
     * @return its source
     */
    static Source unit(String name, Snippet snippet) {
        List<String> lines = new ArrayList<>(snippet.imports());
        lines.addAll(snippet.body());
        return new Source(name, String.join("\n", lines) + "\n", lines.stream().map(line -> snippet.origin()).toList());
    }

    /**
     * Blocks of statements, in order, as the body of one method of a wrapper class: the blocks'
     * imports (once each) above the class.
     *
     * @param name the wrapper class
     * @param signature the method's declaration up to its opening brace, e.g.
     *     {@code "public static void run(java.nio.file.Path dir) throws Exception"}
     * @param blocks the blocks
     * @return the wrapper's source
     */
    static Source method(String name, String signature, List<Snippet> blocks) {
        List<String> lines = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Snippet snippet : blocks) {
            for (String line : snippet.imports()) {
                if (seen.add(line.strip())) {
                    lines.add(line);
                    origins.add(snippet.origin());
                }
            }
        }
        for (String line : List.of("public final class " + name + " {", "    " + signature + " {")) {
            lines.add(line);
            origins.add("");
        }
        for (Snippet snippet : blocks) {
            for (String line : snippet.body()) {
                lines.add("        " + line);
                origins.add(snippet.origin());
            }
        }
        for (String line : List.of("    }", "}")) {
            lines.add(line);
            origins.add("");
        }
        return new Source(name, String.join("\n", lines) + "\n", origins);
    }

    /**
     * Compiles sources together into {@code directory/classes}.
     *
     * @param sources the files
     * @param directory a scratch directory
     * @return javac's errors, each {@code "ORIGIN": MESSAGE} and the line; empty when all compiled
     */
    static List<String> compile(List<Source> sources, Path directory) throws IOException {
        Path sourceDirectory = Files.createDirectories(directory.resolve("src"));
        Path classes = Files.createDirectories(directory.resolve("classes"));
        List<java.io.File> files = new ArrayList<>();
        for (Source source : sources) {
            Path file = sourceDirectory.resolve(source.name() + ".java");
            Files.writeString(file, source.text(), StandardCharsets.UTF_8);
            files.add(file.toFile());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", testClassPath(), "-d", classes.toString(), "-proc:none",
                    "-encoding", "UTF-8", "-Xlint:-options");
            javac.getTask(null, manager, diagnostics, options, null, manager.getJavaFileObjectsFromFiles(files)).call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(describe(d, sources));
            }
        }
        return errors;
    }

    private static String describe(Diagnostic<? extends JavaFileObject> error, List<Source> sources) {
        String file = error.getSource() == null ? "" : Path.of(error.getSource().toUri()).getFileName().toString();
        int line = (int) error.getLineNumber();
        for (Source source : sources) {
            if (file.equals(source.name() + ".java") && line >= 1 && line <= source.origins().size()) {
                String origin = source.origins().get(line - 1);
                return "\"" + (origin.isEmpty() ? "(the wrapper " + source.name() + ")" : origin) + "\": "
                        + error.getMessage(Locale.ROOT) + "\n    at: " + source.text().split("\n", -1)[line - 1].strip();
            }
        }
        return "\"" + file + "\": " + error.getMessage(Locale.ROOT);
    }

    /** The class path the tests run with: Surefire's, which names every jar and directory. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
