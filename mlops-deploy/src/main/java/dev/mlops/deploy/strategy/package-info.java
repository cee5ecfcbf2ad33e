/**
 * Deployment strategies: which model variant answers each request and which only shadows it,
 * and how that changes as a rollout proceeds. A {@link dev.mlops.deploy.strategy.DeploymentStrategy}
 * is an immutable component (the plan: variants, weights, schedule, guardrails);
 * {@link dev.mlops.deploy.strategy.DeploymentStrategy#start} gives the running
 * {@link dev.mlops.deploy.strategy.Rollout}, a thread-safe state machine that routes requests and
 * moves only on the {@link dev.mlops.deploy.strategy.RolloutEvent events} its strategy documents,
 * recording every {@link dev.mlops.deploy.strategy.RolloutTransition transition}.
 */
@NullMarked
package dev.mlops.deploy.strategy;

import org.jspecify.annotations.NullMarked;
