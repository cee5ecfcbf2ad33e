package dev.mlops.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares a new definition of a group with its latest stored version, listing every change
 * that would break readers of the stored records (see {@link FeatureStore#define}).
 */
final class SchemaChanges {

    private SchemaChanges() {
        throw new AssertionError("no instances");
    }

    /**
     * @param latest the latest stored version
     * @param proposed the new definition
     * @return each incompatible change, in the order of the latest version's columns; empty when compatible
     */
    static List<String> incompatible(FeatureGroup latest, FeatureGroup proposed) {
        List<String> changes = new ArrayList<>();
        if (!latest.entityKey().equals(proposed.entityKey())) {
            changes.add("the entity key changed from '" + latest.entityKey() + "' to '" + proposed.entityKey() + "'");
        }
        if (!latest.eventTime().equals(proposed.eventTime())) {
            changes.add("the event-time column changed from '" + latest.eventTime() + "' to '" + proposed.eventTime()
                    + "'");
        }
        List<Feature> before = latest.features();
        List<Feature> after = proposed.features();
        for (int i = 0; i < before.size(); i++) {
            Feature old = before.get(i);
            Feature now = i < after.size() ? after.get(i) : null;
            if (now != null && now.name().equals(old.name())) {
                if (now.type() != old.type()) {
                    changes.add("feature '" + old.name() + "' changed type from " + old.type() + " to " + now.type());
                }
                continue;
            }
            int moved = indexOf(after, old.name());
            if (moved >= 0) {
                changes.add("feature '" + old.name() + "' moved from position " + (i + 1) + " to " + (moved + 1));
            } else {
                changes.add("feature '" + old.name() + "' (position " + (i + 1) + ") was removed or renamed"
                        + (now == null ? "" : " (position " + (i + 1) + " is now '" + now.name() + "')"));
            }
        }
        return changes;
    }

    private static int indexOf(List<Feature> features, String name) {
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
