package dev.mlops.data.label;

import dev.mlops.core.MlopsException;

/**
 * A set of annotations cannot be consolidated: an empty or missing item, worker or label, a
 * worker who labelled the same item twice, no annotations at all, or gold labels and weights
 * that do not fit the annotations. The message names the input, the place (list index, table
 * row, or the file and physical line when the caller knows them) where it applies, and what was
 * expected.
 */
public class AnnotationException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** The 0-based position of the annotation at fault in its input, or -1 for the annotations as a whole. */
    private final int position;

    /**
     * Creates an error about the annotations as a whole.
     *
     * @param message what was found and what was expected
     */
    public AnnotationException(String message) {
        super(message);
        this.position = -1;
    }

    /**
     * Creates an error about one annotation.
     *
     * @param source the input, such as "table row" or "annotation"
     * @param position the 0-based position of the annotation in its input
     * @param problem what was found and what was expected
     */
    public AnnotationException(String source, int position, String problem) {
        super(source + " " + position + ": " + problem);
        this.position = position;
    }

    private AnnotationException(int position, String message) {
        super(message);
        this.position = position;
    }

    /**
     * Creates an error about one annotation whose place is already described, such as
     * {@code "a.csv line 5"}.
     *
     * @param place where the annotation came from
     * @param position the 0-based position of the annotation in its input
     * @param problem what was found and what was expected
     * @return the exception, with the message {@code "place: problem"}
     */
    static AnnotationException at(String place, int position, String problem) {
        return new AnnotationException(position, place + ": " + problem);
    }

    /** @return the 0-based position of the bad annotation, or -1 when the error concerns the whole input */
    public int position() {
        return position;
    }
}
