package io.ferbench.worker.metrics;

import static io.ferbench.worker.metrics.PublishedFigures.assertRoundsTo;
import static io.ferbench.worker.metrics.PublishedFigures.assertTruncatesTo;
import static io.ferbench.worker.metrics.PublishedFigures.confidentRows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {

    /*
     * scikit-learn, sklearn/metrics/_classification.py, classification_report docstring:
     *   y_true = [0, 1, 2, 2, 2]; y_pred = [0, 0, 2, 2, 1]
     *                 precision    recall  f1-score   support
     *        class 0       0.50      1.00      0.67         1
     *        class 1       0.00      0.00      0.00         1
     *        class 2       1.00      0.67      0.80         3
     *       accuracy                           0.60         5
     *      macro avg       0.50      0.56      0.49         5
     *   weighted avg       0.70      0.60      0.61         5
     */
    @Test
    void matchesScikitLearnClassificationReportDocstring() {
        int[] yTrue = {0, 1, 2, 2, 2};
        int[] yPred = {0, 0, 2, 2, 1};
        ClassificationReport report = ClassificationReport.of(yTrue, confidentRows(yPred, 3),
                List.of("class 0", "class 1", "class 2"));

        double[][] published = {{0.50, 1.00, 0.67, 1}, {0.00, 0.00, 0.00, 1}, {1.00, 0.67, 0.80, 3}};
        for (int c = 0; c < 3; c++) {
            ClassMetrics m = report.perClass().get(c);
            assertEquals("class " + c, m.name());
            assertRoundsTo(published[c][0], 2, m.precision(), m.name() + " precision");
            assertRoundsTo(published[c][1], 2, m.recall(), m.name() + " recall");
            assertRoundsTo(published[c][2], 2, m.f1(), m.name() + " f1");
            assertEquals((int) published[c][3], m.support(), m.name() + " support");
        }
        assertRoundsTo(0.60, 2, report.accuracy(), "accuracy");
        assertRoundsTo(0.50, 2, report.macroPrecision(), "macro precision");
        assertRoundsTo(0.56, 2, report.macroRecall(), "macro recall");
        assertRoundsTo(0.49, 2, report.macroF1(), "macro f1");
        assertRoundsTo(0.70, 2, report.weightedPrecision(), "weighted precision");
        assertRoundsTo(0.60, 2, report.weightedRecall(), "weighted recall");
        assertRoundsTo(0.61, 2, report.weightedF1(), "weighted f1");
        // The exact values behind the rounded figures.
        assertEquals(5.0 / 9, report.macroRecall(), 1e-12);
        assertEquals((2.0 / 3 + 0 + 0.8) / 3, report.macroF1(), 1e-12);
    }

    /*
     * scikit-learn, precision_recall_fscore_support docstring:
     *   y_true = ['cat', 'dog', 'pig', 'cat', 'dog', 'pig']
     *   y_pred = ['cat', 'pig', 'dog', 'cat', 'cat', 'dog']
     *   average='macro'    -> (0.22..., 0.33..., 0.26..., None)
     *   average='micro'    -> (0.33..., 0.33..., 0.33..., None)
     *   average='weighted' -> (0.22..., 0.33..., 0.26..., None)
     *   average=None, labels=['pig', 'dog', 'cat'] ->
     *     (array([0., 0., 0.66...]), array([0., 0., 1.]), array([0., 0., 0.8]), array([2, 2, 2]))
     * Micro-averaged precision, recall and F1 of single-label data all equal the accuracy.
     */
    @Test
    void matchesScikitLearnPrecisionRecallFscoreSupportDocstring() {
        List<String> names = List.of("cat", "dog", "pig");
        int[] yTrue = {0, 1, 2, 0, 1, 2};
        int[] yPred = {0, 2, 1, 0, 0, 1};
        ClassificationReport report = ClassificationReport.of(yTrue, confidentRows(yPred, 3), names);

        assertTruncatesTo(0.22, 2, report.macroPrecision(), "macro precision");
        assertTruncatesTo(0.33, 2, report.macroRecall(), "macro recall");
        assertTruncatesTo(0.26, 2, report.macroF1(), "macro f1");
        assertTruncatesTo(0.33, 2, report.accuracy(), "micro average (accuracy)");
        assertTruncatesTo(0.22, 2, report.weightedPrecision(), "weighted precision");
        assertTruncatesTo(0.33, 2, report.weightedRecall(), "weighted recall");
        assertTruncatesTo(0.26, 2, report.weightedF1(), "weighted f1");

        ClassMetrics pig = report.perClass().get(2);
        ClassMetrics dog = report.perClass().get(1);
        ClassMetrics cat = report.perClass().get(0);
        assertEquals(new ClassMetrics("pig", 0, 0, 0, 2), pig);
        assertEquals(new ClassMetrics("dog", 0, 0, 0, 2), dog);
        assertTruncatesTo(0.66, 2, cat.precision(), "cat precision");
        assertEquals(1.0, cat.recall());
        assertEquals(0.8, cat.f1(), 1e-12);
        assertEquals(2, cat.support());
    }

    /*
     * scikit-learn, classification_report docstring, second example (undefined ratios, zero_division):
     *   y_pred = [1, 1, 0]; y_true = [1, 1, 1]; labels=[1, 2, 3]
     *              1       1.00      0.67      0.80         3
     *              2       0.00      0.00      0.00         0
     *              3       0.00      0.00      0.00         0
     *      macro avg       0.33      0.22      0.27         3
     *   weighted avg       1.00      0.67      0.80         3
     * Our classes must cover every prediction, so the prediction "0" (outside labels=[1, 2, 3], hence
     * counted for no class in scikit-learn) is mapped to class "3" here. That adds one false positive to
     * a class with no true positives, whose precision is 0 either way: every published figure is unchanged.
     */
    @Test
    void undefinedRatiosCountAsZeroLikeScikitLearnZeroDivision() {
        int[] yTrue = {0, 0, 0};
        int[] yPred = {0, 0, 2};
        ClassificationReport report = ClassificationReport.of(yTrue, confidentRows(yPred, 3), List.of("1", "2", "3"));

        double[][] published = {{1.00, 0.67, 0.80, 3}, {0, 0, 0, 0}, {0, 0, 0, 0}};
        for (int c = 0; c < 3; c++) {
            ClassMetrics m = report.perClass().get(c);
            assertRoundsTo(published[c][0], 2, m.precision(), m.name() + " precision");
            assertRoundsTo(published[c][1], 2, m.recall(), m.name() + " recall");
            assertRoundsTo(published[c][2], 2, m.f1(), m.name() + " f1");
            assertEquals((int) published[c][3], m.support());
        }
        assertRoundsTo(0.33, 2, report.macroPrecision(), "macro precision");
        assertRoundsTo(0.22, 2, report.macroRecall(), "macro recall");
        assertRoundsTo(0.27, 2, report.macroF1(), "macro f1");
        assertRoundsTo(1.00, 2, report.weightedPrecision(), "weighted precision");
        assertRoundsTo(0.67, 2, report.weightedRecall(), "weighted recall");
        assertRoundsTo(0.80, 2, report.weightedF1(), "weighted f1");

        // Classes "2" and "3" never occur in the labels: no ROC curve, left out of the macro AUC.
        assertTrue(Double.isNaN(report.roc().get(1).auc()));
        assertTrue(Double.isNaN(report.roc().get(2).auc()));
        assertFalse(report.roc().get(1).defined());
        // Class "1" is every sample, so it has no negatives either: no class qualifies.
        assertTrue(Double.isNaN(report.macroAuc()));
    }

    /*
     * scikit-learn, confusion_matrix docstring:
     *   y_true = [2, 0, 2, 2, 0, 1]; y_pred = [0, 0, 2, 2, 0, 2]
     *   -> array([[2, 0, 0], [0, 0, 1], [1, 0, 2]])
     */
    @Test
    void confusionMatrixMatchesScikitLearnDocstring() {
        int[] yTrue = {2, 0, 2, 2, 0, 1};
        int[] yPred = {0, 0, 2, 2, 0, 2};
        int[][] expected = {{2, 0, 0}, {0, 0, 1}, {1, 0, 2}};
        assertArrayEquals(expected, ConfusionMatrix.count(yTrue, yPred, 3));
        ClassificationReport report = ClassificationReport.of(yTrue, confidentRows(yPred, 3), List.of("a", "b", "c"));
        assertArrayEquals(expected, report.confusion());
    }

    /*
     * scikit-learn, confusion_matrix docstring, binary case:
     *   tn, fp, fn, tp = confusion_matrix([0, 1, 0, 1], [1, 1, 1, 0]).ravel()  ->  (0, 2, 1, 1)
     */
    @Test
    void binaryConfusionMatrixMatchesScikitLearnDocstring() {
        int[][] m = ConfusionMatrix.count(new int[] {0, 1, 0, 1}, new int[] {1, 1, 1, 0}, 2);
        assertArrayEquals(new int[] {0, 2}, m[0]); // tn, fp
        assertArrayEquals(new int[] {1, 1}, m[1]); // fn, tp
    }

    /*
     * scikit-learn, roc_curve / auc docstrings: y = [1, 1, 2, 2], scores = [0.1, 0.4, 0.35, 0.8], pos_label=2
     *   fpr = [0, 0, 0.5, 0.5, 1], tpr = [0, 0.5, 0.5, 1, 1], auc = 0.75
     * Here class "2" is index 1 and its probability column carries the published scores.
     */
    @Test
    void binaryRocMatchesScikitLearnDocstring() {
        int[] labels = {0, 0, 1, 1};
        float[][] probabilities = {{0.9f, 0.1f}, {0.6f, 0.4f}, {0.65f, 0.35f}, {0.2f, 0.8f}};
        ClassificationReport report = ClassificationReport.of(labels, probabilities, List.of("1", "2"));

        RocCurve positive = report.roc().get(1);
        assertEquals("2", positive.className());
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, positive.fpr());
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, positive.tpr());
        assertEquals(0.75, positive.auc(), 1e-12);
        // Class "1" is scored by 1 - p, the same ranking reversed, and so has the same AUC.
        assertEquals(0.75, report.roc().get(0).auc(), 1e-12);
        assertEquals(0.75, report.macroAuc(), 1e-12);
    }

    /*
     * Toy data of scikit-learn's sklearn/metrics/tests/test_ranking.py::test_multiclass_ovr_roc_auc_toydata:
     *   y_true = [0, 1, 2, 2]; y_scores = [[1.0, 0.0, 0.0], [0.1, 0.5, 0.4], [0.1, 0.1, 0.8], [0.3, 0.3, 0.4]]
     * That test defines macro OvR AUC as (out_0 + out_1 + out_2) / 3 with out_k the binary AUC of class k.
     * By hand (Mann-Whitney, a tie counting one half): out_0 = 1, out_1 = 1, and class 2 has positives
     * {0.8, 0.4} against negatives {0.0, 0.4}: (1 + 1 + 1 + 0.5) / 4 = 0.875, so the macro AUC is 0.958333...
     */
    @Test
    void oneVsRestMacroAucOnScikitLearnToyDataWithATie() {
        int[] labels = {0, 1, 2, 2};
        float[][] scores = {{1.0f, 0.0f, 0.0f}, {0.1f, 0.5f, 0.4f}, {0.1f, 0.1f, 0.8f}, {0.3f, 0.3f, 0.4f}};
        ClassificationReport report = ClassificationReport.of(labels, scores, List.of("a", "b", "c"));

        assertEquals(1.0, report.roc().get(0).auc(), 1e-12);
        assertEquals(1.0, report.roc().get(1).auc(), 1e-12);
        RocCurve tied = report.roc().get(2);
        assertEquals(0.875, tied.auc(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0.5, 1}, tied.fpr());
        assertArrayEquals(new double[] {0, 0.5, 1, 1}, tied.tpr());
        assertEquals((1 + 1 + 0.875) / 3, report.macroAuc(), 1e-12);
    }

    @Test
    void perfectClassifierScoresOneEverywhere() {
        int[] labels = {0, 1, 2, 3, 0, 1, 2, 3, 2};
        ClassificationReport report = ClassificationReport.of(labels, confidentRows(labels, 4), List.of("a", "b", "c", "d"));
        assertEquals(1.0, report.accuracy());
        for (ClassMetrics m : report.perClass()) {
            assertEquals(1.0, m.precision());
            assertEquals(1.0, m.recall());
            assertEquals(1.0, m.f1());
        }
        assertEquals(1.0, report.macroF1());
        assertEquals(1.0, report.weightedF1());
        for (RocCurve curve : report.roc()) {
            assertEquals(1.0, curve.auc(), 0.0, curve.className());
            assertArrayEquals(new double[] {0, 0, 1}, curve.fpr(), curve.className());
            assertArrayEquals(new double[] {0, 1, 1}, curve.tpr(), curve.className());
        }
        assertEquals(1.0, report.macroAuc());
        assertArrayEquals(new int[] {2, 0, 0, 0}, report.confusion()[0]);
        assertArrayEquals(new int[] {0, 0, 3, 0}, report.confusion()[2]);
    }

    @Test
    void classMissingFromLabelsIsLeftOutOfMacroAucButKeptInMacroAverages() {
        // Class "c" never occurs and is never predicted.
        int[] labels = {0, 0, 1, 1};
        float[][] probabilities = {{0.8f, 0.1f, 0.1f}, {0.3f, 0.6f, 0.1f}, {0.4f, 0.5f, 0.1f}, {0.1f, 0.8f, 0.1f}};
        ClassificationReport report = ClassificationReport.of(labels, probabilities, List.of("a", "b", "c"));

        RocCurve absent = report.roc().get(2);
        assertTrue(Double.isNaN(absent.auc()));
        for (double tpr : absent.tpr()) {
            assertTrue(Double.isNaN(tpr), "tpr of a class with no positives is undefined");
        }
        assertEquals(0.0, absent.fpr()[0]);
        double aucA = report.roc().get(0).auc();
        double aucB = report.roc().get(1).auc();
        assertEquals(0.75, aucA, 1e-12); // positives {0.8, 0.3} vs negatives {0.4, 0.1}: 3 of 4 pairs ordered
        assertEquals(0.75, aucB, 1e-12); // positives {0.5, 0.8} vs negatives {0.1, 0.6}: 3 of 4 pairs ordered
        assertEquals((aucA + aucB) / 2, report.macroAuc(), 1e-12);

        ClassMetrics c = report.perClass().get(2);
        assertEquals(new ClassMetrics("c", 0, 0, 0, 0), c);
        // Macro averages run over all three classes (scikit-learn with labels=[0, 1, 2]).
        ClassMetrics a = report.perClass().get(0);
        ClassMetrics b = report.perClass().get(1);
        assertEquals((a.f1() + b.f1() + 0) / 3, report.macroF1(), 1e-12);
        assertEquals(0.75, report.accuracy());
    }

    @Test
    void argmaxTakesTheFirstClassOnATie() {
        int[] labels = {1, 0};
        float[][] probabilities = {{0.5f, 0.5f}, {0.5f, 0.5f}};
        ClassificationReport report = ClassificationReport.of(labels, probabilities, List.of("a", "b"));
        assertArrayEquals(new int[][] {{1, 0}, {1, 0}}, report.confusion());
        // Every score tied: the curve is the diagonal, AUC one half.
        assertArrayEquals(new double[] {0, 1}, report.roc().get(0).fpr());
        assertArrayEquals(new double[] {0, 1}, report.roc().get(0).tpr());
        assertEquals(0.5, report.macroAuc());
    }

    @Test
    void reportIsAValueItsCallersCannotCorrupt() {
        int[] labels = {0, 1, 1};
        float[][] probabilities = {{0.9f, 0.1f}, {0.2f, 0.8f}, {0.6f, 0.4f}};
        ClassificationReport report = ClassificationReport.of(labels, probabilities, List.of("a", "b"));
        report.confusion()[0][0] = 99;
        report.roc().get(0).fpr()[1] = 99;
        assertEquals(1, report.confusion()[0][0]);
        assertEquals(ClassificationReport.of(labels, probabilities, List.of("a", "b")), report);
    }

    @Test
    void rejectsInputsThatDoNotFitTogether() {
        List<String> names = List.of("a", "b");
        float[][] two = {{0.5f, 0.5f}, {0.5f, 0.5f}};
        assertMessage("2 labels but 1 probability rows",
                () -> ClassificationReport.of(new int[] {0, 1}, new float[][] {{1, 0}}, names));
        assertMessage("labels[1] = 2 is not a class index; valid indices are 0..1",
                () -> ClassificationReport.of(new int[] {0, 2}, two, names));
        assertMessage("labels[0] = -1",
                () -> ClassificationReport.of(new int[] {-1, 0}, two, names));
        assertMessage("probabilities[1] has 3 values but there are 2 classes",
                () -> ClassificationReport.of(new int[] {0, 1}, new float[][] {{1, 0}, {0.2f, 0.3f, 0.5f}}, names));
        assertMessage("probabilities[1] sums to 1.8",
                () -> ClassificationReport.of(new int[] {0, 1}, new float[][] {{1, 0}, {0.9f, 0.9f}}, names));
        assertMessage("probabilities[0][1] is NaN",
                () -> ClassificationReport.of(new int[] {0, 1}, new float[][] {{1, Float.NaN}, {0, 1}}, names));
        assertMessage("probabilities[0][0] is -0.5",
                () -> ClassificationReport.of(new int[] {0, 1}, new float[][] {{-0.5f, 1.5f}, {0, 1}}, names));
        assertMessage("at least 2 classes",
                () -> ClassificationReport.of(new int[] {0}, new float[][] {{1}}, List.of("only")));
        assertMessage("'a', a duplicate",
                () -> ClassificationReport.of(new int[] {0, 1}, two, List.of("a", "a")));
        assertMessage("no samples",
                () -> ClassificationReport.of(new int[0], new float[0][], names));
    }

    @Test
    void acceptsSoftmaxOutputsOfLogits() {
        float[][] logits = {{2f, -1f, 0.5f}, {0f, 3f, 1f}, {-2f, 0f, 4f}};
        ClassificationReport report = ClassificationReport.of(new int[] {0, 1, 2}, Softmax.probabilities(logits),
                List.of("a", "b", "c"));
        assertEquals(1.0, report.accuracy());
    }

    static void assertMessage(String expectedFragment, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expectedFragment),
                "message should contain \"" + expectedFragment + "\" but was: " + e.getMessage());
    }
}
