/**
 * Deployment: the model registry (versions, lineage tags, approvals, permissions), the CI
 * quality gate against the production model, the {@code DeploymentStrategy} interface (blue/green,
 * canary, shadow, A/B) and the serving modes (real-time, asynchronous, batch, multi-model).
 *
 * <p>Nothing lives here yet: the deployment issues fill this package. The module exists now so
 * that the Maven dependency graph of the design is in place from the start.
 */
@NullMarked
package dev.mlops.deploy;

import org.jspecify.annotations.NullMarked;
