package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.report.Severity;
import dev.mlops.data.check.Check;
import dev.mlops.examples.ReadmeSnippets.Snippet;
import dev.mlops.examples.ReadmeSnippets.Source;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Plug in your own" is real code: its three {@code java} blocks — the abridged
 * {@code InstalmentCheck}, the contract tests, and the use of the components — compile as written
 * against this module's test class path, together, the first as the file {@code InstalmentCheck.java},
 * the second as a file of package-private test classes, the third as the body of one method. The
 * sketch's type then builds the check from the README's own spec, whose unset settings take their
 * defaults.
 */
class ReadmePlugInSectionTest {
    private static final String SECTION = "Plug in your own";

    private static List<Snippet> blocks;

    @BeforeAll
    static void readTheSection() throws IOException {
        blocks = ReadmeSnippets.javaBlocks(ReadmeSnippets.section(ReadmeSnippets.readme(), SECTION), SECTION);
    }

    private static List<Source> sources() {
        return List.of(ReadmeSnippets.unit("InstalmentCheck", blocks.get(0)),
                ReadmeSnippets.unit("ContractTests", blocks.get(1)),
                ReadmeSnippets.method("PlugInUse", "public static void run() throws Exception", List.of(blocks.get(2))));
    }

    @Test
    void theSectionHasTheCheckTheContractTestsAndTheirUse() {
        assertThat(blocks).hasSize(3);
        assertThat(String.join("\n", blocks.get(0).body())).contains("public record InstalmentCheck(",
                "public record Settings(", "public static final class Type extends ComponentType<Check, Settings>");
        assertThat(String.join("\n", blocks.get(1).body())).contains("extends CheckContract",
                "extends DriftDetectorContract", "extends ExperimentContract");
    }

    @Test
    void everyBlockCompilesAsWritten(@TempDir Path dir) throws IOException {
        assertThat(ReadmeSnippets.compile(sources(), dir)).as("javac's errors in the README's \"%s\"", SECTION)
                .isEmpty();
    }

    @Test
    void theSketchBuildsTheCheckFromTheReadmesSpecWithDefaults(@TempDir Path dir) throws Exception {
        assertThat(ReadmeSnippets.compile(sources(), dir)).isEmpty();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
                getClass().getClassLoader())) {
            ComponentType<?, ?> type = (ComponentType<?, ?>) loader.loadClass("InstalmentCheck$Type")
                    .getConstructor().newInstance();
            Check check = ComponentRegistry.of(List.of(type))
                    .create(Check.class, "instalment(amount=credit_amount, months=duration, max=2500)");

            assertThat(check).hasToString("InstalmentCheck[amount=credit_amount, months=duration, min=0.0, max=2500.0,"
                    + " mostly=1.0, severity=" + Severity.ERROR + "]");
        }
    }

    @Test
    void aBlockThatDoesNotCompileIsNamedWithJavacsMessage(@TempDir Path dir) throws IOException {
        Snippet broken = new Snippet("A broken block", List.of("import java.util.List;"),
                List.of("List<String> names = List.of(\"a\");", "int n = names.size() + undefinedVariable;"));

        List<String> errors = ReadmeSnippets.compile(List.of(ReadmeSnippets.method("Broken",
                "static void run()", List.of(broken))), dir);

        assertThat(errors).singleElement().asString().startsWith("\"A broken block\": cannot find symbol")
                .contains("undefinedVariable");
    }
}
