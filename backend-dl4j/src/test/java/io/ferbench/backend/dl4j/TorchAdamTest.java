package io.ferbench.backend.dl4j;

import io.ferbench.api.testing.TorchAdamReference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ferbench.api.backend.OptimizerSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** TorchAdam against torch.optim.Adam's update rule, evaluated here in double precision. */
class TorchAdamTest {

    @Test
    void followsTorchOptimAdamWithL2WeightDecayAndPerParameterSteps() {
        Fixtures.backend();
        double lr = 0.01;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-3;  // large, so that adding it before the bias correction (DL4J's Adam) would show
        double wd = 0.1;
        TorchAdam adam = new TorchAdam(new OptimizerSpec("adam", lr, b1, b2, eps, wd));
        double[] w = {1.0, -2.0, 0.5};
        double[][] gradients = {{0.1, -0.2, 0.0}, {0.3, 0.1, -0.05}, {-0.2, 0.0, 0.4}};
        TorchAdamReference reference = new TorchAdamReference(new OptimizerSpec("adam", lr, b1, b2, eps, wd), 3);
        INDArray parameter = Nd4j.create(new double[] {1.0, -2.0, 0.5}).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        for (int t = 1; t <= gradients.length; t++) {
            INDArray g = Nd4j.create(gradients[t - 1]).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
            try (MemoryWorkspace ignored = adam.scratch()) {
                adam.update("p", parameter, g);
            }
            reference.step(w, gradients[t - 1], lr);
            for (int i = 0; i < 3; i++) assertEquals(w[i], parameter.getDouble(i), 1e-6, "step " + t + " element " + i);
        }
        assertEquals(3, adam.steps("p"));
        assertEquals(0, adam.steps("other"));
        adam.setLearningRate(0.5);
        assertEquals(0.5, adam.learningRate());
        adam.close();
    }

    @Test
    void rejectsInvalidHyperparametersNamingThem() {
        assertEquals("adam beta1 must be in [0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
                () -> new TorchAdam(new OptimizerSpec("adam", 0.1, 1.0, 0.999, 1e-8, 0))).getMessage());
        assertEquals("the dl4j backend implements optimizer 'adam', got 'sgd'", assertThrows(
                IllegalArgumentException.class,
                () -> new TorchAdam(new OptimizerSpec("sgd", 0.1, 0.9, 0.999, 1e-8, 0))).getMessage());
    }
}
