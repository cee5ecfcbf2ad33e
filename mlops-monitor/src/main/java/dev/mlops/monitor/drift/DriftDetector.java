package dev.mlops.monitor.drift;

import dev.mlops.core.component.Component;
import java.util.Set;

/**
 * Compares one column's current values with a reference (raw values or a stored profile) and
 * says whether the column drifted. A component: its type and settings rebuild it through the
 * {@link dev.mlops.core.component.ComponentRegistry} (a user's detector plugs in by listing its
 * {@link dev.mlops.core.component.ComponentType} in {@code META-INF/services}), and
 * {@code DriftDetectorContract} in mlops-testkit checks any implementation.
 *
 * <pre>{@code
 * DriftDetector ks = DriftDetectors.ks(0.05);
 * DriftResult r = ks.detect(Sample.numeric(current), Reference.of(baseline.column("age")));
 * if (r.drift()) { ... }
 * }</pre>
 *
 * <p>The contract: equal samples give no drift; the result is a function of the inputs and the
 * settings (deterministic); a detector is immutable and thread-safe; a current sample or a raw
 * reference without any value, a sample of a kind the detector does not compare
 * ({@link #kinds()}), and a profile given to a detector that {@link #needsRawReference() needs raw
 * values}, are refused with an {@link IllegalArgumentException} whose message names the detector
 * and what was wrong.
 */
public interface DriftDetector extends Component {

    /**
     * Compares the current values of a column with the reference.
     *
     * @param current the current values
     * @param reference the reference: raw values of the same kind, or a profile of the column
     * @return the statistic, the p-value if a test, the threshold and the verdict
     * @throws IllegalArgumentException if a side holds no value (or fewer than the statistic
     *     needs), the kinds differ or are not compared by this detector, or a profile is given
     *     where raw values are needed; the message names the detector and the problem
     */
    DriftResult detect(Sample current, Reference reference);

    /** @return the kinds of columns the detector compares */
    Set<Sample.Kind> kinds();

    /**
     * @return true if the detector needs the raw reference values and refuses a stored profile
     *     (the statistic cannot be computed from the profile's moments, quantiles or counts)
     */
    boolean needsRawReference();
}
