/**
 * The database plumbing every record-keeping module shares: a {@link dev.mlops.store.Database}
 * opened by JDBC URL on a SQLite file (the embedded default), SQLite in memory or PostgreSQL;
 * transactions that are complete or absent and retried when the database is busy; Flyway
 * migrations owned per module ({@link dev.mlops.store.Migrations}); and a content-addressed
 * content-addressed artifact directory for blobs.
 *
 * <p>Typed stores (tracking, the registry, the feature store) are written once over
 * {@link dev.mlops.store.Database} with their own SQL and migrations, and never show SQL or a
 * file path in their own API. Failures surface as {@link dev.mlops.store.StoreException} naming
 * the database (with any password removed) and what was being done.
 */
@NullMarked
package dev.mlops.store;

import org.jspecify.annotations.NullMarked;
