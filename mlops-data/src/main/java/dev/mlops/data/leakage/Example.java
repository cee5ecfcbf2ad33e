package dev.mlops.data.leakage;

import java.util.List;
import java.util.Objects;

/**
 * One example behind a {@link Finding}: the rows involved and what they share.
 *
 * @param detail what the rows have in common, each name and value cut and escaped as
 *     {@link dev.mlops.core.text.ReadableText#name(String)} does, such as {@code "x=1, city=München"} or
 *     {@code "id=42"}, or why the row was flagged
 * @param rows the rows, in row order; at most the check's sample size, unmodifiable
 * @param totalRows how many rows the example involves, which may exceed {@code rows.size()}
 */
public record Example(String detail, List<SetRow> rows, int totalRows) {

    /**
     * Copies the rows.
     *
     * @param detail what the rows have in common, each name and value cut and escaped as
     *     {@link dev.mlops.core.text.ReadableText#name(String)} does, such as {@code "x=1, city=München"} or
     *     {@code "id=42"}, or why the row was flagged
     * @param rows the rows, in row order; at most the check's sample size, unmodifiable
     * @param totalRows how many rows the example involves, which may exceed {@code rows.size()}
     * @throws IllegalArgumentException if {@code totalRows} is smaller than the rows listed
     */
    public Example {
        Objects.requireNonNull(detail, "detail");
        rows = List.copyOf(rows);
        if (totalRows < rows.size()) {
            throw new IllegalArgumentException("totalRows must be at least the " + rows.size()
                    + " rows listed but was " + totalRows);
        }
    }
}
