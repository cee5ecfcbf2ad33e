package dev.mlops.core.predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.mlops.core.MlopsException;
import dev.mlops.core.SchemaException;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.BitSet;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RowPredicateTest {

    /**
     * The fixture, row by row:
     *
     * <pre>
     * row | age     | city      | member  | since                          | note     | credit amount
     *   0 | 22      | Hamburg   | true    | 2024-01-01T00:00:00Z           | ok       | 1000
     *   1 | 35      | München   | false   | 2024-06-01T12:00:00Z           | ""       | 2500
     *   2 | missing | São Paulo | missing | missing                        | missing  | 400
     *   3 | NaN     | missing   | true    | 2023-12-31T23:59:59.5Z         | Straße   | missing
     *   4 | 25      | Hamburg   | false   | 2024-01-01T00:00:00Z           | ok       | 1000
     *   5 | -0.0    | Berlin    | true    | missing                        | OK       | 7000
     *   6 | 61      | München   | missing | 2025-03-01T00:00:00Z           | missing  | missing
     *   7 | 25.5    | missing   | false   | 2024-06-01T12:00:00.000000001Z | say "hi" | 0
     * </pre>
     */
    static final Table FIXTURE = Table.builder()
            .add(NumericColumn.builder("age").add(22).add(35).addMissing().add(Double.NaN).add(25).add(-0.0).add(61)
                    .add(25.5).build())
            .categorical("city", "Hamburg", "München", "São Paulo", null, "Hamburg", "Berlin", "München", null)
            .bool("member", true, false, null, true, false, true, null, false)
            .timestamp("since", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-06-01T12:00:00Z"), null,
                    Instant.parse("2023-12-31T23:59:59.500Z"), Instant.parse("2024-01-01T00:00:00Z"), null,
                    Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2024-06-01T12:00:00.000000001Z"))
            .text("note", "ok", "", null, "Straße", "ok", "OK", null, "say \"hi\"")
            .add(NumericColumn.builder("credit amount").add(1000).add(2500).add(400).addMissing().add(1000).add(7000)
                    .addMissing().add(0).build())
            .build();

    private static int[] rows(int... rows) {
        return rows;
    }

    /** Rows: -0.0, 0.0, the smallest positive and negative doubles, the largest, infinities, NaN, missing. */
    private static final double[] EDGES = {-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
        -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};

    static Stream<Arguments> edgeComparisons() {
        return Stream.of(
                arguments("x == 0", rows(0, 1)),
                arguments("x == -0.0", rows(0, 1)),
                arguments("x != 0", rows(2, 3, 4, 5, 6, 7, 8)),
                arguments("x < 0", rows(3, 5, 7)),
                arguments("x <= -0.0", rows(0, 1, 3, 5, 7)),
                arguments("x > -0.0", rows(2, 4, 6)),
                arguments("x >= 0", rows(0, 1, 2, 4, 6)),
                arguments("x < 4.9e-324", rows(0, 1, 3, 5, 7)),
                arguments("x > -4.9e-324", rows(0, 1, 2, 4, 6)),
                arguments("x >= 1.7976931348623157e308", rows(4, 6)),
                arguments("x > 1.7976931348623157e308", rows(6)),
                arguments("x <= -1.7976931348623157e308", rows(5, 7)),
                arguments("x < -1.7976931348623157e308", rows(7)),
                arguments("x in (0, 1.7976931348623157e308)", rows(0, 1, 4)),
                arguments("x not in (-0.0, 4.9e-324)", rows(3, 4, 5, 6, 7, 8)),
                arguments("x is missing", rows(9)),
                arguments("not x < 0", rows(0, 1, 2, 4, 6, 8, 9)));
    }

    static Stream<Arguments> expressionsAndRows() {
        return Stream.of(
                // numeric: NaN compares false except with !=, a missing value compares false always
                arguments("age < 25", rows(0, 5)),
                arguments("age <= 25", rows(0, 4, 5)),
                arguments("age > 25", rows(1, 6, 7)),
                arguments("age >= 25.5", rows(1, 6, 7)),
                arguments("age == 25", rows(4)),
                arguments("age == 0", rows(5)),
                arguments("age == -0.0", rows(5)),
                arguments("age != 25", rows(0, 1, 3, 5, 6, 7)),
                arguments("not (age == 25)", rows(0, 1, 2, 3, 5, 6, 7)),
                arguments("age in (22, 61)", rows(0, 6)),
                arguments("age not in (22, 61)", rows(1, 3, 4, 5, 7)),
                arguments("not age in (22, 61)", rows(1, 2, 3, 4, 5, 7)),
                arguments("age is missing", rows(2)),
                arguments("age is not missing", rows(0, 1, 3, 4, 5, 6, 7)),
                arguments("age > -1e3", rows(0, 1, 4, 5, 6, 7)),
                arguments("age < 2.55e1 and age > 2.5E+1", rows()),
                // categorical: non-ASCII levels, a literal that is no level, case-sensitive
                arguments("city == \"München\"", rows(1, 6)),
                arguments("city == \"São Paulo\"", rows(2)),
                arguments("city != \"Hamburg\"", rows(1, 2, 5, 6)),
                arguments("city == \"Paris\"", rows()),
                arguments("city != \"Paris\"", rows(0, 1, 2, 4, 5, 6)),
                arguments("city == \"hamburg\"", rows()),
                arguments("city in (\"Hamburg\", \"Berlin\", \"Paris\")", rows(0, 4, 5)),
                arguments("city not in (\"Hamburg\", \"Berlin\")", rows(1, 2, 6)),
                arguments("city is missing", rows(3, 7)),
                // boolean
                arguments("member == true", rows(0, 3, 5)),
                arguments("member == false", rows(1, 4, 7)),
                arguments("member != true", rows(1, 4, 7)),
                arguments("member in (true, false)", rows(0, 1, 3, 4, 5, 7)),
                arguments("member not in (true)", rows(1, 4, 7)),
                arguments("member is missing", rows(2, 6)),
                arguments("not member == true", rows(1, 2, 4, 6, 7)),
                // timestamp: instants with an offset or a zone, nanosecond precision
                arguments("since < \"2024-01-01T00:00:00Z\"", rows(3)),
                arguments("since <= \"2024-01-01T00:00:00Z\"", rows(0, 3, 4)),
                arguments("since == \"2024-01-01T05:30:00+05:30\"", rows(0, 4)),
                arguments("since > \"2024-06-01T12:00:00Z\"", rows(6, 7)),
                arguments("since >= \"2024-06-01T14:00:00+02:00[Europe/Berlin]\"", rows(1, 6, 7)),
                arguments("since in (\"2025-03-01T00:00:00Z\", \"2023-12-31T23:59:59.500Z\")", rows(3, 6)),
                arguments("since not in (\"2025-03-01T00:00:00Z\")", rows(0, 1, 3, 4, 7)),
                arguments("since != \"2024-01-01T00:00:00Z\"", rows(1, 3, 6, 7)),
                arguments("since is missing", rows(2, 5)),
                // text: exact, case-sensitive, escapes
                arguments("note == \"ok\"", rows(0, 4)),
                arguments("note == \"\"", rows(1)),
                arguments("note == \"Straße\"", rows(3)),
                arguments("note == \"say \\\"hi\\\"\"", rows(7)),
                arguments("note != \"ok\"", rows(1, 3, 5, 7)),
                arguments("note in (\"OK\", \"ok\")", rows(0, 4, 5)),
                arguments("note not in (\"ok\")", rows(1, 3, 5, 7)),
                // a column name with a space
                arguments("`credit amount` >= 1000", rows(0, 1, 4, 5)),
                arguments("`credit amount` is missing", rows(3, 6)),
                // combinations, precedence (not > and > or), parentheses, keywords in any case
                arguments("age < 30 and city == \"Hamburg\"", rows(0, 4)),
                arguments("age < 25 or city == \"München\"", rows(0, 1, 5, 6)),
                arguments("age < 25 AND member == TRUE", rows(0, 5)),
                arguments("not age < 25 and member == true", rows(3)),
                arguments("not (age < 25 and member == true)", rows(1, 2, 3, 4, 6, 7)),
                arguments("age < 25 or age > 60 and member == true", rows(0, 5)),
                arguments("(age < 25 or age > 60) and member is missing", rows(6)),
                arguments("age < 25 or (age > 60 and member is missing)", rows(0, 5, 6)),
                arguments("city in (\"München\") and not note is missing", rows(1)),
                arguments("note is not missing and note != \"\"", rows(0, 3, 4, 5, 7)),
                arguments("not not age == 25", rows(4)),
                arguments("age == 22 or age == 35 or age == 61", rows(0, 1, 6)),
                arguments("age < 25\n\tand\r\nmember == true", rows(0, 5)));
    }

    @Nested
    class Evaluation {

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("dev.mlops.core.predicate.RowPredicateTest#expressionsAndRows")
        void matchesTheRowsWorkedOutByHand(String expression, int[] expected) {
            RowPredicate predicate = RowPredicate.parse(expression);
            BoundPredicate bound = predicate.bind(FIXTURE);

            assertThat(bound.matchingRows()).as(expression).containsExactly(expected);
            assertThat(predicate.matchingRows(FIXTURE)).as(expression).containsExactly(expected);
            assertThat(bound.countMatching()).isEqualTo(expected.length);
            assertThat(bound.selection().stream().toArray()).as(expression).containsExactly(expected);
            for (int row = 0; row < FIXTURE.rowCount(); row++) {
                int r = row;
                assertThat(bound.test(row)).as("%s at row %s", expression, row)
                        .isEqualTo(IntStream.of(expected).anyMatch(e -> e == r));
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.mlops.core.predicate.RowPredicateTest#expressionsAndRows")
        void selectIsTheViewOfTheMatchingRows(String expression, int[] expected) {
            assertThat(RowPredicate.parse(expression).select(FIXTURE)).isEqualTo(FIXTURE.rows(expected));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.mlops.core.predicate.RowPredicateTest#expressionsAndRows")
        void theCanonicalFormMatchesTheSameRows(String expression, int[] expected) {
            RowPredicate predicate = RowPredicate.parse(expression);
            RowPredicate again = RowPredicate.parse(predicate.toString());

            assertThat(again).isEqualTo(predicate);
            assertThat(again.matchingRows(FIXTURE)).containsExactly(expected);
        }

        @Test
        void aMissingValueFailsEveryComparisonButNotOfAComparisonHoldsForIt() {
            Table table = Table.of(NumericColumn.builder("x").addMissing().build());

            for (String comparison : new String[] {"x == 1", "x != 1", "x < 1", "x <= 1", "x > 1", "x >= 1",
                "x in (1)", "x not in (1)"}) {
                assertThat(RowPredicate.parse(comparison).matchingRows(table)).as(comparison).isEmpty();
                assertThat(RowPredicate.parse("not (" + comparison + ")").matchingRows(table)).as(comparison)
                        .containsExactly(0);
            }
        }

        @Test
        void nanComparesFalseExceptWithNotEqual() {
            Table table = Table.of(NumericColumn.of("x", Double.NaN));

            for (String comparison : new String[] {"x == 1", "x < 1", "x <= 1", "x > 1", "x >= 1", "x in (1, 2)",
                "x is missing"}) {
                assertThat(RowPredicate.parse(comparison).matchingRows(table)).as(comparison).isEmpty();
            }
            for (String comparison : new String[] {"x != 1", "x not in (1, 2)", "x is not missing"}) {
                assertThat(RowPredicate.parse(comparison).matchingRows(table)).as(comparison).containsExactly(0);
            }
        }

        @Test
        void theSelectionIsANewBitmapOfTheMatchingRowsEachTime() {
            BoundPredicate bound = RowPredicate.parse("age < 25").bind(FIXTURE);
            BitSet first = bound.selection();

            first.set(7);

            assertThat(bound.selection()).isEqualTo(BitSet.valueOf(new long[] {0b100001L})).isNotEqualTo(first);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("dev.mlops.core.predicate.RowPredicateTest#edgeComparisons")
        void signedZerosExtremesNaNAndMissingCompareAsIeeeSaysInTheBitmapToo(String expression, int[] expected) {
            NumericColumn.Builder x = NumericColumn.builder("x");
            for (double edge : EDGES) {
                x.add(edge);
            }
            Table table = Table.of(x.addMissing().build());
            BoundPredicate bound = RowPredicate.parse(expression).bind(table);

            assertThat(bound.selection().stream().toArray()).containsExactly(expected);
            assertThat(IntStream.range(0, table.rowCount()).filter(bound).toArray()).containsExactly(expected);
        }

        @Test
        void infinitiesAreOrdinaryValues() {
            Table table = Table.of(NumericColumn.of("x", Double.NEGATIVE_INFINITY, 0, Double.POSITIVE_INFINITY));

            assertThat(RowPredicate.parse("x > 1.7976931348623157e308").matchingRows(table)).containsExactly(2);
            assertThat(RowPredicate.parse("x < -1.7976931348623157e308").matchingRows(table)).containsExactly(0);
        }

        @Test
        void aViewSharesItsDictionaryAndStillMatchesByLevel() {
            Table view = FIXTURE.rows(6, 5, 1, 1, 3);

            assertThat(RowPredicate.parse("city == \"München\"").matchingRows(view)).containsExactly(0, 2, 3);
            assertThat(RowPredicate.parse("city == \"Hamburg\"").matchingRows(view)).isEmpty();
            assertThat(RowPredicate.parse("city != \"Hamburg\"").matchingRows(view)).containsExactly(0, 1, 2, 3);
            assertThat(RowPredicate.parse("age is missing or city is missing").matchingRows(view)).containsExactly(4);
        }

        @Test
        void categoricalAndTextColumnsOfTheSameValuesMatchTheSameRows() {
            CategoricalColumn city = FIXTURE.categoricalColumn("city");
            TextColumn.Builder text = TextColumn.builder("city");
            for (int row = 0; row < city.size(); row++) {
                if (city.isMissing(row)) {
                    text.addMissing();
                } else {
                    text.add(city.get(row));
                }
            }
            Table asText = Table.of(text.build());

            for (String expression : new String[] {"city == \"München\"", "city != \"Hamburg\"", "city == \"Paris\"",
                "city in (\"Berlin\", \"São Paulo\")", "city not in (\"Berlin\")", "city is missing"}) {
                assertThat(RowPredicate.parse(expression).matchingRows(asText)).as(expression)
                        .containsExactly(RowPredicate.parse(expression).matchingRows(FIXTURE));
            }
        }

        @Test
        void anEmptyTableHasNoMatchingRows() {
            Table empty = Table.empty(FIXTURE.schema());

            assertThat(RowPredicate.parse("age < 25 or city is missing").matchingRows(empty)).isEmpty();
            assertThat(RowPredicate.parse("age < 25").select(empty).rowCount()).isZero();
        }
    }

    @Nested
    class Syntax {

        @Test
        void aSyntaxErrorQuotesTheExpressionAndPointsAtTheCharacter() {
            assertThatThrownBy(() -> RowPredicate.parse("age < "))
                    .isInstanceOf(PredicateSyntaxException.class)
                    .isInstanceOf(MlopsException.class)
                    .hasMessage("expected a value after '<' at position 6:\n  age < \n        ^")
                    .satisfies(e -> {
                        PredicateSyntaxException syntax = (PredicateSyntaxException) e;
                        assertThat(syntax.position()).isEqualTo(6);
                        assertThat(syntax.expression()).isEqualTo("age < ");
                        assertThat(syntax.reason()).isEqualTo("expected a value after '<'");
                    });
        }

        @Test
        void controlCharactersShowAsSpacesSoTheCaretLinesUp() {
            assertThatThrownBy(() -> RowPredicate.parse("age\t=\n25"))
                    .hasMessage("unknown operator '=' at position 4; write '==' to test equality:\n  age = 25\n      ^");
        }

        static Stream<Arguments> errors() {
            String deep = "(".repeat(300) + "x == 1" + ")".repeat(300);
            String nots = "not ".repeat(300) + "x == 1";
            return Stream.of(
                    // empty expression
                    arguments("", 0, "the expression is empty"),
                    arguments(" \t ", 0, "the expression is empty"),
                    // missing operand
                    arguments("age <", 5, "expected a value after '<'"),
                    arguments("age < 25 and", 12, "expected a condition (a column name, 'not' or '(') after the keyword 'and'"),
                    arguments("age < 25 or or x == 1", 12, "after the keyword 'or', found the keyword 'or'"),
                    arguments("not", 3, "expected a condition (a column name, 'not' or '(') after the keyword 'not'"),
                    arguments("age", 3, "expected an operator (==, !=, <, <=, >, >=, in, not in, is missing) after 'age'"),
                    arguments("age 25", 4, "expected an operator (==, !=, <, <=, >, >=, in, not in, is missing) after 'age', found the number 25"),
                    arguments("and age < 25", 0, "backquote a column named like a keyword: `and`"),
                    arguments("25 < age", 0, "a comparison names the column first"),
                    arguments("()", 1, "expected a condition (a column name, 'not' or '(') after '(', found ')'"),
                    // unclosed string, name and parenthesis
                    arguments("city == \"Hamb", 8, "unclosed string: no closing '\"' for this quote"),
                    arguments("city == \"Hamb\\\"", 8, "unclosed string"),
                    arguments("`credit amount > 1", 0, "unclosed column name: no closing '`' for this backquote"),
                    arguments("(age < 25", 9, "expected ')' after the number 25; the '(' at position 0 is not closed"),
                    arguments("((age < 25) and x == 1", 22, "expected ')' after the number 1; the '(' at position 0 is not closed"),
                    arguments("(age < 25 x", 10, "expected ')' after the number 25, found 'x'; the '(' at position 0 is not closed"),
                    // unknown operators
                    arguments("age = 25", 4, "unknown operator '='; write '==' to test equality"),
                    arguments("age => 25", 4, "unknown operator '='"),
                    arguments("age <> 25", 4, "unknown operator '<>'; write '!='"),
                    arguments("age ! 25", 4, "unknown operator '!'"),
                    arguments("x == 1 && y == 2", 7, "unexpected character '&'; write 'and'"),
                    arguments("x == 1 || y == 2", 7, "unexpected character '|'; write 'or'"),
                    arguments("x == 1 # comment", 7, "unexpected character '#'"),
                    arguments("x == 1 \u00a0", 7, "unexpected character U+00A0"),
                    arguments("x \u2264 1", 2, "unexpected character '\u2264' (U+2264)"),
                    arguments("x < -", 4, "unexpected character '-'"),
                    // trailing input
                    arguments("age < 25 )", 9, "unexpected ')' without a matching '('"),
                    arguments("age < 25 city == \"x\"", 9, "expected 'and', 'or' or the end of the expression after a complete condition, found 'city'"),
                    arguments("age < 25 25", 9, "found the number 25"),
                    // bad numbers and literals
                    arguments("age < 1.2.3", 9, "malformed number '1.2.3'; numbers are written like 25, -1.5 or 2.5e-3"),
                    arguments("age < 1.", 8, "malformed number '1.'"),
                    arguments("age < 1e", 8, "malformed number '1e'"),
                    arguments("age < 1e+", 9, "malformed number '1e+'"),
                    arguments("age < .5", 6, "malformed number '.5'"),
                    arguments("age < 12abc", 8, "malformed number '12abc'"),
                    arguments("age < 0x1F", 7, "malformed number '0x1F'"),
                    arguments("age < 1,5", 7, "expected 'and', 'or' or the end of the expression"),
                    arguments("age < 1e999", 6, "the number 1e999 is outside the range of a double"),
                    arguments("age < NaN", 6, "found 'NaN'; NaN and Infinity are not literals"),
                    arguments("age < -Infinity", 6, "unexpected character '-'"),
                    arguments("age < infinity", 6, "NaN and Infinity are not literals"),
                    arguments("city == Hamburg", 8, "found 'Hamburg'; write text in double quotes: \"Hamburg\""),
                    arguments("city == 'Hamburg'", 8, "write strings in double quotes"),
                    arguments("x == \"a\\n\"", 7, "unknown escape '\\n' in a string; the escapes are \\\" and \\\\"),
                    arguments("x == `y`", 5, "found the column name `y`; a comparison is between a column and a value"),
                    arguments("x == in", 5, "expected a value (a number, a \"string\", true or false) after '==', found the keyword 'in'"),
                    // lists and the keyword forms
                    arguments("x in 1, 2", 5, "expected '(' and a list of values after the keyword 'in', found the number 1"),
                    arguments("x in ()", 6, "expected a value after '(', found ')'"),
                    arguments("x in (1 2)", 8, "expected ',' or ')' in the list of values after the number 1, found the number 2"),
                    arguments("x in (1,", 8, "expected a value after ','"),
                    arguments("x in (1, 2", 10, "expected ',' or ')' in the list of values after the number 2"),
                    arguments("x not 1", 6, "expected 'in' after the keyword 'not', found the number 1"),
                    arguments("x is null", 5, "expected 'missing' or 'not missing' after the keyword 'is', found 'null'"),
                    arguments("x is not", 8, "expected 'missing' after the keyword 'not'"),
                    // names
                    arguments("`` == 1", 0, "empty column name ``"),
                    arguments("größe == 1", 2, "the name 'größe' has a character outside [A-Za-z0-9_]; backquote it: `größe`"),
                    arguments("é == 1", 0, "backquote it: `é`"),
                    arguments("\ud835\udd18x == 1", 0, "the name '\ud835\udd18x' has a character outside [A-Za-z0-9_]"),
                    arguments("x == 1 \ud83d\ude00", 7, "unexpected character '\ud83d\ude00' (U+1F600)"),
                    arguments("x == 1 \ud83d", 7, "unexpected character U+D83D"),
                    // nesting
                    arguments(deep, Parser.MAX_DEPTH, "parentheses and 'not' nest deeper than 200 levels"),
                    arguments(nots, 4 * Parser.MAX_DEPTH, "nest deeper than 200 levels"));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("errors")
        void eachErrorSaysWhatWasExpectedAndWhere(String expression, int position, String reason) {
            assertThatThrownBy(() -> RowPredicate.parse(expression))
                    .isInstanceOfSatisfying(PredicateSyntaxException.class, e -> {
                        assertThat(e.position()).as("position").isEqualTo(position);
                        assertThat(e.reason()).contains(reason);
                        String[] lines = e.getMessage().split("\n", -1);
                        assertThat(lines).hasSize(3);
                        assertThat(lines[0]).contains(" at position " + position).endsWith(":");
                        assertThat(lines[0].replace(" at position " + position, "")).isEqualTo(e.reason() + ":");
                        assertThat(lines[1]).hasSize(2 + expression.length());
                        assertThat(lines[2]).isEqualTo(" ".repeat(2 + position) + "^");
                    });
        }

        @ParameterizedTest(name = "position {0}")
        @ValueSource(ints = {-1, 5, Integer.MIN_VALUE})
        void aPositionOutsideTheExpressionIsRejected(int position) {
            assertThatThrownBy(() -> new PredicateSyntaxException("x ==", position, "r"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("position must be in [0, 4] but was " + position);
        }

        @Test
        void thePositionMayPointJustPastTheEnd() {
            assertThat(new PredicateSyntaxException("x ==", 4, "expected a value after '=='"))
                    .hasMessage("expected a value after '==' at position 4:\n  x ==\n      ^");
        }

        @Test
        void theDeepestNestingAllowedParses() {
            int depth = Parser.MAX_DEPTH;
            String parenthesized = "(".repeat(depth) + "x == 1" + ")".repeat(depth);
            String negated = "not ".repeat(depth) + "x == 1";

            assertThat(RowPredicate.parse(parenthesized)).isEqualTo(RowPredicate.parse("x == 1"));
            assertThat(RowPredicate.parse(negated).toString()).isEqualTo(negated);
        }

        @Test
        void numbersDoNotDependOnTheDefaultLocale() {
            Locale before = Locale.getDefault();
            try {
                Locale.setDefault(Locale.GERMANY);
                RowPredicate predicate = RowPredicate.parse("x > 1.5 and x < 1234567.25");

                assertThat(predicate).hasToString("x > 1.5 and x < 1234567.25");
                assertThat(predicate.matchingRows(Table.of(NumericColumn.of("x", 1.5, 1.75, 1234567.25))))
                        .containsExactly(1);
            } finally {
                Locale.setDefault(before);
            }
        }
    }

    @Nested
    class CanonicalForm {

        static Stream<Arguments> canonicalForms() {
            return Stream.of(
                    arguments("AGE<25", "AGE < 25"),
                    arguments("age<=25.0", "age <= 25"),
                    arguments("age > +1.50", "age > 1.5"),
                    arguments("age>-2", "age > -2"),
                    arguments("x == 1e3", "x == 1000"),
                    arguments("x == 1E-7", "x == 1.0E-7"),
                    arguments("x == 1e20", "x == 1.0E20"),
                    arguments("x == 123456789012345", "x == 123456789012345"),
                    arguments("x == -0.0", "x == -0.0"),
                    arguments("x == 0.0", "x == 0"),
                    arguments("x == 1e-400", "x == 0"),
                    arguments("x IN (1,2 ,3)", "x in (1, 2, 3)"),
                    arguments("x Not In (\"a\")", "x not in (\"a\")"),
                    arguments("x IS NOT MISSING", "x is not missing"),
                    arguments("x is Missing", "x is missing"),
                    arguments("NOT x is missing", "not x is missing"),
                    arguments("b == TRUE or b == False", "b == true or b == false"),
                    arguments("`credit amount` > 1", "`credit amount` > 1"),
                    arguments("`age` > 1", "age > 1"),
                    arguments("`and` == 1", "`and` == 1"),
                    arguments("`AND` == 1", "`AND` == 1"),
                    arguments("`Missing` is missing", "`Missing` is missing"),
                    arguments("`a``b` == 1", "`a``b` == 1"),
                    arguments("`größe` == 1", "`größe` == 1"),
                    arguments("`1st` == 1", "`1st` == 1"),
                    arguments("_x9 == 1", "_x9 == 1"),
                    arguments("NaN == 1", "NaN == 1"),
                    arguments("s == \"a\\\"b\\\\c\"", "s == \"a\\\"b\\\\c\""),
                    arguments("s == \"São Paulo\"", "s == \"São Paulo\""),
                    arguments("s == \"two\nlines\"", "s == \"two\nlines\""),
                    arguments("`two\nlines` == \"\"", "`two\nlines` == \"\""),
                    arguments("((a == 1))", "a == 1"),
                    arguments("(a == 1) or (b == 2)", "a == 1 or b == 2"),
                    arguments("(a == 1 or b == 2) and c == 3", "(a == 1 or b == 2) and c == 3"),
                    arguments("a == 1 or (b == 2 or c == 3)", "a == 1 or (b == 2 or c == 3)"),
                    arguments("a == 1 and (b == 2 and c == 3)", "a == 1 and (b == 2 and c == 3)"),
                    arguments("a == 1 or b == 2 and c == 3", "a == 1 or b == 2 and c == 3"),
                    arguments("a == 1 or (b == 2 and c == 3)", "a == 1 or b == 2 and c == 3"),
                    arguments("not (a == 1 and b == 2)", "not (a == 1 and b == 2)"),
                    arguments("not (not a == 1)", "not not a == 1"),
                    arguments("not (a == 1) and b == 2", "not a == 1 and b == 2"),
                    arguments("t >= \"2024-01-01T00:00:00Z\"", "t >= \"2024-01-01T00:00:00Z\""));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("canonicalForms")
        void toStringGivesTheCanonicalFormWhichParsesBackToAnEqualPredicate(String expression, String canonical) {
            RowPredicate predicate = RowPredicate.parse(expression);

            assertThat(predicate).hasToString(canonical);
            assertThat(RowPredicate.parse(canonical)).isEqualTo(predicate).hasSameHashCodeAs(predicate)
                    .hasToString(canonical);
        }

        @Test
        void notBindsTighterThanAndWhichBindsTighterThanOr() {
            assertThat(RowPredicate.parse("not a == 1 or b == 2 and c == 3"))
                    .isEqualTo(RowPredicate.parse("(not (a == 1)) or ((b == 2) and (c == 3))"))
                    .isNotEqualTo(RowPredicate.parse("not (a == 1 or b == 2) and c == 3"))
                    .isNotEqualTo(RowPredicate.parse("(not a == 1 or b == 2) and c == 3"));
            assertThat(RowPredicate.parse("a == 1 and b == 2 or c == 3"))
                    .isEqualTo(RowPredicate.parse("(a == 1 and b == 2) or c == 3"))
                    .isNotEqualTo(RowPredicate.parse("a == 1 and (b == 2 or c == 3)"));
        }

        @Test
        void equalityFollowsTheTreeNotTheSpelling() {
            RowPredicate predicate = RowPredicate.parse("age < 25");

            assertThat(predicate).isEqualTo(RowPredicate.parse("  age<25.0 ")).isEqualTo(RowPredicate.parse("(age < 2.5e1)"))
                    .isNotEqualTo(RowPredicate.parse("AGE < 25"))
                    .isNotEqualTo(RowPredicate.parse("age <= 25"))
                    .isNotEqualTo(RowPredicate.parse("age < 26"))
                    .isNotEqualTo(RowPredicate.parse("age < \"25\""))
                    .isNotEqualTo(null)
                    .isNotEqualTo("age < 25");
            assertThat(RowPredicate.parse("x == 0")).isNotEqualTo(RowPredicate.parse("x == -0.0"));
            assertThat(RowPredicate.parse("x is not missing")).isNotEqualTo(RowPredicate.parse("not x is missing"));
            assertThat(RowPredicate.parse("x not in (1)")).isNotEqualTo(RowPredicate.parse("not x in (1)"));
        }

        @Test
        void columnsListsEachNameOnceInOrderOfAppearance() {
            assertThat(RowPredicate.parse("b == 1 or (a is missing and not b in (2)) or `c d` != \"x\"").columns())
                    .containsExactly("b", "a", "c d");
        }
    }

    @Nested
    class Binding {

        static Stream<Arguments> bindingErrors() {
            return Stream.of(
                    arguments("agee < 25", "unknown column 'agee' in `agee < 25`; the 6 columns are: age, city, member, "
                            + "since, note, credit amount"),
                    arguments("age < 25 or credit_amount is missing", "unknown column 'credit_amount' in "
                            + "`credit_amount is missing`; the 6 columns are"),
                    arguments("city < \"x\"", "operator '<' orders values and applies to NUMERIC and TIMESTAMP columns, "
                            + "but column 'city' is CATEGORICAL, in `city < \"x\"`"),
                    arguments("note >= \"a\"", "operator '>=' orders values and applies to NUMERIC and TIMESTAMP columns, "
                            + "but column 'note' is TEXT"),
                    arguments("member > false", "but column 'member' is BOOLEAN"),
                    arguments("city == 25", "column 'city' is CATEGORICAL and cannot be compared with the number 25 in "
                            + "`city == 25`; write its values in double quotes, as in \"25\""),
                    arguments("city in (\"Hamburg\", true)", "column 'city' is CATEGORICAL and cannot be compared with "
                            + "the boolean true"),
                    arguments("age == \"25\"", "column 'age' is NUMERIC and cannot be compared with the string \"25\" in "
                            + "`age == \"25\"`; write numbers without quotes"),
                    arguments("age in (1, \"2\")", "column 'age' is NUMERIC and cannot be compared with the string \"2\""),
                    arguments("age == true", "column 'age' is NUMERIC and cannot be compared with the boolean true"),
                    arguments("member == \"true\"", "column 'member' is BOOLEAN and cannot be compared with the string "
                            + "\"true\" in `member == \"true\"`; compare it with true or false"),
                    arguments("member == 1", "column 'member' is BOOLEAN and cannot be compared with the number 1"),
                    arguments("note == true", "column 'note' is TEXT and cannot be compared with the boolean true"),
                    arguments("since > 5", "column 'since' is TIMESTAMP and cannot be compared with the number 5 in "
                            + "`since > 5`; compare it with an ISO-8601 instant in double quotes"),
                    arguments("since > \"2024-01-01\"", "column 'since' is TIMESTAMP but the string \"2024-01-01\" in "
                            + "`since > \"2024-01-01\"` is not an ISO-8601 instant with an offset or zone"),
                    arguments("since > \"2024-01-01T00:00:00\"", "is not an ISO-8601 instant with an offset or zone"),
                    arguments("since in (\"2024-01-01T00:00:00Z\", \"yesterday\")", "the string \"yesterday\""),
                    arguments("since == \"2024-13-01T00:00:00Z\"", "is not an ISO-8601 instant"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("bindingErrors")
        void bindingNamesTheColumnItsTypeAndTheLiteral(String expression, String message) {
            RowPredicate predicate = RowPredicate.parse(expression);

            assertThatThrownBy(() -> predicate.bind(FIXTURE)).isInstanceOf(SchemaException.class)
                    .hasMessageContaining(message);
            assertThatThrownBy(() -> predicate.check(FIXTURE.schema())).isInstanceOf(SchemaException.class)
                    .hasMessageContaining(message);
            assertThatThrownBy(() -> predicate.matchingRows(FIXTURE)).isInstanceOf(SchemaException.class);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.mlops.core.predicate.RowPredicateTest#expressionsAndRows")
        void aWellTypedPredicatePassesTheSchemaCheck(String expression, int[] expected) {
            RowPredicate predicate = RowPredicate.parse(expression);

            predicate.check(FIXTURE.schema());
            assertThat(predicate.columns()).allSatisfy(name -> assertThat(FIXTURE.schema().contains(name)).isTrue());
        }

        @Test
        void theSameTextBindsToWhicheverTypeTheColumnHas() {
            RowPredicate equalsString = RowPredicate.parse("x == \"1\"");
            Schema categorical = Schema.of(Field.of("x", ColumnType.CATEGORICAL));
            Schema text = Schema.of(Field.of("x", ColumnType.TEXT));
            Schema numeric = Schema.of(Field.of("x", ColumnType.NUMERIC));

            equalsString.check(categorical);
            equalsString.check(text);
            assertThatThrownBy(() -> equalsString.check(numeric)).isInstanceOf(SchemaException.class)
                    .hasMessageContaining("column 'x' is NUMERIC");
        }

        @Test
        void theBoundPredicateKnowsItsPredicateAndTable() {
            RowPredicate predicate = RowPredicate.parse("age < 25");
            BoundPredicate bound = predicate.bind(FIXTURE);

            assertThat(bound.predicate()).isSameAs(predicate);
            assertThat(bound.table()).isSameAs(FIXTURE);
            assertThat(bound.select()).isEqualTo(FIXTURE.rows(0, 5));
            assertThat(bound).hasToString("BoundPredicate[age < 25 over 8 rows]");
        }

        @Test
        void theBoundPredicateIsAnIntPredicate() {
            BoundPredicate bound = RowPredicate.parse("member == true").bind(FIXTURE);

            assertThat(IntStream.range(0, FIXTURE.rowCount()).filter(bound).toArray()).containsExactly(0, 3, 5);
            assertThat(IntStream.range(0, FIXTURE.rowCount()).filter(bound.negate()).toArray())
                    .containsExactly(1, 2, 4, 6, 7);
        }

        @ParameterizedTest(name = "row {0}")
        @ValueSource(ints = {-1, 8, Integer.MAX_VALUE, Integer.MIN_VALUE})
        void aRowOutsideTheTableIsRejected(int row) {
            BoundPredicate bound = RowPredicate.parse("age is missing or age < 25").bind(FIXTURE);

            assertThatThrownBy(() -> bound.test(row)).isInstanceOf(IndexOutOfBoundsException.class);
        }

        @Test
        void nullArgumentsAreRejectedByName() {
            RowPredicate predicate = RowPredicate.parse("age < 25");

            assertThatThrownBy(() -> RowPredicate.parse(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("expression");
            assertThatThrownBy(() -> predicate.bind(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("table");
            assertThatThrownBy(() -> predicate.check(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("schema");
        }

        @Test
        void testingARowAllocatesNothingAndCountingAllocatesTheBitmap() {
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            assumeThat(threads).isInstanceOf(com.sun.management.ThreadMXBean.class);
            com.sun.management.ThreadMXBean allocations = (com.sun.management.ThreadMXBean) threads;
            assumeThat(allocations.isThreadAllocatedMemorySupported()).isTrue();
            allocations.setThreadAllocatedMemoryEnabled(true);
            int n = 200_000;
            Table table = FIXTURE.rows(IntStream.range(0, n).map(i -> i % FIXTURE.rowCount()).toArray());
            BoundPredicate bound = RowPredicate.parse("(age < 30 or age != 25 and `credit amount` >= 1000) "
                    + "and city in (\"München\", \"Hamburg\") and not member == false "
                    + "or since > \"2024-01-01T00:00:00Z\" and note not in (\"ok\", \"OK\") or note is missing")
                    .bind(table);
            int expected = countOneByOne(bound, n);
            bound.countMatching();

            long thread = Thread.currentThread().getId();
            long before = allocations.getThreadAllocatedBytes(thread);
            int count = countOneByOne(bound, n);
            long allocated = allocations.getThreadAllocatedBytes(thread) - before;
            int bulk = bound.countMatching();
            long bulkAllocated = allocations.getThreadAllocatedBytes(thread) - before - allocated;

            assertThat(count).isEqualTo(expected).isEqualTo(bulk).isPositive();
            assertThat(allocated).as("bytes allocated while testing %s rows", n).isLessThan(4096);
            // the bitmap (a bit per row) and one block's buffers, nothing per row
            assertThat(bulkAllocated).as("bytes allocated while counting %s rows", n)
                    .isLessThan(n / 8 + 64 * 1024);
        }

        private static int countOneByOne(BoundPredicate bound, int rows) {
            int count = 0;
            for (int row = 0; row < rows; row++) {
                if (bound.test(row)) {
                    count++;
                }
            }
            return count;
        }
    }
}
