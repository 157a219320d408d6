package io.ferbench.worker.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions against numbers as they are printed in published documentation. */
final class PublishedFigures {
    private PublishedFigures() {}

    /** The published figure was rounded to {@code decimals} places (e.g. classification_report's "0.67"). */
    static void assertRoundsTo(double published, int decimals, double actual, String what) {
        double halfUnit = 0.5 * Math.pow(10, -decimals);
        assertTrue(Math.abs(actual - published) <= halfUnit + 1e-12,
                what + ": published " + published + " (" + decimals + " decimals) but computed " + actual);
    }

    /** The published figure was truncated by a doctest ellipsis (e.g. "0.22..." means 0.22 <= x < 0.23). */
    static void assertTruncatesTo(double published, int decimals, double actual, String what) {
        double unit = Math.pow(10, -decimals);
        assertTrue(actual >= published - 1e-12 && actual < published + unit,
                what + ": published " + published + "... but computed " + actual);
    }

    /** Probability rows that put 0.7 on the predicted class and share 0.3 among the others, so argmax gives {@code predicted}. */
    static float[][] confidentRows(int[] predicted, int classes) {
        float[][] rows = new float[predicted.length][classes];
        for (int i = 0; i < predicted.length; i++) {
            for (int c = 0; c < classes; c++) {
                rows[i][c] = c == predicted[i] ? 0.7f : 0.3f / (classes - 1);
            }
        }
        return rows;
    }
}
