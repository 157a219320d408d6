package io.ferbench.api.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** PyTorch's Adam scalars and spec checks. */
class AdamScheduleTest {
    @Test
    void adamScalarsMatchPyTorchsBiasCorrection() {
        // step 1 with PyTorch's defaults: √(1-0.999)/(1-0.9) = 0.316227766...
        assertEquals(1e-3 * 0.31622776601683794, AdamSchedule.stepSize(1e-3, 0.9, 0.999, 1), 1e-15);
        assertEquals(1e-8 * Math.sqrt(0.001), AdamSchedule.stepEpsilon(1e-8, 0.999, 1), 1e-20);
        // late in training both corrections tend to 1
        assertEquals(1e-3, AdamSchedule.stepSize(1e-3, 0.9, 0.999, 100_000), 1e-12);
    }

    @Test
    void adamSpecIsChecked() {
        assertEquals("adam beta1 must be in [0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
                () -> AdamSchedule.check("x", new OptimizerSpec("adam", 1e-3, 1.0, 0.999, 1e-8, 0))).getMessage());
        assertEquals("learning rate must be a positive number, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> AdamSchedule.checkLearningRate(0)).getMessage());
    }
}
