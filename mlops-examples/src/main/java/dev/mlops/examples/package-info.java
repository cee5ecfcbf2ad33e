/**
 * The whole lifecycle on a real data set, run by the README's first command once the training,
 * deployment and monitoring modules exist.
 *
 * <p>For now this module ships the data sets under {@code src/main/resources/data/} (each with
 * its source and licence in the README beside it); the lifecycle example arrives with the issues
 * that build the modules it walks through.
 */
@NullMarked
package dev.mlops.examples;

import org.jspecify.annotations.NullMarked;
