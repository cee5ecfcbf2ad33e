package dev.mlops.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A field marked sensitive keeps the mark through every view and copy of its column. */
class SensitiveFieldTest {

    private static final Schema SCHEMA = Schema.of(
            Field.sensitive("ssn", ColumnType.TEXT),
            Field.of("age", ColumnType.NUMERIC));

    private static Table table() {
        return Table.rowBuilder(SCHEMA)
                .addRow("123-45-6789", 31.0)
                .addRow("987-65-4321", 47.0)
                .addRow(null, 52.0)
                .build();
    }

    @Nested
    class TheField {

        @Test
        void isNotSensitiveUnlessMarked() {
            assertThat(Field.of("age", ColumnType.NUMERIC).sensitive()).isFalse();
            assertThat(new Field("age", ColumnType.NUMERIC).sensitive()).isFalse();
            assertThat(Field.sensitive("age", ColumnType.NUMERIC).sensitive()).isTrue();
        }

        @Test
        void theMarkTakesPartInEqualityAndText() {
            assertThat(Field.sensitive("ssn", ColumnType.TEXT)).isNotEqualTo(Field.of("ssn", ColumnType.TEXT));
            assertThat(Field.sensitive("ssn", ColumnType.TEXT)).hasToString("ssn: TEXT (sensitive)");
        }
    }

    @Nested
    class Tables {

        @Test
        void aRowBuiltTableKeepsTheSchemasMarks() {
            Table table = table();

            assertThat(table.schema()).isEqualTo(SCHEMA);
            assertThat(table.column("ssn").sensitive()).isTrue();
            assertThat(table.column("age").sensitive()).isFalse();
            assertThat(Table.empty(SCHEMA).schema()).isEqualTo(SCHEMA);
        }

        @Test
        void rowViewsKeepTheMark() {
            assertThat(table().rows(2, 0).schema()).isEqualTo(SCHEMA);
            assertThat(table().head(1).schema()).isEqualTo(SCHEMA);
        }

        @Test
        void aSelectionKeepsTheMark() {
            assertThat(table().select("age", "ssn").schema().fields())
                    .containsExactly(Field.of("age", ColumnType.NUMERIC), Field.sensitive("ssn", ColumnType.TEXT));
        }
    }

    @Nested
    class Columns {

        @Test
        void renameAndSelectKeepTheMark() {
            Column ssn = table().column("ssn");

            assertThat(ssn.rename("id").sensitive()).isTrue();
            assertThat(ssn.select(new int[] {1}).sensitive()).isTrue();
            assertThat(Table.of(ssn.rename("id")).schema().field("id")).isEqualTo(Field.sensitive("id", ColumnType.TEXT));
        }

        @Test
        void everyTypeCanBeMarkedAndUnmarkedWithoutCopyingValues() {
            Table table = Table.builder()
                    .numeric("n", 1.5).categorical("c", "x").bool("b", true)
                    .timestamp("t", java.time.Instant.EPOCH).text("s", "raw").build();
            for (Column column : table.columns()) {
                Column marked = column.withSensitive(true);

                assertThat(marked.sensitive()).as(column.name()).isTrue();
                assertThat(marked.format(0)).as(column.name()).isEqualTo(column.format(0));
                assertThat(marked.withSensitive(false).sensitive()).as(column.name()).isFalse();
                assertThat(column.withSensitive(false)).as(column.name()).isSameAs(column);
                assertThat(marked.toString()).as(column.name()).endsWith(", sensitive]");
            }
        }
    }
}
