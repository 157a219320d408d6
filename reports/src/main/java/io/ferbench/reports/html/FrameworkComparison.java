package io.ferbench.reports.html;

import io.ferbench.api.result.EnvironmentInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Section 3: for each configuration (architecture × dataset, and any other setting the suite varies
 * besides the backend and the seed; named by what varies) the backends side by side: test accuracy, time per epoch,
 * training throughput and, where cells set a {@code target_accuracy}, the time to reach it, as grouped bars, and
 * accuracy against time per epoch, the trade-off the study
 * discusses. Repeats of a configuration (cells that differ only in seed or repeat) become one mean
 * with a standard-deviation error bar. Only ok cells take part; the others are counted in a note.
 *
 * <p>A series is a backend, or a backend on a machine when the merged results come from several.
 */
final class FrameworkComparison {
    /**
     * One bar chart.
     *
     * @param values {@code [series][group]}, null where a backend has no ok cell for a configuration
     */
    record Metric(String key, String label, String unit, Leaderboard.Better better, List<List<Spread>> values) {}

    /** A configuration's mean time per epoch and accuracy on one backend. */
    record Point(String group, Spread seconds, Spread accuracy) {}

    record ScatterSeries(String name, List<Point> points) {}

    /**
     * @param repeats  whether some configuration has more than one ok cell per series (error bars drawn)
     * @param leftOut  failed and diverged cells, which have no figures to compare
     */
    record View(List<String> groups, List<String> series, boolean repeats, List<Metric> metrics,
                List<ScatterSeries> scatter, int leftOut) {}

    private record Figure(String key, String label, String unit, Leaderboard.Better better,
                          Function<ReportCell, Double> value) {}

    private static final List<Figure> FIGURES = List.of(
            new Figure("accuracy", "Test accuracy", "%", Leaderboard.Better.max,
                    c -> 100 * c.result().test().accuracy()),
            new Figure("epoch_s", "Time per epoch", "s", Leaderboard.Better.min,
                    c -> c.result().timing().medianEpochSeconds()),
            new Figure("train_ips", "Training throughput", "img/s", Leaderboard.Better.max,
                    c -> c.result().timing().trainImagesPerSecond()));
    /**
     * Time to the target accuracy, shown where cells set a target: backends at the same img/s can need different
     * numbers of epochs. A cell that never reached its target has no bar.
     */
    private static final Figure TO_TARGET = new Figure("to_target", "Time to target accuracy", "s",
            Leaderboard.Better.min,
            c -> c.result().timeToTarget() == null ? null : c.result().timeToTarget().seconds());

    private FrameworkComparison() {}

    static View of(List<ReportCell> cells, Axes axes) {
        List<ReportCell> ok = cells.stream().filter(c -> c.ok() && c.result().timing() != null).toList();
        List<String> groupAxes = groupAxes(axes);
        Function<ReportCell, String> seriesOf = seriesOf(ok);

        Set<String> groups = new LinkedHashSet<>();
        Set<String> series = new LinkedHashSet<>();
        Map<String, Map<String, List<ReportCell>>> bySeries = new LinkedHashMap<>();
        for (ReportCell c : ok) {
            String group = Axes.label(c, groupAxes);
            groups.add(group);
            series.add(seriesOf.apply(c));
            bySeries.computeIfAbsent(seriesOf.apply(c), s -> new LinkedHashMap<>())
                    .computeIfAbsent(group, g -> new ArrayList<>()).add(c);
        }
        boolean repeats = bySeries.values().stream().flatMap(m -> m.values().stream()).anyMatch(l -> l.size() > 1);

        List<Metric> metrics = new ArrayList<>();
        List<Figure> figures = new ArrayList<>(FIGURES);
        if (ok.stream().anyMatch(c -> c.result().timeToTarget() != null)) {
            figures.add(TO_TARGET);
        }
        for (Figure f : figures) {
            List<List<Spread>> values = new ArrayList<>();
            for (String s : series) {
                List<Spread> row = new ArrayList<>();
                for (String g : groups) row.add(spread(bySeries.get(s).get(g), f.value()));
                values.add(row);
            }
            metrics.add(new Metric(f.key(), f.label(), f.unit(), f.better(), values));
        }
        List<ScatterSeries> scatter = new ArrayList<>();
        for (String s : series) {
            List<Point> points = new ArrayList<>();
            bySeries.get(s).forEach((group, members) -> points.add(new Point(group,
                    spread(members, FIGURES.get(1).value()), spread(members, FIGURES.get(0).value()))));
            scatter.add(new ScatterSeries(s, points));
        }
        return new View(List.copyOf(groups), List.copyOf(series), repeats, metrics, scatter, cells.size() - ok.size());
    }

    /**
     * The axes that name a configuration: those that vary besides the backend and the seed (architecture and
     * dataset first); architecture and dataset when nothing varies, so that the one group has a name.
     */
    static List<String> groupAxes(Axes axes) {
        List<String> varying = axes.varyingExcept(List.of(Axes.BACKEND, Axes.SEED));
        if (varying.isEmpty()) return List.of(Axes.ARCHITECTURE, Axes.DATASET);
        List<String> ordered = new ArrayList<>();
        for (String first : List.of(Axes.ARCHITECTURE, Axes.DATASET)) if (varying.contains(first)) ordered.add(first);
        varying.stream().filter(a -> !ordered.contains(a)).forEach(ordered::add);
        return ordered;
    }

    private static Spread spread(List<ReportCell> members, Function<ReportCell, Double> value) {
        if (members == null) return null;
        return Spread.of(members.stream().map(value).filter(Objects::nonNull).toList());
    }

    /** A cell's series among {@code cells}: its backend, and its machine when they come from several. */
    static Function<ReportCell, String> seriesOf(List<ReportCell> cells) {
        boolean severalMachines = cells.stream().map(c -> machine(c.result().environment())).distinct().count() > 1;
        return c -> c.cell().backend() + (severalMachines ? " @ " + machine(c.result().environment()) : "");
    }

    /** A short name for the machine: its CPU, and its GPUs when it has any. */
    static String machine(EnvironmentInfo env) {
        if (env == null) return "unknown machine";
        return env.cpuModel() + (env.gpus().isEmpty() ? "" : " + " + String.join(", ", env.gpus()));
    }
}
