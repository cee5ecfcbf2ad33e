/**
 * What every mlops-java module shares: the exception root {@link dev.mlops.core.MlopsException}
 * and its subtypes, and reproducible randomness ({@link dev.mlops.core.Seed}). The table model
 * lives in {@code dev.mlops.core.table}, the shared JSON mapper in {@code dev.mlops.core.json},
 * and atomic file primitives in {@code dev.mlops.core.io}.
 */
@NullMarked
package dev.mlops.core;

import org.jspecify.annotations.NullMarked;
