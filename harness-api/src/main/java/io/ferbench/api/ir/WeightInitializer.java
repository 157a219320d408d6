package io.ferbench.api.ir;

import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded initial weights, identical on every backend because they are drawn here, once:
 * <ul>
 *   <li>conv weight: Kaiming normal, fan-out, ReLU gain, {@code std = sqrt(2 / (out·k·k))} (torchvision's
 *       {@code kaiming_normal_(mode="fan_out", nonlinearity="relu")}); conv bias 0;</li>
 *   <li>batch norm: weight 1, bias 0, running mean 0, running variance 1;</li>
 *   <li>dense weight and bias: uniform in {@code ±1/sqrt(in)} (PyTorch's {@code nn.Linear} default).</li>
 * </ul>
 * Each parameter draws from its own generator, seeded from the run seed and a stable hash of its
 * key, so adding or removing a node leaves every other parameter's values unchanged. The normal
 * deviates use Box–Muller on {@link SplittableRandom#nextDouble()}, whose algorithm the JDK
 * specifies, and StrictMath, so the values do not depend on the JDK version or the CPU.
 */
public final class WeightInitializer {
    private WeightInitializer() {}

    /** Initial values of every parameter and buffer of {@code graph}, in {@link Parameters} order. */
    public static NamedTensors initialise(ModelGraph graph, long seed) {
        Map<String, long[]> shapes = Shapes.infer(graph);
        NamedTensors out = new NamedTensors();
        for (Node node : graph.nodes()) {
            for (ParameterDef p : Parameters.of(node, shapes)) {
                out.put(p.key(), new FloatTensor(p.shape(), values(node, p, shapes, seed)));
            }
        }
        return out;
    }

    private static float[] values(Node node, ParameterDef p, Map<String, long[]> shapes, long seed) {
        float[] v = new float[Math.toIntExact(p.size())];
        Op op = node.op();
        if (op instanceof Op.Conv2d c) {
            if (p.kind().equals(ParameterDef.WEIGHT)) {
                double std = Math.sqrt(2.0 / ((double) c.outChannels() * c.kernel() * c.kernel()));
                normal(v, std, generator(seed, p.key()));
            }
            return v; // bias: zeros
        }
        if (op instanceof Op.Dense) {
            long fanIn = shapes.get(node.inputs().get(0))[0];
            uniform(v, 1.0 / Math.sqrt(fanIn), generator(seed, p.key()));
            return v;
        }
        if (op instanceof Op.BatchNorm) {
            boolean ones = p.kind().equals(ParameterDef.WEIGHT) || p.kind().equals(ParameterDef.RUNNING_VAR);
            if (ones) Arrays.fill(v, 1f);
            return v;
        }
        throw new IllegalStateException("no initialisation rule for " + p.key() + " of " + op);
    }

    private static void normal(float[] v, double std, SplittableRandom r) {
        for (int i = 0; i < v.length; i += 2) {
            double u1 = 1.0 - r.nextDouble(); // (0, 1]: log stays finite
            double u2 = r.nextDouble();
            double radius = std * StrictMath.sqrt(-2.0 * StrictMath.log(u1));
            v[i] = (float) (radius * StrictMath.cos(2 * Math.PI * u2));
            if (i + 1 < v.length) v[i + 1] = (float) (radius * StrictMath.sin(2 * Math.PI * u2));
        }
    }

    private static void uniform(float[] v, double bound, SplittableRandom r) {
        for (int i = 0; i < v.length; i++) v[i] = (float) ((2 * r.nextDouble() - 1) * bound);
    }

    /** A generator private to one parameter: the seed mixed with a 64-bit FNV-1a hash of the key. */
    static SplittableRandom generator(long seed, String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        // SplittableRandom mixes its seed, but seed ^ hash alone would let (seed, key) pairs collide
        // systematically; scrambling the seed first keeps the two inputs from cancelling.
        return new SplittableRandom(hash ^ new SplittableRandom(seed).nextLong());
    }
}
