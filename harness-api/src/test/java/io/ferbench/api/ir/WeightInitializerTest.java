package io.ferbench.api.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightInitializerTest {

    private static final ModelGraph RESNET = Architectures.build("resnet18", 1, 48, 7, 1.0);

    @Test
    void coversEveryParameterInParametersOrderWithItsShape() {
        NamedTensors w = WeightInitializer.initialise(RESNET, 1);
        List<ParameterDef> defs = Parameters.of(RESNET);
        assertEquals(defs.stream().map(ParameterDef::key).toList(), List.copyOf(w.keys()));
        for (ParameterDef d : defs) assertArrayEquals(d.shape(), w.get(d.key()).shape(), d.key());
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        NamedTensors a = WeightInitializer.initialise(RESNET, 42);
        NamedTensors b = WeightInitializer.initialise(RESNET, 42);
        NamedTensors c = WeightInitializer.initialise(RESNET, 43);
        assertEquals(a.asMap(), b.asMap());
        for (String key : List.of("conv1.weight", "layer3.0.conv2.weight", "fc.weight", "fc.bias")) {
            assertFalse(Arrays.equals(a.get(key).data(), c.get(key).data()), key);
        }
        assertFalse(Arrays.equals(a.get("layer1.0.conv1.weight").data(), a.get("layer1.0.conv2.weight").data()),
                "parameters of the same shape draw independent values");
    }

    @Test
    void convolutionsFollowKaimingNormalFanOut() {
        NamedTensors w = WeightInitializer.initialise(RESNET, 7);
        for (String key : List.of("layer4.1.conv2.weight", "layer2.0.conv1.weight", "layer3.0.downsample.0.weight")) {
            float[] v = w.get(key).data();
            long[] s = w.get(key).shape();
            double expectedStd = Math.sqrt(2.0 / (s[0] * s[2] * s[3]));
            double mean = Arrays.stream(toDoubles(v)).average().orElseThrow();
            double std = Math.sqrt(Arrays.stream(toDoubles(v)).map(x -> (x - mean) * (x - mean)).sum() / v.length);
            assertEquals(expectedStd, std, 0.03 * expectedStd, key + " std");
            assertEquals(0, mean, 4 * expectedStd / Math.sqrt(v.length), key + " mean");
        }
        // a normal sample, not a uniform one: about 68% within one standard deviation
        float[] v = w.get("layer4.1.conv2.weight").data();
        double std = Math.sqrt(2.0 / (512 * 9));
        long inside = 0;
        for (float x : v) if (Math.abs(x) < std) inside++;
        assertEquals(0.6827, inside / (double) v.length, 0.005);
    }

    @Test
    void batchNormStartsAsIdentityAndDenseIsBoundedUniform() {
        NamedTensors w = WeightInitializer.initialise(RESNET, 3);
        assertAll(w.get("bn1.weight"), 1f);
        assertAll(w.get("bn1.bias"), 0f);
        assertAll(w.get("layer4.1.bn2.running_mean"), 0f);
        assertAll(w.get("layer4.1.bn2.running_var"), 1f);
        double bound = 1 / Math.sqrt(512);
        for (String key : List.of("fc.weight", "fc.bias")) {
            float[] v = w.get(key).data();
            double min = 0, max = 0;
            for (float x : v) {
                assertTrue(Math.abs(x) <= bound, key + " value " + x + " outside ±" + bound);
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            if (key.equals("fc.weight")) { // 3584 draws fill the interval
                assertTrue(min < -0.95 * bound && max > 0.95 * bound, key + " spans [" + min + ", " + max + "]");
            }
        }
    }

    @Test
    void convolutionBiasStartsAtZero() {
        GraphBuilder b = new GraphBuilder("input", 1, 8, 8);
        b.then("conv", new Op.Conv2d(4, 3, 1, 1, 1, true)).then("flatten", new Op.Flatten());
        assertAll(WeightInitializer.initialise(b.build("t", "flatten", "flatten"), 5).get("conv.bias"), 0f);
    }

    @Test
    void addingANodeLeavesEveryOtherParameterUnchanged() {
        NamedTensors before = WeightInitializer.initialise(chain(false), 11);
        NamedTensors after = WeightInitializer.initialise(chain(true), 11);
        assertEquals(before.count() + 1, after.count());
        for (String key : before.keys()) assertEquals(before.get(key), after.get(key), key);
    }

    private static ModelGraph chain(boolean withExtraConv) {
        GraphBuilder b = new GraphBuilder("input", 3, 16, 16);
        b.then("a", new Op.Conv2d(8, 3, 1, 1, 1, false));
        if (withExtraConv) b.then("extra", new Op.Conv2d(8, 3, 1, 1, 1, false));
        b.then("c", new Op.Conv2d(8, 3, 1, 1, 1, false))
                .then("pool", new Op.GlobalAvgPool()).then("flatten", new Op.Flatten())
                .then("fc", new Op.Dense(4, true));
        return b.build("t", "fc", "flatten");
    }

    private static void assertAll(FloatTensor t, float expected) {
        for (float x : t.data()) assertEquals(expected, x);
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }
}
