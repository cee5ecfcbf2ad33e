package dev.mlops.examples.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.Splitter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's splitter as a first-class one: its split is saved and reproduced from
 * {@code split.json} alone, the splitter found by {@link ComponentRegistry#defaults()} through its
 * {@code META-INF/services} entry.
 */
class PluginWorkflowTest {
    @TempDir
    Path directory;

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
    void theRegistryBuildsTheUsersSplitterFromASpecString() {
        ComponentRegistry registry = ComponentRegistry.defaults();

        assertThat(registry.create(Splitter.class, "hash(group=customer, testShare=0.2)"))
                .isEqualTo(new HashSplitter("customer", 0.2));
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
