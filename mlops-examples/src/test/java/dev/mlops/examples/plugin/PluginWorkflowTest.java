package dev.mlops.examples.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckReport;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.check.Checks;
import dev.mlops.data.check.Verdict;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.Splitter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's components as first-class ones: the check is saved in a JSON suite and rebuilt from
 * it, the splitter's split is saved and reproduced from {@code split.json} alone, both found by
 * {@link ComponentRegistry#defaults()} through their {@code META-INF/services} entry.
 */
class PluginWorkflowTest {
    static final Path CREDIT = Path.of("src/main/resources/data/credit-g.csv");

    @TempDir
    Path directory;

    static CheckSuite suite() {
        return CheckSuite.builder("credit-g")
                .add(Checks.completeness("age").atLeast(1.0))
                .add(new WholeNumberCheck("age", Severity.ERROR))
                .add(new WholeNumberCheck("duration", Severity.WARNING))
                .build();
    }

    @Test
    void aSuiteHoldingTheUsersCheckIsSavedAndLoadedBack() throws Exception {
        Path file = directory.resolve("suite.json");
        suite().save(file);

        String json = Files.readString(file, StandardCharsets.UTF_8);
        CheckSuite loaded = CheckSuite.load(file);

        assertThat(json).contains("\"type\": \"whole-number\"", "\"column\": \"duration\"", "\"severity\": \"warning\"");
        assertThat(loaded.checks()).isEqualTo(suite().checks());
        assertThat(loaded.run(CsvFormat.defaults().read(CREDIT)).passed()).isTrue();
    }

    @Test
    void theUsersCheckFindsARowThatIsNotAWholeNumber() throws Exception {
        Path copy = directory.resolve("credit-modified.csv");
        String text = Files.readString(CREDIT, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        int age = java.util.Arrays.asList(lines[0].split(",")).indexOf("age");
        String[] cells = lines[5].split(",", -1);
        cells[age] = "33.5";
        lines[5] = String.join(",", cells);
        Files.writeString(copy, String.join("\n", lines), StandardCharsets.UTF_8);

        CheckReport report = CheckSuite.load(save(suite())).run(CsvFormat.defaults().read(copy));

        assertThat(report.passed()).isFalse();
        assertThat(report.results().get(1).verdict()).isEqualTo(Verdict.FAILED);
        assertThat(report.results().get(1).sample()).singleElement()
                .satisfies(row -> assertThat(row.row()).as("0-based row of line 6").isEqualTo(4))
                .satisfies(row -> assertThat(row.value()).isEqualTo("33.5"));
        assertThat(report.results().get(1).spec()).isEqualTo(new WholeNumberCheck("age", Severity.ERROR).spec());
    }

    @Test
    void aSplitByTheUsersSplitterIsReproducedFromSplitJsonAlone() {
        Table customers = customers();
        Split split = new HashSplitter("customer", 0.25).split(customers);
        Path file = directory.resolve("split.json");
        split.save(file);

        Split loaded = Split.load(file);
        Splitter rebuilt = loaded.splitter(ComponentRegistry.defaults());

        assertThat(loaded.splitter().toString()).isEqualTo("hash(group=customer, testShare=0.25)");
        assertThat(rebuilt).isEqualTo(new HashSplitter("customer", 0.25));
        assertThat(rebuilt.split(customers)).isEqualTo(split).isEqualTo(loaded);
    }

    @Test
    void theRegistryBuildsTheUsersComponentsFromSpecStrings() {
        ComponentRegistry registry = ComponentRegistry.defaults();

        assertThat(registry.create(Splitter.class, "hash(group=customer, testShare=0.2)"))
                .isEqualTo(new HashSplitter("customer", 0.2));
        assertThat(registry.create(dev.mlops.data.check.Check.class, "whole-number(column=age)"))
                .isEqualTo(new WholeNumberCheck("age", Severity.ERROR));
    }

    private Path save(CheckSuite suite) {
        Path file = directory.resolve("saved-suite.json");
        suite.save(file);
        return file;
    }

    /** 400 orders of 100 customers. */
    static Table customers() {
        CategoricalColumn.Builder customer = CategoricalColumn.builder("customer");
        NumericColumn.Builder amount = NumericColumn.builder("amount");
        for (int row = 0; row < 400; row++) {
            customer.add("c" + (row * 37 % 100));
            amount.add(row % 17 * 10.0);
        }
        return Table.of(customer.build(), amount.build());
    }
}
