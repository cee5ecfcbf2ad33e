/**
 * The model registry: registered models with numbered versions, each holding an artifact in a
 * named {@link dev.mlops.deploy.format.ModelFormat}, its provenance, lineage tags, metrics, gate
 * report and approvals, moved through the stages of an explicit state machine
 * ({@link dev.mlops.deploy.registry.Stage}) under an access policy and an
 * {@link dev.mlops.deploy.registry.ApprovalPolicy}, with every transition recorded. Start at
 * {@link dev.mlops.deploy.registry.ModelRegistry}.
 */
@NullMarked
package dev.mlops.deploy.registry;

import org.jspecify.annotations.NullMarked;
