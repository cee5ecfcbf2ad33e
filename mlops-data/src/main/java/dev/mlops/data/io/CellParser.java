package dev.mlops.data.io;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnBuilder;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.internal.TimestampSyntax;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Turns the cells of one column into values of one type and collects them into a column.
 * {@link #accept} answers false, appending nothing, when a cell does not have the type's syntax.
 */
abstract class CellParser {
    private final ColumnType type;
    private final ColumnBuilder builder;

    private CellParser(ColumnType type, ColumnBuilder builder) {
        this.type = type;
        this.builder = builder;
    }

    static CellParser of(ColumnType type, String name, boolean inferring, TimestampSyntax timestamps) {
        return switch (type) {
            case NUMERIC -> new Numeric(NumericColumn.builder(name), inferring);
            case CATEGORICAL -> {
                CategoricalColumn.Builder categories = CategoricalColumn.builder(name);
                yield new AnyText(type, categories, categories::add);
            }
            case TEXT -> {
                TextColumn.Builder texts = TextColumn.builder(name);
                yield new AnyText(type, texts, texts::add);
            }
            case BOOLEAN -> new Bool(BooleanColumn.builder(name));
            case TIMESTAMP -> new Timestamp(TimestampColumn.builder(name), timestamps);
        };
    }

    final ColumnType type() {
        return type;
    }

    final void addMissing() {
        builder.addMissing();
    }

    final Column build() {
        return builder.build();
    }

    /**
     * @throws TimestampSyntax.UnplacedLocalTime if a timestamp column meets a local time in a
     *     gap or overlap of its zone and the policy refuses it
     */
    abstract boolean accept(String text, CellKind kind);

    /** @return how many local times in a gap or overlap of the zone this column resolved */
    long resolvedLocalTimes() {
        return 0;
    }

    /** What a cell of this type looks like, for an error message about one that does not. */
    abstract String expectation(String text);

    /** Numbers; while inferring, an integer beyond ±2^53 (an id) does not count as a number. */
    private static final class Numeric extends CellParser {
        private final NumericColumn.Builder numbers;
        private final NumberSyntax syntax = new NumberSyntax();
        private final boolean inferring;

        Numeric(NumericColumn.Builder numbers, boolean inferring) {
            super(ColumnType.NUMERIC, numbers);
            this.numbers = numbers;
            this.inferring = inferring;
        }

        @Override
        boolean accept(String text, CellKind kind) {
            boolean number = switch (kind) {
                case TEXT, JSON_NUMBER -> syntax.parse(text) && !(inferring && syntax.integerBeyondDoublePrecision);
                case JSON_STRING -> syntax.isNonFiniteName(text);
                case JSON_BOOLEAN -> false;
            };
            if (number) {
                numbers.add(syntax.value);
            }
            return number;
        }

        @Override
        String expectation(String text) {
            return "expected a number";
        }
    }

    /** Categories or free text: every cell fits; a JSON number or boolean keeps its literal text. */
    private static final class AnyText extends CellParser {
        private final Consumer<String> add;

        AnyText(ColumnType type, ColumnBuilder builder, Consumer<String> add) {
            super(type, builder);
            this.add = add;
        }

        @Override
        boolean accept(String text, CellKind kind) {
            add.accept(text);
            return true;
        }

        @Override
        String expectation(String text) {
            return "expected text";
        }
    }

    /** {@code true} or {@code false} in any case, or a JSON boolean. */
    private static final class Bool extends CellParser {
        private final BooleanColumn.Builder booleans;

        Bool(BooleanColumn.Builder booleans) {
            super(ColumnType.BOOLEAN, booleans);
            this.booleans = booleans;
        }

        @Override
        boolean accept(String text, CellKind kind) {
            if (kind != CellKind.TEXT && kind != CellKind.JSON_BOOLEAN) {
                return false;
            }
            boolean isTrue = text.equalsIgnoreCase("true");
            if (!isTrue && !text.equalsIgnoreCase("false")) {
                return false;
            }
            booleans.add(isTrue);
            return true;
        }

        @Override
        String expectation(String text) {
            return "expected true or false";
        }
    }

    /** ISO-8601 instants; local times only with a zone. */
    private static final class Timestamp extends CellParser {
        private final TimestampColumn.Builder instants;
        private final TimestampSyntax syntax;
        private long resolved;
        private final Runnable count = () -> resolved++;

        Timestamp(TimestampColumn.Builder instants, TimestampSyntax syntax) {
            super(ColumnType.TIMESTAMP, instants);
            this.instants = instants;
            this.syntax = syntax;
        }

        @Override
        boolean accept(String text, CellKind kind) {
            if (kind != CellKind.TEXT && kind != CellKind.JSON_STRING) {
                return false;
            }
            Instant instant = syntax.parse(text, count);
            if (instant == null) {
                return false;
            }
            instants.add(instant);
            return true;
        }

        @Override
        long resolvedLocalTimes() {
            return resolved;
        }

        @Override
        String expectation(String text) {
            return syntax.isLocalWithoutZone(text)
                    ? syntax.expectation() + "; this local time needs a zone (set one on the reader)"
                    : syntax.expectation();
        }
    }
}
