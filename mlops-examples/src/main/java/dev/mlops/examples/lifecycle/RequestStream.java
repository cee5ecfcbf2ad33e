package dev.mlops.examples.lifecycle;

import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The simulated applications the endpoint is asked about: rows of the held-out set drawn with
 * replacement by a seeded generator, without their label (which the operations half delivers
 * later, as ground truth that arrives late).
 *
 * <p>{@link StreamWindow.Traffic#NORMAL normal} traffic draws every held-out row alike; the
 * {@link StreamWindow.Traffic#DRIFTED drifted} stream draws {@link #OLDER_SHARE} of its requests
 * from the applicants aged at least {@link #OLDER_AGE} and the rest from all rows: a population of
 * applicants that has grown older, with everything that comes with age in this data (longer
 * employment, owned housing, other credit purposes). Not thread-safe.
 */
final class RequestStream {
    /** The age from which an applicant counts as older in the drifted stream. */
    static final double OLDER_AGE = 50;
    /** The share of the drifted stream's requests drawn from the older applicants. */
    static final double OLDER_SHARE = 0.85;

    private final Table applications;
    private final String[] features;
    private final String[] labels;
    private final int[] older;
    private final SplittableRandom random;
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
    }

    /**
     * Draws the next application.
     *
     * @param traffic which applicants it comes from
     * @return the request: its inference id, the applicant, its features and its label (to be delivered late)
     */
    Application next(StreamWindow.Traffic traffic) {
        boolean fromOlder = traffic == StreamWindow.Traffic.DRIFTED && random.nextDouble() < OLDER_SHARE;
        int row = fromOlder ? older[random.nextInt(older.length)] : random.nextInt(applications.rowCount());
        sent++;
        return new Application(String.format(Locale.ROOT, "req-%06d", sent),
                String.format(Locale.ROOT, "applicant-%04d", row), applications.rows(row).select(features),
                Objects.requireNonNull(labels[row], "label"));
    }

    /** @return how many held-out applicants are aged {@link #OLDER_AGE} or more */
    int olderApplicants() {
        return older.length;
    }

    /**
     * One request of the stream.
     *
     * @param inferenceId the request's id, which its capture and its late label carry
     * @param applicant the applicant, which the canary hashes to keep an applicant on one variant
     * @param features the one-row table the endpoint is asked about
     * @param label the true outcome, known only later
     */
    record Application(String inferenceId, String applicant, Table features, String label) {
    }
}
