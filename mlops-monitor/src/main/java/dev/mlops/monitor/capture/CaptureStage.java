package dev.mlops.monitor.capture;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Where in a pipeline a record was captured: one of the named stages, or a free name.
 *
 * <p>A stage is written in JSON as its name (a string). Names are non-blank, at most 200
 * characters, and compared exactly.
 *
 * @param name the stage's name, e.g. {@code "before-preprocessing"}
 */
public record CaptureStage(String name) {

    /** The request as it arrived, before any preprocessing. */
    public static final CaptureStage BEFORE_PREPROCESSING = new CaptureStage("before-preprocessing");
    /** The features after enrichment, for example from a feature store. */
    public static final CaptureStage AFTER_ENRICHMENT = new CaptureStage("after-enrichment");
    /** The input and output of the model (its only or its last main stage). */
    public static final CaptureStage AFTER_MODEL = new CaptureStage("after-model");
    /** The scores before a lossy step such as argmax or a threshold. */
    public static final CaptureStage BEFORE_LOSSY_STEP = new CaptureStage("before-lossy-step");

    private static final int MAX_LENGTH = 200;

    /**
     * Checks the name.
     *
     * @param name the stage's name
     * @throws IllegalArgumentException if the name is blank or longer than 200 characters
     */
    public CaptureStage {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("stage name must be non-blank and at most "
                    + MAX_LENGTH + " characters but was \"" + name + "\"");
        }
    }

    /**
     * Returns the stage with this name (a named stage's constant when the name is one).
     *
     * @param name the stage's name
     * @return the stage
     * @throws IllegalArgumentException if the name is blank or longer than 200 characters
     */
    @JsonCreator
    public static CaptureStage of(String name) {
        return new CaptureStage(name);
    }

    /**
     * Returns the stage after the model stage with this name, {@code "after-model:NAME"}, for
     * pipelines with several main model stages.
     *
     * @param modelStage the model stage's name, e.g. {@code "ranker"}
     * @return the stage
     * @throws IllegalArgumentException if the name is blank
     */
    public static CaptureStage afterModelStage(String modelStage) {
        Objects.requireNonNull(modelStage, "modelStage");
        if (modelStage.isBlank()) {
            throw new IllegalArgumentException("modelStage must be non-blank but was \""
                    + modelStage + "\"");
        }
        return new CaptureStage(AFTER_MODEL.name + ":" + modelStage);
    }

    /**
     * Returns the name, as written in JSON.
     *
     * @return the name
     */
    @Override
    @JsonValue
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
