/**
 * Batch transform: a CSV or JSON Lines file through any {@link dev.mlops.train.predict.Predictor}
 * on several threads, in chunks, streamed, with bad rows set apart in an error file and a
 * checkpoint after every chunk so that a killed job resumes where it stopped
 * ({@link dev.mlops.deploy.batch.BatchTransform}).
 */
@NullMarked
package dev.mlops.deploy.batch;

import org.jspecify.annotations.NullMarked;
