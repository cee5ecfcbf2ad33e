package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.examples.ReadmeSnippets.Snippet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The API pages' overview ({@code src/main/javadoc/overview.html}) shows the README's tour: under
 * each {@code <h2>} of its "A tour in code", one {@code <pre>{@code ...}</pre>} block that is the
 * README's block of that heading without its {@code import} lines. {@link ReadmeTourTest}
 * compiles and runs the README's blocks, so the overview's are compiled code too, with every
 * variable declared.
 */
class OverviewTourTest {
    private static final Pattern BLOCK = Pattern.compile("<h2>(.*?)</h2>\\s*<pre>\\{@code\\n(.*?)\\n}</pre>",
            Pattern.DOTALL);

    @Test
    void theOverviewsTourIsTheReadmesBlocksWithoutTheirImports() throws IOException {
        Map<String, String> overview = overviewTour();
        Map<String, String> readme = new LinkedHashMap<>();
        ReadmeSnippets.subsections(ReadmeSnippets.section(ReadmeSnippets.readme(), ReadmeTourTest.TOUR))
                .forEach((heading, blocks) -> readme.put(heading, body(blocks)));

        assertThat(overview.keySet()).as("the overview's tour headings").containsExactlyElementsOf(readme.keySet());
        overview.forEach((heading, code) -> assertThat(code).as("the overview's block \"%s\"", heading)
                .isEqualTo(readme.get(heading)));
    }

    @Test
    void aBlockIsReadAsJavadocShowsIt() {
        Map<String, String> blocks = blocks("""
                <h2>Generics &amp; more</h2>
                <pre>{@code
                List<String> names = List.of("a &lt; b");
                }</pre>
                """);

        assertThat(blocks).containsExactly(Map.entry("Generics & more", "List<String> names = List.of(\"a < b\");"));
    }

    /** The overview's tour: each heading and its code, as javadoc shows them. */
    private static Map<String, String> overviewTour() throws IOException {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        String html = Files.readString(root.resolve("src/main/javadoc/overview.html"), StandardCharsets.UTF_8);
        int start = html.indexOf("<h1>A tour in code</h1>");
        assertThat(start).as("overview.html has a section \"A tour in code\"").isNotNegative();
        int end = html.indexOf("<h1>", start + 1);
        return blocks(html.substring(start, end < 0 ? html.length() : end));
    }

    private static Map<String, String> blocks(String html) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher block = BLOCK.matcher(html);
        while (block.find()) {
            found.put(unescape(block.group(1).strip()), unescape(block.group(2)));
        }
        return found;
    }

    /** The text of HTML with the entities a javadoc page may use in it. */
    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&#64;", "@").replace("&ndash;", "\u2013")
                .replace("&amp;", "&");
    }

    /** A heading's blocks' code lines without imports, without blank lines at either end. */
    private static String body(List<Snippet> blocks) {
        List<String> lines = new ArrayList<>();
        blocks.forEach(snippet -> lines.addAll(snippet.body()));
        return String.join("\n", lines).strip();
    }
}
