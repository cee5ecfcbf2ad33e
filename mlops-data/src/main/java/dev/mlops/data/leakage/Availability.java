package dev.mlops.data.leakage;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.leakage.LeakageCheck.SetIndex;
import java.util.ArrayList;
import java.util.List;

/** Flags feature values that became known after the row's prediction time. */
final class Availability {
    static final String CHECK = "feature-availability";

    private Availability() {
        throw new AssertionError("no instances");
    }

    static Finding check(Table table, String feature, String knownAtColumn, String predictionTimeColumn, SetIndex sets,
            int sampleSize) {
        Column value = table.column(feature);
        TimestampColumn knownAt = table.timestampColumn(knownAtColumn);
        TimestampColumn predictionTime = table.timestampColumn(predictionTimeColumn);
        int leaks = 0;
        int unjudged = 0;
        List<Example> examples = new ArrayList<>();
        for (int row : sets.rows()) {
            if (value.isMissing(row)) {
                continue;
            }
            if (knownAt.isMissing(row) || predictionTime.isMissing(row)) {
                unjudged++;
                continue;
            }
            long known = knownAt.epochSecond(row);
            long predicted = predictionTime.epochSecond(row);
            if (known > predicted || known == predicted && knownAt.nano(row) > predictionTime.nano(row)) {
                leaks++;
                if (examples.size() < sampleSize) {
                    examples.add(new Example(feature + "=" + value.format(row) + " known at " + knownAt.format(row)
                            + ", predicted at " + predictionTime.format(row), List.of(sets.at(row)), 1));
                }
            }
        }
        String unjudgedNote = unjudged == 0 ? "" : "; " + unjudged + " row" + DuplicateChecks.plural(unjudged)
                + " with a missing '" + knownAtColumn + "' or '" + predictionTimeColumn + "' not judged";
        if (leaks == 0) {
            return new Finding(CHECK, Severity.INFO, "feature '" + feature + "': every value was known ('" + knownAtColumn
                    + "') by the prediction time ('" + predictionTimeColumn + "')" + unjudgedNote, 0, 0, List.of());
        }
        return new Finding(CHECK, Severity.ERROR, "feature '" + feature + "': " + leaks + " row" + DuplicateChecks.plural(leaks)
                + (leaks == 1 ? " holds" : " hold") + " a value known ('" + knownAtColumn + "') after the prediction time ('" + predictionTimeColumn
                + "')" + unjudgedNote, leaks, 0, examples);
    }
}
