/**
 * JMH benchmarks of mlops-java's hot paths, and the generated inputs they read:
 * {@link dev.mlops.benchmarks.CsvReadBenchmark} reads the numeric-heavy CSV file that
 * {@link dev.mlops.benchmarks.NumericCsvFile} writes. Built into the shaded
 * {@code benchmarks.jar} (main class {@code org.openjdk.jmh.Main}); not published. Results and
 * the commands that produced them are in {@code docs/benchmarks.md}.
 */
@NullMarked
package dev.mlops.benchmarks;

import org.jspecify.annotations.NullMarked;
