/**
 * The guide's whole lifecycle as one runnable walk on the bundled German credit data:
 * {@link dev.mlops.examples.lifecycle.CreditApprovalLifecycle}, the README's first command.
 *
 * <p>The walk has two halves joined by one record, {@link dev.mlops.examples.lifecycle.Development}:
 * development (data checks, the split, baselines and experiments, the gate, the registry) hands
 * the registered models and the held-out applications to operations (a canary over a simulated
 * request stream with capture, drift and its alarm, the rollback, quality from late labels, the
 * HTML report). Progress goes through {@link dev.mlops.examples.lifecycle.Console}.
 */
@NullMarked
package dev.mlops.examples.lifecycle;

import org.jspecify.annotations.NullMarked;
