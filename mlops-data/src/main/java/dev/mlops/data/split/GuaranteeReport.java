package dev.mlops.data.split;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a {@link Split} promises and what it measured: the guarantees that held, the count of each
 * class in each set (for the splitters that read a label), the classes an opt-in fallback left
 * out of some set, and the rows a temporal gap removed.
 *
 * @param held the guarantees that hold for the split, unmodifiable
 * @param classCounts class, then set name, to the class's count in that set; classes sorted by
 *     name, sets in split order; empty when the splitter reads no label
 * @param classesNotInEverySet classes that the small-class fallback allocated without a row in
 *     every set, sorted; empty when the fallback was off or not needed
 * @param removedByGap how many rows a temporal gap removed (the split's excluded rows)
 * @param notes remarks in plain English, such as groups holding more than one class
 */
public record GuaranteeReport(Set<Guarantee> held, Map<String, Map<String, Integer>> classCounts,
        List<String> classesNotInEverySet, int removedByGap, List<String> notes) {

    /**
     * Validates the report and makes its collections unmodifiable.
     *
     * @param held the guarantees that hold for the split, unmodifiable
     * @param classCounts class, then set name, to the class's count in that set; classes sorted by
     *     name, sets in split order; empty when the splitter reads no label
     * @param classesNotInEverySet classes that the small-class fallback allocated without a row in
     *     every set, sorted; empty when the fallback was off or not needed
     * @param removedByGap how many rows a temporal gap removed (the split's excluded rows)
     * @param notes remarks in plain English, such as groups holding more than one class
     * @throws IllegalArgumentException if {@code removedByGap} is negative
     */
    public GuaranteeReport {
        held = held.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(held));
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        classCounts.forEach((label, perSet) -> counts.put(label, Collections.unmodifiableMap(new LinkedHashMap<>(perSet))));
        classCounts = Collections.unmodifiableMap(counts);
        classesNotInEverySet = List.copyOf(classesNotInEverySet);
        notes = List.copyOf(notes);
        if (removedByGap < 0) {
            throw new IllegalArgumentException("removedByGap must not be negative but was " + removedByGap);
        }
    }

    /**
     * Returns a report of guarantees only.
     *
     * @param held the guarantees that hold
     * @return a report without class counts, fallbacks, gap or notes
     */
    public static GuaranteeReport of(Set<Guarantee> held) {
        return new GuaranteeReport(held, Map.of(), List.of(), 0, List.of());
    }

    /**
     * Tells whether a guarantee holds.
     *
     * @param guarantee the guarantee
     * @return true if the report lists it
     */
    public boolean holds(Guarantee guarantee) {
        return held.contains(Objects.requireNonNull(guarantee, "guarantee"));
    }
}
