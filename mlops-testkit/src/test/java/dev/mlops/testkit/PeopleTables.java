package dev.mlops.testkit;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;

/** Small tables of people, with non-ASCII city names, that the check tests share. */
final class PeopleTables {

    private PeopleTables() {
    }

    /**
     * Six rows that pass every check of the tests: ids 1 to 6, ages 23 to 64, four cities, valid e-mails.
     *
     * @return the table
     */
    static Table passing() {
        return Table.builder()
                .numeric("id", 1, 2, 3, 4, 5, 6)
                .numeric("age", 23, 35, 47, 51, 64, 29)
                .categorical("city", "München", "São Paulo", "Hamburg", "München", "Zürich", "São Paulo")
                .text("email", "anna@example.de", "joão@example.br", "ben@example.de", "lea@example.de",
                        "mia@example.ch", "rui@example.br")
                .build();
    }

    /**
     * Six rows with a fault in each column: id 2 twice and 4.5; ages -3, missing, 151 and NaN,
     * and row 5 repeating row 0's city and age; five cities, two unknown; e-mails without @ or missing.
     *
     * @return the table
     */
    static Table failing() {
        return Table.of(NumericColumn.of("id", 1, 2, 2, 4.5, 5, 6),
                NumericColumn.builder("age").add(23).add(-3).addMissing().add(151).add(Double.NaN).add(23).build(),
                CategoricalColumn.of("city", "München", "Paris", "Köln", "Lyon", "Zürich", "München"),
                TextColumn.of("email", "anna@example.de", "joão(at)example.br", null, "lea@example", "mia@example.ch",
                        "rui@example.br"));
    }
}
