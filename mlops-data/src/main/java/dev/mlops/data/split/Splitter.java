package dev.mlops.data.split;

import dev.mlops.core.component.Component;
import dev.mlops.core.table.Table;
import java.util.List;

/**
 * Splits the rows of a table into named sets with a named guarantee.
 *
 * <p>The contract, which {@code dev.mlops.testkit.SplitterContract} checks for any
 * implementation: the same splitter and table give the same {@link Split} (a seeded splitter
 * draws only from its seed); the sets are disjoint and, with the rows a temporal gap excludes,
 * cover every row exactly once; no set is empty; every guarantee the {@link GuaranteeReport}
 * lists holds. When a guarantee cannot hold (too few rows, a class too small to stratify, a
 * missing label) the splitter throws a {@link SplitException} that names the problem, unless
 * the caller opted into a fallback, which the report then states; the split records the
 * splitter's {@link #spec()}, from which a {@link dev.mlops.core.component.ComponentRegistry}
 * rebuilds it ({@link Split#splitter(dev.mlops.core.component.ComponentRegistry)}). A splitter is
 * a {@link Component}: immutable, thread-safe, and equal to another of the same type and
 * settings. Built-in splitters come from {@link Splitters}.
 */
public interface Splitter extends Component {

    /**
     * Splits a table's rows.
     *
     * @param table the table; the columns the splitter reads (label, group, time) must exist
     * @return the split, with the table's fingerprint
     * @throws SplitException if the guarantee cannot hold for this table
     * @throws dev.mlops.core.SchemaException if a column the splitter reads is absent or of the
     *     wrong type
     */
    Split split(Table table);

    /**
     * Splits a list: its items become the rows of a table of the key columns {@code keys}
     * extracts (for example the label a stratified splitter reads), which is then split.
     * {@link Split#set(List, String)} gives back each set's items.
     *
     * @param <T> the items' type
     * @param items the items, in a stable order
     * @param keys the columns the splitter reads, taken from each item
     * @return the split; its fingerprint is that of the key table ({@link ItemKeys#table})
     * @throws SplitException if the guarantee cannot hold for these items
     */
    default <T> Split split(List<T> items, ItemKeys<T> keys) {
        return split(keys.table(items));
    }
}
