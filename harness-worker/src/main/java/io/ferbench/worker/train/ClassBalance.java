package io.ferbench.worker.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Remedies for class imbalance (FER2013's disgust class is 14 times smaller than happy), computed from the
 * training labels and the cell seed, so they are the same on every backend: loss weights per class, and epochs that
 * oversample the smaller classes.
 */
public final class ClassBalance {
    private ClassBalance() {}

    /**
     * scikit-learn's "balanced" class weights, {@code N / (classes × n_c)}: every class then carries the same total
     * weight in the loss. A class without training images gets weight 0.
     */
    public static float[] weights(int[] labels, int classes) {
        int[] counts = counts(labels, classes);
        float[] weights = new float[classes];
        for (int c = 0; c < classes; c++) {
            weights[c] = counts[c] == 0 ? 0f : (float) ((double) labels.length / ((double) classes * counts[c]));
        }
        return weights;
    }

    /**
     * The order epoch {@code epoch} visits the training images in. Without oversampling it is the seeded
     * permutation of all images. With it, every class is first topped up to the size of the largest with extra
     * images drawn uniformly with replacement from that class, then the whole list is shuffled.
     */
    public static int[] epochOrder(int[] labels, int classes, boolean oversample, long seed, int epoch) {
        if (!oversample) {
            return SeededOrder.epochPermutation(labels.length, seed, epoch);
        }
        int[] counts = counts(labels, classes);
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) byClass.add(new ArrayList<>());
        for (int i = 0; i < labels.length; i++) byClass.get(labels[i]).add(i);
        int largest = 0;
        for (int count : counts) largest = Math.max(largest, count);
        List<Integer> images = new ArrayList<>(largest * classes);
        for (int i = 0; i < labels.length; i++) images.add(i);
        SplittableRandom random = SeededOrder.random(seed, SeededOrder.Stream.OVERSAMPLE, epoch);
        for (int c = 0; c < classes; c++) {
            List<Integer> members = byClass.get(c);
            for (int k = counts[c]; k < largest && !members.isEmpty(); k++) {
                images.add(members.get(random.nextInt(members.size())));
            }
        }
        int[] permutation = SeededOrder.epochPermutation(images.size(), seed, epoch);
        int[] order = new int[images.size()];
        for (int k = 0; k < order.length; k++) order[k] = images.get(permutation[k]);
        return order;
    }

    static int[] counts(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " is not a class index in [0, " + classes + ")");
            }
            counts[label]++;
        }
        return counts;
    }
}
