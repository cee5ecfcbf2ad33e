package dev.mlops.data.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Reads ISO-8601 times as instants: a date and time with {@code Z} or an offset
 * ({@code 2024-01-31T12:00:00Z}, {@code 2024-01-31T12:00:00+01:00}) always; a local date and
 * time ({@code 2024-01-31T12:00:00}) or a date ({@code 2024-01-31}) only when a zone is given,
 * since a local time is no instant until a zone places it. A space may stand for the {@code T}.
 * A date stands for its local midnight. A local time the zone does not place at exactly one
 * instant (a daylight-saving gap or overlap) is refused or resolved (the readers' policy is
 * {@code dev.mlops.data.io.LocalTimes}).
 *
 * <p>Shared by the readers ({@code dev.mlops.data.io}) and the profiles' type shares
 * ({@code dev.mlops.data.profile}); not part of the public API. Immutable and thread-safe.
 */
public final class TimestampSyntax {
    private static final Runnable UNCOUNTED = () -> { };

    private final @Nullable ZoneId zone;
    private final @Nullable UnaryOperator<ZonedDateTime> resolution;

    /**
     * Creates the syntax.
     *
     * @param zone the zone that places local dates and times, or null when they are not timestamps
     * @param resolution how a local time in a gap or overlap of the zone is resolved: applied to
     *     the time java.time places (a gap's time moved forward by the gap, an overlap's earlier
     *     instant), such as {@link ZonedDateTime#withLaterOffsetAtOverlap}; null to refuse it
     */
    public TimestampSyntax(@Nullable ZoneId zone, @Nullable UnaryOperator<ZonedDateTime> resolution) {
        this.zone = zone;
        this.resolution = resolution;
    }

    /**
     * Reads a timestamp.
     *
     * @param text the text
     * @return the instant the text names, or null when it is not a timestamp this syntax reads
     * @throws UnplacedLocalTime if the text is a local time in a gap or overlap of the zone and
     *     this syntax refuses such times
     */
    public @Nullable Instant parse(String text) {
        return parse(text, UNCOUNTED);
    }

    /**
     * Reads a timestamp, telling when it resolved a local time in a gap or overlap.
     *
     * @param text the text
     * @param onResolved run once for each local time in a gap or overlap the policy resolved
     * @return the instant the text names, or null when it is not a timestamp this syntax reads
     * @throws UnplacedLocalTime if the text is a local time in a gap or overlap of the zone and
     *     this syntax refuses such times
     */
    public @Nullable Instant parse(String text, Runnable onResolved) {
        int dateLength = dateLength(text);
        if (dateLength < 0) {
            return null;
        }
        try {
            if (text.length() == dateLength) {
                return zone == null ? null
                        : place(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(), zone, onResolved);
            }
            char separator = text.charAt(dateLength);
            if (separator != 'T' && separator != ' ') {
                return null;
            }
            String iso = separator == 'T' ? text : text.substring(0, dateLength) + 'T' + text.substring(dateLength + 1);
            if (hasZoneOrOffset(iso, dateLength)) {
                return parseZoned(iso);
            }
            return zone == null ? null : place(LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME), zone, onResolved);
        } catch (DateTimeParseException notATimestamp) {
            return null;
        }
    }

    private Instant place(LocalDateTime local, ZoneId zone, Runnable onResolved) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.size() == 1) {
            return local.toInstant(offsets.get(0));
        }
        if (resolution == null) {
            throw new UnplacedLocalTime(offsets.isEmpty()
                    ? "the local time " + local + " does not exist in " + zone + " (the clocks skipped it: a daylight-saving gap)"
                    : "the local time " + local + " is ambiguous in " + zone
                            + " (the clocks showed it twice: a daylight-saving overlap)");
        }
        onResolved.run();
        return resolution.apply(ZonedDateTime.ofLocal(local, zone, null)).toInstant();
    }

    /** ISO_INSTANT reaches the whole range of Instant (years beyond ±999,999,999); the offset form allows minutes only. */
    private static Instant parseZoned(String iso) {
        try {
            return DateTimeFormatter.ISO_INSTANT.parse(iso, Instant::from);
        } catch (DateTimeParseException withoutSeconds) {
            return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        }
    }

    /**
     * Tells whether the text is a local date or date-time that a zone would make readable.
     *
     * @param text the text
     * @return true if this syntax has no zone and a zone would make the text a timestamp
     */
    public boolean isLocalWithoutZone(String text) {
        return zone == null && new TimestampSyntax(ZoneOffset.UTC, null).parse(text) != null;
    }

    /** @return what a timestamp must look like, for error messages */
    public String expectation() {
        return zone == null
                ? "expected an ISO-8601 instant with a zone or offset, such as 2024-01-31T12:00:00Z"
                : "expected an ISO-8601 date or date-time (local times are read in " + zone + ")";
    }

    /**
     * Returns the length of the ISO date the text starts with (an optional sign, a year of four
     * or more digits, {@code -MM-DD}), or -1 when it starts with none.
     */
    private static int dateLength(String text) {
        int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        int yearEnd = start;
        while (yearEnd < text.length() && isAsciiDigit(text.charAt(yearEnd))) {
            yearEnd++;
        }
        int length = yearEnd + 6;
        if (yearEnd - start < 4 || text.length() < length || text.charAt(yearEnd) != '-' || text.charAt(yearEnd + 3) != '-'
                || !isAsciiDigit(text.charAt(yearEnd + 1)) || !isAsciiDigit(text.charAt(yearEnd + 2))
                || !isAsciiDigit(text.charAt(yearEnd + 4)) || !isAsciiDigit(text.charAt(yearEnd + 5))) {
            return -1;
        }
        return length;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean hasZoneOrOffset(String iso, int dateLength) {
        char last = iso.charAt(iso.length() - 1);
        return last == 'Z' || last == 'z' || iso.indexOf('+', dateLength) > 0 || iso.indexOf('-', dateLength) > 0;
    }

    /**
     * A local time that the zone does not place at exactly one instant, when the syntax refuses
     * such times; the readers turn it into a {@code DataFormatException} naming
     * the cell.
     */
    public static final class UnplacedLocalTime extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnplacedLocalTime(String message) {
            super(message);
        }
    }
}
