package dev.mlops.data.profile;

/**
 * One quantile of a numeric column's finite values.
 *
 * @param probability the probability, in {@code [0, 1]}
 * @param value the quantile's value
 */
public record Quantile(double probability, double value) {
}
