package dev.mlops.deploy.serving;

import dev.mlops.deploy.strategy.VariantHealth;
import java.time.Duration;
import java.util.Objects;

/**
 * What an endpoint has counted and measured of one variant since it started, for the requests the
 * variant answered (shadow copies are in {@link ShadowReport}).
 *
 * @param requests the requests routed to the variant, answered or failed
 * @param errors the requests that failed, for any reason
 * @param invalid of the errors, those that did not fit the variant's input schema
 * @param timeouts of the errors, those whose model call exceeded the timeout
 * @param p50Latency the median latency of all requests
 * @param p95Latency the 95th percentile
 * @param p99Latency the 99th percentile
 * @param maxLatency the largest latency
 */
public record VariantStats(long requests, long errors, long invalid, long timeouts, Duration p50Latency,
        Duration p95Latency, Duration p99Latency, Duration maxLatency) {

    /**
     * Checks the counts.
     *
     * @param requests the requests
     * @param errors the failures, at most {@code requests}
     * @param invalid the invalid requests, at most {@code errors} with the timeouts
     * @param timeouts the timeouts
     * @param p50Latency the median latency
     * @param p95Latency the 95th percentile
     * @param p99Latency the 99th percentile
     * @param maxLatency the largest latency
     * @throws IllegalArgumentException if the counts do not nest
     */
    public VariantStats {
        Objects.requireNonNull(p50Latency, "p50Latency");
        Objects.requireNonNull(p95Latency, "p95Latency");
        Objects.requireNonNull(p99Latency, "p99Latency");
        Objects.requireNonNull(maxLatency, "maxLatency");
        if (requests < 0 || errors < 0 || invalid < 0 || timeouts < 0 || errors > requests
                || invalid + timeouts > errors) {
            throw new IllegalArgumentException("a variant's stats need 0 <= invalid + timeouts <= errors <= requests,"
                    + " but had " + invalid + " invalid, " + timeouts + " timeouts, " + errors + " errors of "
                    + requests + " requests");
        }
    }

    /** @return the counts and p95 latency a strategy's health check reads */
    public VariantHealth health() {
        return new VariantHealth(requests, errors, p95Latency);
    }
}
