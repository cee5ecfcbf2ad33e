package dev.mlops.data.check;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link CheckSuggester} proposes: the suite to save and edit, and why each check is in it.
 *
 * @param suite the suite, its checks in the order of the suggestions
 * @param suggestions each check with its rationale, unmodifiable
 */
public record SuggestedSuite(CheckSuite suite, List<Suggestion> suggestions) {

    /**
     * Copies the suggestions.
     *
     * @param suite the suite, its checks in the order of the suggestions
     * @param suggestions each check with its rationale, unmodifiable
     * @throws IllegalArgumentException if the suite's checks are not the suggestions' checks
     */
    public SuggestedSuite {
        Objects.requireNonNull(suite, "suite");
        suggestions = List.copyOf(suggestions);
        if (!suite.checks().equals(suggestions.stream().map(Suggestion::check).toList())) {
            throw new IllegalArgumentException("the suite's checks must be the suggestions' checks");
        }
    }

    /** @return one line per suggestion: the check's name and its rationale */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append("suggested suite '").append(suite.name()).append("': ").append(suggestions.size())
                .append(" checks\n");
        for (Suggestion suggestion : suggestions) {
            text.append(String.format(Locale.ROOT, "%-7s %-32s %s\n", suggestion.check().severity().label(),
                    suggestion.check().name(), suggestion.rationale()));
        }
        return text.toString();
    }
}
