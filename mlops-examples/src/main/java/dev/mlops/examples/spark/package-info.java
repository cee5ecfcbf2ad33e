/**
 * The example of mlops-java on Apache Spark: {@link dev.mlops.examples.spark.GeneratedTableOnSpark}
 * generates a table of 10,000,000 rows in {@code local[*]} mode, profiles it and checks it with a
 * suite on the executors, and writes the profile and the report.
 */
@NullMarked
package dev.mlops.examples.spark;

import org.jspecify.annotations.NullMarked;
