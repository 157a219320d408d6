package io.ferbench.study;

import io.ferbench.worker.CsvTable;
import io.ferbench.worker.JsonFiles;
import io.ferbench.study.stats.Summary;
import io.ferbench.study.stats.WelchTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link StudyAnalysis} next to {@code results.csv}: {@code analysis.json} (everything, typed) and one tidy
 * CSV per analysis, each file atomically. A combination takes one column per matrix key that varies in the run (the
 * key's name, its value); booleans are {@code true}/{@code false}, a figure that does not exist is empty; a CSV with
 * no row is not written (and one an earlier write left is removed).
 *
 * <ul>
 *   <li>{@code statistics.csv}: per combination, n and mean, sd, 95 % interval of test accuracy, macro precision,
 *       recall and F1, and the training and validation accuracy of the tested weights;</li>
 *   <li>{@code significance.csv}: per pair of backends on the same combination, Welch's t, ν, p and whether
 *       p &lt; 0.05 (empty when either side has fewer than two ok repeats);</li>
 *   <li>{@code learning-rate.csv}: per sweep, every learning rate with its validation and test accuracy, the
 *       selected one marked;</li>
 *   <li>{@code ablations.csv}: per ablation axis and combination of the other axes, test accuracy per value.</li>
 * </ul>
 */
public final class AnalysisFiles {
    public static final String JSON = "analysis.json";
    public static final String STATISTICS = "statistics.csv";
    public static final String SIGNIFICANCE = "significance.csv";
    public static final String LEARNING_RATE = "learning-rate.csv";
    public static final String ABLATIONS = "ablations.csv";

    /** The figures of statistics.csv, each as mean, sd, ci_low, ci_high. */
    static final List<String> STATISTICS_FIGURES = List.of("test_accuracy", "macro_precision", "macro_recall",
            "macro_f1", "train_accuracy", "val_accuracy");

    private AnalysisFiles() {}

    public static void write(StudyAnalysis analysis, Path suiteDir) {
        JsonFiles.write(suiteDir.resolve(JSON), analysis, true);
        List<String> axes = analysis.axes();
        write(suiteDir.resolve(STATISTICS), statistics(analysis, axes), !analysis.statistics().isEmpty());
        write(suiteDir.resolve(SIGNIFICANCE), significance(analysis, without(axes, Axes.BACKEND)),
                !analysis.backends().isEmpty());
        write(suiteDir.resolve(LEARNING_RATE), learningRates(analysis, without(axes, Axes.LEARNING_RATE)),
                !analysis.learningRates().isEmpty());
        write(suiteDir.resolve(ABLATIONS), ablations(analysis, axes), !analysis.ablations().isEmpty());
    }

    private static CsvTable statistics(StudyAnalysis analysis, List<String> axes) {
        List<String> header = new ArrayList<>(axes);
        header.addAll(List.of("cells", "ok"));
        for (String figure : STATISTICS_FIGURES) {
            for (String part : List.of("mean", "sd", "ci_low", "ci_high")) header.add(figure + "_" + part);
        }
        CsvTable table = new CsvTable(header.toArray(String[]::new));
        for (StudyAnalysis.RepeatStatistics s : analysis.statistics()) {
            List<Object> row = values(s.axes(), axes);
            row.addAll(List.of(s.cells(), s.ok()));
            // summaries are null for a combination without an ok cell
            for (Summary figure : Arrays.asList(s.testAccuracy(), s.macroPrecision(), s.macroRecall(), s.macroF1(),
                    s.trainAccuracy(), s.validationAccuracy())) {
                row.addAll(summary(figure));
            }
            table.row(row);
        }
        return table;
    }

    private static CsvTable significance(StudyAnalysis analysis, List<String> axes) {
        List<String> header = new ArrayList<>(axes);
        header.addAll(List.of("first", "second", "first_n", "first_mean", "second_n", "second_mean", "difference", "t",
                "df", "p", "significant"));
        CsvTable table = new CsvTable(header.toArray(String[]::new));
        for (StudyAnalysis.BackendDifference d : analysis.backends()) {
            WelchTest w = d.test();
            List<Object> row = values(d.axes(), axes);
            row.addAll(Arrays.asList(d.first(), d.second(), d.firstAccuracy().n(), d.firstAccuracy().mean(),
                    d.secondAccuracy().n(), d.secondAccuracy().mean(),
                    d.firstAccuracy().mean() - d.secondAccuracy().mean(), w == null ? null : w.t(),
                    w == null ? null : w.degreesOfFreedom(), w == null ? null : w.p(),
                    w == null ? null : w.significant()));
            table.row(row);
        }
        return table;
    }

    private static CsvTable learningRates(StudyAnalysis analysis, List<String> axes) {
        List<String> header = new ArrayList<>(axes);
        header.addAll(List.of("learning_rate", "ok", "val_accuracy_mean", "val_accuracy_sd", "test_accuracy_mean",
                "test_accuracy_sd", "selected"));
        CsvTable table = new CsvTable(header.toArray(String[]::new));
        for (StudyAnalysis.LearningRateChoice c : analysis.learningRates()) {
            for (StudyAnalysis.Point p : c.points()) {
                List<Object> row = values(c.axes(), axes);
                row.addAll(Arrays.asList(p.label(), count(p.validationAccuracy()), mean(p.validationAccuracy()),
                        sd(p.validationAccuracy()), mean(p.testAccuracy()), sd(p.testAccuracy()),
                        p.x() != null && p.x() == c.winner()));
                table.row(row);
            }
        }
        return table;
    }

    /** One row per point; the series' own axis is in {@code axis} and {@code value}, its other columns empty. */
    private static CsvTable ablations(StudyAnalysis analysis, List<String> axes) {
        List<String> header = new ArrayList<>(List.of("axis"));
        header.addAll(axes);
        header.addAll(List.of("value", "x", "ok", "test_accuracy_mean", "test_accuracy_sd", "test_accuracy_ci_low",
                "test_accuracy_ci_high"));
        CsvTable table = new CsvTable(header.toArray(String[]::new));
        for (StudyAnalysis.AblationSeries series : analysis.ablations()) {
            for (StudyAnalysis.Point p : series.points()) {
                List<Object> row = new ArrayList<>(List.of(series.axis()));
                row.addAll(values(series.axes(), axes));
                row.addAll(Arrays.asList(p.label(), p.x(), count(p.testAccuracy())));
                row.addAll(summary(p.testAccuracy()));
                table.row(row);
            }
        }
        return table;
    }

    /** The table, or no file when it has no row (an earlier run's file with rows would now be wrong). */
    private static void write(Path file, CsvTable table, boolean hasRows) {
        if (hasRows) {
            table.writeTo(file);
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the outdated " + file + ": " + e.getMessage(), e);
        }
    }

    /** The values of {@code keys} in {@code axes}, in order; null (an empty field) for a key it lacks. */
    private static List<Object> values(Map<String, String> axes, List<String> keys) {
        List<Object> values = new ArrayList<>();
        for (String key : keys) values.add(axes.get(key));
        return values;
    }

    private static List<String> without(List<String> keys, String key) {
        return keys.stream().filter(k -> !k.equals(key)).toList();
    }

    private static List<Object> summary(Summary s) {
        if (s == null) return Arrays.asList(null, null, null, null);
        return Arrays.asList(s.mean(), s.sd(), s.ciLow(), s.ciHigh());
    }

    private static Object count(Summary s) {
        return s == null ? 0 : s.n();
    }

    private static Object mean(Summary s) {
        return s == null ? null : s.mean();
    }

    private static Object sd(Summary s) {
        return s == null ? null : s.sd();
    }
}
