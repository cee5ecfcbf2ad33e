package dev.mlops.examples.lifecycle;

import dev.mlops.monitor.drift.ColumnDrift;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One window (one simulated hour) of the request stream operations sends through the endpoint:
 * what kind of traffic it was, the rollout stage it started in, how the endpoint answered and what
 * the monitoring job found in its capture.
 *
 * @param index the window's position in the stream, from 0
 * @param start when the window began on the simulated clock
 * @param end when it ended (exclusive)
 * @param traffic normal applications or the drifted stream
 * @param stage the rollout stage when the window began, e.g. {@code canary 1 of 4}
 * @param answeredBy how many requests each variant answered, by variant name
 * @param captured how many records of the window the capture directory holds
 * @param drifted the columns the monitoring job found drifted in this window against the
 *     training baseline, each with its detector, statistic and p-value; empty when none did
 */
public record StreamWindow(int index, Instant start, Instant end, Traffic traffic, String stage,
        SortedMap<String, Long> answeredBy, long captured, List<ColumnDrift> drifted) {

    /** Which applications a window's requests are drawn from. */
    public enum Traffic {
        /** held-out applications drawn uniformly, as the models saw in training */
        NORMAL,
        /** held-out applications drawn mostly from the older applicants */
        DRIFTED
    }

    /**
     * Checks the fields and keeps unmodifiable copies.
     *
     * @param index the window's position
     * @param start when it began
     * @param end when it ended
     * @param traffic its kind of traffic
     * @param stage the rollout stage it began in
     * @param answeredBy requests per variant
     * @param captured records captured in it
     * @param drifted the drifted columns
     */
    public StreamWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(stage, "stage");
        answeredBy = Collections.unmodifiableSortedMap(new TreeMap<>(answeredBy));
        drifted = List.copyOf(drifted);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window " + index + " must end after it starts, but runs from "
                    + start + " to " + end);
        }
    }

    /** @return the names of the drifted columns, in the baseline's order */
    public List<String> driftedColumns() {
        return drifted.stream().map(ColumnDrift::column).toList();
    }

    /**
     * @param variant a variant's name
     * @return how many requests that variant answered in the window
     */
    public long answeredBy(String variant) {
        return answeredBy.getOrDefault(variant, 0L);
    }
}
