package io.ferbench.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.ferbench.api.ir.ParameterDef;
import org.junit.jupiter.api.Test;

/** The IR (PyTorch) to TensorFlow parameter layouts and the names given to TensorFlow. */
class WeightLayoutTest {

    @Test
    void convolutionKernelGoesFromOihwToHwioAndBack() {
        ParameterDef def = ParameterDef.of("conv", ParameterDef.WEIGHT, new long[] {3, 2, 2, 2}, true);
        WeightLayout layout = WeightLayout.convolutionKernel(def, 1, false);
        assertArrayEquals(new long[] {2, 2, 2, 3}, layout.tfShape());
        float[] oihw = new float[24];
        for (int i = 0; i < oihw.length; i++) oihw[i] = i;
        float[] hwio = layout.toTensorFlow(oihw);
        // element (o=2, i=1, h=0, w=1) sits at OIHW index ((2·2+1)·2+0)·2+1 = 21 and HWIO index ((0·2+1)·2+1)·3+2 = 11
        assertEquals(21f, hwio[11]);
        assertArrayEquals(oihw, layout.toIr(hwio));
    }

    @Test
    void depthwiseKernelHoldsHwioOrderInItsOwnShape() {
        ParameterDef def = ParameterDef.of("dw", ParameterDef.WEIGHT, new long[] {6, 1, 3, 3}, true);
        WeightLayout layout = WeightLayout.convolutionKernel(def, 3, true);
        assertArrayEquals(new long[] {3, 3, 3, 2}, layout.tfShape(), "[k, k, in, out/in]");
        float[] oihw = new float[54];
        for (int i = 0; i < oihw.length; i++) oihw[i] = i;
        assertArrayEquals(WeightLayout.convolutionKernel(
                ParameterDef.of("c", ParameterDef.WEIGHT, new long[] {6, 1, 3, 3}, true), 1, false).toTensorFlow(oihw),
                layout.toTensorFlow(oihw));
    }

    @Test
    void otherParametersAreStoredAsIs() {
        ParameterDef dense = ParameterDef.of("fc", ParameterDef.WEIGHT, new long[] {7, 5}, true);
        WeightLayout layout = WeightLayout.same(dense);
        assertArrayEquals(new long[] {7, 5}, layout.tfShape());
        float[] values = {1, 2, 3};
        assertArrayEquals(values, layout.toTensorFlow(values));
    }

    @Test
    void namesAreValidForTensorFlowAndStayDistinct() {
        TfNames names = new TfNames();
        assertEquals("p.layer1.0.conv1.weight", names.of("p.", "layer1.0.conv1.weight"));
        String slash = names.of("p.", "a/b.weight");
        String underscore = names.of("p.", "a_b.weight");
        assertEquals("p.a_b.weight", slash);
        assertNotEquals(slash, underscore);
        assertEquals(slash, names.of("p.", "a/b.weight"), "the same IR name maps to the same TF name");
        assertEquals("n_x", TfNames.sanitise("_x"));
        assertEquals("n", TfNames.sanitise(""));
    }
}
