/**
 * Serving predictions in process: an {@link dev.mlops.deploy.serving.Endpoint} answers
 * {@link dev.mlops.deploy.serving.PredictRequest requests} from named model variants, routed by a
 * {@link dev.mlops.deploy.strategy.Rollout}; it checks each request against the answering
 * variant's input schema, bounds each model call by a timeout (real-time serving), copies routed
 * requests to shadow variants off the caller's thread and compares their answers
 * ({@link dev.mlops.deploy.serving.ShadowReport}), keeps per-variant counts and latency
 * histograms, publishes them through Micrometer, and writes every request and response through
 * mlops-monitor's {@link dev.mlops.monitor.capture.CaptureSink}. An endpoint can join each
 * request with a {@link dev.mlops.features.FeatureStore}'s online features first
 * ({@link dev.mlops.deploy.serving.Endpoint.Builder#features}).
 *
 * <p>{@link dev.mlops.deploy.serving.AsyncEndpoint} serves asynchronously: requests queue for a
 * bounded pool of workers and each is answered with an id and a future.
 * {@link dev.mlops.deploy.serving.MultiModelEndpoint} serves many registry models behind one
 * endpoint, loading each on first use and evicting under a count or byte budget.
 */
@NullMarked
package dev.mlops.deploy.serving;

import org.jspecify.annotations.NullMarked;
