package dev.mlops.deploy.serving;

/**
 * Counts of an {@link AsyncEndpoint} since it started: every accepted request ends in exactly one
 * of succeeded, failed, timed out and abandoned, or is still pending.
 *
 * @param submitted requests accepted
 * @param succeeded requests answered
 * @param failed requests whose endpoint or predictor threw
 * @param rejected requests refused by {@link AsyncEndpoint#submit} (queue full or shut down); not in submitted
 * @param timedOut requests not answered within their timeout
 * @param abandoned requests left unanswered at shutdown
 * @param pending requests accepted and not yet ended (queued or running)
 * @param workers worker threads alive now (0 once idle longer than the keep-alive)
 */
public record AsyncStats(long submitted, long succeeded, long failed, long rejected, long timedOut,
        long abandoned, long pending, int workers) {
}
