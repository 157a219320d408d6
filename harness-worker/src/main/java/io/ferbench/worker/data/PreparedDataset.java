package io.ferbench.worker.data;

import java.util.List;

/**
 * A dataset ready for training: class names (index order), the three splits, and the
 * normalisation statistics computed on the training split only (on the 0..1 scale).
 *
 * @param skipped  files that could not be used, each with its reason (reported, never silent)
 */
public record PreparedDataset(String name, List<String> classNames, ImageSet train, ImageSet validation,
                              ImageSet test, float mean, float std, List<String> skipped) {
    public PreparedDataset {
        classNames = List.copyOf(classNames);
        skipped = List.copyOf(skipped);
    }

    public int numClasses() { return classNames.size(); }

    /**
     * The same dataset with other splits (a subset, after dropping images); the normalisation statistics are those of
     * the new training split.
     */
    public PreparedDataset withSplits(ImageSet newTrain, ImageSet newValidation, ImageSet newTest) {
        float[] meanStd = newTrain == train ? new float[] {mean, std} : DatasetBuilder.meanAndStd(newTrain);
        return new PreparedDataset(name, classNames, newTrain, newValidation, newTest, meanStd[0], meanStd[1], skipped);
    }
}
