package dev.mlops.train;

import dev.mlops.data.split.ItemKeys;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.SplitException;
import dev.mlops.data.split.Splitter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;

/**
 * Splits a Tribuo {@link Dataset} with any {@link Splitter}: random, stratified by label,
 * grouped by a metadata value, or temporal by a metadata timestamp, with the keys from
 * {@link TribuoKeys}.
 *
 * <pre>{@code
 * TribuoSplit<Label> split = TribuoSplits.split(dataset,
 *         Splitters.stratified(SizePolicy.guide(), TribuoKeys.LABEL, 42), TribuoKeys.label());
 * Model<Label> model = trainer.train(split.set("train"));
 * split.split().save(Path.of("split.json"));
 * }</pre>
 *
 * <p>What each set's dataset holds:
 * <ul>
 *   <li><b>Examples</b>: copies ({@link Example#copy()}, features, weight and metadata), in the
 *       original dataset's order, so that a dataset's in-place operations
 *       ({@link MutableDataset#densify()}, {@link MutableDataset#transform}) change neither the
 *       original dataset nor another set.</li>
 *   <li><b>Provenance</b>: the original dataset's source provenance
 *       ({@link Dataset#getSourceProvenance()}), so a model trained on a set records where its data
 *       came from; the original dataset's own transformations are not repeated in it.</li>
 *   <li><b>Output factory</b>: the original's ({@link Dataset#getOutputFactory()}). The feature
 *       and output maps are each set's own, built from its examples.</li>
 * </ul>
 *
 * <p>The {@link Split}'s rows are the examples' 0-based positions in the dataset's iteration
 * order at the time of the split (a later {@link Dataset#shuffle} changes that order) and its
 * fingerprint is that of the key table ({@link ItemKeys#table}), not of the features.
 * Stateless and thread-safe; a dataset must not be modified while it is split.
 */
public final class TribuoSplits {

    private TribuoSplits() {
        throw new AssertionError("no instances");
    }

    /**
     * Splits a dataset.
     *
     * @param <T> the output type, such as {@code Label}
     * @param dataset the dataset
     * @param splitter the splitter; the columns it reads must be among the keys'
     * @param keys the key columns the splitter reads, taken from each example
     * @return the split and one dataset per set
     * @throws SplitException if the splitter's guarantee cannot hold (an empty dataset, a class
     *     too small to stratify, a missing label, group or time); the message names the column
     *     and the example's position
     * @throws dev.mlops.core.SchemaException if the splitter reads a column the keys lack
     */
    public static <T extends Output<T>> TribuoSplit<T> split(Dataset<T> dataset, Splitter splitter,
            ItemKeys<Example<T>> keys) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(splitter, "splitter");
        Objects.requireNonNull(keys, "keys");
        List<Example<T>> examples = dataset.getData();
        return apply(dataset, examples, splitter.split(examples, keys));
    }

    /**
     * Applies a split made earlier (for example one {@link Split#load loaded} beside a model) to
     * the same dataset, in the same order.
     *
     * @param <T> the output type
     * @param dataset the dataset that was split
     * @param split the split
     * @return the split and one dataset per set
     * @throws IllegalArgumentException if the dataset's size differs from the split's row count
     */
    public static <T extends Output<T>> TribuoSplit<T> apply(Dataset<T> dataset, Split split) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(split, "split");
        return apply(dataset, dataset.getData(), split);
    }

    private static <T extends Output<T>> TribuoSplit<T> apply(Dataset<T> dataset, List<Example<T>> examples,
            Split split) {
        if (examples.size() != split.rowCount()) {
            throw new IllegalArgumentException("dataset has " + examples.size() + " examples but the split was made for "
                    + split.rowCount() + " rows");
        }
        Map<String, MutableDataset<T>> sets = new LinkedHashMap<>();
        for (String name : split.setNames()) {
            MutableDataset<T> set = new MutableDataset<>(dataset.getSourceProvenance(), dataset.getOutputFactory());
            for (int row : split.rows(name)) {
                set.add(examples.get(row).copy());
            }
            sets.put(name, set);
        }
        return new TribuoSplit<>(split, sets);
    }
}
