package dev.mlops.store;

import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.lineage.LineageInput;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link LineageInput} is kept in six consecutive columns of a store's table, so that every
 * store (tracking runs, registry versions, feature reads) writes and reads lineage alike: its name
 * and kind (text, not null), its version and the SHA-256 of its fingerprint (text, null when
 * absent), and the bounds of its window in epoch microseconds (bigint, both null when it has none;
 * microseconds because the feature store's event times, and so its reads' windows, have that
 * precision: an exclusive end one microsecond past a read's last prediction time must read back
 * as it was written).
 */
public final class LineageColumns {
    private LineageColumns() {
    }

    /**
     * The values to bind for a row that holds an input after some other columns (the owner's key,
     * a position), with typed nulls for what the input lacks.
     *
     * @param leading the values of the columns before the input's, in order
     * @param input the input
     * @return the leading values, then the input's six, for {@link Sql#update} or {@link Sql#batch}
     */
    public static Object[] row(List<Object> leading, LineageInput input) {
        List<Object> values = new ArrayList<>(leading);
        values.addAll(List.of(values(input)));
        return values.toArray();
    }

    private static Object[] values(LineageInput input) {
        return new Object[] {input.name(), input.kind(), Sql.Null.orText(input.version()),
            Sql.Null.orText(input.fingerprint().map(Fingerprint::sha256)), Sql.Null.orEpochMicros(input.from()),
            Sql.Null.orEpochMicros(input.until())};
    }

    /**
     * Reads an input from the current row of a result.
     *
     * @param row the result, on a row
     * @param first the 1-based index of the input's first column (its name)
     * @return the input
     * @throws SQLException if the columns cannot be read
     * @throws IllegalArgumentException if the stored values do not make an input (see
     *     {@link LineageInput#restore})
     */
    public static LineageInput read(ResultSet row, int first) throws SQLException {
        String fingerprint = row.getString(first + 3);
        return LineageInput.restore(row.getString(first), row.getString(first + 1), row.getString(first + 2),
                fingerprint == null ? null : new Fingerprint(fingerprint), instant(row, first + 4),
                instant(row, first + 5));
    }

    private static @Nullable Instant instant(ResultSet row, int column) throws SQLException {
        long micros = row.getLong(column);
        return row.wasNull() ? null : EpochMicros.instant(micros);
    }
}
