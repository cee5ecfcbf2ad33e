package dev.mlops.data.split;

/**
 * What a stratified splitter does with a class too small to have a row in every set while each
 * set stays within one row of the class's exact share (for example a class of 2 rows over three
 * sets).
 */
public enum SmallClasses {
    /** Refuse with a {@link SplitException} naming each such class and its row count (the default). */
    REFUSE,
    /**
     * Split such a class within one row of its share anyway, leaving it out of some sets; the
     * report then lists it in {@link GuaranteeReport#classesNotInEverySet()} and does not claim
     * {@link Guarantee#EVERY_CLASS_IN_EVERY_SET}.
     */
    ALLOW
}
