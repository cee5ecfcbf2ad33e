package dev.mlops.train;

import dev.mlops.data.split.ItemKeys;
import dev.mlops.data.split.SplitException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * The key columns a splitter reads, taken from the {@link Example}s of a Tribuo dataset, for
 * {@link TribuoSplits#split}: an example's label (for a stratified splitter), a metadata value
 * such as a customer id (for a grouped splitter) and a metadata timestamp (for a temporal
 * splitter).
 *
 * <p>Each {@code ItemKeys} factory names its column so that the matching splitter reads it:
 * {@code Splitters.stratified(sizes, TribuoKeys.LABEL, seed)} with {@link #label()},
 * {@code Splitters.grouped(sizes, "customer", seed)} with {@link #metadata(String)
 * metadata("customer")}. To read several keys at once (a stratified grouped split), chain the
 * extractors onto {@link ItemKeys}: {@code TribuoKeys.label().categorical("customer",
 * TribuoKeys.metadataValue("customer"))}.
 *
 * <p>Missing values are missing keys, which the splitters refuse with a
 * {@link SplitException} naming the column and the example's 0-based position: an example
 * without the metadata field, and an example whose label is Tribuo's unknown label
 * ({@link LabelFactory#UNKNOWN_LABEL}). Everything here is stateless and thread-safe.
 */
public final class TribuoKeys {
    /** The name of the label column that {@link #label()} adds. */
    public static final String LABEL = "label";

    private TribuoKeys() {
        throw new AssertionError("no instances");
    }

    /**
     * Returns keys with one categorical column, {@value #LABEL}: each example's label name.
     *
     * @return the keys
     */
    public static ItemKeys<Example<Label>> label() {
        return ItemKeys.<Example<Label>>none().categorical(LABEL, labelName());
    }

    /**
     * Returns keys with one categorical column named after a metadata field: each example's value
     * of that field as text ({@link String#valueOf}), for a grouped splitter.
     *
     * @param <T> the output type
     * @param field the metadata field, such as {@code "customer"}; also the column's name
     * @return the keys
     * @throws IllegalArgumentException if the field is blank or {@value ItemKeys#ITEM_COLUMN}
     */
    public static <T extends Output<T>> ItemKeys<Example<T>> metadata(String field) {
        return ItemKeys.<Example<T>>none().categorical(requireField(field), metadataValue(field));
    }

    /**
     * Returns keys with one timestamp column named after a metadata field, for a temporal
     * splitter; see {@link #metadataInstant(String)} for the values accepted.
     *
     * @param <T> the output type
     * @param field the metadata field, such as {@code "time"}; also the column's name
     * @return the keys
     * @throws IllegalArgumentException if the field is blank or {@value ItemKeys#ITEM_COLUMN}
     */
    public static <T extends Output<T>> ItemKeys<Example<T>> timestampMetadata(String field) {
        return ItemKeys.<Example<T>>none().timestamp(requireField(field), metadataInstant(field));
    }

    /**
     * Returns the extractor of an example's label name; Tribuo's unknown label is a missing value.
     *
     * @return a function giving {@link Label#getLabel()}, or null for the unknown label
     */
    public static Function<Example<Label>, @Nullable String> labelName() {
        return example -> {
            String name = example.getOutput().getLabel();
            return LabelFactory.UNKNOWN_LABEL.getLabel().equals(name) ? null : name;
        };
    }

    /**
     * Returns the extractor of an example's metadata value ({@link Example#getMetadataValue}).
     *
     * @param <T> the output type
     * @param field the metadata field
     * @return a function giving the value, or null when the example lacks the field
     * @throws IllegalArgumentException if the field is blank
     */
    public static <T extends Output<T>> Function<Example<T>, @Nullable Object> metadataValue(String field) {
        String name = requireField(field);
        return example -> example.getMetadataValue(name).orElse(null);
    }

    /**
     * Returns the extractor of an example's metadata timestamp. The value may be an
     * {@link Instant}, an {@link OffsetDateTime} or {@link ZonedDateTime}, or text in ISO-8601
     * instant form ({@code 2024-03-01T09:30:00Z}, parsed with {@link Instant#parse}); a time
     * without a zone is refused, since its instant would depend on the machine's zone.
     *
     * @param <T> the output type
     * @param field the metadata field
     * @return a function giving the instant, or null when the example lacks the field
     * @throws IllegalArgumentException if the field is blank
     * @throws SplitException (from the function) if a value is not an instant; the message names
     *     the field, the value and the form expected
     */
    public static <T extends Output<T>> Function<Example<T>, @Nullable Instant> metadataInstant(String field) {
        String name = requireField(field);
        return example -> {
            Object value = example.getMetadataValue(name).orElse(null);
            return value == null ? null : toInstant(name, value);
        };
    }

    private static Instant toInstant(String field, Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof ZonedDateTime time) {
            return time.toInstant();
        }
        if (value instanceof CharSequence text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new SplitException("metadata field '" + field + "' must hold an ISO-8601 instant such as "
                        + "2024-03-01T09:30:00Z but was '" + text + "'");
            }
        }
        throw new SplitException("metadata field '" + field + "' must hold an Instant, an OffsetDateTime, a "
                + "ZonedDateTime or ISO-8601 instant text but held a " + value.getClass().getName() + ": '" + value + "'");
    }

    private static String requireField(String field) {
        Objects.requireNonNull(field, "field");
        if (field.isBlank()) {
            throw new IllegalArgumentException("field must not be blank but was '" + field + "'");
        }
        return field;
    }
}
