package dev.mlops.data.label;

import java.util.Objects;

/**
 * One worker's label for one item.
 *
 * <p>All three parts are compared exactly (no trimming, case-sensitive) and none may be empty or
 * consist only of white space.
 *
 * @param item the item's id
 * @param worker the worker's id
 * @param label the label the worker gave
 */
public record Annotation(String item, String worker, String label) {

    /**
     * Creates an annotation.
     *
     * @param item the item's id
     * @param worker the worker's id
     * @param label the label the worker gave
     * @throws NullPointerException if a part is null
     * @throws IllegalArgumentException if a part is empty or blank; the message names it
     */
    public Annotation {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(label, "label");
        if (item.isBlank()) {
            throw new IllegalArgumentException("item must not be blank but was '" + item + "' (worker '" + worker
                    + "', label '" + label + "')");
        }
        if (worker.isBlank()) {
            throw new IllegalArgumentException("worker must not be blank but was '" + worker + "' (item '" + item
                    + "', label '" + label + "')");
        }
        if (label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank but was '" + label + "' (item '" + item
                    + "', worker '" + worker + "')");
        }
    }

    /**
     * Returns an annotation.
     *
     * @param item the item's id
     * @param worker the worker's id
     * @param label the label
     * @return the annotation
     * @throws IllegalArgumentException if a part is empty or blank
     */
    public static Annotation of(String item, String worker, String label) {
        return new Annotation(item, worker, label);
    }
}
