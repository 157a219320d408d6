package io.ferbench.worker.train;

import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.result.ClassScore;
import io.ferbench.api.result.FeatureSample;
import io.ferbench.api.result.RocPoints;
import io.ferbench.api.result.TestMetrics;
import io.ferbench.worker.data.ImageSet;
import io.ferbench.worker.data.PreparedDataset;
import io.ferbench.worker.metrics.ClassMetrics;
import io.ferbench.worker.metrics.ClassificationReport;
import io.ferbench.worker.metrics.RocCurve;
import io.ferbench.worker.metrics.Softmax;
import java.util.List;

/**
 * Evaluates the trained model on the test split: softmax probabilities into a
 * {@link ClassificationReport}, plus the penultimate features of a seeded sample of test images (the
 * t-SNE input), collected in the same forward pass.
 */
public final class TestEvaluation {
    /** The t-SNE plot's sample: enough to show the clusters, small enough to embed in a report. */
    public static final int DEFAULT_FEATURE_SAMPLE = 500;

    private TestEvaluation() {}

    public static TestOutcome run(TrainableModel model, PreparedDataset data, int batchSize, int featureSample,
                                  long seed) {
        ImageSet test = data.test();
        if (test.size() == 0) {
            throw new IllegalArgumentException("dataset '" + data.name() + "' has no test images; "
                    + "give it more images per class so the 80/20 split leaves some for testing");
        }
        int[] featureRows = featureSample > 0
                ? SeededOrder.sample(test.size(), featureSample, seed, SeededOrder.Stream.FEATURE_SAMPLE)
                : new int[0];
        Evaluation eval = new Evaluator(model, batchSize).evaluate(new Batches(test, data.mean(), data.std()),
                Evaluator.all(test.size()), true, featureRows);
        ClassificationReport report = ClassificationReport.of(test.labels(), Softmax.probabilities(eval.logits()),
                data.classNames());
        FeatureSample features = null;
        if (featureRows.length > 0) {
            int[] labels = new int[featureRows.length];
            for (int k = 0; k < featureRows.length; k++) labels[k] = test.labels()[featureRows[k]];
            features = new FeatureSample(labels, eval.features());
        }
        return new TestOutcome(metrics(report, eval), features);
    }

    static TestMetrics metrics(ClassificationReport r, Evaluation eval) {
        List<ClassScore> perClass = r.perClass().stream()
                .map((ClassMetrics c) -> new ClassScore(c.name(), c.precision(), c.recall(), c.f1(), c.support()))
                .toList();
        List<RocPoints> roc = r.roc().stream()
                .map((RocCurve c) -> new RocPoints(c.className(), c.fpr(), c.tpr(), finiteOrNull(c.auc())))
                .toList();
        return new TestMetrics(eval.images(), r.accuracy(), eval.loss(), r.macroPrecision(), r.macroRecall(),
                r.macroF1(), r.weightedPrecision(), r.weightedRecall(), r.weightedF1(), finiteOrNull(r.macroAuc()),
                perClass, r.confusion(), roc);
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
