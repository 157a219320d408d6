package io.ferbench.reports.compare;

import io.ferbench.api.cell.Axis;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.result.EnvironmentInfo;
import io.ferbench.reports.html.RunFolder;
import io.ferbench.study.stats.Summary;
import io.ferbench.study.stats.WelchTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Two runs side by side: their cells paired by {@link Configuration} (repeats of a configuration pooled), and for each
 * pair and metric the mean on each side, the change, and Welch's t-test where both sides have two or more ok repeats.
 * The first run is the baseline: a change is the second run's mean less the first's.
 *
 * @param first         the baseline run
 * @param second        the run compared with it
 * @param axes          the matrix keys whose values differ between the paired configurations (they name a row)
 * @param rows          one per paired configuration and metric, in the first run's order
 * @param onlyInFirst   configurations only the first run has, named by their matrix values
 * @param onlyInSecond  configurations only the second run has
 */
public record RunComparison(Side first, Side second, List<String> axes, List<Row> rows, List<String> onlyInFirst,
                            List<String> onlyInSecond) {
    /** A seed is a repeat's, not a configuration's: it never names a row. */
    private static final String SEED = Axis.SEED.key();

    /**
     * One run folder as compared.
     *
     * @param machines  the machines its cells ran on (CPU model and cores)
     * @param ferbench  the ferbench builds that produced its results
     */
    public record Side(String folder, String suite, List<String> machines, List<String> ferbench) {
        static Side of(RunFolder run) {
            List<CellResult> results = run.results();
            return new Side(run.layout().suiteDir().toString(), run.suite(), distinct(results.stream()
                    .map(CellResult::environment).filter(Objects::nonNull)
                    .map(e -> e.cpuModel() + " (" + e.logicalCores() + " cores)").toList()),
                    distinct(results.stream().map(CellResult::build).filter(Objects::nonNull)
                            .map(b -> b.describe()).toList()));
        }
    }

    /**
     * One metric of one configuration in both runs.
     *
     * @param axes           the configuration's matrix values
     * @param first          the first run's ok repeats, summarised; null when none has the figure
     * @param second         the second run's
     * @param test           Welch's test of the first against the second; null (untested) unless both have 2 or more
     * @param firstVersions  the framework and native version of the first run's cells (backends may differ)
     * @param secondVersions the second run's
     */
    public record Row(Map<String, String> axes, Metric metric, Summary first, Summary second, WelchTest test,
                      String firstVersions, String secondVersions) {
        /** Second mean less first; null when a side has no value. */
        public Double difference() {
            return first == null || second == null ? null : second.mean() - first.mean();
        }

        /** The difference as a percentage of the first mean; null when it has none or the first mean is 0. */
        public Double changePercent() {
            Double d = difference();
            return d == null || first.mean() == 0 ? null : 100 * d / Math.abs(first.mean());
        }

        /** By how many percent the second run is worse (negative: better), whichever way the metric points. */
        public Double worsePercent() {
            Double change = changePercent();
            return change == null ? null : metric.higherIsBetter() ? -change : change;
        }

        /**
         * Whether the second run is worse by more than {@code percent} %, and, where tested, significantly so
         * (p < {@link WelchTest#ALPHA}): with repeats, run-to-run noise alone is no regression.
         */
        public boolean regressed(double percent) {
            Double worse = worsePercent();
            return worse != null && worse > percent && (test == null || test.significant());
        }

        /** {@code better}, {@code worse} or {@code same}, for people. */
        public String verdict() {
            Double worse = worsePercent();
            if (worse == null) return "no value";
            return worse > 0 ? "worse" : worse < 0 ? "better" : "same";
        }
    }

    /** The comparison of {@code second} against {@code first} on {@code metrics}. */
    public static RunComparison of(RunFolder first, RunFolder second, List<Metric> metrics) {
        Map<Configuration, List<CellResult>> a = byConfiguration(first.results());
        Map<Configuration, List<CellResult>> b = byConfiguration(second.results());
        List<Configuration> paired = a.keySet().stream().filter(b::containsKey).toList();
        List<String> axes = varying(paired.stream().map(c -> a.get(c).get(0).cell().axes()).toList());
        List<Row> rows = new ArrayList<>();
        for (Configuration c : paired) {
            Map<String, String> values = new LinkedHashMap<>();
            axes.forEach(key -> values.put(key, a.get(c).get(0).cell().axes().get(key)));
            for (Metric metric : metrics) {
                double[] x = values(a.get(c), metric);
                double[] y = values(b.get(c), metric);
                rows.add(new Row(values, metric, summary(x), summary(y),
                        x.length >= 2 && y.length >= 2 ? WelchTest.of(x, y) : null, versions(a.get(c)),
                        versions(b.get(c))));
            }
        }
        List<Map<String, String>> everyConfiguration = new ArrayList<>();
        a.values().forEach(results -> everyConfiguration.add(results.get(0).cell().axes()));
        b.values().forEach(results -> everyConfiguration.add(results.get(0).cell().axes()));
        List<String> telling = varying(everyConfiguration);
        return new RunComparison(Side.of(first), Side.of(second), axes, rows, unpaired(a, b, telling),
                unpaired(b, a, telling));
    }

    /** Whether any row regressed by more than {@code percent} % ({@link Row#regressed}). */
    public boolean regressed(double percent) {
        return rows.stream().anyMatch(r -> r.regressed(percent));
    }

    /** The configuration's matrix values that vary, {@code architecture=resnet18, backend=djl}. */
    public static String describe(Map<String, String> axes) {
        List<String> parts = new ArrayList<>();
        axes.forEach((k, v) -> parts.add(k + "=" + v));
        return parts.isEmpty() ? "all cells" : String.join(", ", parts);
    }

    private static Map<Configuration, List<CellResult>> byConfiguration(List<CellResult> results) {
        Map<Configuration, List<CellResult>> groups = new LinkedHashMap<>();
        for (CellResult r : results) groups.computeIfAbsent(Configuration.of(r.cell()), k -> new ArrayList<>()).add(r);
        return groups;
    }

    /** The keys of {@code axes} (seed aside) whose values differ between configurations, in canonical order. */
    private static List<String> varying(List<Map<String, String>> axes) {
        Set<String> keys = new LinkedHashSet<>(Axis.keys());
        axes.forEach(m -> keys.addAll(m.keySet()));
        return keys.stream().filter(k -> !k.equals(SEED))
                .filter(k -> axes.stream().map(m -> m.get(k)).distinct().count() > 1).toList();
    }

    private static double[] values(List<CellResult> results, Metric metric) {
        return results.stream().filter(r -> r.status() == CellStatus.OK).map(metric::read).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).toArray();
    }

    private static Summary summary(double[] values) {
        return values.length == 0 ? null : Summary.of(values);
    }

    private static String versions(List<CellResult> results) {
        return String.join("; ", distinct(results.stream().map(CellResult::environment).filter(Objects::nonNull)
                .map(EnvironmentInfo::backend).filter(Objects::nonNull)
                .map(b -> b.framework() + " / " + b.nativeVersion()).toList()));
    }

    /** The configurations of {@code from} that {@code other} lacks: a cell id and the values of {@code keys}. */
    private static List<String> unpaired(Map<Configuration, List<CellResult>> from,
                                         Map<Configuration, List<CellResult>> other, List<String> keys) {
        List<String> names = new ArrayList<>();
        from.forEach((configuration, results) -> {
            if (other.containsKey(configuration)) return;
            Map<String, String> values = new LinkedHashMap<>();
            keys.forEach(k -> values.put(k, results.get(0).cell().axes().get(k)));
            names.add(results.get(0).cellId() + (values.isEmpty() ? "" : " (" + describe(values) + ")"));
        });
        return names;
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
