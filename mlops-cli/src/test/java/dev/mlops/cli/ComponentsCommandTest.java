package dev.mlops.cli;

import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --plugins DIR}, {@code MLOPS_PLUGINS} and {@code mlops components}, with a real plugin jar. */
class ComponentsCommandTest {
    @TempDir
    static Path shared;

    static Path plugins;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildPlugin() throws IOException {
        plugins = shared.resolve("plugins");
        PluginJar.build(shared.resolve("work"), plugins.resolve("hello-plugin.jar"));
    }

    @Nested
    class ListsThePlugin {
        @Test
        void withPluginsBeforeTheSubcommand() {
            CliRun run = mlops("--plugins", plugins.toString(), "components");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).contains("Greeting (example.plugin.Greeting)");
            assertThat(run.out()).containsPattern("\\n  hello +\\(greeting, times\\) +greets a name, again and again\\n");
            assertThat(run.err()).isEmpty();
        }

        @Test
        void withPluginsAfterTheSubcommand() {
            CliRun run = mlops("components", "--plugins", plugins.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).containsPattern("\\n  hello +\\(greeting, times\\)");
        }

        @Test
        void fromTheEnvironmentVariableWhenTheOptionIsAbsent() {
            CliRun run = mlops(Map.of(Plugins.ENVIRONMENT, plugins.toString()), "components");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).containsPattern("\\n  hello +\\(greeting, times\\)");
        }

        @Test
        void theOptionWinsOverTheEnvironmentVariable() throws IOException {
            Path empty = Files.createDirectories(dir.resolve("empty"));

            CliRun run = mlops(Map.of(Plugins.ENVIRONMENT, empty.toString()), "components", "--plugins",
                    plugins.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).containsPattern("\\n  hello +\\(greeting, times\\)");
        }

        @Test
        void aBlankEnvironmentVariableNamesNoDirectory() {
            CliRun run = mlops(Map.of(Plugins.ENVIRONMENT, " "), "components");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).doesNotContain("hello");
        }

        @Test
        void withoutPluginsItIsNotThere() {
            CliRun run = mlops("components");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).doesNotContain("hello", "Greeting");
        }

        @Test
        void asJson() throws IOException {
            CliRun run = mlops("--plugins", plugins.toString(), "components", "--json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode document = new ObjectMapper().readTree(run.out());
            assertThat(document.get("kind").asText()).isEqualTo("components");
            assertThat(document.get("formatVersion").asInt()).isEqualTo(1);
            JsonNode hello = null;
            for (JsonNode component : document.get("components")) {
                if (component.get("name").asText().equals("hello")) {
                    hello = component;
                }
            }
            assertThat(hello).as(run.out()).isNotNull();
            assertThat(hello.get("kind").asText()).isEqualTo("example.plugin.Greeting");
            assertThat(hello.get("settings")).hasSize(2);
            assertThat(hello.get("settings").get(0).asText()).isEqualTo("greeting");
            assertThat(hello.get("settings").get(1).asText()).isEqualTo("times");
            assertThat(hello.get("description").asText()).isEqualTo("greets a name, again and again");
            assertThat(run.out()).endsWith("}\n");
        }
    }

    @Nested
    class Kind {
        @Test
        void bySimpleNameInAnyCase() {
            CliRun run = mlops("--plugins", plugins.toString(), "components", "--kind", "greeting");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).containsExactly("Greeting (example.plugin.Greeting)",
                    "  hello  (greeting, times)  greets a name, again and again");
        }

        @Test
        void byFullName() {
            CliRun run = mlops("--plugins", plugins.toString(), "components", "--kind", "example.plugin.Greeting",
                    "--json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("\"name\": \"hello\"");
        }

        @Test
        void anUnknownKindIsAUsageErrorNamingTheKinds() {
            CliRun run = mlops("--plugins", plugins.toString(), "components", "--kind", "Greeter");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--kind Greeter: no component type of that kind; the kinds are: ")
                    .contains("Greeting");
        }
    }

    @Nested
    class BadPlugins {
        @Test
        void aMissingDirectory() {
            Path missing = dir.resolve("nope");

            CliRun run = mlops("--plugins", missing.toString(), "components");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: the plugin directory does not exist (--plugins " + missing + ")\n");
        }

        @Test
        void aMissingDirectoryFailsEveryCommandNotOnlyComponents() throws IOException {
            Path data = Files.writeString(dir.resolve("a.csv"), "x\n1\n", StandardCharsets.UTF_8);
            Path missing = dir.resolve("nope");

            CliRun run = mlops(Map.of(Plugins.ENVIRONMENT, missing.toString()), "schema", data.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: the plugin directory does not exist (MLOPS_PLUGINS=" + missing
                    + ")\n");
            assertThat(run.out()).isEmpty();
        }

        @Test
        void helpNeedsNoPlugins() {
            CliRun run = mlops("--plugins", dir.resolve("nope").toString(), "components", "--help");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Usage: mlops components", "--kind=KIND", "--plugins=DIR");
        }

        @ParameterizedTest
        @ValueSource(strings = {"--help", "--version", "help"})
        void neitherDoTheHelpAndTheVersion(String help) {
            CliRun run = mlops(Map.of(Plugins.ENVIRONMENT, dir.resolve("nope").toString()), help);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).isEmpty();
        }

        @Test
        void aFileInsteadOfADirectory() throws IOException {
            Path file = Files.writeString(dir.resolve("plugin.jar"), "x", StandardCharsets.UTF_8);

            CliRun run = mlops("--plugins", file.toString(), "components");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: the plugin directory is not a directory (--plugins " + file
                    + ")\n");
        }

        @Test
        void aDirectoryWithoutJarsIsAnError() throws IOException {
            Path empty = Files.createDirectories(dir.resolve("empty"));
            Files.writeString(empty.resolve("README.txt"), "no jar here", StandardCharsets.UTF_8);

            CliRun run = mlops("--plugins", empty.toString(), "components");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: the plugin directory holds no *.jar file (--plugins " + empty
                    + ")\n");
        }

        @Test
        void aBrokenJarIsNamed() throws IOException {
            Path broken = Files.createDirectories(dir.resolve("broken"));
            Path jar = Files.writeString(broken.resolve("broken.jar"), "not a zip", StandardCharsets.UTF_8);

            CliRun run = mlops("--plugins", broken.toString(), "components");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: the plugin jar " + jar + " cannot be read as a jar: ")
                    .doesNotContain("Exception", "\tat ");
        }

        @Test
        void aServiceEntryNamingNoClassNamesTheJarAndTheClass() throws IOException {
            Path jar = PluginJar.build(dir.resolve("work"), dir.resolve("bad/bad-plugin.jar"), "example.plugin.Missing");

            CliRun run = mlops("--plugins", jar.getParent().toString(), "components");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: the plugin jar " + jar + " lists example.plugin.Missing: ")
                    .contains("example.plugin.Missing not found")
                    .doesNotContain("\tat ");
            assertThat(run.err().lines()).hasSize(1);
        }

        @Test
        void aServiceEntryOfAnotherTypeNamesTheJarAndTheClass() throws IOException {
            Path jar = PluginJar.build(dir.resolve("work"), dir.resolve("bad/bad-plugin.jar"), "example.plugin.Greeting");

            CliRun run = mlops("--plugins", jar.getParent().toString(), "components");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: the plugin jar " + jar + " lists example.plugin.Greeting: ");
        }

        @Test
        void verboseAddsTheStackTrace() throws IOException {
            Path jar = PluginJar.build(dir.resolve("work"), dir.resolve("bad/bad-plugin.jar"), "example.plugin.Missing");

            CliRun run = mlops("--plugins", jar.getParent().toString(), "components", "--verbose");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("ComponentException", "\tat ");
        }
    }
}
