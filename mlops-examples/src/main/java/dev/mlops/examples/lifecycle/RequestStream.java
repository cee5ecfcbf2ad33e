package dev.mlops.examples.lifecycle;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The simulated applications the endpoint is asked about: rows of the held-out set, drawn by a
 * seeded generator, without their label (which the operations half delivers later, as ground
 * truth that arrives late).
 *
 * <p>{@link StreamWindow.Traffic#NORMAL Normal} traffic deals the held-out rows like a shuffled
 * deck, reshuffled when it runs out, so a window of a few hundred requests holds each row about
 * once. Drawing them with replacement instead would add a bootstrap's sampling error to the
 * held-out set's own, and the per-column drift tests would then call normal traffic drifted more
 * often than their level. {@code RequestStreamTest.AgainstTheDriftTests} holds the stream to the
 * drift tests of {@link Operations} on the test fixture's credit-g split, over five stream seeds:
 * no normal window is found drifted, every drifted one is found drifted in {@code age}. The
 * {@link StreamWindow.Traffic#DRIFTED drifted} stream draws {@link #OLDER_SHARE} of
 * its requests from the applicants aged at least {@link #OLDER_AGE} (with replacement: there are
 * few) and the rest from the deck: a population of applicants grown older, with everything that
 * comes with age in this data (longer employment, owned housing, other credit purposes). Not
 * thread-safe.
 */
final class RequestStream {
    /** The age from which an applicant counts as older in the drifted stream. */
    static final double OLDER_AGE = 50;
    /** The share of the drifted stream's requests drawn from the older applicants. */
    static final double OLDER_SHARE = 0.85;

    /** The field of a raw application that names the applicant. */
    static final String APPLICANT = "applicant";

    private final Table applications;
    private final String label;
    private final String[] features;
    private final String[] labels;
    private final int[] older;
    private final SplittableRandom random;
    private final int[] deck;
    private int dealt;
    private long sent;

    /**
     * A stream over held-out rows.
     *
     * @param heldOut the rows, with the label and an {@code age} column
     * @param features the columns a request carries (the label not among them)
     * @param label the label column
     * @param seed the seed of every draw
     * @throws IllegalArgumentException if the rows are empty or hold no applicant aged {@link #OLDER_AGE} or more
     */
    RequestStream(Table heldOut, List<String> features, String label, long seed) {
        if (heldOut.rowCount() == 0) {
            throw new IllegalArgumentException("the held-out rows are empty: there is no application to send");
        }
        if (features.contains(label)) {
            throw new IllegalArgumentException("a request must not carry the label '" + label + "'");
        }
        this.applications = heldOut;
        this.label = label;
        this.features = features.toArray(String[]::new);
        this.labels = IntStream.range(0, heldOut.rowCount())
                .mapToObj(heldOut.categoricalColumn(label)::get).toArray(String[]::new);
        NumericColumn age = heldOut.numericColumn("age");
        this.older = IntStream.range(0, heldOut.rowCount())
                .filter(row -> !age.isMissing(row) && age.get(row) >= OLDER_AGE).toArray();
        if (older.length == 0) {
            throw new IllegalArgumentException("the held-out rows hold no applicant aged " + OLDER_AGE
                    + " or more, so no drifted stream can be drawn");
        }
        this.random = new SplittableRandom(seed);
        this.deck = IntStream.range(0, heldOut.rowCount()).toArray();
        this.dealt = deck.length;
    }

    /**
     * Draws the next application.
     *
     * @param traffic which applicants it comes from
     * @return the request: its inference id, the applicant, its features and its label (to be delivered late)
     */
    Application next(StreamWindow.Traffic traffic) {
        boolean fromOlder = traffic == StreamWindow.Traffic.DRIFTED && random.nextDouble() < OLDER_SHARE;
        int row = fromOlder ? older[random.nextInt(older.length)] : deal();
        sent++;
        String applicant = String.format(Locale.ROOT, "applicant-%04d", row);
        return new Application(String.format(Locale.ROOT, "req-%06d", sent), row, applicant, arrived(row, applicant),
                applications.rows(row).select(features), Objects.requireNonNull(labels[row], "label"));
    }

    /**
     * @return the application as it arrived: the applicant, then every column of the row but the
     *     label (the date included), as JSON-writable values (a time as ISO-8601 text, a missing
     *     cell as null)
     */
    private Map<String, @Nullable Object> arrived(int row, String applicant) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put(APPLICANT, applicant);
        for (Column column : applications.columns()) {
            if (!column.name().equals(label)) {
                values.put(column.name(), column.isMissing(row) ? null : value(column, row));
            }
        }
        return values;
    }

    private static Object value(Column column, int row) {
        if (column instanceof NumericColumn numbers) {
            return numbers.get(row);
        } else if (column instanceof BooleanColumn booleans) {
            return booleans.get(row);
        } else if (column instanceof TimestampColumn times) {
            return times.get(row).toString();
        }
        return column.format(row);
    }

    /** @return the next row of the deck, reshuffled (Fisher-Yates) when every row has been dealt */
    private int deal() {
        if (dealt == deck.length) {
            for (int i = deck.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = deck[i];
                deck[i] = deck[j];
                deck[j] = swap;
            }
            dealt = 0;
        }
        return deck[dealt++];
    }

    /** @return how many held-out applicants are aged {@link #OLDER_AGE} or more */
    int olderApplicants() {
        return older.length;
    }

    /**
     * One request of the stream.
     *
     * @param inferenceId the request's id, which its capture and its late label carry
     * @param row the held-out row it was drawn from
     * @param applicant the applicant, which the canary hashes to keep an applicant on one variant
     * @param arrived the application as it arrived, before it is cut down to the features: the
     *     {@value #APPLICANT} field, the features and the application date, not the label
     * @param features the one-row table the endpoint is asked about
     * @param label the true outcome, known only later
     */
    record Application(String inferenceId, int row, String applicant, Map<String, @Nullable Object> arrived,
            Table features, String label) {
        /** Keeps an unmodifiable copy of the application as it arrived, in its order. */
        Application {
            arrived = Collections.unmodifiableMap(new LinkedHashMap<>(arrived));
        }
    }
}
