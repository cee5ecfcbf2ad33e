package dev.mlops.core.predicate;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import java.util.Arrays;

/**
 * A predicate bound to the columns of one table: tests a row without allocating, or evaluates a
 * block of rows a column at a time into a bitmap. The implementations are the nodes of the syntax
 * tree with their names resolved and their literals converted once.
 *
 * <p>The two paths agree row for row. The block path evaluates a comparison of a numeric or
 * categorical column in one primitive loop over the block's values or codes; the other types
 * test their rows one at a time into the bitmap. {@code and} and {@code or} combine whole words,
 * and once few rows are left undecided they test just those rows instead.
 */
interface Evaluator {

    /** Tests a row already checked to be inside the table. */
    boolean test(int row);

    /**
     * Evaluates the rows {@code [from, from + count)} into a bitmap, as {@link Bitmaps} lays it
     * out; this default tests them one at a time.
     *
     * @param from the first row, inside the table
     * @param count how many rows, at most {@link Scratch#BLOCK} and inside the table
     * @param words the bitmap to write, never {@code scratch.words(depth)} or deeper
     * @param scratch the evaluation's buffers
     * @param depth the depth whose scratch bitmaps this call may use
     */
    default void evaluate(int from, int count, long[] words, Scratch scratch, int depth) {
        Arrays.fill(words, 0, Bitmaps.wordCount(count), 0L);
        Bitmaps.addPassing(words, from, count, this);
    }

    /** Clears the bits of the rows of the block that fail this evaluator: {@code words &= this}. */
    default void and(int from, int count, long[] words, Scratch scratch, int depth) {
        if (Bitmaps.sparse(Bitmaps.cardinality(words, count), count, Bitmaps.ROW_SHARE)) {
            Bitmaps.keepPassing(words, from, count, this);
        } else {
            long[] own = scratch.words(depth);
            evaluate(from, count, own, scratch, depth + 1);
            Bitmaps.and(words, own, count);
        }
    }

    /** Sets the bits of the rows of the block that pass this evaluator: {@code words |= this}. */
    default void or(int from, int count, long[] words, Scratch scratch, int depth) {
        if (Bitmaps.sparse(count - Bitmaps.cardinality(words, count), count, Bitmaps.ROW_SHARE)) {
            Bitmaps.addPassing(words, from, count, this);
        } else {
            long[] own = scratch.words(depth);
            evaluate(from, count, own, scratch, depth + 1);
            Bitmaps.or(words, own, count);
        }
    }

    /** {@code not operand}. */
    record Not(Evaluator operand) implements Evaluator {
        @Override
        public boolean test(int row) {
            return !operand.test(row);
        }

        @Override
        public void evaluate(int from, int count, long[] words, Scratch scratch, int depth) {
            operand.evaluate(from, count, words, scratch, depth);
            Bitmaps.invert(words, count);
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

        @Override
        public void evaluate(int from, int count, long[] words, Scratch scratch, int depth) {
            operands[0].evaluate(from, count, words, scratch, depth);
            for (int i = 1; i < operands.length; i++) {
                operands[i].and(from, count, words, scratch, depth);
            }
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

        @Override
        public void evaluate(int from, int count, long[] words, Scratch scratch, int depth) {
            operands[0].evaluate(from, count, words, scratch, depth);
            for (int i = 1; i < operands.length; i++) {
                operands[i].or(from, count, words, scratch, depth);
            }
        }
    }

    /** {@code is missing}, or {@code is not missing} when negated. */
    record IsMissing(Column column, boolean negated) implements Evaluator {
        @Override
        public boolean test(int row) {
            return column.isMissing(row) != negated;
        }

        @Override
        public void evaluate(int from, int count, long[] words, Scratch scratch, int depth) {
            column.copyMissing(from, words, count);
            if (negated) {
                Bitmaps.invert(words, count);
            }
        }
    }

    /** A numeric comparison with IEEE 754 semantics; false for a missing value. */
    record NumericCompare(NumericColumn column, Operator operator, double literal) implements Evaluator {
        @Override
        public boolean test(int row) {
            return !column.isMissing(row) && operator.holds(column.get(row), literal);
        }

        /**
         * Every operator but {@code !=} holds exactly for the values of a closed interval, which
         * NaN (and so a missing value, read as NaN) is in none of; {@code !=} is the complement
         * of {@code ==} without the missing values.
         */
        @Override
        public void evaluate(int from, int count, long[] words, Scratch scratch, int depth) {
            double[] values = scratch.values();
            column.copyValues(from, values, 0, count);
            Bitmaps.between(values, count, low(), high(), words);
            if (operator == Operator.NE) {
                Bitmaps.invert(words, count);
                clearMissing(column, from, count, words, scratch.words(depth));
            }
        }

        /** With few rows undecided, tests just those against the interval of the block's values. */
        @Override
        public void and(int from, int count, long[] words, Scratch scratch, int depth) {
            if (operator == Operator.NE
                    || !Bitmaps.sparse(Bitmaps.cardinality(words, count), count, Bitmaps.VALUE_SHARE)) {
                Evaluator.super.and(from, count, words, scratch, depth);
                return;
            }
            double[] values = scratch.values();
            column.copyValues(from, values, 0, count);
            Bitmaps.keepBetween(words, values, count, low(), high());
        }

        /** @return the lower end of the interval the operator holds for ({@code !=}: of {@code ==}) */
        private double low() {
            return switch (operator) {
                case LT, LE -> Double.NEGATIVE_INFINITY;
                case GT -> Math.nextUp(literal);
                case EQ, NE, GE -> literal;
            };
        }

        /** @return the upper end of the interval the operator holds for ({@code !=}: of {@code ==}) */
        private double high() {
            return switch (operator) {
                case LT -> Math.nextDown(literal);
                case GT, GE -> Double.POSITIVE_INFINITY;
                case EQ, NE, LE -> literal;
            };
        }
    }

    /** Clears the bits of the rows whose value is missing, using {@code own} as a buffer. */
    private static void clearMissing(NumericColumn column, int from, int count, long[] words, long[] own) {
        column.copyMissing(from, own, count);
        Bitmaps.andNot(words, own, count);
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

        @Override
        public void evaluate(int from, int count, long[] words, Scratch scratch, int depth) {
            double[] values = scratch.values();
            column.copyValues(from, values, 0, count);
            long[] own = scratch.words(depth);
            Bitmaps.between(values, count, literals[0], literals[0], words);
            for (int i = 1; i < literals.length; i++) {
                Bitmaps.between(values, count, literals[i], literals[i], own);
                Bitmaps.or(words, own, count);
            }
            if (negated) {
                Bitmaps.invert(words, count);
                clearMissing(column, from, count, words, own);
            }
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

        @Override
        public void evaluate(int from, int count, long[] words, Scratch scratch, int depth) {
            int[] codes = scratch.codes();
            column.copyCodes(from, codes, 0, count);
            Bitmaps.equal(codes, count, code, words);
            if (!equal) {
                Bitmaps.invert(words, count);
                long[] missing = scratch.words(depth);
                Bitmaps.equal(codes, count, CategoricalColumn.MISSING_CODE, missing);
                Bitmaps.andNot(words, missing, count);
            }
        }

        /** With few rows undecided, compares just their codes in the block's codes. */
        @Override
        public void and(int from, int count, long[] words, Scratch scratch, int depth) {
            if (!equal || !Bitmaps.sparse(Bitmaps.cardinality(words, count), count, Bitmaps.VALUE_SHARE)) {
                Evaluator.super.and(from, count, words, scratch, depth);
                return;
            }
            int[] codes = scratch.codes();
            column.copyCodes(from, codes, 0, count);
            Bitmaps.keepEqual(words, codes, count, code);
        }
    }

    /**
     * {@code ==}, {@code !=}, {@code in} or {@code not in} over a categorical column, as a table
     * of the codes that match: {@code matches[code + 1]}, so {@code matches[0]}, for a missing
     * value's code, is false.
     */
    record CategoricalIn(CategoricalColumn column, boolean[] matches) implements Evaluator {
        @Override
        public boolean test(int row) {
            return matches[column.code(row) + 1];
        }

        @Override
        public void evaluate(int from, int count, long[] words, Scratch scratch, int depth) {
            int[] codes = scratch.codes();
            column.copyCodes(from, codes, 0, count);
            Bitmaps.lookUp(codes, count, matches, words);
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
