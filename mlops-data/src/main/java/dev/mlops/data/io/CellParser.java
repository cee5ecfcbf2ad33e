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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns the cells of one column into values of one type and collects them into a column.
 * {@link #stage} parses a cell into a pending value, answering false when the cell does not have
 * the type's syntax, and {@link #commit} appends the pending value, so that a reader can check
 * every cell of a row before it appends any; {@link #accept} does both.
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
                yield new AnyText(type, categories, categories::add, categories);
            }
            case TEXT -> {
                TextColumn.Builder texts = TextColumn.builder(name);
                yield new AnyText(type, texts, texts::add, null);
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
     * Parses a cell and appends its value.
     *
     * @return false, appending nothing, if the cell does not have the type's syntax
     * @throws TimestampSyntax.UnplacedLocalTime if a timestamp column meets a local time in a
     *     gap or overlap of its zone and the policy refuses it
     */
    final boolean accept(Cell cell) {
        if (!stage(cell)) {
            return false;
        }
        commit();
        return true;
    }

    /**
     * Parses a cell into the pending value, replacing any pending one.
     *
     * @return false if the cell does not have the type's syntax
     * @throws TimestampSyntax.UnplacedLocalTime if a timestamp column meets a local time in a
     *     gap or overlap of its zone and the policy refuses it
     */
    abstract boolean stage(Cell cell);

    /** Appends the value {@link #stage} parsed last. */
    abstract void commit();

    /**
     * Parses a cell of ASCII bytes with no doubled quote (a CSV cell that is not a missing
     * token) and appends its value, as {@link #accept} would, without a {@link Cell}: the
     * readers' fast path for the types that read such bytes directly.
     *
     * @param bytes the buffer
     * @param from the cell's first byte
     * @param to just past its last byte
     * @return false, appending nothing, if this type has no such path or the cell does not have
     *     its syntax: the caller then hands the cell to {@link #accept}
     */
    boolean acceptAscii(byte[] bytes, int from, int to) {
        return false;
    }

    /**
     * Reads a number of the common form that starts at {@code at} into the pending value, for a
     * reader that finds where a cell ends by reading it ({@link NumberSyntax#parsePrefix}):
     * {@link #commit} appends it.
     *
     * @param bytes the buffer
     * @param at the cell's first byte
     * @param limit the end of the bytes read
     * @return the offset just past the number, or -1 if this type reads no numbers or the bytes
     *     do not start one of that form: the caller then finds the cell's end itself
     */
    int stageNumberAt(byte[] bytes, int at, int limit) {
        return -1;
    }

    /**
     * Parses a cell of plain ASCII bytes (no quotes, not a missing token) into the pending value,
     * as {@link #stage} would: {@link #commit} appends it.
     *
     * @param bytes the buffer
     * @param from the cell's first byte
     * @param to just past its last byte
     * @return false if this type has no such path or the cell does not have its syntax
     */
    boolean stageAscii(byte[] bytes, int from, int to) {
        return false;
    }

    /** @return true if every cell of ASCII bytes fits this type, so that {@link #acceptAscii} always appends it */
    boolean acceptsAnyAscii() {
        return false;
    }

    /** @return how many local times in a gap or overlap of the zone this column resolved */
    long resolvedLocalTimes() {
        return 0;
    }

    /**
     * Appends every value another parser of the same type collected (the next chunk of an input
     * read in parallel), missing values as missing, copying its arrays at once.
     *
     * @param other a parser of this type
     */
    final void appendAll(CellParser other) {
        builder.addAll(other.builder);
        absorbCounts(other);
    }

    /** @return the number of values appended so far */
    final int size() {
        return builder.size();
    }

    /**
     * Makes room for the given number of values in all, so that the column is built without a copy.
     *
     * @param rows the number of values the column will hold
     */
    final void reserve(int rows) {
        builder.ensureCapacity(rows);
    }

    /** Adds another parser's counts to this one's. */
    void absorbCounts(CellParser other) {
        // only timestamps count something
    }

    /** What a cell of this type looks like, for an error message about one that does not. */
    abstract String expectation(String text);

    /** Numbers; while inferring, an integer beyond ±2^53 (an id) does not count as a number. */
    private static final class Numeric extends CellParser {
        private final NumericColumn.Builder numbers;
        private final NumberSyntax syntax = new NumberSyntax();
        private final boolean inferring;
        private double pending;

        Numeric(NumericColumn.Builder numbers, boolean inferring) {
            super(ColumnType.NUMERIC, numbers);
            this.numbers = numbers;
            this.inferring = inferring;
        }

        @Override
        boolean stage(Cell cell) {
            boolean number = switch (cell.kind()) {
                case TEXT, JSON_NUMBER -> cell.parseNumber(syntax) && !(inferring && syntax.integerBeyondDoublePrecision);
                case JSON_STRING -> syntax.isNonFiniteName(cell.text());
                case JSON_BOOLEAN -> false;
            };
            pending = syntax.value;
            return number;
        }

        @Override
        void commit() {
            numbers.add(pending);
        }

        @Override
        boolean acceptAscii(byte[] bytes, int from, int to) {
            if (!syntax.parse(bytes, from, to) || inferring && syntax.integerBeyondDoublePrecision) {
                return false;
            }
            numbers.add(syntax.value);
            return true;
        }

        @Override
        boolean stageAscii(byte[] bytes, int from, int to) {
            boolean number = syntax.parse(bytes, from, to) && !(inferring && syntax.integerBeyondDoublePrecision);
            pending = syntax.value;
            return number;
        }

        /** The common form never holds an integer beyond ±2^53, so inference keeps every number it reads. */
        @Override
        int stageNumberAt(byte[] bytes, int at, int limit) {
            int end = syntax.parsePrefix(bytes, at, limit);
            pending = syntax.value;
            return end;
        }

        @Override
        String expectation(String text) {
            return "expected a number";
        }
    }

    /** Categories or free text: every cell fits; a JSON number or boolean keeps its literal text. */
    private static final class AnyText extends CellParser {
        private final Consumer<String> add;
        private final CategoricalColumn.@Nullable Builder categories;
        private final @Nullable Levels levels;
        private String pending = "";

        /** @param categories the builder of a categorical column, or null for free text */
        AnyText(ColumnType type, ColumnBuilder builder, Consumer<String> add,
                CategoricalColumn.@Nullable Builder categories) {
            super(type, builder);
            this.add = add;
            this.categories = categories;
            this.levels = categories == null ? null : new Levels();
        }

        @Override
        boolean stage(Cell cell) {
            pending = levels == null ? cell.text() : cell.level(levels);
            return true;
        }

        @Override
        void commit() {
            add.accept(pending);
        }

        @Override
        boolean acceptsAnyAscii() {
            return true;
        }

        /** A level seen before appends its code; a new one is decoded, added and its code remembered. */
        @Override
        boolean acceptAscii(byte[] bytes, int from, int to) {
            CategoricalColumn.Builder codes = categories;
            if (codes == null) {
                add.accept(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
                return true;
            }
            Levels known = Objects.requireNonNull(levels, "levels");
            int code = known.code(bytes, from, to);
            if (code == Levels.NO_CODE) {
                String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
                known.remember(bytes, from, to, text, codes.addLevel(text));
            } else {
                codes.addCode(code);
            }
            return true;
        }

        @Override
        String expectation(String text) {
            return "expected text";
        }
    }

    /** {@code true} or {@code false} in any case, or a JSON boolean. */
    private static final class Bool extends CellParser {
        private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
        private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
        private final BooleanColumn.Builder booleans;
        private boolean pending;

        Bool(BooleanColumn.Builder booleans) {
            super(ColumnType.BOOLEAN, booleans);
            this.booleans = booleans;
        }

        @Override
        boolean stage(Cell cell) {
            if (cell.kind() != CellKind.TEXT && cell.kind() != CellKind.JSON_BOOLEAN) {
                return false;
            }
            String text = cell.text();
            pending = text.equalsIgnoreCase("true");
            return pending || text.equalsIgnoreCase("false");
        }

        @Override
        boolean stageAscii(byte[] bytes, int from, int to) {
            pending = matchesIgnoringCase(bytes, from, to, TRUE);
            return pending || matchesIgnoringCase(bytes, from, to, FALSE);
        }

        /** Compares ASCII bytes, ignoring case, with a lower-case word. */
        private static boolean matchesIgnoringCase(byte[] bytes, int from, int to, byte[] word) {
            if (to - from != word.length) {
                return false;
            }
            for (int i = 0; i < word.length; i++) {
                if ((bytes[from + i] | 0x20) != word[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        void commit() {
            booleans.add(pending);
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
        private @Nullable Instant pending;

        Timestamp(TimestampColumn.Builder instants, TimestampSyntax syntax) {
            super(ColumnType.TIMESTAMP, instants);
            this.instants = instants;
            this.syntax = syntax;
        }

        @Override
        boolean stage(Cell cell) {
            if (cell.kind() != CellKind.TEXT && cell.kind() != CellKind.JSON_STRING) {
                return false;
            }
            pending = syntax.parse(cell.text(), count);
            return pending != null;
        }

        @Override
        void commit() {
            instants.add(Objects.requireNonNull(pending, "pending"));
        }

        @Override
        long resolvedLocalTimes() {
            return resolved;
        }


        @Override
        void absorbCounts(CellParser other) {
            resolved += other.resolvedLocalTimes();
        }

        @Override
        String expectation(String text) {
            return syntax.isLocalWithoutZone(text)
                    ? syntax.expectation() + "; this local time needs a zone (set one on the reader)"
                    : syntax.expectation();
        }
    }
}
