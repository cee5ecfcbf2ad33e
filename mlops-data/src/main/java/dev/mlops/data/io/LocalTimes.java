package dev.mlops.data.io;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * What a reader does with a local date or date-time that its zone does not place at exactly one
 * instant: one in a daylight-saving gap, which never happened on the clocks there
 * ({@code 2024-03-31 02:30} in Europe/Berlin, or the date {@code 2018-11-04} in
 * America/Sao_Paulo, whose midnight was skipped), or one in an overlap, which happened twice
 * ({@code 2024-10-27 02:30} in Europe/Berlin). A date stands for its local midnight. The formats'
 * settings write it in lower case ({@code error}, {@code earlier}, {@code later}).
 *
 * <p>As pandas' {@code tz_localize} does by default, reading refuses such a time unless told
 * otherwise; {@code earlier} and {@code later} are its {@code ambiguous} choice between the two
 * instants of an overlap, and both move a time in a gap forward by the gap's length (its
 * {@code nonexistent=timedelta} shift, and what {@code java.time} does): {@code 02:30} in the
 * one-hour spring gap reads as {@code 03:30} summer time. A read that resolves such times logs
 * their number at info level (logger {@code dev.mlops.data.io.TableBuilder}).
 */
public enum LocalTimes {
    /**
     * Refuse the time (the default): a {@link dev.mlops.core.DataFormatException} naming the
     * source, line, column and text, and whether the time is in a gap or an overlap of the zone.
     */
    ERROR,
    /** The earlier of an overlap's two instants (the offset in force before the clocks went back); a gap's time moves forward. */
    EARLIER,
    /** The later of an overlap's two instants (the offset in force after the clocks went back); a gap's time moves forward. */
    LATER;

    /** @return the lower-case name used in settings, such as {@code "earlier"} */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return how a time that {@code java.time} placed (a gap's moved forward, an overlap's at
     *     its earlier instant) is resolved, or null to refuse it
     */
    @Nullable UnaryOperator<ZonedDateTime> resolution() {
        return switch (this) {
            case ERROR -> null;
            case EARLIER -> ZonedDateTime::withEarlierOffsetAtOverlap;
            case LATER -> ZonedDateTime::withLaterOffsetAtOverlap;
        };
    }

    /**
     * @param setting a format's setting, where null stands for the default
     * @return the setting, or {@link #ERROR} for null
     */
    static LocalTimes orDefault(@Nullable LocalTimes setting) {
        return setting == null ? ERROR : setting;
    }

    /**
     * Reads a label written by {@link #label()}, in any case.
     *
     * @param label {@code "error"}, {@code "earlier"} or {@code "later"}
     * @return the policy
     * @throws IllegalArgumentException if the label is none of them; the message lists them
     */
    @JsonCreator
    public static LocalTimes fromLabel(String label) {
        for (LocalTimes policy : values()) {
            if (policy.label().equalsIgnoreCase(label.trim())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("localTimes must be error, earlier or later but was '" + label + "'");
    }
}
