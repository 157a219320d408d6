package io.ferbench.study;

import io.ferbench.api.cell.Axis;
import io.ferbench.api.result.CellResult;
import io.ferbench.study.stats.Summary;
import io.ferbench.study.stats.WelchTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a run's results say beyond single cells, following the study: statistics over repeats, whether two backends
 * differ on the same cell (Welch's t-test on test accuracy, α = 0.05), which learning rate a sweep selects (the
 * highest mean validation accuracy of the tested weights; test accuracy plays no part), and the test accuracy
 * against each ablation axis. Only {@code ok} cells enter the figures; the counts say how many cells there were.
 *
 * @param axes           the matrix keys whose values differ between the run's cells, in canonical order: what tells
 *                       combinations apart (the other keys have one value in the whole run)
 * @param statistics     one row per combination of matrix values
 * @param backends       one row per pair of backends on the same combination of the other axes
 * @param learningRates  one selection per combination of the axes other than the learning rate, where it varies
 * @param ablations      one series per ablation axis and combination of the other axes, where the axis varies
 */
public record StudyAnalysis(List<String> axes, List<RepeatStatistics> statistics, List<BackendDifference> backends,
                            List<LearningRateChoice> learningRates, List<AblationSeries> ablations) {
    /** The axes whose values form ablation series, with how each value becomes a number on the x axis. */
    static final Map<String, Function<String, Double>> ABLATION_AXES = new LinkedHashMap<>();
    static {
        ABLATION_AXES.put(Axes.LEARNING_RATE, StudyAnalysis::number);
        ABLATION_AXES.put(Axes.CLASSES, StudyAnalysis::classCount);
        ABLATION_AXES.put(Axes.IMAGES_PER_CLASS, StudyAnalysis::number);
    }

    public StudyAnalysis {
        axes = List.copyOf(axes);
        statistics = List.copyOf(statistics);
        backends = List.copyOf(backends);
        learningRates = List.copyOf(learningRates);
        ablations = List.copyOf(ablations);
    }

    /**
     * The figures of the study's tables over the repeats of one combination: test accuracy, macro-averaged
     * precision, recall and F1 on the test split, and the training and validation accuracy of the tested weights.
     *
     * @param group      the combination as {@code axis=value} pairs of the axes that vary in the run
     * @param axes       the combination's value of every matrix key
     * @param cells      cells of the combination; {@code ok} of them entered the figures (null summaries when none)
     */
    public record RepeatStatistics(String group, Map<String, String> axes, int cells, int ok, Summary testAccuracy,
                                   Summary macroPrecision, Summary macroRecall, Summary macroF1, Summary trainAccuracy,
                                   Summary validationAccuracy) {}

    /**
     * @param axes  the value of every matrix key but the backend, which the two sides share
     * @param test  Welch's test of {@code first}'s test accuracies against {@code second}'s; null when either has
     *              fewer than two ok repeats (then nothing can be said about significance)
     */
    public record BackendDifference(String group, Map<String, String> axes, String first, String second,
                                    Summary firstAccuracy,
                                    Summary secondAccuracy, WelchTest test) {
        public boolean significant() {
            return test != null && test.significant();
        }
    }

    /**
     * @param axes   the value of every matrix key but the learning rate, which the sweep's points share
     * @param winner the selected learning rate
     */
    public record LearningRateChoice(String group, Map<String, String> axes, List<Point> points, double winner) {}

    /**
     * One value of an axis.
     *
     * @param x      the value as a number (a class list counts its classes); null where it has none (no cap)
     * @param label  the value as the results record it
     */
    public record Point(Double x, String label, Summary testAccuracy, Summary validationAccuracy) {}

    /**
     * Test accuracy against one ablation axis, the other axes fixed.
     *
     * @param axes the value of every matrix key but {@code axis}, which the series' points share
     */
    public record AblationSeries(String axis, String group, Map<String, String> axes, List<Point> points) {}

    public static StudyAnalysis of(List<CellResult> results) {
        List<Combination> combinations = combinations(results);
        Set<String> varying = varyingAxes(combinations);
        List<RepeatStatistics> statistics = new ArrayList<>();
        for (Combination c : combinations) {
            statistics.add(new RepeatStatistics(Axes.describe(c.axes(), varying, Set.of()), c.axes(), c.cells().size(),
                    c.ok().size(), summary(c.testAccuracy()), summary(c.macroPrecision()), summary(c.macroRecall()),
                    summary(c.macroF1()), summary(c.trainAccuracy()), summary(c.validationAccuracy())));
        }
        return new StudyAnalysis(List.copyOf(varying), statistics, backends(combinations, varying),
                learningRates(combinations, varying), ablations(combinations, varying));
    }

    private static List<Combination> combinations(List<CellResult> results) {
        Map<Map<String, String>, List<CellResult>> byAxes = new LinkedHashMap<>();
        for (CellResult r : results) {
            byAxes.computeIfAbsent(r.cell().axes(), k -> new ArrayList<>()).add(r);
        }
        List<Combination> combinations = new ArrayList<>();
        byAxes.forEach((axes, cells) -> combinations.add(new Combination(axes, cells)));
        return combinations;
    }

    /** The keys whose values differ between combinations, in the suite's canonical order. */
    private static Set<String> varyingAxes(List<Combination> combinations) {
        Set<String> keys = new LinkedHashSet<>(Axis.keys());
        combinations.forEach(c -> keys.addAll(c.axes().keySet()));
        Set<String> varying = new LinkedHashSet<>();
        for (String key : keys) {
            if (combinations.stream().map(c -> c.axes().get(key)).distinct().count() > 1) varying.add(key);
        }
        return varying;
    }

    /** Combinations that agree on every axis but {@code axis}, in first-appearance order. */
    private static Map<Map<String, String>, List<Combination>> groupedWithout(List<Combination> combinations,
                                                                            String axis) {
        Map<Map<String, String>, List<Combination>> groups = new LinkedHashMap<>();
        for (Combination c : combinations) {
            Map<String, String> rest = new LinkedHashMap<>(c.axes());
            rest.remove(axis);
            groups.computeIfAbsent(rest, k -> new ArrayList<>()).add(c);
        }
        return groups;
    }

    private static List<BackendDifference> backends(List<Combination> combinations, Set<String> varying) {
        List<BackendDifference> rows = new ArrayList<>();
        groupedWithout(combinations, Axes.BACKEND).forEach((rest, group) -> {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    Combination a = group.get(i);
                    Combination b = group.get(j);
                    double[] x = a.testAccuracy();
                    double[] y = b.testAccuracy();
                    if (x.length == 0 || y.length == 0) continue;
                    WelchTest test = x.length >= 2 && y.length >= 2 ? WelchTest.of(x, y) : null;
                    rows.add(new BackendDifference(Axes.describe(rest, varying, Set.of(Axes.BACKEND)), rest,
                            a.axes().get(Axes.BACKEND), b.axes().get(Axes.BACKEND), Summary.of(x), Summary.of(y), test));
                }
            }
        });
        return rows;
    }

    private static List<LearningRateChoice> learningRates(List<Combination> combinations, Set<String> varying) {
        List<LearningRateChoice> choices = new ArrayList<>();
        for (Map.Entry<Map<String, String>, List<Combination>> group
                : groupedWithout(combinations, Axes.LEARNING_RATE).entrySet()) {
            List<Point> points = points(group.getValue(), Axes.LEARNING_RATE);
            List<Point> measured = points.stream().filter(p -> p.validationAccuracy() != null).toList();
            if (points.size() < 2 || measured.isEmpty()) continue;
            Point best = measured.stream()
                    .max(Comparator.comparingDouble((Point p) -> p.validationAccuracy().mean())).orElseThrow();
            choices.add(new LearningRateChoice(Axes.describe(group.getKey(), varying, Set.of(Axes.LEARNING_RATE)),
                    group.getKey(), points, best.x()));
        }
        return choices;
    }

    private static List<AblationSeries> ablations(List<Combination> combinations, Set<String> varying) {
        List<AblationSeries> series = new ArrayList<>();
        for (String axis : ABLATION_AXES.keySet()) {
            if (!varying.contains(axis)) continue;
            groupedWithout(combinations, axis).forEach((rest, group) -> {
                List<Point> points = points(group, axis);
                if (points.size() >= 2) {
                    series.add(new AblationSeries(axis, Axes.describe(rest, varying, Set.of(axis)), rest, points));
                }
            });
        }
        return series;
    }

    /** One point per value of {@code axis}, in the order values first appear (the suite's order). */
    private static List<Point> points(List<Combination> group, String axis) {
        List<Point> points = new ArrayList<>();
        for (Combination c : group) {
            String label = c.axes().get(axis);
            points.add(new Point(ABLATION_AXES.get(axis).apply(label), label, summary(c.testAccuracy()),
                    summary(c.validationAccuracy())));
        }
        return points;
    }

    private static Summary summary(double[] values) {
        return values.length == 0 ? null : Summary.of(values);
    }

    private static Double number(String value) {
        try {
            return value == null ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;  // "null": the dataset's own setting, no cap
        }
    }

    /** "[angry, happy, sad]" counts 3; "[]" (all of the dataset's classes) has no number. */
    private static Double classCount(String value) {
        if (value == null || !value.startsWith("[") || value.equals("[]")) return null;
        return (double) value.substring(1, value.length() - 1).split(",").length;
    }
}
