/**
 * The feature store: {@link dev.mlops.features.FeatureGroup feature groups} with versioned schemas,
 * append-only bi-temporal ingestion, online reads from memory, time travel, point-in-time
 * {@link dev.mlops.features.JoinRequest joins} with lineage, and feature-level access control on
 * mlops-core's {@link dev.mlops.core.access.Policy policies}. See {@link dev.mlops.features.FeatureStore}.
 */
@NullMarked
package dev.mlops.features;

import org.jspecify.annotations.NullMarked;
