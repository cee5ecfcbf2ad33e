package dev.mlops.data.leakage;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.core.text.ReadableText;
import dev.mlops.data.leakage.LeakageCheck.SetIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The checks built on groups of equal keys: exact duplicates, shared ids and near-duplicates. */
final class DuplicateChecks {
    static final String EXACT = "exact-duplicates";
    static final String SHARED_IDS = "shared-ids";
    static final String NEAR = "near-duplicates";

    private DuplicateChecks() {
        throw new AssertionError("no instances");
    }

    static Finding exact(Table table, List<String> columns, SetIndex sets, int sampleSize) {
        RowKey key = RowKey.exact(table, columns);
        int crossRows = 0;
        int crossGroups = 0;
        int withinRows = 0;
        Set<String> involved = new TreeSet<>();
        List<Example> examples = new ArrayList<>();
        for (int[] group : KeyGroups.find(key, sets.rows())) {
            if (!spansSets(group, sets)) {
                withinRows += group.length - 1;
                continue;
            }
            crossRows += group.length;
            crossGroups++;
            for (int row : group) {
                involved.add(sets.nameOf(row));
            }
            if (examples.size() < sampleSize) {
                examples.add(example(key.describe(group[0]), group, sets, sampleSize));
            }
        }
        String over = "over " + columns.size() + " column" + (columns.size() == 1 ? "" : "s") + " " + names(columns);
        String within = withinRows == 0 ? "" : String.format(Locale.ROOT,
                "; %d row%s repeat%s a row of %s own set, which is not leakage", withinRows, plural(withinRows),
                withinRows == 1 ? "s" : "", withinRows == 1 ? "its" : "their");
        if (crossRows == 0) {
            return new Finding(EXACT, Severity.INFO, "no row equals a row of another set " + over + within, 0, 0,
                    List.of());
        }
        String message = String.format(Locale.ROOT, "%d rows in %d group%s of equal rows span sets %s, %s%s",
                crossRows, crossGroups, plural(crossGroups), String.join(" and ", involved), over, within);
        return new Finding(EXACT, Severity.ERROR, message, crossRows, 0, examples);
    }

    static Finding sharedIds(Table table, String idColumn, SetIndex sets, int sampleSize) {
        Column id = table.column(idColumn);
        RowKey key = RowKey.exact(table, List.of(idColumn));
        int[] present = new int[sets.rows().length];
        int count = 0;
        for (int row : sets.rows()) {
            if (!id.isMissing(row)) {
                present[count++] = row;
            }
        }
        int missing = sets.rows().length - count;
        int shared = 0;
        List<Example> examples = new ArrayList<>();
        for (int[] group : KeyGroups.find(key, Arrays.copyOf(present, count))) {
            if (!spansSets(group, sets)) {
                continue;
            }
            shared++;
            if (examples.size() < sampleSize) {
                examples.add(example(key.describe(group[0]), group, sets, sampleSize));
            }
        }
        String missingNote = missing == 0 ? "" : "; " + missing + " row" + plural(missing) + " with a missing id "
                + (missing == 1 ? "was" : "were") + " not compared";
        if (shared == 0) {
            return new Finding(SHARED_IDS, Severity.INFO, "no value of id column '" + ReadableText.name(idColumn) + "' is in more than one set"
                    + missingNote, 0, 0, List.of());
        }
        return new Finding(SHARED_IDS, Severity.ERROR, shared + " value" + plural(shared) + " of id column '" + ReadableText.name(idColumn)
                + "' " + (shared == 1 ? "is" : "are") + " in more than one set" + missingNote, shared, 0, examples);
    }

    static Finding near(Table table, NearDuplicates method, SetIndex sets, int sampleSize) {
        RowKey normalized = RowKey.normalized(table, method.columns(), method.significantDigits());
        RowKey exact = RowKey.exact(table, method.columns());
        int rows = 0;
        int groups = 0;
        List<Example> examples = new ArrayList<>();
        for (int[] group : KeyGroups.find(normalized, sets.rows())) {
            int flagged = 0;
            for (int row : group) {
                for (int other : group) {
                    if (sets.setOf()[row] != sets.setOf()[other] && !exact.same(row, other)) {
                        flagged++;
                        break;
                    }
                }
            }
            if (flagged == 0) {
                continue;
            }
            rows += flagged;
            groups++;
            if (examples.size() < sampleSize) {
                Set<String> variants = new LinkedHashSet<>();
                for (int row : group) {
                    if (variants.size() == 3) {
                        break;
                    }
                    variants.add(normalized.describe(row));
                }
                examples.add(example(String.join(" | ", variants), group, sets, sampleSize));
            }
        }
        String how = "by " + method.method() + " over " + names(method.columns());
        if (rows == 0) {
            return new Finding(NEAR, Severity.INFO, "no row nearly equals a row of another set " + how, 0, 0, List.of());
        }
        String message = String.format(Locale.ROOT, "%d row%s in %d group%s nearly equal%s a row of another set "
                + "without equalling it exactly, %s", rows, plural(rows), groups, plural(groups), rows == 1 ? "s" : "",
                how);
        return new Finding(NEAR, Severity.WARNING, message, rows, 0, examples);
    }

    private static boolean spansSets(int[] group, SetIndex sets) {
        int first = sets.setOf()[group[0]];
        for (int row : group) {
            if (sets.setOf()[row] != first) {
                return true;
            }
        }
        return false;
    }

    /** @return the column names as people read them, such as {@code [x, city]} */
    private static String names(List<String> columns) {
        return columns.stream().map(ReadableText::name).toList().toString();
    }

    private static Example example(String detail, int[] group, SetIndex sets, int sampleSize) {
        List<SetRow> rows = new ArrayList<>(Math.min(group.length, sampleSize));
        for (int i = 0; i < group.length && i < sampleSize; i++) {
            rows.add(sets.at(group[i]));
        }
        return new Example(detail, rows, group.length);
    }

    static String plural(long count) {
        return count == 1 ? "" : "s";
    }
}
