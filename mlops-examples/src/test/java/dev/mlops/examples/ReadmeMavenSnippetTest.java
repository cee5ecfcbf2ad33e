package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The README's "Using a module from Maven" snippet works as written on Maven 3.8: it sets the
 * release, imports the BOM, and pins the compiler and Surefire plugins to the versions this build
 * uses (Maven 3.8's defaults, compiler 3.1 and Surefire 2.12.4, ignore the release and run no
 * JUnit 5 test). Both files are parsed as XML; nothing is downloaded.
 */
class ReadmeMavenSnippetTest {
    private static final Pattern SECTION = Pattern.compile("## Using a module from Maven\\n(.*?)\\n## ", Pattern.DOTALL);
    private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);

    private static final String PLUGINS = path("project", "build", "plugins", "plugin");
    private static final String MANAGED = path("project", "dependencyManagement", "dependencies", "dependency");
    private static final String DEPENDENCIES = path("project", "dependencies", "dependency");

    private static Document snippet;
    private static Document parent;
    private static Document bom;

    @BeforeAll
    static void parse() throws IOException, ParserConfigurationException, SAXException {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        Matcher section = SECTION.matcher(readme);
        assertThat(section.find()).as("README.md has a section \"Using a module from Maven\"").isTrue();
        Matcher xml = XML_BLOCK.matcher(section.group(1));
        assertThat(xml.find()).as("that section has an xml block").isTrue();
        // the snippet is a fragment of a user's pom: wrap it in a root element to parse it
        snippet = xml("<project>" + xml.group(1) + "</project>");
        parent = xml(Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8));
        bom = xml(Files.readString(root.resolve("mlops-bom/pom.xml"), StandardCharsets.UTF_8));
    }

    private static Document xml(String text) throws ParserConfigurationException, SAXException, IOException {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    /** The trimmed text at an XPath, or "" when nothing is there. */
    private static String text(Document document, String xpath) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(xpath, document).strip();
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("bad XPath " + xpath, e);
        }
    }

    /** An XPath through the named elements, whatever their namespace (a pom has one, the snippet none). */
    private static String path(String... elements) {
        return Arrays.stream(elements).map(element -> "/*[local-name()='" + element + "']").collect(Collectors.joining());
    }

    /** The element of the given artifactId among the elements at the path. */
    private static String withArtifactId(String path, String artifactId) {
        return path + "[*[local-name()='artifactId']='" + artifactId + "']";
    }

    private static String property(String name) {
        return path("project", "properties", name);
    }

    @Test
    void pinsTheCompilerPluginToTheBuildsVersion() {
        assertThat(text(snippet, withArtifactId(PLUGINS, "maven-compiler-plugin") + path("version")))
                .isNotEmpty()
                .isEqualTo(text(parent, property("compiler-plugin.version")));
    }

    @Test
    void pinsTheSurefirePluginToTheBuildsVersion() {
        assertThat(text(snippet, withArtifactId(PLUGINS, "maven-surefire-plugin") + path("version")))
                .isNotEmpty()
                .isEqualTo(text(parent, property("surefire-plugin.version")));
    }

    @Test
    void setsTheReleaseAndTheEncoding() {
        assertThat(text(snippet, property("maven.compiler.release")))
                .isEqualTo(text(parent, property("maven.compiler.release")))
                .isEqualTo("17");
        assertThat(text(snippet, property("project.build.sourceEncoding"))).isEqualTo("UTF-8");
    }

    @Test
    void importsTheBomOfThisVersion() {
        String bomImport = withArtifactId(MANAGED, "mlops-bom");
        assertThat(text(snippet, bomImport + path("groupId"))).isEqualTo("dev.mlops");
        assertThat(text(snippet, bomImport + path("version"))).isEqualTo(text(parent, path("project", "version")));
        assertThat(text(snippet, bomImport + path("type"))).isEqualTo("pom");
        assertThat(text(snippet, bomImport + path("scope"))).isEqualTo("import");
    }

    @Test
    void dependsOnModulesTheBomManagesWithoutVersions() {
        int count = Integer.parseInt(text(snippet, "count(" + DEPENDENCIES + ")"));
        assertThat(count).as("dependencies in the snippet").isPositive();
        for (int i = 1; i <= count; i++) {
            String dependency = "(" + DEPENDENCIES + ")[" + i + "]";
            String artifactId = text(snippet, dependency + path("artifactId"));
            assertThat(text(bom, withArtifactId(MANAGED, artifactId) + path("groupId")))
                    .as("mlops-bom manages %s", artifactId)
                    .isEqualTo(text(snippet, dependency + path("groupId")));
            assertThat(text(snippet, dependency + path("version"))).as("version of %s (the BOM gives it)", artifactId)
                    .isEmpty();
        }
    }
}
