package dev.mlops.data.split;

import dev.mlops.core.component.AbstractComponent;
import dev.mlops.core.Seed;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Assigns whole groups (all rows sharing a group key) to sets: groups in a seeded order, largest
 * first, each to the set furthest below its target share (of its class's rows, when a label
 * stratifies the groups). When only as many groups are left as sets are still empty, each goes
 * to an empty set, so that no set stays empty once there are at least as many groups as sets.
 */
final class GroupedSplitter extends AbstractComponent<Record> implements Splitter {
    static final String NAME = "grouped";
    static final String STRATIFIED_NAME = "stratified-grouped";

    private final SizePolicy sizes;
    private final String group;
    private final @Nullable String label;
    private final long seed;
    private final LabelType labelType;

    GroupedSplitter(GroupedSplitterSettings settings) {
        this(settings, settings.sizes(), settings.group(), null, settings.seed(), LabelType.INFERRED);
    }

    GroupedSplitter(StratifiedGroupedSplitterSettings settings) {
        this(settings, settings.sizes(), settings.group(), settings.label(), settings.seed(), settings.labelType());
    }

    private GroupedSplitter(Record settings, SizePolicy sizes, String group, @Nullable String label, long seed,
            LabelType labelType) {
        super(label == null ? NAME : STRATIFIED_NAME, settings);
        this.sizes = sizes;
        this.group = group;
        this.label = label;
        this.seed = seed;
        this.labelType = labelType;
    }

    @Override
    public Split split(Table table) {
        int n = table.rowCount();
        SplitSets sets = sizes.setsFor(n);
        int k = sets.size();
        double[] fractions = sets.fractionArray();
        int[] groupOfRow = new int[n];
        int groupCount = groupIds(table.column(group), groupOfRow);
        CategoricalColumn labels = label == null ? null : labelType.classes(table, label);
        int[] codes = labels == null ? new int[n] : StratifiedSplitter.codes(labels, n, label);
        List<String> levels = labels == null ? List.of("") : labels.levels();

        int[] groupSize = new int[groupCount];
        for (int g : groupOfRow) {
            groupSize[g]++;
        }
        int present = 0;
        for (int size : groupSize) {
            if (size > 0) {
                present++;
            }
        }
        if (present < k) {
            throw new SplitException("a " + type() + " split needs at least one group per set, " + k + " groups for the"
                    + " sets " + sets.names() + ", but group column '" + group + "' has " + present + " distinct values in "
                    + n + " rows");
        }
        int[] groupClass = new int[groupCount];
        int mixed = labels == null ? 0 : majorityClasses(groupOfRow, codes, groupCount, levels, groupClass);

        int[] order = new int[present];
        int next = 0;
        for (int g = 0; g < groupCount; g++) {
            if (groupSize[g] > 0) {
                order[next++] = g;
            }
        }
        SplitSupport.shuffle(order, 0, present, Seed.of(seed).derive(type() + "-split").random());
        long[] keys = new long[present];
        for (int i = 0; i < present; i++) {
            keys[i] = ((long) (Integer.MAX_VALUE - groupSize[order[i]]) << 32) | i;
        }
        Arrays.sort(keys);

        double[][] target = new double[levels.size()][k];
        for (int g = 0; g < groupCount; g++) {
            for (int s = 0; s < k; s++) {
                target[groupClass[g]][s] += groupSize[g] * fractions[s];
            }
        }
        double[][] current = new double[levels.size()][k];
        int[] setGroups = new int[k];
        int emptySets = k;
        int[] setOfGroup = new int[groupCount];
        for (int i = 0; i < present; i++) {
            int g = order[(int) keys[i]];
            int c = groupClass[g];
            boolean onlyEmpty = present - i <= emptySets;
            int best = -1;
            for (int s = 0; s < k; s++) {
                if (onlyEmpty && setGroups[s] > 0) {
                    continue;
                }
                if (best < 0 || target[c][s] - current[c][s] > target[c][best] - current[c][best]) {
                    best = s;
                }
            }
            setOfGroup[g] = best;
            current[c][best] += groupSize[g];
            if (setGroups[best]++ == 0) {
                emptySets--;
            }
        }

        int[] setOfRow = new int[n];
        for (int row = 0; row < n; row++) {
            setOfRow[row] = setOfGroup[groupOfRow[row]];
        }
        int[][] rows = SplitSupport.setsOnly(SplitSupport.collect(setOfRow, k));
        Map<String, Map<String, Integer>> classCounts = new TreeMap<>();
        if (labels != null) {
            int[][] counts = new int[levels.size()][k];
            for (int row = 0; row < n; row++) {
                counts[codes[row]][setOfRow[row]]++;
            }
            for (int c = 0; c < levels.size(); c++) {
                Map<String, Integer> perSet = new LinkedHashMap<>();
                int total = 0;
                for (int s = 0; s < k; s++) {
                    perSet.put(sets.names().get(s), counts[c][s]);
                    total += counts[c][s];
                }
                if (total > 0) {
                    classCounts.put(levels.get(c), perSet);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        StringBuilder achieved = new StringBuilder("achieved fractions with whole groups:");
        for (int s = 0; s < k; s++) {
            achieved.append(s == 0 ? " " : ", ").append(sets.names().get(s)).append(' ')
                    .append(String.format(Locale.ROOT, "%.4f", rows[s].length / (double) n));
        }
        notes.add(achieved + " (" + present + " groups)");
        if (mixed > 0) {
            notes.add(mixed + " groups hold more than one class; each was stratified by its most frequent class"
                    + " (ties: the first by name)");
        }
        return Split.trusted(spec(), sets, Fingerprint.of(table), n, rows, new int[0],
                new GuaranteeReport(EnumSet.of(Guarantee.GROUPS_INTACT), classCounts, List.of(), 0, notes));
    }

    /**
     * Fills each row's group id and returns the number of ids. Ids follow the keys' natural order
     * (levels and text by {@link String#compareTo}, numbers by {@link Double#compare}), so the split
     * does not depend on a categorical dictionary's order. A missing key is refused.
     */
    private int groupIds(Column column, int[] groupOfRow) {
        int n = groupOfRow.length;
        for (int row = 0; row < n; row++) {
            if (column.isMissing(row)) {
                throw new SplitException("group column '" + group + "' is missing a value at row " + row
                        + " (0-based); a grouped split needs a group key on every row");
            }
        }
        switch (column.type()) {
            case CATEGORICAL -> {
                CategoricalColumn categorical = (CategoricalColumn) column;
                List<String> levels = categorical.levels();
                Integer[] byName = new Integer[levels.size()];
                for (int i = 0; i < byName.length; i++) {
                    byName[i] = i;
                }
                Arrays.sort(byName, (a, b) -> levels.get(a).compareTo(levels.get(b)));
                int[] rank = new int[levels.size()];
                for (int i = 0; i < byName.length; i++) {
                    rank[byName[i]] = i;
                }
                for (int row = 0; row < n; row++) {
                    groupOfRow[row] = rank[categorical.code(row)];
                }
                return levels.size();
            }
            case TEXT -> {
                TextColumn text = (TextColumn) column;
                Map<String, Integer> ids = new HashMap<>();
                for (int row = 0; row < n; row++) {
                    groupOfRow[row] = ids.computeIfAbsent(text.get(row), key -> ids.size());
                }
                String[] distinct = ids.keySet().toArray(new String[0]);
                Arrays.sort(distinct);
                int[] rank = new int[distinct.length];
                for (int i = 0; i < distinct.length; i++) {
                    rank[ids.get(distinct[i])] = i;
                }
                return remap(groupOfRow, rank);
            }
            case NUMERIC -> {
                NumericColumn numeric = (NumericColumn) column;
                Map<Long, Integer> ids = new HashMap<>();
                for (int row = 0; row < n; row++) {
                    groupOfRow[row] = ids.computeIfAbsent(Double.doubleToLongBits(numeric.get(row)), key -> ids.size());
                }
                long[] distinct = new long[ids.size()];
                int i = 0;
                for (long bits : ids.keySet()) {
                    distinct[i++] = bits;
                }
                double[] values = new double[distinct.length];
                for (int j = 0; j < distinct.length; j++) {
                    values[j] = Double.longBitsToDouble(distinct[j]);
                }
                Arrays.sort(values);
                int[] rank = new int[values.length];
                for (int j = 0; j < values.length; j++) {
                    rank[ids.get(Double.doubleToLongBits(values[j]))] = j;
                }
                return remap(groupOfRow, rank);
            }
            default -> throw new SplitException("group column '" + group + "' is " + column.type()
                    + "; a group key must be a CATEGORICAL, TEXT or NUMERIC column");
        }
    }

    private static int remap(int[] groupOfRow, int[] rank) {
        for (int row = 0; row < groupOfRow.length; row++) {
            groupOfRow[row] = rank[groupOfRow[row]];
        }
        return rank.length;
    }

    /** Gives each group its most frequent class (ties: the first by name); returns how many groups are mixed. */
    private static int majorityClasses(int[] groupOfRow, int[] codes, int groupCount, List<String> levels,
            int[] groupClass) {
        Map<Long, Integer> pairCounts = new HashMap<>();
        for (int row = 0; row < groupOfRow.length; row++) {
            pairCounts.merge(((long) groupOfRow[row] << 32) | codes[row], 1, Integer::sum);
        }
        int[] bestCount = new int[groupCount];
        int[] classesSeen = new int[groupCount];
        Arrays.fill(groupClass, -1);
        long[] pairs = new long[pairCounts.size()];
        int i = 0;
        for (long pair : pairCounts.keySet()) {
            pairs[i++] = pair;
        }
        Arrays.sort(pairs);
        for (long pair : pairs) {
            int g = (int) (pair >>> 32);
            int c = (int) pair;
            int count = pairCounts.get(pair);
            classesSeen[g]++;
            if (count > bestCount[g] || count == bestCount[g] && levels.get(c).compareTo(levels.get(groupClass[g])) < 0) {
                bestCount[g] = count;
                groupClass[g] = c;
            }
        }
        int mixed = 0;
        for (int g = 0; g < groupCount; g++) {
            if (groupClass[g] < 0) {
                groupClass[g] = 0;
            }
            if (classesSeen[g] > 1) {
                mixed++;
            }
        }
        return mixed;
    }
}
