package dev.mlops.core.access;

/**
 * Matches names against patterns with simple wildcards: {@code *} stands for any run of
 * characters without {@code '/'} (one path segment or part of one), {@code **} for any run of
 * characters including {@code '/'}; every other character stands for itself.
 */
final class Wildcard {

    private Wildcard() {
        throw new AssertionError("no instances");
    }

    /**
     * Tells whether a name matches a pattern.
     *
     * @param pattern the pattern, such as {@code model/churn/*}
     * @param name the name, such as {@code model/churn/3}
     * @return true if the whole name matches the whole pattern
     */
    static boolean matches(String pattern, String name) {
        return matches(pattern, 0, name, 0);
    }

    private static boolean matches(String pattern, int p, String name, int n) {
        if (p == pattern.length()) {
            return n == name.length();
        }
        char c = pattern.charAt(p);
        if (c != '*') {
            return n < name.length() && name.charAt(n) == c && matches(pattern, p + 1, name, n + 1);
        }
        boolean crossesSegments = p + 1 < pattern.length() && pattern.charAt(p + 1) == '*';
        int rest = crossesSegments ? p + 2 : p + 1;
        for (int end = n;; end++) {
            if (matches(pattern, rest, name, end)) {
                return true;
            }
            if (end == name.length() || name.charAt(end) == '/' && !crossesSegments) {
                return false;
            }
        }
    }
}
