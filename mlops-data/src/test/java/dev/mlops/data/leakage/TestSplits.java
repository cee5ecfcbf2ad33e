package dev.mlops.data.leakage;

import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.GuaranteeReport;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.SplitSets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Splits with explicit rows, through {@link Split#of}, which checks that they are a partition. */
final class TestSplits {

    private TestSplits() {
    }

    static Split of(Table table, Map<String, int[]> sets) {
        return of(table, sets, new int[0]);
    }

    static Split of(Table table, Map<String, int[]> sets, int[] excluded) {
        SplitSets.Builder names = SplitSets.builder();
        for (String name : sets.keySet()) {
            names.add(name, 1.0 / sets.size());
        }
        Split.Builder split = Split.builder(ComponentSpec.parse("manual"), names.build(), Fingerprint.of(table),
                table.rowCount()).excluded(excluded).report(GuaranteeReport.of(Set.of()));
        sets.forEach(split::set);
        return split.build();
    }

    static Split trainTest(Table table, int[] train, int[] test) {
        Map<String, int[]> sets = new LinkedHashMap<>();
        sets.put("train", train);
        sets.put("test", test);
        return of(table, sets);
    }
}
