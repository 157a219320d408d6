package io.ferbench.api.names;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Suggests the valid name a user most likely meant, for error messages: the nearest candidate by edit distance
 * (adjacent swaps count once), when it is close enough to be a plausible typo. Case is ignored.
 */
public final class DidYouMean {
    private DidYouMean() {}

    /**
     * The nearest candidate when at most {@code max(1, min(3, length/3))} edits away from {@code input};
     * ties go to the earlier candidate.
     */
    public static Optional<String> suggest(String input, Collection<String> candidates) {
        String typed = input.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, typed.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(typed, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * The first candidate that starts with {@code input} (a non-empty abbreviation such as {@code shufflenet}),
     * otherwise {@link #suggest}.
     */
    public static Optional<String> suggestPrefixFirst(String input, Collection<String> candidates) {
        String typed = input.toLowerCase(Locale.ROOT);
        if (!typed.isEmpty()) {
            for (String candidate : candidates) {
                if (candidate.toLowerCase(Locale.ROOT).startsWith(typed)) return Optional.of(candidate);
            }
        }
        return suggest(input, candidates);
    }

    /** {@code "; did you mean 'x'?"} for {@link #suggest}'s suggestion, or the empty string. */
    public static String hint(String input, Collection<String> candidates) {
        return suggest(input, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
