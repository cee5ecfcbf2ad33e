package dev.mlops.features;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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

    /**
     * @param latest the latest stored version
     * @param proposed the new definition
     * @return the names of the features sensitive in the latest version and not in the new one
     */
    static List<String> unmarkedSensitive(FeatureGroup latest, FeatureGroup proposed) {
        List<String> unmarked = new ArrayList<>();
        for (Feature feature : proposed.features()) {
            if (!feature.sensitive() && latest.feature(feature.name()).map(Feature::sensitive).orElse(false)) {
                unmarked.add(feature.name());
            }
        }
        return unmarked;
    }

    /**
     * @param latest the latest stored version, or null when the group is new
     * @param proposed the new definition
     * @return what a definition changes, for the audit log: the features of a new group; else the
     *     features added, marked or un-marked sensitive, and a changed TTL or retention
     */
    static String described(@Nullable FeatureGroup latest, FeatureGroup proposed) {
        if (latest == null) {
            return "define " + names(proposed.features());
        }
        List<Feature> added = new ArrayList<>();
        List<Feature> marked = new ArrayList<>();
        for (Feature feature : proposed.features()) {
            Optional<Feature> old = latest.feature(feature.name());
            if (old.isEmpty()) {
                added.add(feature);
            } else if (feature.sensitive() && !old.get().sensitive()) {
                marked.add(feature);
            }
        }
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("added " + names(added));
        }
        if (!marked.isEmpty()) {
            parts.add("marked sensitive " + names(marked));
        }
        List<String> unmarked = unmarkedSensitive(latest, proposed);
        if (!unmarked.isEmpty()) {
            parts.add("unmarked sensitive " + unmarked);
        }
        if (!latest.ttl().equals(proposed.ttl())) {
            parts.add("ttl " + latest.ttl().map(Duration::toString).orElse("none") + " -> "
                    + proposed.ttl().map(Duration::toString).orElse("none"));
        }
        if (!latest.retention().equals(proposed.retention())) {
            parts.add("retention " + latest.retention().map(Duration::toString).orElse("none") + " -> "
                    + proposed.retention().map(Duration::toString).orElse("none"));
        }
        return "define (latest version " + latest.version() + ") "
                + (parts.isEmpty() ? "with no change to features, sensitivity, ttl or retention"
                        : String.join("; ", parts));
    }

    private static List<String> names(List<Feature> features) {
        List<String> names = new ArrayList<>();
        features.forEach(feature -> names.add(feature.name()));
        return names;
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
