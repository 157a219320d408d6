package io.ferbench.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.cell.DatasetSpec;
import io.ferbench.api.cell.Device;
import io.ferbench.api.cell.EarlyStoppingSpec;
import io.ferbench.api.cell.Execution;
import io.ferbench.api.cell.Network;
import io.ferbench.api.cell.Training;
import io.ferbench.api.result.EpochRecord;
import io.ferbench.api.result.TestMetrics;
import io.ferbench.api.result.TrainingSummary;
import io.ferbench.study.stats.WelchTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyAnalysisTest {
    @TempDir Path dir;
    private int next;

    /** An ok cell with these axes, test accuracy and the validation accuracies of its three epochs (best: 2nd). */
    private CellResult cell(Map<String, String> axes, double testAccuracy, double... validation) {
        String id = String.format("%03d-cell", next++);
        DatasetSpec dataset = new DatasetSpec(axes.getOrDefault("dataset", "d"), "synthetic", null, null, List.of(), 10,
                32, true, null, 0);
        Cell config = new Cell("s", id, next, 0, axes, dataset, Network.of("resnet18"), Training.plain(8, 3,
                OptimizerSpec.adam(1e-3), new EarlyStoppingSpec(true, EarlyStoppingSpec.Monitor.VAL_LOSS, 2, 0, true), 0),
                new Execution(axes.getOrDefault("backend", "djl"), Device.CPU, 0, 60, Map.of()));
        List<EpochRecord> history = new ArrayList<>();
        for (int e = 0; e < validation.length; e++) {
            history.add(new EpochRecord(e + 1, 1, 0.5, 1, validation[e], 1, 1, 1e-3, null));
        }
        TestMetrics test = new TestMetrics(10, testAccuracy, 1, 0.5, 0.5, testAccuracy - 0.1, 0.5, 0.5, 0.5, null,
                List.of(), new int[0][], List.of());
        return new CellResult(config, CellStatus.OK, null, null, null, null,
                new TrainingSummary(validation.length, 2, false, true, history), test, null, null, null, null,
                "2025-01-01T00:00:00Z", "2025-01-01T00:00:01Z", 1);
    }

    private static Map<String, String> axes(String... pairs) {
        Map<String, String> axes = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) axes.put(pairs[i], pairs[i + 1]);
        return axes;
    }

    @Test
    void repeatsAreSummarisedAndBackendsComparedWithWelchsTest() {
        List<CellResult> results = new ArrayList<>();
        double[] djl = {0.70, 0.72, 0.74};
        double[] tensorflow = {0.60, 0.61, 0.62};
        for (double a : djl) results.add(cell(axes("dataset", "fer", "backend", "djl", "seed", "0"), a, 0.5, 0.6, 0.4));
        for (double a : tensorflow) {
            results.add(cell(axes("dataset", "fer", "backend", "tensorflow", "seed", "0"), a, 0.5, 0.6, 0.4));
        }
        StudyAnalysis analysis = StudyAnalysis.of(results);

        assertEquals(2, analysis.statistics().size());
        StudyAnalysis.RepeatStatistics first = analysis.statistics().get(0);
        assertEquals("backend=djl", first.group());
        assertEquals(3, first.ok());
        assertEquals(0.72, first.testAccuracy().mean(), 1e-12);
        assertEquals(0.02, first.testAccuracy().sd(), 1e-12);
        assertEquals(0.6, first.validationAccuracy().mean(), 1e-12, "the restored best epoch's validation accuracy");

        assertEquals(1, analysis.backends().size());
        StudyAnalysis.BackendDifference d = analysis.backends().get(0);
        assertEquals("all cells", d.group());
        assertEquals("djl", d.first());
        assertEquals("tensorflow", d.second());
        WelchTest expected = WelchTest.of(djl, tensorflow);
        assertEquals(expected, d.test());
        assertTrue(d.significant(), "p = " + d.test().p());
    }

    @Test
    void theCsvFilesHaveOneColumnPerVaryingAxisAndBooleanSignificance() throws Exception {
        List<CellResult> results = new ArrayList<>();
        for (String dataset : List.of("fer", "tiny")) {
            for (double a : new double[] {0.70, 0.72, 0.74}) {
                results.add(cell(axes("dataset", dataset, "backend", "djl", "seed", "0"), a, 0.5, 0.6, 0.4));
            }
            for (double a : new double[] {0.60, 0.61, 0.62}) {
                results.add(cell(axes("dataset", dataset, "backend", "tensorflow", "seed", "0"), a, 0.5, 0.6, 0.4));
            }
        }
        results.add(cell(axes("dataset", "other", "backend", "djl", "seed", "0"), 0.5, 0.5, 0.6, 0.4));
        results.add(cell(axes("dataset", "other", "backend", "tensorflow", "seed", "0"), 0.4, 0.5, 0.6, 0.4));
        StudyAnalysis analysis = StudyAnalysis.of(results);
        assertEquals(List.of("dataset", "backend"), analysis.axes(), "canonical order, varying keys only");
        AnalysisFiles.write(analysis, dir);

        List<String> statistics = Files.readAllLines(dir.resolve(AnalysisFiles.STATISTICS));
        assertTrue(statistics.get(0).startsWith("dataset,backend,cells,ok,test_accuracy_mean,"), statistics.get(0));
        assertTrue(statistics.get(1).startsWith("fer,djl,3,3,0.72"), statistics.get(1));
        List<String> significance = Files.readAllLines(dir.resolve(AnalysisFiles.SIGNIFICANCE));
        assertEquals("dataset,first,second,first_n,first_mean,second_n,second_mean,difference,t,df,p,significant",
                significance.get(0));
        assertTrue(significance.get(1).startsWith("fer,djl,tensorflow,3,") && significance.get(1).endsWith(",true"),
                significance.get(1));
        assertTrue(significance.get(3).startsWith("other,djl,tensorflow,1,0.5,1,0.4,")
                && significance.get(3).endsWith(",,,,"), "untestable: no t, df, p or verdict: " + significance.get(3));
        assertFalse(Files.exists(dir.resolve(AnalysisFiles.LEARNING_RATE)), "no sweep, no file");
        assertFalse(Files.exists(dir.resolve(AnalysisFiles.ABLATIONS)), "no ablation, no file");
    }

    @Test
    void aSingleRunPerBackendIsNotTestable() {
        StudyAnalysis analysis = StudyAnalysis.of(List.of(cell(axes("backend", "djl"), 0.7, 0.5, 0.6, 0.4),
                cell(axes("backend", "dl4j"), 0.6, 0.5, 0.6, 0.4)));
        assertNull(analysis.backends().get(0).test());
        assertFalse(analysis.backends().get(0).significant());
        assertNull(analysis.statistics().get(0).testAccuracy().sd());
    }

    @Test
    void theLearningRateWithTheBestValidationAccuracyIsSelectedNotTheBestTestAccuracy() {
        List<CellResult> results = new ArrayList<>();
        results.add(cell(axes("architecture", "resnet18", "learning_rate", "0.1"), 0.30, 0.2, 0.3, 0.1));
        results.add(cell(axes("architecture", "resnet18", "learning_rate", "0.001"), 0.70, 0.5, 0.8, 0.6));
        results.add(cell(axes("architecture", "resnet18", "learning_rate", "1e-5"), 0.75, 0.5, 0.7, 0.6));
        results.add(cell(axes("architecture", "mobilenet_v2", "learning_rate", "0.1"), 0.50, 0.4, 0.9, 0.3));
        results.add(cell(axes("architecture", "mobilenet_v2", "learning_rate", "0.001"), 0.60, 0.4, 0.6, 0.3));
        StudyAnalysis analysis = StudyAnalysis.of(results);
        assertEquals(2, analysis.learningRates().size());
        assertEquals("architecture=resnet18", analysis.learningRates().get(0).group());
        assertEquals(0.001, analysis.learningRates().get(0).winner());
        assertEquals(0.1, analysis.learningRates().get(1).winner());
        StringWriter text = new StringWriter();
        AnalysisListener.print(analysis, new PrintWriter(text));
        assertTrue(text.toString().contains("architecture=resnet18: 0.001 (validation accuracy 0.8000 (n = 1), of 3 "
                + "rates)"), text.toString());
        // the learning rate is also an ablation axis: one series per architecture
        assertEquals(2, analysis.ablations().size());
        assertEquals(List.of(0.1, 0.001, 1e-5), analysis.ablations().get(0).points().stream()
                .map(StudyAnalysis.Point::x).toList());
    }

    @Test
    void ablationSeriesPlotTestAccuracyAgainstClassCountAndImagesPerClass() throws Exception {
        List<CellResult> results = new ArrayList<>();
        results.add(cell(axes("classes", "[angry, happy]", "images_per_class", "100"), 0.9, 0.5, 0.6, 0.4));
        results.add(cell(axes("classes", "[angry, happy]", "images_per_class", "500"), 0.95, 0.5, 0.6, 0.4));
        results.add(cell(axes("classes", "[angry, happy, sad]", "images_per_class", "100"), 0.7, 0.5, 0.6, 0.4));
        results.add(cell(axes("classes", "[angry, happy, sad]", "images_per_class", "500"), 0.8, 0.5, 0.6, 0.4));
        StudyAnalysis analysis = StudyAnalysis.of(results);
        List<StudyAnalysis.AblationSeries> byClasses = analysis.ablations().stream()
                .filter(s -> s.axis().equals("classes")).toList();
        assertEquals(2, byClasses.size());
        assertEquals("images_per_class=100", byClasses.get(0).group());
        assertEquals(List.of(2.0, 3.0), byClasses.get(0).points().stream().map(StudyAnalysis.Point::x).toList());
        assertEquals(0.7, byClasses.get(0).points().get(1).testAccuracy().mean());
        List<StudyAnalysis.AblationSeries> byImages = analysis.ablations().stream()
                .filter(s -> s.axis().equals("images_per_class")).toList();
        assertEquals(List.of(100.0, 500.0), byImages.get(1).points().stream().map(StudyAnalysis.Point::x).toList());

        AnalysisFiles.write(analysis, dir);
        List<String> csv = Files.readAllLines(dir.resolve(AnalysisFiles.ABLATIONS));
        assertEquals("axis,classes,images_per_class,value,x,ok,test_accuracy_mean,test_accuracy_sd,"
                + "test_accuracy_ci_low,test_accuracy_ci_high", csv.get(0));
        assertEquals("classes,,100,\"[angry, happy]\",2.0,1,0.9,,,", csv.get(1));
        assertTrue(Files.readString(dir.resolve(AnalysisFiles.JSON)).contains("\"ablations\""));
        assertTrue(Files.isRegularFile(dir.resolve(AnalysisFiles.STATISTICS)));
        for (String file : List.of(AnalysisFiles.SIGNIFICANCE, AnalysisFiles.LEARNING_RATE)) {
            assertFalse(Files.exists(dir.resolve(file)), file + ": nothing to say, no file");
        }
    }

    @Test
    void failedCellsAreCountedButNotMeasured() throws Exception {
        CellResult ok = cell(axes("dataset", "d"), 0.8, 0.5, 0.6, 0.4);
        CellResult failed = new CellResult(ok.cell().withTimeoutSeconds(1), CellStatus.FAILED, "boom", null, null,
                null, null, null, null, null, null, null, "2025-01-01T00:00:00Z", "2025-01-01T00:00:01Z", 1);
        StudyAnalysis.RepeatStatistics s = StudyAnalysis.of(List.of(ok, failed)).statistics().get(0);
        assertEquals(2, s.cells());
        assertEquals(1, s.ok());
        assertEquals(0.8, s.testAccuracy().mean());

        StudyAnalysis onlyFailed = StudyAnalysis.of(List.of(failed));
        assertNull(onlyFailed.statistics().get(0).testAccuracy());
        AnalysisFiles.write(onlyFailed, dir);
        assertEquals(List.of("1,0" + ",".repeat(24)), Files.readAllLines(dir.resolve(AnalysisFiles.STATISTICS))
                .subList(1, 2), "nothing varies: no axis columns, and no figure of a combination without an ok cell");
    }
}
