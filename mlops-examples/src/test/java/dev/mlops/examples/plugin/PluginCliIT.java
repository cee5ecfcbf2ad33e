package dev.mlops.examples.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.split.Split;
import dev.mlops.examples.MlopsProcess;
import dev.mlops.examples.extension.PluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's splitter, packed in a jar of their own ({@link PluginJar}: its classes and its
 * {@code META-INF/services} entry), used from the real {@code mlops.jar} with {@code --plugins DIR}.
 * The user's check, experiment and drift detector are run from the command in
 * {@code dev.mlops.examples.extension.ExtensionCliIT}.
 */
class PluginCliIT {
    @TempDir
    static Path shared;

    static Path plugins;

    @BeforeAll
    static void packThePlugin() throws Exception {
        plugins = Files.createDirectories(shared.resolve("plugins"));
        PluginJar.write(plugins.resolve("team-components.jar"), HashSplitter.class);
    }

    @Test
    void theUsersSplitterSplitsFromTheCommandLine() throws Exception {
        Path customers = shared.resolve("customers.csv");
        CsvFormat.defaults().write(PluginWorkflowTest.customers(), customers);
        Path out = shared.resolve("splits");

        MlopsProcess.Result result = MlopsProcess.run(shared, "split", customers.toString(), "--out", out.toString(),
                "--splitter", "hash(group=customer, testShare=0.25)", "--plugins", plugins.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Split.load(out.resolve("split.json")).splitter().toString())
                .isEqualTo("hash(group=customer, testShare=0.25)");
        assertThat(out.resolve("train.csv")).isRegularFile();
        assertThat(out.resolve("test.csv")).isRegularFile();
    }

    @Test
    void withoutThePluginTheSplitterIsRefusedNamingTheType() throws Exception {
        Path customers = shared.resolve("customers-unplugged.csv");
        CsvFormat.defaults().write(PluginWorkflowTest.customers(), customers);

        MlopsProcess.Result result = MlopsProcess.run(shared, "split", customers.toString(), "--out",
                shared.resolve("unplugged").toString(), "--splitter", "hash(group=customer, testShare=0.25)");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("'hash'", "--plugins").doesNotContain("Exception");
    }

    @Test
    void theComponentsCommandListsTheUsersSplitter() throws Exception {
        MlopsProcess.Result result = MlopsProcess.run(shared, "components", "--plugins", plugins.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("\\n  hash +\\(group, testShare\\) +test when the hash");
    }
}
