package dev.mlops.data.label;

/** Why an aggregator left an item without a consolidated label. */
public enum UnresolvedReason {
    /** Two or more labels scored the same and the tie policy does not choose among them. */
    TIE,
    /** The item has fewer annotations than the aggregator's minimum. */
    TOO_FEW_VOTES
}
