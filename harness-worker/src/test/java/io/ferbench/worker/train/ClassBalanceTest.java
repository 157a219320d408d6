package io.ferbench.worker.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.backend.Batch;
import io.ferbench.worker.data.ImageSet;
import io.ferbench.worker.data.PreparedDataset;
import io.ferbench.api.cell.AugmentationSpec;
import io.ferbench.api.cell.EarlyStoppingSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassBalanceTest {
    /** 14 images of class 0, 2 of class 1, 4 of class 2: FER2013's happy/disgust ratio in miniature. */
    private static final int[] LABELS = {0, 0, 1, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 2, 0, 2, 0};

    @Test
    void balancedWeightsAreTheSklearnFormula() {
        // N / (C · n_c) = 20 / (3 · 14), 20 / (3 · 2), 20 / (3 · 4)
        assertArrayEquals(new float[] {20f / 42, 20f / 6, 20f / 12}, ClassBalance.weights(LABELS, 3), 1e-6f);
        // each class then carries the same total weight, N / C
        float[] w = ClassBalance.weights(LABELS, 3);
        assertEquals(14 * w[0], 2 * w[1], 1e-5);
        assertEquals(14 * w[0], 4 * w[2], 1e-5);
        assertArrayEquals(new float[] {2f / 3, 0, 2f / 3}, ClassBalance.weights(new int[] {0, 2}, 3), 1e-6f,
                "a class without training images gets 0");
    }

    @Test
    void oversampledEpochsTopEveryClassUpToTheLargestAndKeepEveryImage() {
        int[] order = ClassBalance.epochOrder(LABELS, 3, true, 7, 1);
        assertEquals(42, order.length, "3 classes x 14");
        int[] counts = new int[3];
        boolean[] seen = new boolean[LABELS.length];
        for (int i : order) {
            counts[LABELS[i]]++;
            seen[i] = true;
        }
        assertArrayEquals(new int[] {14, 14, 14}, counts);
        for (boolean s : seen) assertTrue(s, "every original image is visited");
        assertArrayEquals(order, ClassBalance.epochOrder(LABELS, 3, true, 7, 1), "seeded");
        assertFalse(Arrays.equals(order, ClassBalance.epochOrder(LABELS, 3, true, 7, 2)), "new draws each epoch");
        assertArrayEquals(SeededOrder.epochPermutation(LABELS.length, 7, 3),
                ClassBalance.epochOrder(LABELS, 3, false, 7, 3), "without oversampling: the plain permutation");
    }

    @Test
    void theTrainerTakesMoreStepsWhenOversamplingAndAugmentsOnlyTrainingBatches() {
        ImageSet train = imbalanced();
        PreparedDataset data = new PreparedDataset("imbalanced", List.of("a", "b"), train, TinyData.images(6, 4),
                TinyData.images(4, 4), 0.5f, 0.25f, List.of());
        AugmentationSpec flip = new AugmentationSpec("flip", true, 0, 0, 1, 0, 0);
        TrainingPlan plan = new TrainingPlan(1, 4, 42, 1e-3, EarlyStoppingSpec.off(), 100, flip, true);
        ScriptedModel model = new ScriptedModel(new double[] {1.0}, 5, 0);
        new Trainer(plan, TrainingListener.NONE).train(model, data);
        // 9 of class 0 and 3 of class 1 become 9 + 9 = 18 visits: batches of 4, 4, 4, 4, 2
        assertEquals(5, model.trainBatches.size());
        int[] counts = new int[2];
        for (Batch b : model.trainBatches) for (int label : b.labels()) counts[label]++;
        assertArrayEquals(new int[] {9, 9}, counts);
        // some training images were mirrored: a batch image differs from every unmirrored image
        Batches plain = new Batches(train, 0.5f, 0.25f);
        Batch all = plain.make(SeededOrder.epochPermutation(train.size(), 0, 1), 0, train.size());
        boolean someFlipped = false;
        for (Batch b : model.trainBatches) {
            for (int k = 0; k < b.size(); k++) {
                float[] image = Arrays.copyOfRange(b.images(), k * 16, (k + 1) * 16);
                boolean matches = false;
                for (int j = 0; j < all.size(); j++) {
                    matches |= Arrays.equals(image, Arrays.copyOfRange(all.images(), j * 16, (j + 1) * 16));
                }
                someFlipped |= !matches;
            }
        }
        assertTrue(someFlipped);
        assertNotEquals(0, counts[1]);
    }

    private static ImageSet imbalanced() {
        ImageSet base = TinyData.images(12, 4);
        int[] labels = new int[12];
        for (int i = 0; i < 12; i++) labels[i] = i < 9 ? 0 : 1;
        return new ImageSet(base.pixels(), labels, 1, 4, 4);
    }
}
