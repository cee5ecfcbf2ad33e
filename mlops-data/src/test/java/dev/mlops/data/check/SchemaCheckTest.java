package dev.mlops.data.check;

import static dev.mlops.data.check.CheckFixtures.CONTEXT;
import static dev.mlops.data.check.CheckFixtures.PEOPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.CsvFormat;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SchemaCheck}: columns, types, nullability, extra columns and order. */
class SchemaCheckTest {
    private static final Schema PEOPLE_SCHEMA = PEOPLE.schema();

    @Test
    void passesOnTheSameSchema() {
        CheckResult result = Checks.schema(PEOPLE_SCHEMA).run(PEOPLE, CONTEXT);
        assertThat(result.passed()).isTrue();
        assertThat(result.measured()).isZero();
        assertThat(result.message()).isEqualTo("schema: the schema is as expected (threshold <= 0)");
        assertThat(result.columns()).containsExactly("age", "city", "email");
    }

    @Test
    void namesEveryDifference() {
        Schema expected = Schema.of(Field.of("age", ColumnType.CATEGORICAL), Field.of("city", ColumnType.CATEGORICAL),
                Field.of("income", ColumnType.NUMERIC));
        CheckResult result = Checks.schema(expected).run(PEOPLE, CONTEXT);
        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.measured()).isEqualTo(3);
        assertThat(result.message()).contains("column 'age' is NUMERIC, expected CATEGORICAL",
                "column 'income' (NUMERIC) is missing", "column 'email' (3, TEXT) is not expected");
    }

    @Test
    void extraColumnsMayBeAllowed() {
        Schema expected = Schema.of(Field.of("age", ColumnType.NUMERIC));
        assertThat(Checks.schema(expected).run(PEOPLE, CONTEXT).passed()).isFalse();
        assertThat(Checks.schema(expected).allowingExtraColumns().run(PEOPLE, CONTEXT).passed()).isTrue();
    }

    @Test
    void aNonNullableColumnMustHaveNoMissingValue() {
        CheckResult result = Checks.schema(PEOPLE_SCHEMA).notNull("age", "city").run(PEOPLE, CONTEXT);
        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains("column 'city' must not be null but has 1 missing value")
                .doesNotContain("'age' must not");
        assertThatThrownBy(() -> Checks.schema(PEOPLE_SCHEMA).notNull("income"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not expected columns: [income]");
    }

    @Test
    void orderMattersOnlyWhenAsked() {
        Schema reversed = Schema.of(Field.of("email", ColumnType.TEXT), Field.of("city", ColumnType.CATEGORICAL),
                Field.of("age", ColumnType.NUMERIC));
        assertThat(Checks.schema(reversed).run(PEOPLE, CONTEXT).passed()).isTrue();
        CheckResult ordered = Checks.schema(reversed).inOrder().run(PEOPLE, CONTEXT);
        assertThat(ordered.passed()).isFalse();
        assertThat(ordered.message()).contains("columns come in the order [age, city, email], expected [email, city, age]");
    }

    @Test
    void anEmptyTableIsJudgedOnItsSchemaButNotItsNullability() {
        assertThat(Checks.schema(PEOPLE_SCHEMA).run(PEOPLE.head(0), CONTEXT).passed()).isTrue();
        assertThat(Checks.schema(PEOPLE_SCHEMA).notNull("age").run(PEOPLE.head(0), CONTEXT).verdict())
                .isEqualTo(Verdict.NO_DATA);
    }

    @Test
    void aHeaderOnlyFileSaysItHasNoRowsInsteadOfTypeMismatches() {
        Table headerOnly = CsvFormat.defaults().read(
                new ByteArrayInputStream("age,city,email\n".getBytes(StandardCharsets.UTF_8)), "header.csv");

        CheckResult result = Checks.schema(PEOPLE_SCHEMA).run(headerOnly, CONTEXT);

        assertThat(result.verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(result.message()).isEqualTo("schema: no data: the table has no rows to show its columns' types"
                + " (the names are as expected)");
    }

    @Test
    void anEmptyTableStillFailsOnMissingOrExtraColumns() {
        Table headerOnly = CsvFormat.defaults().read(
                new ByteArrayInputStream("age,town\n".getBytes(StandardCharsets.UTF_8)), "header.csv");

        CheckResult result = Checks.schema(PEOPLE_SCHEMA).run(headerOnly, CONTEXT);

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.message()).isEqualTo("schema: 3 differences: column 'city' (CATEGORICAL) is missing; "
                + "column 'email' (TEXT) is missing; column 'town' (2, CATEGORICAL) is not expected; the table has no "
                + "rows to show its columns' types (threshold <= 0)");
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new SchemaCheck(List.of(), false, false, Severity.ERROR))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a schema check must expect at least one column");
        ExpectedColumn age = new ExpectedColumn("age", ColumnType.NUMERIC, true);
        assertThatThrownBy(() -> new SchemaCheck(List.of(age, age), false, false, Severity.ERROR))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expected column 'age' is listed twice");
    }
}
