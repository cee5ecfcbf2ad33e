package dev.mlops.data.check;

/** A built-in check that compares one column with the same column of the reference profile. */
interface DistributionCheck extends SingleColumnCheck {

    @Override
    default boolean needsReference() {
        return true;
    }
}
