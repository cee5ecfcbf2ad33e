package dev.mlops.data.split;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a stratified splitter does with a class too small to have a row in every set while each
 * set stays within one row of the class's exact share (for example a class of 2 rows over three
 * sets). A splitter's settings write it in lower case ({@code refuse}, {@code allow}).
 */
public enum SmallClasses {
    /** Refuse with a {@link SplitException} naming each such class and its row count (the default). */
    REFUSE,
    /**
     * Split such a class within one row of its share anyway, leaving it out of some sets; the
     * report then lists it in {@link GuaranteeReport#classesNotInEverySet()} and does not claim
     * {@link Guarantee#EVERY_CLASS_IN_EVERY_SET}.
     */
    ALLOW;

    /** @return the lower-case name used in settings, such as {@code "allow"} */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a label written by {@link #label()}, in any case.
     *
     * @param label {@code "refuse"} or {@code "allow"}
     * @return the policy
     * @throws IllegalArgumentException if the label is neither; the message lists them
     */
    @JsonCreator
    public static SmallClasses fromLabel(String label) {
        for (SmallClasses policy : values()) {
            if (policy.label().equalsIgnoreCase(label.trim())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("smallClasses must be refuse or allow but was '" + label + "'");
    }
}
