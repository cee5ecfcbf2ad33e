/**
 * A/B tests: {@link dev.mlops.deploy.ab.OutcomeLog} records which arm each unit was assigned to
 * (by {@link dev.mlops.deploy.strategy.AbStrategy}) and its outcomes (conversions, values), in
 * memory or on a JSON Lines file; {@link dev.mlops.deploy.ab.AbTest} analyses a metric (the
 * sample-ratio-mismatch check, the two-proportion z-test or Welch's t-test at a fixed horizon, and
 * the always-valid mixture SPRT that may be looked at as often as one likes) into an
 * {@link dev.mlops.deploy.ab.AbReport} with a decision.
 */
@NullMarked
package dev.mlops.deploy.ab;

import org.jspecify.annotations.NullMarked;
