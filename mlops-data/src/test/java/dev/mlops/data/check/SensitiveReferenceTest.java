package dev.mlops.data.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.RowBuilder;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.profile.DatasetProfile;
import org.junit.jupiter.api.Test;

/** Checks against a reference read back from JSON take the sketch path for its sensitive columns. */
class SensitiveReferenceTest {
    private static final Schema SCHEMA = Schema.of(Field.sensitive("salary", ColumnType.NUMERIC),
            Field.sensitive("grade", ColumnType.CATEGORICAL));

    private static Table rows(int n, double shift) {
        RowBuilder builder = Table.rowBuilder(SCHEMA);
        for (int i = 0; i < n; i++) {
            builder.addRow(shift + i % 97, "g" + i % 4);
        }
        return builder.build();
    }

    private static CheckContext loadedReference() {
        String json = DatasetProfile.of(rows(2_000, 0)).toJson();
        return CheckContext.defaults().withReference(DatasetProfile.fromJson(json, "reference.json"));
    }

    @Test
    void ksRunsFromTheKllSketchAndSaysItIsApproximate() {
        CheckResult result = Checks.ks("salary").run(rows(300, 0), loadedReference());

        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.message()).contains("KLL sketch", "approximate within");
    }

    @Test
    void chiSquareRefusesASensitiveColumnAndSaysWhy() {
        CheckResult result = Checks.chiSquare("grade").run(rows(300, 0), loadedReference());

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.measured()).isNaN();
        assertThat(result.message()).contains("column 'grade' is sensitive", "sketch-only", "psi");
    }
}
