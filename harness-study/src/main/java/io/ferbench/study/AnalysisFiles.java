package io.ferbench.study;

import io.ferbench.worker.CsvTable;
import io.ferbench.worker.JsonFiles;
import io.ferbench.study.stats.Summary;
import io.ferbench.study.stats.WelchTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a {@link StudyAnalysis} next to {@code results.csv}: {@code analysis.json} (everything, typed) and one CSV
 * per analysis, each file atomically.
 *
 * <ul>
 *   <li>{@code statistics.csv}: per combination, n and mean, sd, 95 % interval of test accuracy, macro precision,
 *       recall and F1, and the training and validation accuracy of the tested weights;</li>
 *   <li>{@code significance.csv}: per pair of backends on the same combination, Welch's t, ν, p and whether
 *       p &lt; 0.05;</li>
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
        List<String> header = new ArrayList<>(List.of("group", "cells", "ok"));
        for (String figure : STATISTICS_FIGURES) {
            for (String part : List.of("mean", "sd", "ci_low", "ci_high")) header.add(figure + "_" + part);
        }
        CsvTable statistics = new CsvTable(header.toArray(String[]::new));
        for (StudyAnalysis.RepeatStatistics s : analysis.statistics()) {
            List<Object> row = new ArrayList<>(List.of(s.group(), s.cells(), s.ok()));
            // summaries are null for a combination without an ok cell
            for (Summary figure : Arrays.asList(s.testAccuracy(), s.macroPrecision(), s.macroRecall(), s.macroF1(),
                    s.trainAccuracy(), s.validationAccuracy())) {
                row.addAll(summary(figure));
            }
            statistics.row(row);
        }
        CsvTable significance = new CsvTable("group", "first", "second", "first_n", "first_mean", "second_n", "second_mean",
                "difference", "t", "df", "p", "significant");
        for (StudyAnalysis.BackendDifference d : analysis.backends()) {
            WelchTest w = d.test();
            significance.row(List.of(d.group(), d.first(), d.second(), d.firstAccuracy().n(), d.firstAccuracy().mean(),
                    d.secondAccuracy().n(), d.secondAccuracy().mean(),
                    d.firstAccuracy().mean() - d.secondAccuracy().mean(), w == null ? "" : w.t(),
                    w == null ? "" : w.degreesOfFreedom(), w == null ? "" : w.p(),
                    w == null ? "untestable (fewer than 2 ok repeats)" : w.significant()));
        }
        CsvTable learningRates = new CsvTable("group", "learning_rate", "ok", "val_accuracy_mean", "val_accuracy_sd",
                "test_accuracy_mean", "test_accuracy_sd", "selected");
        for (StudyAnalysis.LearningRateChoice c : analysis.learningRates()) {
            for (StudyAnalysis.Point p : c.points()) {
                learningRates.row(List.of(c.group(), p.label(), count(p.validationAccuracy()),
                        mean(p.validationAccuracy()), sd(p.validationAccuracy()), mean(p.testAccuracy()),
                        sd(p.testAccuracy()), p.x() != null && p.x() == c.winner()));
            }
        }
        CsvTable ablations = new CsvTable("axis", "group", "value", "x", "ok", "test_accuracy_mean", "test_accuracy_sd",
                "test_accuracy_ci_low", "test_accuracy_ci_high");
        for (StudyAnalysis.AblationSeries series : analysis.ablations()) {
            for (StudyAnalysis.Point p : series.points()) {
                List<Object> row = new ArrayList<>(List.of(series.axis(), series.group(), p.label(),
                        p.x() == null ? "" : p.x(), count(p.testAccuracy())));
                row.addAll(summary(p.testAccuracy()).subList(0, 4));
                ablations.row(row);
            }
        }
        statistics.writeTo(suiteDir.resolve(STATISTICS));
        significance.writeTo(suiteDir.resolve(SIGNIFICANCE));
        learningRates.writeTo(suiteDir.resolve(LEARNING_RATE));
        ablations.writeTo(suiteDir.resolve(ABLATIONS));
    }

    private static List<Object> summary(Summary s) {
        if (s == null) return List.of("", "", "", "");
        return List.of(s.mean(), orEmpty(s.sd()), orEmpty(s.ciLow()), orEmpty(s.ciHigh()));
    }

    private static Object count(Summary s) {
        return s == null ? 0 : s.n();
    }

    private static Object mean(Summary s) {
        return s == null ? "" : s.mean();
    }

    private static Object sd(Summary s) {
        return s == null ? "" : orEmpty(s.sd());
    }

    private static Object orEmpty(Double value) {
        return value == null ? "" : value;
    }
}
