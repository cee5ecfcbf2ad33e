package dev.mlops.core.predicate;

import java.util.List;
import java.util.Objects;

/**
 * The syntax tree of a predicate. Records, so two trees are equal when they have the same
 * shape and the same names and literals; {@link #canonical()} writes a tree back as text that
 * parses to an equal tree.
 */
sealed interface Node {

    /** @return the node in canonical syntax */
    String canonical();

    /** Operands joined by {@code or}, at least two. */
    record Or(List<Node> operands) implements Node {
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public String canonical() {
            StringBuilder out = new StringBuilder();
            for (Node operand : operands) {
                if (out.length() > 0) {
                    out.append(" or ");
                }
                out.append(operand instanceof Or ? "(" + operand.canonical() + ")" : operand.canonical());
            }
            return out.toString();
        }
    }

    /** Operands joined by {@code and}, at least two. */
    record And(List<Node> operands) implements Node {
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public String canonical() {
            StringBuilder out = new StringBuilder();
            for (Node operand : operands) {
                if (out.length() > 0) {
                    out.append(" and ");
                }
                boolean group = operand instanceof Or || operand instanceof And;
                out.append(group ? "(" + operand.canonical() + ")" : operand.canonical());
            }
            return out.toString();
        }
    }

    /** {@code not operand}: the boolean negation of the operand's result. */
    record Not(Node operand) implements Node {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public String canonical() {
            boolean group = operand instanceof Or || operand instanceof And;
            return "not " + (group ? "(" + operand.canonical() + ")" : operand.canonical());
        }
    }

    /** {@code column op literal}. */
    record Comparison(String column, Operator operator, Literal literal) implements Node {
        public Comparison {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(literal, "literal");
        }

        @Override
        public String canonical() {
            return Literal.columnSyntax(column) + " " + operator.symbol() + " " + literal.canonical();
        }
    }

    /** {@code column in (literals)} or, negated, {@code column not in (literals)}. */
    record In(String column, boolean negated, List<Literal> literals) implements Node {
        public In {
            Objects.requireNonNull(column, "column");
            literals = List.copyOf(literals);
        }

        @Override
        public String canonical() {
            StringBuilder out = new StringBuilder(Literal.columnSyntax(column)).append(negated ? " not in (" : " in (");
            for (int i = 0; i < literals.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(literals.get(i).canonical());
            }
            return out.append(')').toString();
        }
    }

    /** {@code column is missing} or, negated, {@code column is not missing}. */
    record IsMissing(String column, boolean negated) implements Node {
        public IsMissing {
            Objects.requireNonNull(column, "column");
        }

        @Override
        public String canonical() {
            return Literal.columnSyntax(column) + (negated ? " is not missing" : " is missing");
        }
    }
}
