package dev.mlops.deploy.serving;

/**
 * How an {@link Endpoint}'s online reads of one feature group went since it started: how many
 * entity keys it looked up and how many of them the store did not know (their features were
 * missing, so the model's missing-value policy applied).
 *
 * @param group the feature group's name
 * @param lookups the entity keys looked up, one per request row
 * @param missing the keys of entities the store had no record of
 */
public record EnrichmentStats(String group, long lookups, long missing) {
}
