package io.ferbench.backend.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ferbench.api.ir.Op;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Convolution, dense and batch-norm semantics: PyTorch layouts and PyTorch's momentum. */
class LayerOpsTest {
    private NDManager manager;

    @BeforeEach void open() { manager = Fixtures.manager(); }

    @AfterEach void close() { manager.close(); }

    @Test
    void convolutionUsesOihwWeightsStrideAndZeroPadding() {
        float[] image = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        NDArray x = manager.create(image, new Shape(1, 1, 3, 3));
        NDArray w = manager.ones(new Shape(1, 1, 3, 3));
        NDArray b = manager.create(new float[] {0.5f});
        NDArray out = LayerOps.conv2d(x, new Op.Conv2d(1, 3, 2, 1, 1, true), w, b);
        // windows centred on (0,0), (0,2), (2,0), (2,2) of the zero-padded image, plus the bias
        assertEquals(new Shape(1, 1, 2, 2), out.getShape());
        assertArrayEquals(new float[] {12.5f, 16.5f, 24.5f, 28.5f}, out.toFloatArray());
    }

    @Test
    void groupedConvolutionIsDepthwise() {
        NDArray x = manager.create(new float[] {1, 2, 3, 4, 1, 1, 1, 1}, new Shape(1, 2, 2, 2));
        NDArray w = manager.create(new float[] {2, 3}, new Shape(2, 1, 1, 1)); // [out, in/groups, k, k]
        NDArray out = LayerOps.conv2d(x, new Op.Conv2d(2, 1, 1, 0, 2, false), w, null);
        assertArrayEquals(new float[] {2, 4, 6, 8, 3, 3, 3, 3}, out.toFloatArray());
    }

    @Test
    void denseWeightIsOutByIn() {
        NDArray x = manager.create(new float[] {1, 2, 3}, new Shape(1, 3));
        NDArray w = manager.create(new float[] {1, 0, 0, 0, 1, 1}, new Shape(2, 3));
        NDArray out = LayerOps.dense(x, w, manager.create(new float[] {10, 20}));
        assertArrayEquals(new float[] {11, 25}, out.toFloatArray());
    }

    @Test
    void batchNormTrainsWithPyTorchMomentumAndUnbiasedRunningVariance() {
        // one channel, values 1..4 over the batch: mean 2.5, biased variance 1.25, unbiased 5/3
        NDArray x = manager.create(new float[] {1, 2, 3, 4}, new Shape(4, 1, 1, 1));
        NDArray gamma = manager.create(new float[] {2});
        NDArray beta = manager.create(new float[] {1});
        NDArray mean = manager.create(new float[] {0});
        NDArray var = manager.create(new float[] {1});
        Op.BatchNorm op = new Op.BatchNorm(1e-5, 0.3);

        float[] out = LayerOps.batchNorm(x, op, gamma, beta, mean, var, true).toFloatArray();
        for (int i = 0; i < 4; i++) {
            double expected = 2 * ((i + 1) - 2.5) / Math.sqrt(1.25 + 1e-5) + 1;
            assertEquals(expected, out[i], 1e-5, "sample " + i);
        }
        // running = (1 - momentum) * running + momentum * batch, as torch.nn.BatchNorm2d(momentum=0.3)
        assertEquals(0.7 * 0 + 0.3 * 2.5, mean.getFloat(0), 1e-6);
        assertEquals(0.7 * 1 + 0.3 * (5.0 / 3), var.getFloat(0), 1e-6);
    }

    @Test
    void batchNormInEvaluationUsesAndKeepsRunningStatistics() {
        NDArray x = manager.create(new float[] {1, 2, 3, 4}, new Shape(4, 1, 1, 1));
        NDArray mean = manager.create(new float[] {2});
        NDArray var = manager.create(new float[] {4});
        NDArray out = LayerOps.batchNorm(x, new Op.BatchNorm(1e-3, 0.1), manager.create(new float[] {1}),
                manager.create(new float[] {0}), mean, var, false);
        float[] values = out.toFloatArray();
        for (int i = 0; i < 4; i++) assertEquals(((i + 1) - 2) / Math.sqrt(4 + 1e-3), values[i], 1e-6);
        assertEquals(2f, mean.getFloat(0));
        assertEquals(4f, var.getFloat(0));
    }
}
