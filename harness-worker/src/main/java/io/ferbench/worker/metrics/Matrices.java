package io.ferbench.worker.metrics;

/** Input checks and conversions shared by the feature-embedding classes. */
final class Matrices {
    private Matrices() {}

    /** A double copy of a rectangular, finite float matrix with at least one column. */
    static double[][] toDouble(float[][] matrix, String name) {
        if (matrix == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            float[] row = matrix[i];
            requireRowShape(row == null ? -1 : row.length, matrix[0] == null ? -1 : matrix[0].length, name, i);
            copy[i] = new double[row.length];
            for (int c = 0; c < row.length; c++) {
                copy[i][c] = row[c];
            }
        }
        requireFinite(copy, name);
        return copy;
    }

    /** Throws unless the matrix is rectangular, has at least one column and holds only finite values. */
    static void requireRectangularFinite(double[][] matrix, String name) {
        if (matrix == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        for (int i = 0; i < matrix.length; i++) {
            requireRowShape(matrix[i] == null ? -1 : matrix[i].length, matrix[0] == null ? -1 : matrix[0].length, name, i);
        }
        requireFinite(matrix, name);
    }

    private static void requireRowShape(int length, int firstLength, String name, int row) {
        if (length < 1) {
            throw new IllegalArgumentException(name + "[" + row + "] is " + (length < 0 ? "null" : "empty")
                    + "; every row needs at least one value");
        }
        if (length != firstLength) {
            throw new IllegalArgumentException(name + "[" + row + "] has " + length + " values but " + name + "[0] has "
                    + firstLength + "; every row must have the same length");
        }
    }

    private static void requireFinite(double[][] matrix, String name) {
        for (int i = 0; i < matrix.length; i++) {
            for (int c = 0; c < matrix[i].length; c++) {
                if (!Double.isFinite(matrix[i][c])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + c + "] is " + matrix[i][c] + "; values must be finite");
                }
            }
        }
    }
}
