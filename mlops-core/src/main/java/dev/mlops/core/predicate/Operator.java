package dev.mlops.core.predicate;

/** The six comparison operators of the predicate syntax. */
enum Operator {
    EQ("=="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** @return the operator as written in the syntax */
    String symbol() {
        return symbol;
    }

    /** @return true for the operators that order values: {@code < <= > >=} */
    boolean orders() {
        return this != EQ && this != NE;
    }

    /**
     * Applies the operator to the result of a three-way comparison.
     *
     * @param comparison negative, zero or positive as the value is less than, equal to or
     *     greater than the literal
     */
    boolean holds(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
        };
    }

    /** Applies the operator to two doubles with IEEE 754 semantics: NaN is unequal to everything. */
    boolean holds(double value, double literal) {
        return switch (this) {
            case EQ -> value == literal;
            case NE -> value != literal;
            case LT -> value < literal;
            case LE -> value <= literal;
            case GT -> value > literal;
            case GE -> value >= literal;
        };
    }
}
