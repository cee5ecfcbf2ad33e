package dev.mlops.cli;

import dev.mlops.data.io.TableSource;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.ProfileOptions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The profile's settings that {@code mlops profile} and {@code mlops suggest} share:
 * {@code --exact-quantile-limit}, {@code --exact-distinct-limit}, {@code --top-k} and
 * {@code --frequent-items-map-size}; a
 * picocli mixin ({@code @Mixin ProfileSettings settings}).
 */
final class ProfileSettings {
    @Option(names = "--exact-quantile-limit", paramLabel = "N",
            description = "Up to N finite values a numeric column keeps them for exact quantiles; above, a KLL "
                    + "sketch estimates them (default: 100000).")
    private @Nullable Integer exactQuantileLimit;

    @Option(names = "--exact-distinct-limit", paramLabel = "N",
            description = "Up to N distinct values a categorical, boolean or text column counts each exactly; "
                    + "above, sketches estimate (default: 10000).")
    private @Nullable Integer exactDistinctLimit;

    @Option(names = "--top-k", paramLabel = "K",
            description = "How many most frequent values a categorical profile lists (default: 10).")
    private @Nullable Integer topK;

    @Option(names = "--frequent-items-map-size", paramLabel = "N",
            description = "The frequent-items sketch's map size above the exact-distinct limit, a power of 2 from 8 "
                    + "to 67108864; a larger map has a smaller error, so more values qualify as frequent (default: "
                    + "1024).")
    private @Nullable Integer frequentItemsMapSize;

    /** @return the default options changed by those given */
    ProfileOptions options(CommandSpec commandSpec) {
        ProfileOptions options = ProfileOptions.defaults();
        if (exactQuantileLimit != null) {
            options = options.withExactQuantileLimit(notNegative(commandSpec, "--exact-quantile-limit",
                    exactQuantileLimit));
        }
        if (exactDistinctLimit != null) {
            options = options.withExactDistinctLimit(notNegative(commandSpec, "--exact-distinct-limit",
                    exactDistinctLimit));
        }
        if (topK != null) {
            options = options.withTopK(notNegative(commandSpec, "--top-k", topK));
        }
        if (frequentItemsMapSize != null) {
            try {
                options = options.withFrequentItemsMapSize(frequentItemsMapSize);
            } catch (IllegalArgumentException e) {
                throw CommandSupport.usage(commandSpec, "--frequent-items-map-size must be a power of 2 from 8 to "
                        + "67108864 but was " + frequentItemsMapSize);
            }
        }
        return options;
    }

    /** @return true if any of the options was given */
    boolean given() {
        return exactQuantileLimit != null || exactDistinctLimit != null || topK != null
                || frequentItemsMapSize != null;
    }

    private static int notNegative(CommandSpec commandSpec, String option, int value) {
        if (value < 0) {
            throw CommandSupport.usage(commandSpec, option + " must not be negative but was "
                    + value);
        }
        return value;
    }

    /**
     * Profiles a table read in pieces ({@link DatasetProfile#of(TableSource, ProfileOptions)}: one
     * piece in memory at a time when the format streams, such as Parquet by row group), logging at
     * debug level how long it took.
     */
    static DatasetProfile profile(TableSource source, ProfileOptions options) {
        // looked up here, not in a static field: --verbose sets the log level before the first logger exists
        Logger log = LoggerFactory.getLogger(ProfileSettings.class);
        long start = System.nanoTime();
        DatasetProfile profile = DatasetProfile.of(source, options);
        log.debug("profiled {} rows and {} columns in {} ms", profile.rowCount(), profile.columns().size(),
                (System.nanoTime() - start) / 1_000_000);
        return profile;
    }
}
