/**
 * Serving modes: how requests reach a model. {@link dev.mlops.deploy.serving.AsyncEndpoint}
 * queues requests for a bounded pool of workers and answers each with an id and a future;
 * {@link dev.mlops.deploy.serving.MultiModelEndpoint} serves many registry models behind one
 * endpoint, loading each on first use and evicting under a count or byte budget.
 */
@NullMarked
package dev.mlops.deploy.serving;

import org.jspecify.annotations.NullMarked;
