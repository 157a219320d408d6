package io.ferbench.reports.html;

import io.ferbench.api.cell.Axis;
import io.ferbench.api.result.EpochRecord;
import io.ferbench.study.stats.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The report's first view, who wins: per dataset, architectures as rows and backends as columns, each entry the test
 * accuracy and training throughput of one configuration (with a 95 % confidence interval when it was repeated) and
 * its speed relative to the row's fastest backend, then a verdict per row ({@link Verdict}).
 *
 * <p>An entry never mixes configurations: when the suite varies other settings (learning rate, epochs...), each
 * architecture and backend is shown in the configuration with the best mean validation accuracy (the faster one on a
 * tie), named in the entry. Validation, not test, accuracy chooses, so the test figures stay unbiased. Cells that
 * differ only in their seed (or repeat) are the repeats of a configuration.
 */
final class VerdictMatrix {
    private static final String DEVICE = Axis.DEVICE.key();
    /** Axes that place a cell in the matrix or make it a repeat: never chosen among. */
    private static final List<String> PLACING = List.of(Axes.BACKEND, Axes.ARCHITECTURE, Axes.DATASET, Axes.SEED,
            Axis.WIDTH_MULTIPLIER.key(), DEVICE);

    /**
     * One architecture on one backend, in its chosen configuration.
     *
     * @param configuration        the chosen configuration ({@code learning_rate=0.01}); null when the suite varies
     *                             nothing that needs choosing, or when it is the row's for every backend
     * @param configurations       how many configurations of this architecture and backend have ok cells
     * @param cells                report keys of the configuration's ok cells, its repeats
     * @param accuracy             test accuracy in %, over the repeats; null when no cell is ok
     * @param trainImagesPerSecond training throughput over the repeats; null when no cell is ok
     * @param relativeSpeed        throughput over the row's fastest; null when no cell is ok
     * @param notOk                failed and diverged cells of this architecture and backend, in any configuration
     */
    record Entry(String configuration, int configurations, List<String> cells, Summary accuracy,
                 Summary trainImagesPerSecond, Double relativeSpeed, boolean fastest, boolean mostAccurate,
                 int notOk) {}

    /**
     * @param configuration the configuration of every entry when they share one and it was never chosen among
     *                      others (and the suite varies settings besides the matrix's own), else null
     * @param entries       one per column, null where the backend has no cell of this architecture
     */
    record Row(String architecture, String configuration, List<Entry> entries, String verdict) {}

    record Table(String dataset, List<Row> rows) {}

    /**
     * @param columns     backends; a backend and its device when the device varies, and its machine when the results
     *                    come from several
     * @param chosenAmong the settings that tell configurations apart; empty when nothing besides the matrix's own
     *                    axes and the seed varies
     * @param chose       whether some architecture and backend ran in several configurations, one of which is shown
     */
    record View(List<String> columns, List<String> chosenAmong, boolean chose, List<Table> tables) {}

    /**
     * A configuration's ok cells and their figures.
     *
     * @param among how many configurations it was chosen among
     */
    record Candidate(String configuration, int among, List<ReportCell> cells, double[] accuracy,
                     double[] imagesPerSecond) {
        Summary accuracySummary() { return Summary.of(accuracy); }

        Summary speedSummary() { return Summary.of(imagesPerSecond); }
    }

    private VerdictMatrix() {}

    static View of(List<ReportCell> cells, Axes axes) {
        List<ReportCell> usable = cells.stream().filter(VerdictMatrix::usable).toList();
        Function<ReportCell, String> series = FrameworkComparison.seriesOf(usable);
        Function<ReportCell, String> columnOf = axes.varying().contains(DEVICE)
                ? c -> series.apply(c) + " · " + c.axis(DEVICE) : series;
        List<String> chosenAmong = axes.varyingExcept(PLACING);
        List<String> columns = cells.stream().map(columnOf).distinct().toList();

        Map<String, Map<String, List<ReportCell>>> byDataset = new LinkedHashMap<>();
        for (ReportCell c : cells) {
            byDataset.computeIfAbsent(c.axis(Axes.DATASET), d -> new LinkedHashMap<>())
                    .computeIfAbsent(Leaderboard.architecture(c.cell()), a -> new ArrayList<>()).add(c);
        }
        List<Table> tables = new ArrayList<>();
        byDataset.forEach((dataset, byArchitecture) -> {
            List<Row> rows = new ArrayList<>();
            byArchitecture.forEach((architecture, members) -> rows.add(row(architecture, members, columns, columnOf,
                    chosenAmong)));
            tables.add(new Table(dataset, rows));
        });
        boolean chose = tables.stream().flatMap(t -> t.rows().stream()).flatMap(r -> r.entries().stream())
                .anyMatch(e -> e != null && e.configurations() > 1);
        return new View(columns, chosenAmong, chose, tables);
    }

    private static Row row(String architecture, List<ReportCell> members, List<String> columns,
                           Function<ReportCell, String> columnOf, List<String> chosenAmong) {
        List<Candidate> chosen = new ArrayList<>();
        List<Integer> notOk = new ArrayList<>();
        List<Boolean> present = new ArrayList<>();
        for (String column : columns) {
            List<ReportCell> inColumn = members.stream().filter(c -> columnOf.apply(c).equals(column)).toList();
            present.add(!inColumn.isEmpty());
            notOk.add((int) inColumn.stream().filter(c -> !c.ok()).count());
            chosen.add(best(inColumn.stream().filter(VerdictMatrix::usable).toList(), chosenAmong));
        }
        double fastest = chosen.stream().filter(c -> c != null).mapToDouble(c -> c.speedSummary().mean()).max()
                .orElse(Double.NaN);
        double mostAccurate = chosen.stream().filter(c -> c != null).mapToDouble(c -> c.accuracySummary().mean())
                .max().orElse(Double.NaN);
        List<String> configurations = chosen.stream().filter(c -> c != null).map(Candidate::configuration).distinct()
                .toList();
        // a row whose one configuration involved no choice (the suite sets it per architecture) names it once
        boolean choice = chosen.stream().anyMatch(c -> c != null && c.among() > 1);
        String shared = chosenAmong.isEmpty() || configurations.size() != 1 || choice ? null : configurations.get(0);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Candidate c = chosen.get(i);
            if (!present.get(i)) {
                entries.add(null);
            } else if (c == null) {
                entries.add(new Entry(null, 0, List.of(), null, null, null, false, false, notOk.get(i)));
            } else {
                Summary speed = c.speedSummary();
                Summary accuracy = c.accuracySummary();
                entries.add(new Entry(chosenAmong.isEmpty() || shared != null ? null : c.configuration(), c.among(),
                        c.cells().stream().map(ReportCell::key).toList(), accuracy, speed, speed.mean() / fastest,
                        speed.mean() == fastest, accuracy.mean() == mostAccurate, notOk.get(i)));
            }
        }
        return new Row(architecture, shared, entries, Verdict.of(columns, chosen));
    }

    /**
     * The configuration with the best mean validation accuracy among {@code cells}, the faster on a tie; null when
     * there are no cells.
     */
    static Candidate best(List<ReportCell> cells, List<String> chosenAmong) {
        Map<String, List<ReportCell>> configurations = new LinkedHashMap<>();
        for (ReportCell c : cells) {
            configurations.computeIfAbsent(Axes.label(c, chosenAmong), k -> new ArrayList<>()).add(c);
        }
        return configurations.entrySet().stream()
                .map(e -> new Candidate(e.getKey(), configurations.size(), e.getValue(),
                        values(e.getValue(), c -> 100 * c.result().test().accuracy()),
                        values(e.getValue(), c -> c.result().timing().trainImagesPerSecond())))
                .max(Comparator.comparingDouble((Candidate c) -> mean(values(c.cells(), VerdictMatrix::validation)))
                        .thenComparingDouble(c -> mean(c.imagesPerSecond())))
                .orElse(null);
    }

    /** An ok cell with the figures the matrix shows. */
    private static boolean usable(ReportCell c) {
        return c.ok() && c.result().test() != null && c.result().timing() != null;
    }

    /** Validation accuracy of the tested epoch; below any accuracy when the cell has no history. */
    private static double validation(ReportCell c) {
        EpochRecord e = c.evaluatedEpoch();
        return e == null || Double.isNaN(e.valAccuracy()) ? Double.NEGATIVE_INFINITY : e.valAccuracy();
    }

    private static double[] values(List<ReportCell> cells, ToDoubleFunction<ReportCell> value) {
        return cells.stream().mapToDouble(value).toArray();
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) sum += v;
        return sum / values.length;
    }
}
