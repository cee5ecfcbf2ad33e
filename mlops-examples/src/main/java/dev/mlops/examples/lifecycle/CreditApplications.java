package dev.mlops.examples.lifecycle;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.io.CsvFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Step 1 of the walk: the bundled German credit data ({@code credit-g.csv}, 1,000 applications,
 * 21 columns, label {@code class}: {@code good} or {@code bad}), each application given a
 * <b>synthetic</b> date.
 *
 * <p>credit-g has no dates. So that a recent set and time windows exist, each row gets an
 * {@value #DATE} drawn uniformly, to the second, from the two years {@link #FIRST_DATE} (inclusive)
 * to {@link #END_DATE} (exclusive) by a {@link SplittableRandom} seeded with
 * {@code seed.derive("application-dates")}: the same seed gives the same dates on every machine.
 * Nothing in the data depends on these dates; they only order the applications.
 *
 * <p>The CSV is read from the class path ({@value #RESOURCE}), so the walk runs from any working
 * directory.
 */
public final class CreditApplications {
    /** Where the data set is on the class path. */
    public static final String RESOURCE = "/data/credit-g.csv";
    /** The label column. */
    public static final String LABEL = "class";
    /** The synthetic date column the walk adds. */
    public static final String DATE = "application_date";
    /** The first instant a synthetic date may take. */
    public static final Instant FIRST_DATE = Instant.parse("2023-01-01T00:00:00Z");
    /** The instant every synthetic date is before: two years after {@link #FIRST_DATE}. */
    public static final Instant END_DATE = Instant.parse("2025-01-01T00:00:00Z");

    private CreditApplications() {
    }

    /**
     * Reads the data set and adds the synthetic date column as the last column.
     *
     * @param seed the seed the dates derive from
     * @return 1,000 rows: credit-g's 21 columns and {@value #DATE}
     * @throws UncheckedIOException if the resource cannot be read
     * @throws IllegalStateException if the resource is not on the class path
     */
    public static Table load(Seed seed) {
        Table credit = read();
        List<Column> columns = new ArrayList<>(credit.columns());
        columns.add(syntheticDates(credit.rowCount(), seed));
        return Table.of(columns);
    }

    /**
     * The rows in date order, oldest first; rows of equal dates in table order.
     *
     * @param applications a table with the {@value #DATE} column
     * @return the row indices, oldest first
     */
    public static int[] oldestFirst(Table applications) {
        TimestampColumn dates = applications.timestampColumn(DATE);
        return IntStream.range(0, applications.rowCount()).boxed()
                .sorted(Comparator.comparing(dates::get))
                .mapToInt(Integer::intValue).toArray();
    }

    private static Table read() {
        try (InputStream in = CreditApplications.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the data set " + RESOURCE + " is not on the class path; run with"
                        + " mlops-examples/target/classes on it");
            }
            return CsvFormat.defaults().read(in, "classpath:" + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + RESOURCE, e);
        }
    }

    private static TimestampColumn syntheticDates(int rows, Seed seed) {
        SplittableRandom random = seed.derive("application-dates").random();
        long seconds = Duration.between(FIRST_DATE, END_DATE).toSeconds();
        Instant[] dates = new Instant[rows];
        for (int row = 0; row < rows; row++) {
            dates[row] = FIRST_DATE.plusSeconds(random.nextLong(seconds));
        }
        return TimestampColumn.of(DATE, dates);
    }
}
