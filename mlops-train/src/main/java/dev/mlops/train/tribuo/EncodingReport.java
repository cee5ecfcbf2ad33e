package dev.mlops.train.tribuo;

import java.util.Map;
import java.util.Objects;

/**
 * What a {@link FeatureEncoder} left out when it was fitted, and what it did with missing values
 * and unseen categories since.
 *
 * @param dropped the columns left out of the features, each with the reason (constant, entirely
 *     missing, a type the encoder does not read)
 * @param missing per column, the missing values met, handled by the encoder's {@link MissingPolicy}
 * @param unseen per categorical column, the values met that no training row had: encoded with no
 *     one-hot feature set
 */
public record EncodingReport(Map<String, String> dropped, Map<String, Long> missing, Map<String, Long> unseen) {
    /**
     * Copies the maps.
     *
     * @param dropped the columns left out, with the reason
     * @param missing the missing values met per column
     * @param unseen the unseen categories met per column
     */
    public EncodingReport {
        dropped = Map.copyOf(Objects.requireNonNull(dropped, "dropped"));
        missing = Map.copyOf(Objects.requireNonNull(missing, "missing"));
        unseen = Map.copyOf(Objects.requireNonNull(unseen, "unseen"));
    }
}
