/**
 * Apache Parquet as a {@link dev.mlops.data.io.TableFormat} (type {@code parquet}):
 * {@link dev.mlops.parquet.ParquetFormat}, found through the component registry when this module
 * is on the class path, so that Parquet, its Hadoop API and its codecs never reach a user of
 * mlops-data alone.
 *
 * <p>Reading and writing go through parquet-hadoop 1.15.2 (the version Apache Spark 4.0.1 pins)
 * with Parquet's own {@code LocalInputFile} and an output over the caller's stream, a
 * {@code PlainParquetConfiguration} instead of Hadoop's {@code Configuration}, and a page codec
 * factory of our own ({@code AirliftCodecs}: Snappy, Zstandard and LZ4 in pure Java by
 * aircompressor, gzip by the JDK) instead of parquet-hadoop's, which builds codecs through Hadoop
 * and loads snappy-java's and zstd-jni's native libraries; those two jars are excluded.
 *
 * <p>Why Hadoop's shaded client API ({@code org.apache.hadoop:hadoop-client-api}, one jar with no
 * dependencies of its own) is still a dependency: javac needs it, because parquet-hadoop's
 * builders have overloads that name Hadoop's {@code Configuration} and {@code Path}, and the JVM
 * needs it, because parquet-hadoop's {@code ParquetReadOptions.Builder} takes its default record
 * filter from {@code ParquetInputFormat}, a subclass of Hadoop's {@code FileInputFormat}: opening a
 * file for reading loads about a dozen Hadoop classes of {@code org.apache.hadoop.mapreduce},
 * {@code org.apache.hadoop.fs} (file statuses) and {@code org.apache.hadoop.io.Writable}. None of
 * Hadoop's configuration, file systems, codecs or native code runs, and no Hadoop installation is
 * needed; {@code HadoopFootprintTest} checks exactly which Hadoop classes load. The shaded jar is
 * the one Spark itself ships, so it clashes with nothing on a Spark class path.
 */
@NullMarked
package dev.mlops.parquet;

import org.jspecify.annotations.NullMarked;
