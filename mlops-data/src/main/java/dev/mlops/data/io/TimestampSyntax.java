package dev.mlops.data.io;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads ISO-8601 times as instants: a date and time with {@code Z} or an offset
 * ({@code 2024-01-31T12:00:00Z}, {@code 2024-01-31T12:00:00+01:00}) always; a local date and
 * time ({@code 2024-01-31T12:00:00}) or a date ({@code 2024-01-31}) only when a zone is given,
 * since a local time is no instant until a zone places it. A space may stand for the {@code T}.
 */
final class TimestampSyntax {
    private final @Nullable ZoneId zone;

    TimestampSyntax(@Nullable ZoneId zone) {
        this.zone = zone;
    }

    /** Returns the instant the text names, or null when it is not a timestamp this syntax reads. */
    @Nullable Instant parse(String text) {
        if (!looksLikeDate(text)) {
            return null;
        }
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            if (iso.length() == 10) {
                return zone == null ? null : LocalDate.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(zone).toInstant();
            }
            if (hasZoneOrOffset(iso)) {
                return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
            return zone == null ? null : LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException notATimestamp) {
            return null;
        }
    }

    /** Tells whether the text is a local date or date-time that a zone would make readable. */
    boolean isLocalWithoutZone(String text) {
        return zone == null && looksLikeDate(text) && new TimestampSyntax(ZoneId.of("UTC")).parse(text) != null;
    }

    /** What a timestamp must look like, for error messages. */
    String expectation() {
        return zone == null
                ? "expected an ISO-8601 instant with a zone or offset, such as 2024-01-31T12:00:00Z"
                : "expected an ISO-8601 date or date-time (local times are read in " + zone + ")";
    }

    private static boolean looksLikeDate(String text) {
        return text.length() >= 10 && text.charAt(4) == '-' && text.charAt(7) == '-'
                && isAsciiDigit(text.charAt(0)) && isAsciiDigit(text.charAt(3));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean hasZoneOrOffset(String iso) {
        char last = iso.charAt(iso.length() - 1);
        if (last == 'Z' || last == 'z') {
            return true;
        }
        int time = iso.indexOf('T');
        return time > 0 && (iso.indexOf('+', time) > 0 || iso.indexOf('-', time) > 0);
    }
}
