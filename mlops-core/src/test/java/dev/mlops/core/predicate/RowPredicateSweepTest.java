package dev.mlops.core.predicate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the parser and evaluator with a reference evaluation written here, straight from the
 * rules stated on {@link RowPredicate}, over random tables and random expressions. Each case has
 * its own seed drawn from one fixed master seed; a failure names the seed and the expression.
 */
class RowPredicateSweepTest {

    private static final long MASTER_SEED = 0x9e3779b97f4a7c15L;
    private static final int CASES = 400;
    private static final int EXPRESSIONS_PER_TABLE = 25;
    private static final int BITMAP_CASES = 150;

    private static final double[] NUMBERS = {-2, -1, -0.0, 0, 0.5, 1, 2, 1e20};
    /** Spellings of the numbers above, the strict syntax in several forms. */
    private static final String[][] NUMBER_SPELLINGS = {
        {"-2", "-2.0", "-0.2e1", "-2E0"},
        {"-1", "-1.000", "-10e-1"},
        {"-0.0", "-0", "-0e5"},
        {"0", "0.0", "+0", "0E-3"},
        {"0.5", "5e-1", "+0.50", "0.05E1"},
        {"1", "1.0", "1E0", "+1"},
        {"2", "2.0", "0.2e+1"},
        {"1e20", "1.0E20", "100000000000000000000"},
    };
    private static final String[] LEVELS = {"a", "b", "München", "São Paulo", "x y", "say \"hi\"", "back\\slash"};
    private static final String[] TEXTS = {"", "a", "A", "Straße", "say \"hi\"", "back\\slash", "x y"};
    private static final Instant[] INSTANTS = {
        Instant.parse("2024-01-01T00:00:00Z"),
        Instant.parse("2024-01-01T00:00:00.000000001Z"),
        Instant.parse("2023-12-31T23:59:59Z"),
        Instant.parse("2024-06-30T22:00:00Z"),
        Instant.parse("1969-12-31T23:59:59.5Z"),
    };
    private static final ZoneId[] ZONES = {
        ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHours(-8), ZoneId.of("Europe/Berlin"),
    };
    /** Names that exercise backquotes: keywords, spaces, a backquote, non-ASCII, a leading digit. */
    private static final String[] NAMES = {"x", "Col_1", "credit amount", "and", "IS", "a`b", "größe", "1st", "_", "NaN"};

    static Stream<Long> seeds() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        return LongStream.generate(master::nextLong).limit(CASES).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theEvaluatorAgreesWithTheReference(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Table table = randomTable(random, random.nextInt(0, 40));
        for (int e = 0; e < EXPRESSIONS_PER_TABLE; e++) {
            Expression expression = randomExpression(random, table, 0);
            String text = expression.text();
            String context = "seed " + seed + ", expression " + text;

            RowPredicate predicate = RowPredicate.parse(text);
            List<Integer> expected = new ArrayList<>();
            for (int row = 0; row < table.rowCount(); row++) {
                if (expression.test(row)) {
                    expected.add(row);
                }
            }
            assertThat(predicate.matchingRows(table)).as(context)
                    .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
            RowPredicate reparsed = RowPredicate.parse(predicate.toString());
            assertThat(reparsed).as(context).isEqualTo(predicate).hasSameHashCodeAs(predicate)
                    .hasToString(predicate.toString());
        }
    }

    /**
     * Table sizes for the bitmap sweep: around the 64 rows of a bitmap word and the block the
     * evaluation works in, never only multiples of 64.
     */
    private static final int[] BITMAP_SIZES = {1, 63, 64, 65, 127, 129, 1000, 2047, 2048, 2049, 4095, 4097};

    static Stream<Long> bitmapSeeds() {
        return seeds().limit(BITMAP_CASES);
    }

    /**
     * {@link BoundPredicate#selection()} evaluates a column at a time into a bitmap; it must
     * give exactly the rows that {@link BoundPredicate#test(int)}, row by row, accepts, and
     * {@link BoundPredicate#countMatching()} and {@link BoundPredicate#matchingRows()} follow
     * it, on tables and views of every size, with missing values and NaN, for every operator and
     * type and nested {@code and}, {@code or} and {@code not}.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("bitmapSeeds")
    void theBitmapAgreesWithTheRowByRowPath(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int size = BITMAP_SIZES[random.nextInt(BITMAP_SIZES.length)] + random.nextInt(-1, 2);
        Table table = randomTable(random, size);
        for (int e = 0; e < EXPRESSIONS_PER_TABLE; e++) {
            Expression expression = randomExpression(random, table, 0);
            String context = "seed " + seed + ", " + table.rowCount() + " rows, expression " + expression.text();
            BoundPredicate bound = RowPredicate.parse(expression.text()).bind(table);
            BitSet expected = new BitSet();
            BitSet reference = new BitSet();
            for (int row = 0; row < table.rowCount(); row++) {
                expected.set(row, bound.test(row));
                reference.set(row, expression.test(row));
            }

            BitSet selection = bound.selection();

            assertThat(expected).as(context).isEqualTo(reference);
            assertThat(selection).as(context).isEqualTo(expected);
            assertThat(bound.countMatching()).as(context).isEqualTo(expected.cardinality());
            assertThat(bound.matchingRows()).as(context).containsExactly(expected.stream().toArray());
        }
    }

    /**
     * A table large enough to be evaluated in partitions on the common pool gives the same
     * bitmap as testing its rows one by one.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("parallelSeeds")
    void aLargeTableEvaluatedInParallelPartitionsGivesTheSameBitmap(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Table table = randomTable(random, 2 * Bound.PARALLEL_ROWS + random.nextInt(1, 2048));
        assertThat(table.rowCount()).isGreaterThanOrEqualTo(Bound.PARALLEL_ROWS);
        for (int e = 0; e < 5; e++) {
            Expression expression = randomExpression(random, table, 0);
            BoundPredicate bound = RowPredicate.parse(expression.text()).bind(table);
            BitSet expected = new BitSet();
            for (int row = 0; row < table.rowCount(); row++) {
                expected.set(row, expression.test(row));
            }

            assertThat(bound.selection()).as("seed %s, expression %s", seed, expression.text()).isEqualTo(expected);
        }
    }

    static Stream<Long> parallelSeeds() {
        return seeds().skip(BITMAP_CASES).limit(3);
    }

    /** Characters a corrupted expression gains: every kind of token and some the syntax rejects. */
    private static final String NOISE = "()`\"\\,=!<>&|'.+-eE019 \t\nxaNorandotinismissingtruefalseé\u00a0";

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aCorruptedExpressionParsesOrFailsWithAPosition(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Table table = randomTable(random, random.nextInt(0, 40));
        for (int e = 0; e < EXPRESSIONS_PER_TABLE; e++) {
            StringBuilder text = new StringBuilder(randomExpression(random, table, 0).text());
            int edits = random.nextInt(1, 4);
            for (int k = 0; k < edits; k++) {
                int at = random.nextInt(text.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                    case 1 -> text.delete(at, Math.min(text.length(), at + random.nextInt(1, 4)));
                    default -> text.setLength(at);
                }
            }
            String corrupted = text.toString();
            String context = "seed " + seed + ", expression " + corrupted;
            RowPredicate predicate;
            try {
                predicate = RowPredicate.parse(corrupted);
            } catch (PredicateSyntaxException error) {
                assertThat(error.position()).as(context).isBetween(0, corrupted.length());
                assertThat(error.expression()).as(context).isEqualTo(corrupted);
                assertThat(error.getMessage()).as(context).endsWith("\n  " + " ".repeat(error.position()) + "^");
                continue;
            }
            assertThat(RowPredicate.parse(predicate.toString())).as(context).isEqualTo(predicate);
        }
    }

    // ---- random tables -------------------------------------------------------------------

    /** A table of the given rows, or a view of up to 40 (or as many as it has) of its rows. */
    private static Table randomTable(SplittableRandom random, int rows) {
        List<String> names = new ArrayList<>(List.of(NAMES));
        for (int i = names.size() - 1; i > 0; i--) {
            names.set(i, names.set(random.nextInt(i + 1), names.get(i)));
        }
        // some tables have no missing values at all, others many
        double missing = random.nextInt(4) == 0 ? 0 : random.nextDouble(0, 0.4);
        NumericColumn.Builder numeric = NumericColumn.builder(names.get(0));
        CategoricalColumn.Builder categorical = CategoricalColumn.builder(names.get(1));
        BooleanColumn.Builder bool = BooleanColumn.builder(names.get(2));
        TimestampColumn.Builder timestamp = TimestampColumn.builder(names.get(3));
        TextColumn.Builder text = TextColumn.builder(names.get(4));
        // a few more levels than rows use, so a view's dictionary names levels no row holds
        int levelCount = random.nextInt(1, LEVELS.length + 1);
        for (int row = 0; row < rows; row++) {
            if (random.nextDouble() < missing) {
                numeric.addMissing();
            } else {
                numeric.add(random.nextInt(8) == 0 ? Double.NaN : NUMBERS[random.nextInt(NUMBERS.length)]);
            }
            if (random.nextDouble() < missing) {
                categorical.addMissing();
            } else {
                categorical.add(LEVELS[random.nextInt(levelCount)]);
            }
            if (random.nextDouble() < missing) {
                bool.addMissing();
            } else {
                bool.add(random.nextBoolean());
            }
            if (random.nextDouble() < missing) {
                timestamp.addMissing();
            } else {
                timestamp.add(INSTANTS[random.nextInt(INSTANTS.length)]);
            }
            if (random.nextDouble() < missing) {
                text.addMissing();
            } else {
                text.add(TEXTS[random.nextInt(TEXTS.length)]);
            }
        }
        Table table = Table.of(numeric.build(), categorical.build(), bool.build(), timestamp.build(), text.build());
        if (rows > 0 && random.nextBoolean()) {
            int[] view = new int[rows > 40 ? rows : random.nextInt(0, 40)];
            for (int i = 0; i < view.length; i++) {
                view[i] = random.nextInt(rows);
            }
            return table.rows(view);
        }
        return table;
    }

    // ---- random expressions with a reference evaluation ------------------------------------

    /** An expression's text and, independently of the library, its value on a row. */
    private interface Expression {
        String text();

        /** Whether the expression needs parentheses inside {@code and}, {@code or} or {@code not}. */
        int level();

        boolean test(int row);
    }

    private record Leaf(String text, Column column, LeafTest test) implements Expression {
        @Override
        public int level() {
            return 3;
        }

        @Override
        public boolean test(int row) {
            return test.test(row);
        }
    }

    private interface LeafTest {
        boolean test(int row);
    }

    private record Not(String keyword, Expression operand) implements Expression {
        @Override
        public String text() {
            return keyword + " " + (operand.level() < 2 ? "(" + operand.text() + ")" : operand.text());
        }

        @Override
        public int level() {
            return 2;
        }

        @Override
        public boolean test(int row) {
            return !operand.test(row);
        }
    }

    private record Junction(boolean and, List<String> keywords, List<Expression> operands, List<Boolean> parens)
            implements Expression {
        @Override
        public String text() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < operands.size(); i++) {
                if (i > 0) {
                    out.append(' ').append(keywords.get(i - 1)).append(' ');
                }
                Expression operand = operands.get(i);
                boolean group = parens.get(i) || operand.level() < level();
                out.append(group ? "(" + operand.text() + ")" : operand.text());
            }
            return out.toString();
        }

        @Override
        public int level() {
            return and ? 1 : 0;
        }

        @Override
        public boolean test(int row) {
            for (Expression operand : operands) {
                if (operand.test(row) == !and) {
                    return !and;
                }
            }
            return and;
        }
    }

    private static Expression randomExpression(SplittableRandom random, Table table, int depth) {
        int choice = depth >= 3 ? 0 : random.nextInt(6);
        if (choice <= 2) {
            return randomLeaf(random, table);
        }
        if (choice == 3) {
            return new Not(keyword(random, "not"), randomExpression(random, table, depth + 1));
        }
        boolean and = choice == 4;
        int n = random.nextInt(2, 4);
        List<String> keywords = new ArrayList<>();
        List<Expression> operands = new ArrayList<>();
        List<Boolean> parens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            operands.add(randomExpression(random, table, depth + 1));
            parens.add(random.nextInt(4) == 0);
            keywords.add(keyword(random, and ? "and" : "or"));
        }
        return new Junction(and, keywords, operands, parens);
    }

    /** A keyword in a random case. */
    private static String keyword(SplittableRandom random, String keyword) {
        return switch (random.nextInt(3)) {
            case 0 -> keyword;
            case 1 -> keyword.toUpperCase(Locale.ROOT);
            default -> Character.toUpperCase(keyword.charAt(0)) + keyword.substring(1);
        };
    }

    private static String columnText(SplittableRandom random, String name) {
        boolean bare = name.matches("[A-Za-z_][A-Za-z0-9_]*")
                && !List.of("and", "or", "not", "in", "is", "missing", "true", "false")
                        .contains(name.toLowerCase(Locale.ROOT));
        return bare && random.nextInt(3) > 0 ? name : "`" + name.replace("`", "``") + "`";
    }

    private static Leaf randomLeaf(SplittableRandom random, Table table) {
        Column column = table.column(random.nextInt(table.columnCount()));
        String name = columnText(random, column.name());
        int form = random.nextInt(10);
        if (form == 0) {
            boolean negated = random.nextBoolean();
            return new Leaf(name + " " + keyword(random, "is") + (negated ? " " + keyword(random, "not") : "") + " "
                    + keyword(random, "missing"), column, row -> column.isMissing(row) != negated);
        }
        boolean list = form <= 3;
        boolean negated = random.nextBoolean();
        int count = list ? random.nextInt(1, 4) : 1;
        List<String> spellings = new ArrayList<>();
        List<LeafTest> equalities = new ArrayList<>();
        String operator = "==";
        LeafTest comparison = null;
        switch (column.type()) {
            case NUMERIC -> {
                NumericColumn numeric = (NumericColumn) column;
                boolean ordered = !list && random.nextBoolean();
                operator = ordered ? new String[] {"<", "<=", ">", ">="}[random.nextInt(4)] : negated ? "!=" : "==";
                for (int i = 0; i < count; i++) {
                    int k = random.nextInt(NUMBERS.length + 1);
                    // one value no row holds
                    double value = k == NUMBERS.length ? 3 : NUMBERS[k];
                    String[] forms = k == NUMBERS.length ? new String[] {"3", "3.0", "+3"} : NUMBER_SPELLINGS[k];
                    spellings.add(forms[random.nextInt(forms.length)]);
                    equalities.add(row -> numeric.get(row) == value);
                    if (ordered) {
                        String op = operator;
                        comparison = row -> switch (op) {
                            case "<" -> numeric.get(row) < value;
                            case "<=" -> numeric.get(row) <= value;
                            case ">" -> numeric.get(row) > value;
                            default -> numeric.get(row) >= value;
                        };
                    }
                }
            }
            case TIMESTAMP -> {
                TimestampColumn timestamp = (TimestampColumn) column;
                boolean ordered = !list && random.nextBoolean();
                operator = ordered ? new String[] {"<", "<=", ">", ">="}[random.nextInt(4)] : negated ? "!=" : "==";
                for (int i = 0; i < count; i++) {
                    Instant instant = INSTANTS[random.nextInt(INSTANTS.length)];
                    ZoneId zone = ZONES[random.nextInt(ZONES.length)];
                    DateTimeFormatter format = zone instanceof ZoneOffset ? DateTimeFormatter.ISO_OFFSET_DATE_TIME
                            : DateTimeFormatter.ISO_ZONED_DATE_TIME;
                    spellings.add("\"" + format.format(instant.atZone(zone)) + "\"");
                    equalities.add(row -> timestamp.get(row).equals(instant));
                    if (ordered) {
                        String op = operator;
                        comparison = row -> {
                            int c = timestamp.get(row).compareTo(instant);
                            return switch (op) {
                                case "<" -> c < 0;
                                case "<=" -> c <= 0;
                                case ">" -> c > 0;
                                default -> c >= 0;
                            };
                        };
                    }
                }
            }
            case CATEGORICAL, TEXT -> {
                operator = negated ? "!=" : "==";
                String[] pool = column.type() == dev.mlops.core.table.ColumnType.CATEGORICAL ? LEVELS : TEXTS;
                for (int i = 0; i < count; i++) {
                    String value = random.nextInt(pool.length + 1) == 0 ? "zzz" : pool[random.nextInt(pool.length)];
                    spellings.add("\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
                    if (column instanceof CategoricalColumn categorical) {
                        equalities.add(row -> categorical.get(row).equals(value));
                    } else {
                        TextColumn text = (TextColumn) column;
                        equalities.add(row -> text.get(row).equals(value));
                    }
                }
            }
            case BOOLEAN -> {
                operator = negated ? "!=" : "==";
                BooleanColumn bool = (BooleanColumn) column;
                for (int i = 0; i < count; i++) {
                    boolean value = random.nextBoolean();
                    spellings.add(keyword(random, Boolean.toString(value)));
                    equalities.add(row -> bool.get(row) == value);
                }
            }
        }
        LeafTest ordering = comparison;
        LeafTest present = ordering != null ? ordering : row -> {
            boolean any = false;
            for (LeafTest equality : equalities) {
                any |= equality.test(row);
            }
            return any != negated;
        };
        LeafTest reference = row -> !column.isMissing(row) && present.test(row);
        String text = list
                ? name + (negated ? " " + keyword(random, "not") : "") + " " + keyword(random, "in") + " ("
                        + String.join(random.nextBoolean() ? ", " : ",", spellings) + ")"
                : name + (random.nextBoolean() ? " " : "") + operator + (random.nextBoolean() ? " " : "")
                        + spellings.get(0);
        return new Leaf(text, column, reference);
    }
}
