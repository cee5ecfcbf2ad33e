package dev.mlops.data.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.profile.DatasetProfile;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A column named with a newline and far past the readable width appears in every distribution
 * and cardinality check's message cut, with its length stated and the newline escaped (issue 16
 * item 12), so that one hostile header cannot flood a report.
 */
class ReadableColumnNamesTest {
    private static final String NUMERIC = "amount\n" + "n".repeat(200);
    private static final String CATEGORICAL = "purpose\n" + "c".repeat(200);

    private static final Table TABLE = Table.of(NumericColumn.of(NUMERIC, 1, 2, 3, 4, 5, 6),
            CategoricalColumn.of(CATEGORICAL, "a", "b", "a", "b", "a", "c"));
    private static final Table REFERENCE = Table.of(NumericColumn.of(NUMERIC, 2, 3, 4, 5, 6, 7),
            CategoricalColumn.of(CATEGORICAL, "a", "b", "b", "b", "a", "c"));

    static Stream<Check> checks() {
        return Stream.of(Checks.ks(NUMERIC), Checks.meanShift(NUMERIC), Checks.psi(NUMERIC), Checks.psi(CATEGORICAL),
                Checks.chiSquare(CATEGORICAL), Checks.cardinality(CATEGORICAL, 1, 2), Checks.ks("absent\n" + "x".repeat(90)));
    }

    @ParameterizedTest
    @MethodSource("checks")
    void aLongNameWithANewlineIsCutAndEscaped(Check check) {
        CheckResult result = check.run(TABLE, CheckContext.defaults().withReference(DatasetProfile.of(REFERENCE)));

        assertThat(result.message()).doesNotContain("\n").doesNotContain("n".repeat(60)).doesNotContain("c".repeat(60))
                .doesNotContain("x".repeat(60)).contains(" characters)").containsAnyOf("amount\\n", "purpose\\n", "absent\\n");
        assertThat(List.of(result.message().length())).allMatch(length -> length < 1_000);
    }
}
