package dev.mlops.cli;

import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.text.ReadableText;
import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.ColumnProfile;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.ItemCount;
import dev.mlops.data.profile.Method;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.profile.ProfileOptions;
import dev.mlops.data.profile.Quantile;
import dev.mlops.data.profile.TimestampProfile;
import dev.mlops.data.profile.TypeShares;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlops profile FILE}: profiles a CSV, JSON Lines or Parquet file, or one of a plugin's format
 * ({@link DatasetProfile}; a format that streams, such as Parquet, piece by piece through a
 * {@link dev.mlops.data.io.TableSource}, so that a file larger than the heap can be profiled), and
 * prints a summary per column (rows and missing values; for numbers the mean, standard
 * deviation, minimum, quantiles and maximum; for categories the distinct count and the most
 * frequent values), or the profile's JSON with {@code --json}. {@code --out} also writes the
 * profile's JSON to a file, atomically: the reference that {@code mlops check --reference} and
 * {@code mlops suggest --profile} read.
 */
@Command(
        name = "profile",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Profiles a CSV, JSON Lines or Parquet file (or a plugin's format): each column's counts, missing values "
                    + "and statistics.",
            "For a numeric column the mean, standard deviation, minimum, quantiles and maximum (NaN and "
                    + "infinities counted apart); for a categorical, boolean or text column the number of distinct "
                    + "values and the most frequent ones; for a timestamp column the earliest and latest time.",
            "Prints a summary, or the profile's JSON with --json; --out writes the JSON to a file (the reference "
                    + "for 'mlops check --reference' and 'mlops suggest --profile').",
            "Up to --exact-quantile-limit values per column the quantiles are exact, above it they come from a KLL "
                    + "sketch; up to --exact-distinct-limit distinct values every value is counted, above it "
                    + "HyperLogLog and frequent-items sketches estimate. The summary says which.",
            "A format that streams (Parquet, by row group) is read and profiled one piece at a time, so a "
                    + "file larger than memory can be profiled; the profile is the whole file's, its fingerprint read "
                    + "column by column. --verbose logs each piece.",
            "A column that the format's schema marks sensitive (--format 'csv(schema=[{name=ssn, type=text, "
                    + "sensitive=true}, ...])') is written and summarised sketch-only, without its top values."
        })
final class ProfileCommand implements Callable<Integer> {
    /** Significant digits of the numbers in the summary; --json has them all. */
    static final int DIGITS = 6;

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV or JSON Lines file (UTF-8).")
    private @Nullable Path file;

    @Option(names = "--out", paramLabel = "PROFILE_JSON",
            description = "Also write the profile's JSON to this file (replaced atomically).")
    private @Nullable Path out;

    @Option(names = "--json", description = "Print the profile's JSON instead of a summary.")
    private boolean json;

    @Mixin
    private ProfileSettings settings = new ProfileSettings();

    @Mixin
    private InputFormat.Options input = new InputFormat.Options();

    ProfileCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        Path inputFile = Objects.requireNonNull(file, "file");
        ProfileOptions options = settings.options(commandSpec);
        if (out != null && CommandSupport.sameFile(out, inputFile)) {
            throw CommandSupport.usage(commandSpec, "--out " + out + " would overwrite the input file");
        }
        DatasetProfile profile = ProfileSettings.profile(LoggedSource.of(input.tableFormat(inputFile), inputFile),
                options).forExport();
        String profileJson = profile.toJson() + "\n";
        if (out != null) {
            AtomicFiles.writeString(out, profileJson);
        }
        PrintWriter stdout = commandSpec.commandLine().getOut();
        if (json) {
            stdout.print(profileJson);
        } else {
            stdout.print(summary(inputFile, profile));
            if (out != null) {
                stdout.print("profile written to " + out + "\n");
            }
        }
        stdout.flush();
        return MlopsCommand.EXIT_OK;
    }

    /** The header line, then per column a line with its name, type and counts and indented lines of statistics. */
    static String summary(Path inputFile, DatasetProfile profile) {
        StringBuilder text = new StringBuilder();
        int columns = profile.columns().size();
        line(text, "%s: %s, %s", inputFile, count(profile.rowCount(), "row"), count(columns, "column"));
        int positionWidth = Integer.toString(columns).length();
        String indent = " ".repeat(positionWidth + 2);
        for (int i = 0; i < columns; i++) {
            ColumnProfile column = profile.columns().get(i);
            boolean sensitive = profile.sensitiveColumns().contains(column.name());
            line(text, "%" + positionWidth + "d %s (%s%s): %s, %d missing", i + 1, ReadableText.name(column.name()),
                    column.type().name().toLowerCase(Locale.ROOT), sensitive ? ", sensitive" : "",
                    count(column.count(), "row"), column.missing());
            for (String detail : details(column, sensitive)) {
                text.append(indent).append(detail).append('\n');
            }
        }
        return text.toString();
    }

    private static List<String> details(ColumnProfile column, boolean sensitive) {
        if (column instanceof NumericProfile numeric) {
            return numericDetails(numeric);
        }
        if (column instanceof CategoricalProfile categorical) {
            return categoricalDetails(categorical, sensitive);
        }
        TimestampProfile timestamps = (TimestampProfile) column;
        if (timestamps.earliest().isEmpty()) {
            return List.of("no values");
        }
        return List.of("earliest " + timestamps.earliest().get() + "  latest " + timestamps.latest().orElseThrow());
    }

    private static List<String> numericDetails(NumericProfile numeric) {
        List<String> lines = new ArrayList<>();
        if (numeric.nan() + numeric.positiveInfinity() + numeric.negativeInfinity() > 0) {
            lines.add(String.format(Locale.ROOT, "finite %d  NaN %d  +Infinity %d  -Infinity %d", numeric.finite(),
                    numeric.nan(), numeric.positiveInfinity(), numeric.negativeInfinity()));
        }
        if (numeric.finite() == 0) {
            lines.add("no finite values");
            return lines;
        }
        lines.add(distinct(numeric.distinctMethod(), numeric.distinct(), numeric.distinctLowerBound(),
                numeric.distinctUpperBound()));
        lines.add("mean " + number(numeric.mean()) + "  std " + number(numeric.standardDeviation()) + "  zeros "
                + numeric.zeros() + "  negatives " + numeric.negatives());
        StringBuilder quantiles = new StringBuilder("min ").append(number(numeric.min()));
        for (Quantile quantile : numeric.quantiles()) {
            double p = quantile.probability();
            if (p > 0 && p < 1) {
                quantiles.append("  p").append(percent(p)).append(' ').append(ReadableText.number(quantile.value()));
            }
        }
        quantiles.append("  max ").append(number(numeric.max()));
        if (numeric.quantileMethod() == Method.EXACT) {
            quantiles.append("  (exact quantiles)");
        } else {
            quantiles.append("  (KLL sketch quantiles, rank error ±")
                    .append(new BigDecimal(100 * numeric.rankError()).round(new MathContext(3)).stripTrailingZeros()
                            .toPlainString())
                    .append("%)");
        }
        lines.add(quantiles.toString());
        return lines;
    }

    /** A sensitive column's top values are raw values: the summary leaves them out, as the written profile does. */
    private static List<String> categoricalDetails(CategoricalProfile categorical, boolean sensitive) {
        long present = categorical.count() - categorical.missing();
        if (present == 0) {
            return List.of("no values");
        }
        boolean exact = categorical.distinctMethod() == Method.EXACT;
        List<String> lines = new ArrayList<>();
        lines.add(distinct(categorical.distinctMethod(), categorical.distinct(), categorical.distinctLowerBound(),
                categorical.distinctUpperBound()));
        if (categorical.type() != ColumnType.BOOLEAN) {
            typeShares(categorical.typeShares()).ifPresent(lines::add);
        }
        if (sensitive) {
            lines.add("top values not shown: the column is sensitive");
            return lines;
        }
        if (categorical.noFrequentValue()) {
            lines.add("no value is frequent (every count is within the sketch's error ±" + categorical.frequencyError()
                    + ")");
            return lines;
        }
        if (categorical.topK().isEmpty()) {
            return lines;
        }
        List<String> top = new ArrayList<>();
        for (ItemCount item : categorical.topK()) {
            top.add(exact
                    ? String.format(Locale.ROOT, "%s %d (%.1f%%)", ReadableText.value(item.value()), item.count(),
                            100.0 * item.count() / present)
                    : String.format(Locale.ROOT, "%s ~%d (%.1f%%, %d to %d)", ReadableText.value(item.value()),
                            item.count(), 100.0 * item.count() / present, item.lowerBound(), item.upperBound()));
        }
        lines.add("top " + String.join(", ", top) + (exact ? ""
                : "  (frequent-items sketch: only values guaranteed frequent, counts within ±"
                        + categorical.frequencyError() + ")"));
        return lines;
    }

    private static String distinct(Method method, long distinct, long lower, long upper) {
        return method == Method.EXACT ? "distinct " + distinct + " (exact)"
                : "distinct ~" + distinct + " (HyperLogLog, " + lower + " to " + upper + ")";
    }

    /**
     * How a categorical or text column's values would read as other types, when some would: a
     * number column that one bad value made categorical shows here.
     */
    private static Optional<String> typeShares(TypeShares shares) {
        long total = shares.total();
        if (total == 0 || shares.text() == total) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        share(parts, "numeric", shares.numeric(), total);
        share(parts, "boolean", shares.booleans(), total);
        share(parts, "timestamp", shares.timestamps(), total);
        share(parts, "text", shares.text(), total);
        return Optional.of("values read as " + String.join(", ", parts));
    }

    private static void share(List<String> parts, String kind, long count, long total) {
        if (count > 0) {
            parts.add(String.format(Locale.ROOT, "%s %d (%.1f%%)", kind, count, 100.0 * count / total));
        }
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? ReadableText.number(value.getAsDouble()) : "-";
    }


    /** A probability as a percentage without trailing zeros: 0.25 is "25", 0.999 is "99.9". */
    private static String percent(double p) {
        return new BigDecimal(Double.toString(p)).movePointRight(2).round(new MathContext(DIGITS)).stripTrailingZeros()
                .toPlainString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void line(StringBuilder text, String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
