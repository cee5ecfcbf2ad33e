package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.split.Guarantee;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.Splitter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks a {@link Split} against the table it was made from: that it is a partition, and that
 * every guarantee its report lists holds. Every failure message starts with {@code context}
 * (which names the seed and size of the case).
 */
final class SplitChecks {
    private static final double TOLERANCE = 1e-9;
    private static final ComponentRegistry REGISTRY = ComponentRegistry.defaults();

    private SplitChecks() {
    }

    /** The sets are disjoint, ascending, non-empty and, with the excluded rows, cover every row once. */
    static void isPartition(Split split, Table table, String context) {
        assertThat(split.rowCount()).as("%s: row count", context).isEqualTo(table.rowCount());
        assertThat(split.setNames()).as("%s: set names", context).isEqualTo(split.sets().names());
        int[] owner = new int[table.rowCount()];
        java.util.Arrays.fill(owner, -1);
        List<String> names = split.setNames();
        for (int s = 0; s <= names.size(); s++) {
            int[] rows = s < names.size() ? split.rows(names.get(s)) : split.excludedRows();
            String what = s < names.size() ? "set '" + names.get(s) + "'" : "the excluded rows";
            if (s < names.size()) {
                assertThat(rows).as("%s: %s must not be empty: %s", context, what, split).isNotEmpty();
                assertThat(split.size(names.get(s))).as("%s: size of %s", context, what).isEqualTo(rows.length);
            }
            int previous = -1;
            for (int row : rows) {
                assertThat(row).as("%s: rows of %s ascend and lie in [0, %s)", context, what, table.rowCount())
                        .isGreaterThan(previous).isLessThan(table.rowCount());
                assertThat(owner[row]).as("%s: row %s of %s is also in set %s", context, row, what, owner[row]).isEqualTo(-1);
                owner[row] = s;
                previous = row;
            }
        }
        for (int row = 0; row < owner.length; row++) {
            assertThat(owner[row]).as("%s: row %s is in no set and not excluded", context, row).isNotEqualTo(-1);
        }
        assertThat(split.excludedRows().length).as("%s: excluded rows against the report's removedByGap", context)
                .isEqualTo(split.report().removedByGap());
        assertThat(split.fingerprint()).as("%s: fingerprint", context).isEqualTo(Fingerprint.of(table));
    }

    /** Every guarantee the report lists holds on the table. */
    static void guaranteesHold(Split split, Table table, String context) {
        for (Guarantee guarantee : split.report().held()) {
            switch (guarantee) {
                case SET_SIZES_WITHIN_ONE_ROW -> setSizesWithinOneRow(split, context);
                case CLASS_COUNTS_WITHIN_ONE_ROW -> classCountsWithinOneRow(split, table, context);
                case EVERY_CLASS_IN_EVERY_SET -> everyClassInEverySet(split, table, context);
                case GROUPS_INTACT -> groupsIntact(split, table, context);
                case TIME_ORDERED -> timeOrdered(split, table, context);
            }
        }
        for (String small : split.report().classesNotInEverySet()) {
            assertThat(split.report().held()).as("%s: class '%s' is not in every set", context, small)
                    .doesNotContain(Guarantee.EVERY_CLASS_IN_EVERY_SET);
        }
    }

    private static void setSizesWithinOneRow(Split split, String context) {
        for (int s = 0; s < split.setNames().size(); s++) {
            double exact = split.rowCount() * split.sets().fractions().get(s);
            assertThat((double) split.size(split.setNames().get(s)))
                    .as("%s: size of set '%s' against %s rows × %s", context, split.setNames().get(s), split.rowCount(),
                            split.sets().fractions().get(s))
                    .isBetween(exact - 1 - TOLERANCE, exact + 1 + TOLERANCE);
        }
    }

    /**
     * The splitter's typed settings, rebuilt from the split's recorded spec: the spec must name a
     * registered type whose settings implement {@code type}.
     */
    private static <T> T settings(Split split, Class<T> type, String context) {
        Splitter splitter = split.splitter(REGISTRY);
        assertThat(splitter.settings()).as("%s: the settings of %s name the column the guarantees are about", context,
                split.splitter()).isInstanceOf(type);
        return type.cast(splitter.settings());
    }

    /**
     * Class → per-set counts, by the label column the settings name, its classes read by the
     * settings' label type (each distinct value of a numeric label is a class under
     * {@code labelType=categorical}).
     */
    private static Map<String, int[]> classCounts(Split split, Table table, String context) {
        Guarantee.LabelColumn settings = settings(split, Guarantee.LabelColumn.class, context);
        CategoricalColumn column = settings.labelType().classes(table, settings.label());
        Map<String, int[]> counts = new HashMap<>();
        List<String> names = split.setNames();
        for (int s = 0; s < names.size(); s++) {
            for (int row : split.rows(names.get(s))) {
                counts.computeIfAbsent(column.get(row), key -> new int[names.size()])[s]++;
            }
        }
        return counts;
    }

    private static void classCountsWithinOneRow(Split split, Table table, String context) {
        Map<String, int[]> counts = classCounts(split, table, context);
        counts.forEach((level, perSet) -> {
            int total = 0;
            for (int count : perSet) {
                total += count;
            }
            for (int s = 0; s < perSet.length; s++) {
                double exact = total * split.sets().fractions().get(s);
                assertThat((double) perSet[s])
                        .as("%s: class '%s' (%s rows) in set '%s'", context, level, total, split.setNames().get(s))
                        .isBetween(exact - 1 - TOLERANCE, exact + 1 + TOLERANCE);
            }
            if (split.report().classCounts().containsKey(level)) {
                assertThat(split.report().classCounts().get(level).values()).as("%s: reported counts of class '%s'",
                        context, level).containsExactly(java.util.Arrays.stream(perSet).boxed().toArray(Integer[]::new));
            }
        });
    }

    private static void everyClassInEverySet(Split split, Table table, String context) {
        classCounts(split, table, context).forEach((level, perSet) -> {
            for (int s = 0; s < perSet.length; s++) {
                assertThat(perSet[s]).as("%s: class '%s' in set '%s'", context, level, split.setNames().get(s)).isPositive();
            }
        });
    }

    private static void groupsIntact(Split split, Table table, String context) {
        String group = settings(split, Guarantee.GroupColumn.class, context).group();
        Column column = table.column(group);
        Map<String, String> setOfGroup = new HashMap<>();
        for (String set : split.setNames()) {
            for (int row : split.rows(set)) {
                String key = column.format(row);
                @Nullable String previous = setOfGroup.putIfAbsent(key, set);
                assertThat(previous == null ? set : previous).as("%s: group '%s' of column '%s'", context, key, group)
                        .isEqualTo(set);
            }
        }
    }

    private static void timeOrdered(Split split, Table table, String context) {
        Guarantee.TimeColumn settings = settings(split, Guarantee.TimeColumn.class, context);
        String time = settings.time();
        Duration gap = settings.gap();
        TimestampColumn column = table.timestampColumn(time);
        @Nullable Instant latestEarlier = null;
        @Nullable String earlierSet = null;
        for (String set : split.setNames()) {
            @Nullable Instant earliest = null;
            @Nullable Instant latest = null;
            for (int row : split.rows(set)) {
                Instant instant = column.get(row);
                earliest = earliest == null || instant.isBefore(earliest) ? instant : earliest;
                latest = latest == null || instant.isAfter(latest) ? instant : latest;
            }
            if (latestEarlier != null && earliest != null) {
                assertThat(earliest).as("%s: earliest time of set '%s' against the latest of '%s' plus the gap %s",
                        context, set, earlierSet, gap).isAfter(latestEarlier.plus(gap));
            }
            if (latest != null) {
                latestEarlier = latest;
                earlierSet = set;
            }
        }
    }
}
