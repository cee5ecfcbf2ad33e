package dev.mlops.testkit;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.Check;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.Checks;
import dev.mlops.data.profile.DatasetProfile;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;

/**
 * Runs the {@link CheckContract} against every built-in check of {@code dev.mlops.data.check},
 * on the {@link PeopleTables}: each nested class is one check with the settings that matter.
 */
class CheckContractTest {

    /** A check of the people tables: passes on {@link PeopleTables#passing()}, fails on {@link PeopleTables#failing()}. */
    abstract static class OnPeople extends CheckContract {
        @Override
        protected Table passingTable() {
            return PeopleTables.passing();
        }

        @Override
        protected Table failingTable() {
            return PeopleTables.failing();
        }
    }

    @Nested
    class Complete extends OnPeople {
        @Override
        protected Check check() {
            return Checks.complete("age");
        }
    }

    @Nested
    class MostlyCompleteText extends OnPeople {
        @Override
        protected Check check() {
            return Checks.completeness("email").atLeast(0.9).withSeverity(Severity.WARNING);
        }
    }

    @Nested
    class Unique extends OnPeople {
        @Override
        protected Check check() {
            return Checks.unique("id");
        }
    }

    @Nested
    class UniqueKeyOfTwoColumns extends OnPeople {
        @Override
        protected Check check() {
            return Checks.unique("city", "age");
        }
    }

    @Nested
    class PrimaryKey extends OnPeople {
        @Override
        protected Check check() {
            return Checks.primaryKey("id");
        }
    }

    @Nested
    class Range extends OnPeople {
        @Override
        protected Check check() {
            return Checks.range("age", 18, 100);
        }
    }

    @Nested
    class MostlyInRangeAsWarning extends OnPeople {
        @Override
        protected Check check() {
            return Checks.range("age", 18, 100).withMostly(0.5).withSeverity(Severity.WARNING);
        }
    }

    @Nested
    class NonNegative extends OnPeople {
        @Override
        protected Check check() {
            return Checks.nonNegative("age");
        }
    }

    @Nested
    class AllowedCategories extends OnPeople {
        @Override
        protected Check check() {
            return Checks.allowedValues("city", List.of("München", "São Paulo", "Hamburg", "Zürich"));
        }
    }

    @Nested
    class AllowedNumbersAsText extends OnPeople {
        @Override
        protected Check check() {
            return Checks.allowedValues("id", List.of("1", "2", "3", "4", "5", "6")).toleratingUnseen(0.1);
        }
    }

    @Nested
    class Cardinality extends OnPeople {
        @Override
        protected Check check() {
            return Checks.cardinality("city", 1, 4);
        }
    }

    @Nested
    class PatternOfText extends OnPeople {
        @Override
        protected Check check() {
            return Checks.matches("email", "[^@\\s]+@[^@\\s]+\\.[a-z]+");
        }
    }

    @Nested
    class PatternOfNumbers extends OnPeople {
        @Override
        protected Check check() {
            return Checks.matches("id", "\\d+").withSeverity(Severity.INFO);
        }
    }

    @Nested
    class Predicate extends OnPeople {
        @Override
        protected Check check() {
            return Checks.rows("adult", "age >= 18 and city != \"Paris\"");
        }
    }

    @Nested
    class SchemaWithNonNullableColumn extends OnPeople {
        @Override
        protected Check check() {
            return Checks.schema(PeopleTables.passing().schema()).notNull("id");
        }

        @Override
        protected Table failingTable() {
            return PeopleTables.failing().select("id", "age", "city");
        }
    }

    /** A schema of nullable columns in order is judged on the table's schema alone, so an empty table is measured. */
    @Nested
    class SchemaInOrder extends OnPeople {
        @Override
        protected Check check() {
            return Checks.schema(PeopleTables.passing().schema()).inOrder();
        }

        @Override
        protected Table failingTable() {
            return PeopleTables.failing().select("age", "id", "city", "email");
        }

        @Override
        protected boolean checksTheSchemaOnly() {
            return true;
        }
    }

    /**
     * A distribution check of {@code age} or {@code city} against a reference profile of 60 rows;
     * the passing table is drawn alike, the failing one is 25 years older and lives in München.
     */
    abstract static class AgainstReference extends CheckContract {
        private final DatasetProfile reference = DatasetProfile.of(ages(60, 0));

        @Override
        protected CheckContext context() {
            return CheckContext.defaults().withReference(reference);
        }

        @Override
        protected Table passingTable() {
            return ages(30, 0);
        }

        @Override
        protected Table failingTable() {
            Table older = ages(30, 25);
            String[] munich = new String[older.rowCount()];
            Arrays.fill(munich, "München");
            return Table.of(older.column("age"), CategoricalColumn.of("city", munich));
        }
    }

    @Nested
    class MeanShift extends AgainstReference {
        @Override
        protected Check check() {
            return Checks.meanShift("age");
        }
    }

    @Nested
    class KolmogorovSmirnov extends AgainstReference {
        @Override
        protected Check check() {
            return Checks.ks("age");
        }
    }

    @Nested
    class PopulationStabilityOfNumbers extends AgainstReference {
        @Override
        protected Check check() {
            return Checks.psi("age");
        }
    }

    @Nested
    class PopulationStabilityOfCategories extends AgainstReference {
        @Override
        protected Check check() {
            return Checks.psi("city").withSeverity(Severity.WARNING);
        }
    }

    @Nested
    class ChiSquare extends AgainstReference {
        @Override
        protected Check check() {
            return Checks.chiSquare("city");
        }
    }

    /** Ages 20 to 60 spread over the rows, plus a shift, and a city per row. */
    static Table ages(int rows, double shift) {
        NumericColumn.Builder age = NumericColumn.builder("age");
        CategoricalColumn.Builder city = CategoricalColumn.builder("city");
        List<String> cities = List.of("München", "São Paulo", "Hamburg", "Zürich");
        for (int row = 0; row < rows; row++) {
            age.add(20 + (row * 7) % 41 + shift);
            city.add(cities.get(row % cities.size()));
        }
        return Table.of(age.build(), city.build());
    }
}
