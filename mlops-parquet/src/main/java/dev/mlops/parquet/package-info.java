/**
 * Apache Parquet as a {@link dev.mlops.data.io.TableFormat} (type {@code parquet}), found through
 * the component registry so that Parquet's Hadoop API and native codecs never reach a user of
 * mlops-data alone.
 */
@NullMarked
package dev.mlops.parquet;

import org.jspecify.annotations.NullMarked;
