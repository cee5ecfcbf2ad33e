package dev.mlops.train;

import dev.mlops.data.split.Split;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tribuo.MutableDataset;
import org.tribuo.Output;

/**
 * A split of a Tribuo dataset: the {@link Split} artifact (set names, example positions, seed,
 * splitter, guarantee report; save it beside the model with {@link Split#save}) and one
 * {@link MutableDataset} per set.
 *
 * <p>The map is unmodifiable and in the split's set order; the datasets themselves are Tribuo's
 * mutable datasets, each the caller's own (see {@link TribuoSplits} for what they hold). Not
 * thread-safe beyond what {@link MutableDataset} is.
 *
 * @param <T> the output type, such as {@code Label}
 * @param split the split, whose rows are positions in the original dataset
 * @param sets each set's dataset, keyed by set name in split order, unmodifiable
 */
public record TribuoSplit<T extends Output<T>>(Split split, Map<String, MutableDataset<T>> sets) {

    /**
     * Validates that there is one dataset per set of the split, of the set's size.
     *
     * @param split the split, whose rows are positions in the original dataset
     * @param sets each set's dataset, keyed by set name in split order, unmodifiable
     * @throws IllegalArgumentException if the names differ from the split's or a size differs
     */
    public TribuoSplit {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(sets, "sets");
        List<String> names = split.setNames();
        if (!sets.keySet().equals(Set.copyOf(names))) {
            throw new IllegalArgumentException("sets must be keyed by the split's set names " + names + " but were "
                    + sets.keySet());
        }
        Map<String, MutableDataset<T>> ordered = new LinkedHashMap<>();
        for (String name : names) {
            MutableDataset<T> dataset = Objects.requireNonNull(sets.get(name), name);
            if (dataset.size() != split.size(name)) {
                throw new IllegalArgumentException("set '" + name + "' must hold " + split.size(name)
                        + " examples but held " + dataset.size());
            }
            ordered.put(name, dataset);
        }
        sets = Collections.unmodifiableMap(ordered);
    }

    /**
     * Returns one set's dataset.
     *
     * @param name the set's name, such as {@code "train"}
     * @return its dataset
     * @throws IllegalArgumentException if there is no such set; the message lists the names
     */
    public MutableDataset<T> set(String name) {
        MutableDataset<T> dataset = sets.get(Objects.requireNonNull(name, "name"));
        if (dataset == null) {
            throw new IllegalArgumentException("no set named '" + name + "'; the sets are " + split.setNames());
        }
        return dataset;
    }
}
