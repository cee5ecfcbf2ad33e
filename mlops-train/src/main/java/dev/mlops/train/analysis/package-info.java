/**
 * Error analysis: the rows a model predicted worst with their features, the classes it confuses,
 * and its metrics per slice.
 */
@NullMarked
package dev.mlops.train.analysis;

import org.jspecify.annotations.NullMarked;
