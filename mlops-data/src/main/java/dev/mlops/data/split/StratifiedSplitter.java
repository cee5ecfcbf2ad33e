package dev.mlops.data.split;

import dev.mlops.core.component.AbstractComponent;
import dev.mlops.core.Seed;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Splits each class of the label column (read by its {@link LabelType}) on its own: its rows are allocated to the sets
 * by the largest-remainder method (each set within one row of its exact share), and which rows
 * go where is drawn uniformly at random with the class's own seeded stream, in one pass.
 */
final class StratifiedSplitter extends AbstractComponent<StratifiedSplitterSettings> implements Splitter {
    static final String NAME = "stratified";

    private final SizePolicy sizes;
    private final String label;
    private final long seed;
    private final SmallClasses smallClasses;
    private final LabelType labelType;

    StratifiedSplitter(StratifiedSplitterSettings settings) {
        super(NAME, settings);
        this.sizes = settings.sizes();
        this.label = settings.label();
        this.seed = settings.seed();
        this.smallClasses = settings.smallClasses();
        this.labelType = settings.labelType();
    }

    @Override
    public Split split(Table table) {
        CategoricalColumn column = labelType.classes(table, label);
        int n = table.rowCount();
        SplitSets sets = sizes.setsFor(n);
        SplitSupport.requireRows(n, sets, NAME);
        int k = sets.size();
        double[] fractions = sets.fractionArray();
        List<String> levels = column.levels();
        int[] codes = codes(column, n, label);
        int[] classSize = new int[levels.size()];
        for (int code : codes) {
            classSize[code]++;
        }
        int[][] allocation = new int[levels.size()][];
        List<String> small = new ArrayList<>();
        for (int c = 0; c < levels.size(); c++) {
            if (classSize[c] > 0) {
                allocation[c] = SplitSupport.allocate(classSize[c], fractions);
                for (int count : allocation[c]) {
                    if (count == 0) {
                        small.add(levels.get(c));
                        break;
                    }
                }
            }
        }
        small.sort(null);
        if (!small.isEmpty() && smallClasses == SmallClasses.REFUSE) {
            throw smallClassError(small, levels, classSize, sets);
        }
        Seed master = Seed.of(seed);
        SplittableRandom[] randoms = new SplittableRandom[levels.size()];
        int[][] remaining = new int[levels.size()][];
        int[] remainingTotal = classSize.clone();
        Map<String, Map<String, Integer>> classCounts = new TreeMap<>();
        for (int c = 0; c < levels.size(); c++) {
            if (classSize[c] == 0) {
                continue;
            }
            randoms[c] = master.derive("stratum:" + levels.get(c)).random();
            remaining[c] = allocation[c].clone();
            Map<String, Integer> perSet = new LinkedHashMap<>();
            for (int s = 0; s < k; s++) {
                perSet.put(sets.names().get(s), allocation[c][s]);
            }
            classCounts.put(levels.get(c), perSet);
        }
        // Sequential sampling: each row of a class goes to a set with probability (rows that set
        // still needs from the class) / (rows of the class still to come), which gives every
        // assignment with the allocated counts the same chance, as a shuffle and cut would, in one
        // pass in row order. Each class draws from its own stream, named by its level, so the
        // split does not depend on the dictionary's order.
        int[] setOfRow = codes;
        for (int row = 0; row < n; row++) {
            int c = codes[row];
            int[] left = remaining[c];
            setOfRow[row] = SplitSupport.takeSeat(left, randoms[c].nextInt(remainingTotal[c]--));
        }
        int[][] rows = SplitSupport.setsOnly(SplitSupport.collect(setOfRow, k));
        SplitSupport.requireNoEmptySet(rows, sets, NAME, "every class is too small to reach every set");
        Set<Guarantee> held = small.isEmpty()
                ? EnumSet.of(Guarantee.CLASS_COUNTS_WITHIN_ONE_ROW, Guarantee.EVERY_CLASS_IN_EVERY_SET)
                : EnumSet.of(Guarantee.CLASS_COUNTS_WITHIN_ONE_ROW);
        List<String> notes = small.isEmpty() ? List.of() : List.of(small.size() + " classes too small to reach every"
                + " set were split within one row of their share without a row in every set: " + small);
        return Split.trusted(spec(), sets, Fingerprint.of(table), n, rows, new int[0],
                new GuaranteeReport(held, classCounts, small, 0, notes));
    }

    /** The label's code per row; refuses a missing label. */
    static int[] codes(CategoricalColumn column, int n, String label) {
        int[] codes = new int[n];
        for (int row = 0; row < n; row++) {
            int code = column.code(row);
            if (code == CategoricalColumn.MISSING_CODE) {
                throw new SplitException("label column '" + label + "' is missing a value at row " + row
                        + " (0-based); stratification needs a label on every row");
            }
            codes[row] = code;
        }
        return codes;
    }

    private static SmallClassException smallClassError(List<String> small, List<String> levels, int[] classSize,
            SplitSets sets) {
        double smallest = 1;
        for (double fraction : sets.fractions()) {
            smallest = Math.min(smallest, fraction);
        }
        long enough = (long) Math.ceil(1 / smallest - 1e-9);
        return new SmallClassException("cannot stratify over the " + sets.size() + " sets (" + sets + "): "
                + (small.size() == 1 ? "class " : "classes ") + SmallClassException.named(small, levels, classSize)
                + (small.size() == 1 ? " has" : " have") + " too few rows to put one in every set within one row of its share"
                + " (a class of " + enough + " rows always can); merge or drop the class, or ",
                " to split it within one row of its share and have the report list it");
    }
}
