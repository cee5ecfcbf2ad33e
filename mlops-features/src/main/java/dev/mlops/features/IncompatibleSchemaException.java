package dev.mlops.features;

import java.util.List;

/**
 * A new version of a group's schema that would break its readers: a feature removed, renamed,
 * retyped or moved, or the entity key or event-time column changed. The message names the group
 * and every such change.
 */
public class IncompatibleSchemaException extends FeatureStoreException {
    private static final long serialVersionUID = 1L;

    /** The changes found; a list of strings, serializable. */
    private final List<String> changes;

    /**
     * @param group the group's name
     * @param version the latest stored version
     * @param changes each incompatible change, at least one
     */
    public IncompatibleSchemaException(String group, int version, List<String> changes) {
        super("feature group '" + group + "': the new definition is incompatible with version " + version + ": "
                + String.join("; ", changes) + " (a new version may only add features at the end; define a new "
                + "group for the rest)");
        this.changes = List.copyOf(changes);
    }

    /** @return each incompatible change */
    public List<String> changes() {
        return changes;
    }
}
