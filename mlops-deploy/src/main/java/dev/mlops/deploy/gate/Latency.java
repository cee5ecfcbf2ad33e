package dev.mlops.deploy.gate;

import java.util.Objects;

/**
 * A model's measured latency per example.
 *
 * @param p50Millis the median time of one single-row prediction, in milliseconds
 * @param p95Millis the 95th percentile (nearest rank), in milliseconds
 * @param timed how many predictions were timed
 * @param protocol how they were measured
 */
public record Latency(double p50Millis, double p95Millis, int timed, LatencyProtocol protocol) {
    /**
     * Checks the parts.
     *
     * @param p50Millis the median, not negative
     * @param p95Millis the 95th percentile, not below the median
     * @param timed the predictions timed, at least 1
     * @param protocol the protocol
     * @throws IllegalArgumentException if a value is out of range, naming it
     */
    public Latency {
        Objects.requireNonNull(protocol, "protocol");
        if (!(p50Millis >= 0.0)) {
            throw new IllegalArgumentException("p50Millis must be at least 0 but was " + p50Millis);
        }
        if (!(p95Millis >= p50Millis)) {
            throw new IllegalArgumentException("p95Millis must be at least p50Millis (" + p50Millis + ") but was "
                    + p95Millis);
        }
        if (timed < 1) {
            throw new IllegalArgumentException("timed must be at least 1 but was " + timed);
        }
    }
}
