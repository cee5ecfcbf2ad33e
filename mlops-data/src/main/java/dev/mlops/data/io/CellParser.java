package dev.mlops.data.io;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Turns the cells of one column into values of one type and collects them into a column.
 * {@link #accept} answers false, appending nothing, when a cell does not have the type's syntax.
 */
abstract class CellParser {

    static CellParser of(ColumnType type, String name, boolean inferring, @Nullable ZoneId zone) {
        return switch (type) {
            case NUMERIC -> new Numeric(name, inferring);
            case CATEGORICAL -> new Categorical(name);
            case BOOLEAN -> new Bool(name);
            case TIMESTAMP -> new Timestamp(name, new TimestampSyntax(zone));
            case TEXT -> new Text(name);
        };
    }

    abstract ColumnType type();

    abstract boolean accept(String text, CellKind kind);

    abstract void addMissing();

    abstract Column build();

    /** What a cell of this type looks like, for an error message about one that does not. */
    abstract String expectation(String text);

    /** Numbers; while inferring, an integer beyond ±2^53 (an id) does not count as a number. */
    private static final class Numeric extends CellParser {
        private final NumericColumn.Builder builder;
        private final NumberSyntax syntax = new NumberSyntax();
        private final boolean inferring;

        Numeric(String name, boolean inferring) {
            this.builder = NumericColumn.builder(name);
            this.inferring = inferring;
        }

        @Override
        ColumnType type() {
            return ColumnType.NUMERIC;
        }

        @Override
        boolean accept(String text, CellKind kind) {
            boolean number = switch (kind) {
                case TEXT, JSON_NUMBER -> syntax.parse(text) && !(inferring && syntax.integerBeyondDoublePrecision);
                case JSON_STRING -> syntax.isNonFiniteName(text);
                case JSON_BOOLEAN -> false;
            };
            if (number) {
                builder.add(syntax.value);
            }
            return number;
        }

        @Override
        void addMissing() {
            builder.addMissing();
        }

        @Override
        Column build() {
            return builder.build();
        }

        @Override
        String expectation(String text) {
            return "expected a number";
        }
    }

    /** Categories: every cell fits; a JSON number or boolean keeps its literal text. */
    private static final class Categorical extends CellParser {
        private final CategoricalColumn.Builder builder;

        Categorical(String name) {
            this.builder = CategoricalColumn.builder(name);
        }

        @Override
        ColumnType type() {
            return ColumnType.CATEGORICAL;
        }

        @Override
        boolean accept(String text, CellKind kind) {
            builder.add(text);
            return true;
        }

        @Override
        void addMissing() {
            builder.addMissing();
        }

        @Override
        Column build() {
            return builder.build();
        }

        @Override
        String expectation(String text) {
            return "expected a category";
        }
    }

    /** Free text: every cell fits. */
    private static final class Text extends CellParser {
        private final TextColumn.Builder builder;

        Text(String name) {
            this.builder = TextColumn.builder(name);
        }

        @Override
        ColumnType type() {
            return ColumnType.TEXT;
        }

        @Override
        boolean accept(String text, CellKind kind) {
            builder.add(text);
            return true;
        }

        @Override
        void addMissing() {
            builder.addMissing();
        }

        @Override
        Column build() {
            return builder.build();
        }

        @Override
        String expectation(String text) {
            return "expected text";
        }
    }

    /** {@code true} or {@code false} in any case, or a JSON boolean. */
    private static final class Bool extends CellParser {
        private final BooleanColumn.Builder builder;

        Bool(String name) {
            this.builder = BooleanColumn.builder(name);
        }

        @Override
        ColumnType type() {
            return ColumnType.BOOLEAN;
        }

        @Override
        boolean accept(String text, CellKind kind) {
            if (kind != CellKind.TEXT && kind != CellKind.JSON_BOOLEAN) {
                return false;
            }
            if (text.equalsIgnoreCase("true")) {
                builder.add(true);
                return true;
            }
            if (text.equalsIgnoreCase("false")) {
                builder.add(false);
                return true;
            }
            return false;
        }

        @Override
        void addMissing() {
            builder.addMissing();
        }

        @Override
        Column build() {
            return builder.build();
        }

        @Override
        String expectation(String text) {
            return "expected true or false";
        }
    }

    /** ISO-8601 instants; local times only with a zone. */
    private static final class Timestamp extends CellParser {
        private final TimestampColumn.Builder builder;
        private final TimestampSyntax syntax;

        Timestamp(String name, TimestampSyntax syntax) {
            this.builder = TimestampColumn.builder(name);
            this.syntax = syntax;
        }

        @Override
        ColumnType type() {
            return ColumnType.TIMESTAMP;
        }

        @Override
        boolean accept(String text, CellKind kind) {
            if (kind != CellKind.TEXT && kind != CellKind.JSON_STRING) {
                return false;
            }
            Instant instant = syntax.parse(text);
            if (instant == null) {
                return false;
            }
            builder.add(instant);
            return true;
        }

        @Override
        void addMissing() {
            builder.addMissing();
        }

        @Override
        Column build() {
            return builder.build();
        }

        @Override
        String expectation(String text) {
            return syntax.isLocalWithoutZone(text)
                    ? syntax.expectation() + "; this local time needs a zone (set one on the reader)"
                    : syntax.expectation();
        }
    }
}
