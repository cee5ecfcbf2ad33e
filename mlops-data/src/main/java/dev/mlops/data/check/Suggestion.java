package dev.mlops.data.check;

import java.util.Objects;

/**
 * One check a {@link CheckSuggester} proposes, with the reason it read off the baseline profile.
 *
 * @param check the proposed check
 * @param rationale what in the baseline led to it, such as {@code "no missing value in 1000 rows"}
 */
public record Suggestion(Check check, String rationale) {

    /**
    * Validates the parts.
    *
    * @param check the proposed check
    * @param rationale what in the baseline led to it, such as {@code "no missing value in 1000 rows"}
    */
    public Suggestion {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(rationale, "rationale");
    }
}
