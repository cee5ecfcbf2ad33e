/**
 * The database plumbing every record-keeping module shares: a {@link dev.mlops.store.Database}
 * opened by JDBC URL on a SQLite file (the embedded default), SQLite in memory or PostgreSQL;
 * transactions that are complete or absent and retried when the database is busy; Flyway
 * migrations owned per module ({@link dev.mlops.store.Migrations}); and a content-addressed
 * artifact directory for blobs ({@link dev.mlops.store.ArtifactStore}).
 *
 * <p>Typed stores (tracking, the registry, the feature store) are written once over
 * {@link dev.mlops.store.Database} with their own SQL and migrations, and never show SQL or a
 * file path in their own API. Failures surface as {@link dev.mlops.store.StoreException} naming
 * the database (with any password removed) and what was being done.
 *
 * <h2>Artifacts</h2>
 *
 * <p>Blobs (model files, reports, provenance) go to an {@link dev.mlops.store.ArtifactStore}: a
 * directory where each blob is stored once under the SHA-256 of its bytes
 * ({@code <dir>/sha256/ab/cdef...}, like git's objects), written through a temp file, fsync and an
 * atomic move, and verified by hash on every read, so a modified or truncated file is refused
 * with a {@link dev.mlops.store.CorruptArtifactException} naming it. A typed store records the
 * {@link dev.mlops.store.ArtifactRef} ({@code sha256:<hex>} and a size) and deletes what no record
 * references with a garbage collection, under a lock file shared by processes:
 *
 * <pre>{@code
 * ArtifactStore artifacts = ArtifactStore.open(Path.of("mlops-artifacts"));
 * ArtifactRef ref = artifacts.put(Path.of("model.bin"));   // record ref.toString() with the run
 * byte[] model = artifacts.read(ref);                       // verified
 * GcResult gc = artifacts.collectGarbage(Set.of(ref.sha256()), Duration.ofHours(1));
 * }</pre>
 */
@NullMarked
package dev.mlops.store;

import org.jspecify.annotations.NullMarked;
