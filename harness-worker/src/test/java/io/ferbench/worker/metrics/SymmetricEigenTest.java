package io.ferbench.worker.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void solvesTwoByTwo() {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1 with eigenvectors (1, 1)/√2 and (1, -1)/√2.
        SymmetricEigen eigen = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertArrayEquals(new double[] {3, 1}, eigen.values(), 1e-14);
        double[] v = eigen.vectors()[0];
        assertEquals(1 / Math.sqrt(2), Math.abs(v[0]), 1e-14);
        assertEquals(v[0], v[1], 1e-14);
    }

    @Test
    void reconstructsARandomSymmetricMatrixWithOrthonormalVectors() {
        Random random = new Random(3);
        int m = 30;
        double[][] a = new double[m][m];
        for (int r = 0; r < m; r++) {
            for (int c = r; c < m; c++) {
                a[r][c] = a[c][r] = random.nextGaussian();
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(a);
        for (int k = 1; k < m; k++) {
            assertEquals(true, eigen.values()[k] <= eigen.values()[k - 1], "decreasing order");
        }
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                double sum = 0;
                double gram = 0;
                for (int k = 0; k < m; k++) {
                    sum += eigen.values()[k] * eigen.vectors()[k][r] * eigen.vectors()[k][c];
                    gram += eigen.vectors()[r][k] * eigen.vectors()[c][k];
                }
                assertEquals(a[r][c], sum, 1e-10, "A = V Λ Vᵀ at " + r + "," + c);
                assertEquals(r == c ? 1 : 0, gram, 1e-10, "orthonormal eigenvectors " + r + "," + c);
            }
        }
    }

    @Test
    void handlesRepeatedEigenvalues() {
        SymmetricEigen eigen = SymmetricEigen.of(new double[][] {{4, 0, 0}, {0, 4, 0}, {0, 0, 1}});
        assertArrayEquals(new double[] {4, 4, 1}, eigen.values(), 0);
    }
}
