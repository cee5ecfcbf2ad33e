/**
 * Profiles, check suites, drift detection, deterministic splits and batch scoring of Apache Spark
 * {@code Dataset<Row>}s, with the same statistics as in one JVM.
 */
@NullMarked
package dev.mlops.spark;

import org.jspecify.annotations.NullMarked;
