package dev.mlops.deploy.serving;

/**
 * How an {@link Endpoint}'s online reads of one feature group went since it started: how many
 * entity keys it looked up and how many of them read as missing (all their features were
 * missing, so the model's missing-value policy applied).
 *
 * <p>A key counts as missing when none of the group's selected features has a value for it: the
 * store has no record of the entity, every value it has is past the group's time to live, or every
 * value was recorded missing. A key with at least one present feature is not counted.
 *
 * @param group the feature group's name
 * @param lookups the entity keys looked up, one per request row
 * @param missing the keys for which none of the selected features had a value
 */
public record EnrichmentStats(String group, long lookups, long missing) {
}
