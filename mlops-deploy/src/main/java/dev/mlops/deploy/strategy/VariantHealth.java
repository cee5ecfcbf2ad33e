package dev.mlops.deploy.strategy;

import java.time.Duration;
import java.util.Objects;

/**
 * What an endpoint has measured of one variant since it started: requests answered, requests that
 * failed, and the 95th percentile of their latency.
 *
 * @param requests the requests the variant answered or failed, at least 0
 * @param errors the requests that failed, between 0 and {@code requests}
 * @param p95Latency the 95th percentile of the latency of those requests ({@link Duration#ZERO} with none)
 */
public record VariantHealth(long requests, long errors, Duration p95Latency) {

    /**
     * Checks the counts.
     *
     * @param requests the requests, at least 0
     * @param errors the failures, between 0 and {@code requests}
     * @param p95Latency the latency's 95th percentile, not negative
     * @throws IllegalArgumentException if a count is out of range or the latency negative
     */
    public VariantHealth {
        Objects.requireNonNull(p95Latency, "p95Latency");
        if (requests < 0 || errors < 0 || errors > requests) {
            throw new IllegalArgumentException("a variant's health needs 0 <= errors <= requests, but had "
                    + errors + " errors of " + requests + " requests");
        }
        if (p95Latency.isNegative()) {
            throw new IllegalArgumentException("a variant's p95 latency must not be negative, but was " + p95Latency);
        }
    }

    /** @return the share of requests that failed, 0 with no request */
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }
}
