package dev.mlops.core.predicate;

import dev.mlops.core.predicate.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** A recursive-descent parser for the grammar stated on {@link RowPredicate}. */
final class Parser {
    /** How deep parentheses and {@code not} may nest, which keeps the recursion off the stack's end. */
    static final int MAX_DEPTH = 200;

    private final String text;
    private final List<Token> tokens;
    private int next;

    private Parser(String text) {
        this.text = text;
        this.tokens = Lexer.tokenize(text);
    }

    /**
     * Parses an expression into its syntax tree.
     *
     * @throws PredicateSyntaxException if the text does not follow the grammar
     */
    static Node parse(String text) {
        Parser parser = new Parser(text);
        if (parser.peek().kind() == Kind.END) {
            throw new PredicateSyntaxException(text, 0, "the expression is empty",
                    "expected a condition such as age < 25");
        }
        Node root = parser.orExpression(0);
        Token rest = parser.peek();
        if (rest.kind() == Kind.CLOSE) {
            throw parser.error(rest, "unexpected ')' without a matching '('");
        }
        if (rest.kind() != Kind.END) {
            throw parser.error(rest, "expected 'and', 'or' or the end of the expression after a complete condition, found "
                    + rest.describe(text));
        }
        return root;
    }

    private Node orExpression(int depth) {
        List<Node> operands = new ArrayList<>();
        operands.add(andExpression(depth));
        while (peek().isKeyword("or")) {
            next++;
            operands.add(andExpression(depth));
        }
        return operands.size() == 1 ? operands.get(0) : new Node.Or(operands);
    }

    private Node andExpression(int depth) {
        List<Node> operands = new ArrayList<>();
        operands.add(notExpression(depth));
        while (peek().isKeyword("and")) {
            next++;
            operands.add(notExpression(depth));
        }
        return operands.size() == 1 ? operands.get(0) : new Node.And(operands);
    }

    private Node notExpression(int depth) {
        Token token = peek();
        if (token.isKeyword("not")) {
            checkDepth(token, depth);
            next++;
            return new Node.Not(notExpression(depth + 1));
        }
        return primary(depth);
    }

    private Node primary(int depth) {
        Token token = peek();
        if (token.kind() == Kind.OPEN) {
            checkDepth(token, depth);
            next++;
            Node inner = orExpression(depth + 1);
            Token close = peek();
            if (close.kind() != Kind.CLOSE) {
                throw error(close, "expected ')'" + after() + found(close, ""),
                        "the '(' at position " + token.start() + " is not closed");
            }
            next++;
            return inner;
        }
        if (token.kind() == Kind.QUOTED_NAME || token.kind() == Kind.IDENTIFIER && !token.isAnyKeyword()) {
            next++;
            return comparison(token.value());
        }
        String hint = switch (token.kind()) {
            case IDENTIFIER -> "backquote a column named like a keyword: `" + token.value() + "`";
            case NUMBER, STRING -> "a comparison names the column first, as in age < 25";
            default -> "";
        };
        throw error(token, "expected a condition (a column name, 'not' or '(')" + after() + found(token, ""), hint);
    }

    private Node comparison(String column) {
        Token token = peek();
        if (token.kind() == Kind.OPERATOR) {
            next++;
            return new Node.Comparison(column, operator(token.value()), literal());
        }
        if (token.isKeyword("in")) {
            next++;
            return new Node.In(column, false, list());
        }
        if (token.isKeyword("not")) {
            next++;
            Token in = peek();
            if (!in.isKeyword("in")) {
                throw error(in, "expected 'in'" + after() + found(in, ""), "after a column name 'not' starts 'not in ('");
            }
            next++;
            return new Node.In(column, true, list());
        }
        if (token.isKeyword("is")) {
            next++;
            Token what = peek();
            boolean negated = what.isKeyword("not");
            if (negated) {
                next++;
                what = peek();
            }
            if (!what.isKeyword("missing")) {
                throw error(what, "expected " + (negated ? "'missing'" : "'missing' or 'not missing'") + after()
                        + found(what, ""));
            }
            next++;
            return new Node.IsMissing(column, negated);
        }
        throw error(token, "expected an operator (==, !=, <, <=, >, >=, in, not in, is missing)" + after()
                + found(token, ""));
    }

    private List<Literal> list() {
        Token open = peek();
        if (open.kind() != Kind.OPEN) {
            throw error(open, "expected '(' and a list of values" + after() + found(open, ""));
        }
        next++;
        List<Literal> literals = new ArrayList<>();
        while (true) {
            literals.add(literal());
            Token token = peek();
            if (token.kind() == Kind.CLOSE) {
                next++;
                return literals;
            }
            if (token.kind() != Kind.COMMA) {
                throw error(token, "expected ',' or ')' in the list of values" + after() + found(token, ""));
            }
            next++;
        }
    }

    private Literal literal() {
        Token token = peek();
        switch (token.kind()) {
            case NUMBER -> {
                next++;
                return new Literal.Number(token.number());
            }
            case STRING -> {
                next++;
                return new Literal.Text(token.value());
            }
            case IDENTIFIER -> {
                if (token.isKeyword("true") || token.isKeyword("false")) {
                    next++;
                    return new Literal.Bool(token.isKeyword("true"));
                }
                String hint = token.value().equalsIgnoreCase("nan") || token.value().equalsIgnoreCase("infinity")
                        ? "NaN and Infinity are not literals"
                        : token.isAnyKeyword() ? "" : "write text in double quotes: \"" + token.value() + "\"";
                throw error(token, "expected a value (a number, a \"string\", true or false)" + after()
                        + found(token, ""), hint);
            }
            case QUOTED_NAME -> throw error(token, "expected a value (a number, a \"string\", true or false)" + after()
                    + found(token, ""), "a comparison is between a column and a value");
            default -> throw error(token, "expected a value" + after() + found(token, ""));
        }
    }

    private static Operator operator(String symbol) {
        for (Operator operator : Operator.values()) {
            if (operator.symbol().equals(symbol)) {
                return operator;
            }
        }
        throw new IllegalStateException("the lexer made an unknown operator " + symbol);
    }

    private void checkDepth(Token token, int depth) {
        if (depth >= MAX_DEPTH) {
            throw error(token, "parentheses and 'not' nest deeper than " + MAX_DEPTH + " levels");
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    /** Names the token before the current one: " after '<'", or nothing at the start. */
    private String after() {
        return next == 0 ? "" : " after " + tokens.get(next - 1).describe(text);
    }

    /** Names the token found instead, unless it is the end of the expression. */
    private String found(Token token, String alternatives) {
        if (token.kind() == Kind.END) {
            return "";
        }
        return (alternatives.isEmpty() ? "" : " " + alternatives) + ", found " + token.describe(text);
    }

    private PredicateSyntaxException error(Token token, String problem) {
        return error(token, problem, "");
    }

    private PredicateSyntaxException error(Token token, String problem, String hint) {
        return new PredicateSyntaxException(text, token.start(), problem, hint);
    }
}
