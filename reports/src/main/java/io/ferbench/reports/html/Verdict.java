package io.ferbench.reports.html;

import io.ferbench.study.stats.WelchTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One row of the verdict matrix in a sentence: the backend that trains the architecture fastest and the one that
 * tests most accurate, each against the runner-up, with Welch's t-test where both were repeated. A difference
 * involving a single run is left untested (one run says nothing about run-to-run spread); the page says so once.
 */
final class Verdict {
    private Verdict() {}

    /**
     * @param columns the matrix's columns
     * @param chosen  each column's chosen configuration in this row, null where it has none with figures
     */
    static String of(List<String> columns, List<VerdictMatrix.Candidate> chosen) {
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) if (chosen.get(i) != null) present.add(i);
        if (present.isEmpty()) return "no ok cell yet";
        if (present.size() == 1) return "only " + columns.get(present.get(0)) + " has results";
        return "fastest: " + winner(columns, chosen, present, VerdictMatrix.Candidate::imagesPerSecond, true)
                + "; most accurate: " + winner(columns, chosen, present, VerdictMatrix.Candidate::accuracy, false);
    }

    /** The best column by the mean of {@code figure}, against the runner-up. */
    private static String winner(List<String> columns, List<VerdictMatrix.Candidate> chosen, List<Integer> present,
                                 Function<VerdictMatrix.Candidate, double[]> figure, boolean speed) {
        List<Integer> ranked = present.stream().sorted(Comparator.comparingDouble(
                (Integer i) -> VerdictMatrix.mean(figure.apply(chosen.get(i)))).reversed()).toList();
        double[] best = figure.apply(chosen.get(ranked.get(0)));
        double[] next = figure.apply(chosen.get(ranked.get(1)));
        double bestMean = VerdictMatrix.mean(best);
        double nextMean = VerdictMatrix.mean(next);
        String first = columns.get(ranked.get(0));
        String second = columns.get(ranked.get(1));
        String value = speed ? imagesPerSecond(bestMean) + " img/s" : percent(bestMean);
        if (bestMean == nextMean) return first + " and " + second + ", tied at " + value;
        String margin = speed ? String.format(Locale.ROOT, "%.2f× %s", bestMean / nextMean, second)
                : String.format(Locale.ROOT, "%.2f points above %s", bestMean - nextMean, second);
        String significance = best.length < 2 || next.length < 2 ? "" : " (" + significance(best, next) + ")";
        return first + " at " + value + ", " + margin + significance;
    }

    private static String significance(double[] best, double[] next) {
        WelchTest test = WelchTest.of(best, next);
        String p = test.p() < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", test.p());
        return (test.significant() ? "" : "not significant: ") + p + ", Welch's t-test";
    }

    private static String imagesPerSecond(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f %%", value);
    }
}
