package dev.mlops.core.predicate;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;

/**
 * A predicate bound to the columns of one table: tests a row without allocating. The
 * implementations are the nodes of the syntax tree with their names resolved and their literals
 * converted once.
 */
interface Evaluator {

    /** Tests a row already checked to be inside the table. */
    boolean test(int row);

    /** {@code not operand}. */
    record Not(Evaluator operand) implements Evaluator {
        @Override
        public boolean test(int row) {
            return !operand.test(row);
        }
    }

    /** Short-circuit {@code and}. */
    record And(Evaluator[] operands) implements Evaluator {
        @Override
        public boolean test(int row) {
            for (Evaluator operand : operands) {
                if (!operand.test(row)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Short-circuit {@code or}. */
    record Or(Evaluator[] operands) implements Evaluator {
        @Override
        public boolean test(int row) {
            for (Evaluator operand : operands) {
                if (operand.test(row)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code is missing}, or {@code is not missing} when negated. */
    record IsMissing(Column column, boolean negated) implements Evaluator {
        @Override
        public boolean test(int row) {
            return column.isMissing(row) != negated;
        }
    }

    /** A numeric comparison with IEEE 754 semantics; false for a missing value. */
    record NumericCompare(NumericColumn column, Operator operator, double literal) implements Evaluator {
        @Override
        public boolean test(int row) {
            return !column.isMissing(row) && operator.holds(column.get(row), literal);
        }
    }

    /** {@code in} or {@code not in} over numbers; false for a missing value, NaN is in no list. */
    record NumericIn(NumericColumn column, boolean negated, double[] literals) implements Evaluator {
        @Override
        public boolean test(int row) {
            if (column.isMissing(row)) {
                return false;
            }
            double value = column.get(row);
            for (double literal : literals) {
                if (value == literal) {
                    return !negated;
                }
            }
            return negated;
        }
    }

    /**
     * {@code ==} or {@code !=} over the codes of a categorical column; {@code code} is the
     * literal's code, or {@link Integer#MIN_VALUE} when the literal is not a level.
     */
    record CategoricalCompare(CategoricalColumn column, boolean equal, int code) implements Evaluator {
        @Override
        public boolean test(int row) {
            int value = column.code(row);
            return value != CategoricalColumn.MISSING_CODE && (value == code) == equal;
        }
    }

    /** {@code in} or {@code not in} over a categorical column: whether each code is listed. */
    record CategoricalIn(CategoricalColumn column, boolean negated, boolean[] listed) implements Evaluator {
        @Override
        public boolean test(int row) {
            int value = column.code(row);
            return value != CategoricalColumn.MISSING_CODE && listed[value] != negated;
        }
    }

    /** {@code ==}, {@code !=}, {@code in} or {@code not in} over text; false for a missing value. */
    record TextIn(TextColumn column, boolean negated, String[] literals) implements Evaluator {
        @Override
        public boolean test(int row) {
            if (column.isMissing(row)) {
                return false;
            }
            String value = column.get(row);
            for (String literal : literals) {
                if (value.equals(literal)) {
                    return !negated;
                }
            }
            return negated;
        }
    }

    /**
     * {@code ==}, {@code !=}, {@code in} or {@code not in} over booleans: whether each value is
     * listed; false for a missing value.
     */
    record BooleanIn(BooleanColumn column, boolean negated, boolean trueListed, boolean falseListed)
            implements Evaluator {
        @Override
        public boolean test(int row) {
            if (column.isMissing(row)) {
                return false;
            }
            return (column.get(row) ? trueListed : falseListed) != negated;
        }
    }

    /** A comparison of instants; false for a missing value. */
    record TimestampCompare(TimestampColumn column, Operator operator, long second, int nano) implements Evaluator {
        @Override
        public boolean test(int row) {
            if (column.isMissing(row)) {
                return false;
            }
            int comparison = Long.compare(column.epochSecond(row), second);
            if (comparison == 0) {
                comparison = Integer.compare(column.nano(row), nano);
            }
            return operator.holds(comparison);
        }
    }

    /** {@code in} or {@code not in} over instants; false for a missing value. */
    record TimestampIn(TimestampColumn column, boolean negated, long[] seconds, int[] nanos) implements Evaluator {
        @Override
        public boolean test(int row) {
            if (column.isMissing(row)) {
                return false;
            }
            long second = column.epochSecond(row);
            int nano = column.nano(row);
            for (int i = 0; i < seconds.length; i++) {
                if (seconds[i] == second && nanos[i] == nano) {
                    return !negated;
                }
            }
            return negated;
        }
    }
}
