package io.ferbench.reports.html;

import io.ferbench.api.result.EpochRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Section 5: for every axis the suite varies besides the backend, architecture, dataset and seed
 * (the learning rate, the batch size, the number of classes...), the validation accuracy and loss
 * against that axis: the study's learning-rate figures. Each line is one combination of the other
 * varying axes (named by them); repeats are averaged. The figures are those of the epoch whose weights were tested
 * (the restored best epoch, else the last). A numeric axis is drawn on a log scale when it is the
 * learning rate or its values span two decades or more.
 */
final class Sweeps {
    /** Axes that are never swept: they are compared side by side, or only tell repeats apart. */
    private static final List<String> NOT_SWEPT = List.of(Axes.BACKEND, Axes.ARCHITECTURE, Axes.DATASET, Axes.SEED);

    /**
     * One value of the axis on one line.
     *
     * @param x         the axis value: a number on a numeric axis, else the category's text
     * @param accuracy  validation accuracy in %, mean over repeats
     * @param loss      validation loss, mean over repeats
     */
    record Point(Object x, Spread accuracy, Spread loss) {}

    record Line(String name, List<Point> points) {}

    /**
     * @param numeric    whether every value is a number (else the axis is drawn as categories)
     * @param categories the values in suite order, for a categorical axis
     * @param notes      cells that have no validation figures (failed or diverged), named by their value
     */
    record Sweep(String axis, boolean numeric, boolean log, List<String> categories, List<Line> lines,
                 List<String> notes) {}

    private Sweeps() {}

    static List<Sweep> of(List<ReportCell> cells, Axes axes) {
        List<Sweep> sweeps = new ArrayList<>();
        for (String axis : axes.varyingExcept(NOT_SWEPT)) sweeps.add(sweep(axis, cells, axes));
        return sweeps;
    }

    private static Sweep sweep(String axis, List<ReportCell> cells, Axes axes) {
        // lines are named by what tells them apart; backend and architecture when nothing does
        List<String> lineAxes = axes.varyingExcept(List.of(axis, Axes.SEED));
        if (lineAxes.isEmpty()) lineAxes = List.of(Axes.BACKEND, Axes.ARCHITECTURE);
        Set<String> values = new LinkedHashSet<>();
        cells.forEach(c -> values.add(c.axis(axis)));
        boolean numeric = values.stream().allMatch(Sweeps::isNumber);
        boolean log = numeric && (axis.equals(Axes.LEARNING_RATE) || spansDecades(values));

        Map<String, Map<String, List<EpochRecord>>> lines = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (ReportCell c : cells) {
            EpochRecord e = c.ok() ? c.evaluatedEpoch() : null;
            if (e == null) {
                notes.add(axis + "=" + Axes.display(c.axis(axis)) + " (" + Axes.label(c, lineAxes) + ", cell " + c.id() + "): "
                        + c.result().status().label());
                continue;
            }
            lines.computeIfAbsent(Axes.label(c, lineAxes), k -> new LinkedHashMap<>())
                    .computeIfAbsent(c.axis(axis), k -> new ArrayList<>()).add(e);
        }
        List<Line> out = new ArrayList<>();
        lines.forEach((name, byValue) -> {
            List<Point> points = new ArrayList<>();
            byValue.forEach((value, epochs) -> points.add(new Point(numeric ? Double.parseDouble(value) : value,
                    Spread.of(epochs.stream().map(e -> 100 * e.valAccuracy()).filter(Double::isFinite).toList()),
                    Spread.of(epochs.stream().map(EpochRecord::valLoss).filter(Double::isFinite).toList()))));
            if (numeric) points.sort(Comparator.comparingDouble(p -> (Double) p.x()));
            out.add(new Line(name, points));
        });
        return new Sweep(axis, numeric, log, numeric ? List.of() : List.copyOf(values), out, notes);
    }

    static boolean isNumber(String text) {
        if (text == null) return false;
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Positive values whose largest is at least 100 times the smallest. */
    private static boolean spansDecades(Set<String> values) {
        List<Double> v = values.stream().filter(Objects::nonNull).map(Double::parseDouble).toList();
        double min = v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return min > 0 && max / min >= 100;
    }
}
