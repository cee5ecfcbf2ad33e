package dev.mlops.monitor.drift;

import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.ColumnProfile;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.profile.TimestampProfile;
import java.util.Objects;

/**
 * What a {@link DriftDetector} compares the current sample with: the raw reference values, or a
 * column of a stored {@link dev.mlops.data.profile.DatasetProfile} (a baseline), which may keep
 * exact values or only sketches. A detector that {@link DriftDetector#needsRawReference() needs raw
 * values} refuses a profile. Immutable and thread-safe.
 *
 * <pre>{@code
 * Reference fromTraining = Reference.of(Sample.numeric(trainingAges));
 * Reference fromBaseline = Reference.of(baseline.column("age"));
 * }</pre>
 */
public sealed interface Reference permits Reference.Raw, Reference.Profiled {

    /**
     * @param sample the raw reference values
     * @return a raw reference
     */
    static Reference of(Sample sample) {
        return new Raw(sample);
    }

    /**
     * @param profile a numeric or categorical column profile
     * @return a reference read from the profile
     * @throws IllegalArgumentException if the profile is of timestamps; the message names its column
     */
    static Reference of(ColumnProfile profile) {
        return new Profiled(profile);
    }

    /** @return what the reference holds */
    Sample.Kind kind();

    /** @return true for raw values, false for a profile */
    boolean isRaw();

    /**
     * The raw reference values.
     *
     * @param sample the values
     */
    record Raw(Sample sample) implements Reference {
        /**
         * Keeps the sample.
         *
         * @param sample the values
         */
        public Raw {
            Objects.requireNonNull(sample, "sample");
        }

        @Override
        public Sample.Kind kind() {
            return sample.kind();
        }

        @Override
        public boolean isRaw() {
            return true;
        }
    }

    /**
     * A reference read from a column profile.
     *
     * @param profile a {@link NumericProfile} or a {@link CategoricalProfile}
     */
    record Profiled(ColumnProfile profile) implements Reference {
        /**
         * Keeps the profile.
         *
         * @param profile a {@link NumericProfile} or a {@link CategoricalProfile}
         * @throws IllegalArgumentException if the profile is of timestamps; the message names its column
         */
        public Profiled {
            Objects.requireNonNull(profile, "profile");
            if (profile instanceof TimestampProfile) {
                throw new IllegalArgumentException("a drift reference must profile a numeric or categorical column"
                        + " but the profile of column '" + profile.name() + "' is of timestamps");
            }
        }

        @Override
        public Sample.Kind kind() {
            return profile instanceof NumericProfile ? Sample.Kind.NUMERIC : Sample.Kind.CATEGORICAL;
        }

        @Override
        public boolean isRaw() {
            return false;
        }
    }
}
