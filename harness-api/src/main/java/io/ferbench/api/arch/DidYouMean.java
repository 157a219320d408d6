package io.ferbench.api.arch;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the valid name a user most likely meant. */
final class DidYouMean {
    private DidYouMean() {}

    /**
     * The first candidate that starts with {@code given} (ignoring case), otherwise the candidate at
     * the smallest edit distance if that distance is at most half the length of {@code given};
     * ties go to the earlier candidate.
     */
    static Optional<String> suggest(String given, Collection<String> candidates) {
        String g = given.toLowerCase(Locale.ROOT);
        if (!g.isEmpty()) {
            for (String c : candidates) {
                if (c.toLowerCase(Locale.ROOT).startsWith(g)) return Optional.of(c);
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = editDistance(g, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(1, g.length() / 2) ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
