package dev.mlops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.Documents;
import dev.mlops.core.json.Json;
import dev.mlops.data.io.Compression;
import dev.mlops.monitor.report.MonitoringReport;
import dev.mlops.monitor.report.ReportFiles;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * What the commands share: the usage error, the same-file test, the JSON printing and the
 * converters of options that several commands have. Stateless, thread-safe.
 */
final class CommandSupport {

    /** The length of an ISO-8601 date, {@code 2026-12-01}. */
    private static final int DATE_LENGTH = 10;

    private CommandSupport() {
        throw new AssertionError("no instances");
    }

    /**
     * A usage error of a command: exit 2 with the message, as for an option picocli refused.
     *
     * @param commandSpec the command
     * @param message what is wrong with its options, naming them
     * @return the exception to throw
     */
    static ParameterException usage(CommandSpec commandSpec, String message) {
        return new ParameterException(commandSpec.commandLine(), message);
    }

    /**
     * The name a command gives what it writes (a suite's name in reports): {@code --name} when
     * given, else the source file's name without its extension.
     *
     * @param commandSpec the command
     * @param name the {@code --name} given, or null
     * @param source the file the command read
     * @return the name
     * @throws picocli.CommandLine.ParameterException if {@code --name} is blank
     */
    static String nameOrFileName(CommandSpec commandSpec, @Nullable String name, Path source) {
        if (name != null) {
            if (name.isBlank()) {
                throw usage(commandSpec, "--name must not be blank");
            }
            return name;
        }
        return stem(source);
    }

    /**
     * @param file a file
     * @return its name without the format's extension, nor a compression's before it:
     *     {@code credit-g} for {@code credit-g.csv} and for {@code credit-g.csv.gz}
     */
    static String stem(Path file) {
        String fileName = Compression.withoutExtension(String.valueOf(file.getFileName()));
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /**
     * Tells whether two paths name the same file, by their absolute, normalised forms (without
     * following links), so that a command never writes over its input.
     *
     * @param a a path
     * @param b another path
     * @return true if they are the same path
     */
    static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /**
     * Starts a document with {@link Documents#create} and adds a report record's fields after
     * {@code kind} and {@code formatVersion}, in the record's order.
     *
     * @param kind the document's kind
     * @param formatVersion the version of its format
     * @param report the report, a record whose fields Jackson writes
     * @return the document
     */
    static ObjectNode document(String kind, int formatVersion, Record report) {
        ObjectNode document = Documents.create(kind, formatVersion);
        document.setAll((ObjectNode) Json.toTree(report));
        return document;
    }

    /**
     * Writes a monitoring report's {@code report.html} and {@code report.json} into a directory
     * and says on stderr where they are (stdout stays the command's result).
     *
     * @param commandSpec the command, whose stderr is written to
     * @param report the report
     * @param directory where the two files go
     */
    static void writeReport(CommandSpec commandSpec, MonitoringReport report, Path directory) {
        ReportFiles files = ReportFiles.write(report, directory);
        PrintWriter err = commandSpec.commandLine().getErr();
        err.println("Report: " + files.html().toAbsolutePath() + " (open it in a browser), data in "
                + files.json().getFileName());
        err.flush();
    }

    /**
     * Prints a JSON document for people and diffs ({@link Documents#write}) and a line break, and
     * flushes.
     *
     * @param out where to print, such as the command's stdout
     * @param document the document, started with {@link Documents#create}
     */
    static void printJson(PrintWriter out, JsonNode document) {
        out.print(Documents.write(document));
        out.print('\n');
        out.flush();
    }

    /** Reads {@code --delimiter}: one character, or {@code tab} or {@code \t} for a tab. */
    static final class DelimiterConverter implements ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            if ("tab".equalsIgnoreCase(value) || "\\t".equals(value)) {
                return '\t';
            }
            if (value.length() != 1) {
                throw new TypeConversionException("expected one character, or 'tab', but was '" + value + "'");
            }
            char c = value.charAt(0);
            if (c == '\n' || c == '\r' || c == '"') {
                throw new TypeConversionException("the delimiter must not be a line break or the quote character \"");
            }
            return c;
        }
    }

    /** Reads {@code --zone}: a zone ID such as {@code Europe/Berlin}, {@code UTC} or {@code +05:30}. */
    static final class ZoneConverter implements ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value);
            } catch (DateTimeException e) {
                throw new TypeConversionException("expected a time zone such as Europe/Berlin, UTC or +05:30 but was '"
                        + value + "'");
            }
        }
    }

    /**
     * Reads a time option such as {@code --as-of}: an ISO-8601 instant ({@code 2026-12-01T08:30:00Z}),
     * a date and time with an offset ({@code 2026-12-01T09:30:00+01:00}) or a date
     * ({@code 2026-12-01}, its midnight in UTC).
     */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            String text = value.strip();
            try {
                if (text.length() == DATE_LENGTH) {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("expected a time such as 2026-12-01T08:30:00Z, "
                        + "2026-12-01T09:30:00+01:00 or 2026-12-01 but was '" + value + "'");
            }
        }
    }

    /** Reads {@code --charset}: a charset this JVM supports, such as {@code UTF-8} or {@code ISO-8859-1}. */
    static final class CharsetConverter implements ITypeConverter<Charset> {
        @Override
        public Charset convert(String value) {
            try {
                return Charset.forName(value);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new TypeConversionException("expected a charset such as UTF-8, ISO-8859-1 or windows-1252 but was '"
                        + value + "'");
            }
        }
    }
}
