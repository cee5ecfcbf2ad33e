package dev.mlops.data.check;

/**
 * A built-in check that tests one column against the reference at a significance level; its
 * settings are its column, level and severity.
 */
interface SignificanceTestCheck extends DistributionCheck {

    /** @return the significance level, in (0, 1) */
    double alpha();

    /** @return the settings that rebuild this check */
    @Override
    default SignificanceTestSettings settings() {
        return new SignificanceTestSettings(column(), alpha(), severity());
    }
}
