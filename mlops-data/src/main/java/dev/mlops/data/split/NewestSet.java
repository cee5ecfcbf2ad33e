package dev.mlops.data.split;

import java.util.Objects;

/**
 * An extra set that a temporal split fills with the newest rows, such as {@code recent_testing}:
 * the newest {@code fraction} of the rows go to it, and the older rows are split by the other
 * sets' fractions.
 *
 * @param name the set's name, not blank and not one of the other sets' names
 * @param fraction its fraction of all rows, in (0, 1)
 */
public record NewestSet(String name, double fraction) {

    /**
     * Validates the set.
     *
     * @param name the set's name, not blank and not one of the other sets' names
     * @param fraction its fraction of all rows, in (0, 1)
     * @throws IllegalArgumentException if the name is blank or the fraction is not in (0, 1)
     */
    public NewestSet {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank but was '" + name + "'");
        }
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1) but was " + fraction);
        }
    }
}
