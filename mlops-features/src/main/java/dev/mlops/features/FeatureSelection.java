package dev.mlops.features;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Which features of one group a read asks for: some by name, or all of them.
 *
 * <pre>{@code
 * FeatureSelection.of("customer", "age", "tenure");   // two features
 * FeatureSelection.all("customer");                   // every feature of the group's latest version
 * FeatureSelection.parse("customer:age,tenure");      // as the CLI writes it
 * }</pre>
 *
 * <p>Access is checked on each feature selected (for {@link #all} each feature of the group), so
 * selecting all of a group that holds a sensitive feature needs the right to read it. An
 * immutable value.
 *
 * @param group the group's name
 * @param features the features' names, in the order wanted and without repeats; empty for all of them
 */
public record FeatureSelection(String group, List<String> features) {

    /**
     * Validates the selection.
     *
     * @param group the group's name
     * @param features the features' names, empty for all
     * @throws IllegalArgumentException if a name is malformed or repeated
     */
    public FeatureSelection {
        FeatureNames.check("feature group", group);
        Objects.requireNonNull(features, "features");
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String feature : features) {
            if (!seen.add(FeatureNames.check("feature", feature))) {
                throw new IllegalArgumentException("feature '" + feature + "' of group '" + group
                        + "' is selected twice");
            }
        }
        features = List.copyOf(features);
    }

    /**
     * @param group the group's name
     * @param features the features' names, at least one
     * @return the selection of those features
     * @throws IllegalArgumentException if no feature is named, or a name is malformed or repeated
     */
    public static FeatureSelection of(String group, String... features) {
        if (features.length == 0) {
            throw new IllegalArgumentException("select at least one feature of group '" + group
                    + "', or use FeatureSelection.all");
        }
        return new FeatureSelection(group, List.of(features));
    }

    /**
     * @param group the group's name
     * @return the selection of every feature of the group
     */
    public static FeatureSelection all(String group) {
        return new FeatureSelection(group, List.of());
    }

    /**
     * Reads {@code GROUP} (all features) or {@code GROUP:FEATURE,FEATURE,...}.
     *
     * @param text the selection
     * @return the selection
     * @throws IllegalArgumentException if the text is malformed; the message quotes it
     */
    public static FeatureSelection parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        try {
            if (colon < 0) {
                return all(text);
            }
            List<String> names = new ArrayList<>();
            for (String name : text.substring(colon + 1).split(",", -1)) {
                names.add(name.strip());
            }
            return new FeatureSelection(text.substring(0, colon).strip(), names);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a feature selection (GROUP or "
                    + "GROUP:FEATURE,FEATURE): " + e.getMessage(), e);
        }
    }

    /** @return true when the selection is every feature of the group */
    public boolean isAll() {
        return features.isEmpty();
    }

    @Override
    public String toString() {
        return isAll() ? group : group + ":" + String.join(",", features);
    }
}
