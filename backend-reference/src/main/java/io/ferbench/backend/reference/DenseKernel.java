package io.ferbench.backend.reference;

import io.ferbench.api.ir.Op;
import java.util.Arrays;
import java.util.List;

/** {@code torch.nn.functional.linear}: {@code y = x·Wᵀ + b}, weight {@code [out, in]}, optional bias. */
final class DenseKernel implements Kernel {
    private final int outFeatures;
    private final WeightAndBias parameters;
    private final Parallel parallel;
    private Activation input;

    DenseKernel(String node, Op.Dense op, Weights weights, Parallel parallel) {
        this.outFeatures = op.outFeatures();
        this.parameters = WeightAndBias.of(node, op.bias(), weights);
        this.parallel = parallel;
    }

    @Override
    public Activation forward(List<Activation> inputs, boolean training) {
        Activation x = inputs.get(0).flat();
        input = x;
        int in = x.channels();
        float[] weight = parameters.weight();
        float[] bias = parameters.bias();
        Activation y = Activation.zeros(x.n(), outFeatures, 1, 1);
        parallel.forEach(x.n(), i -> {
            for (int o = 0; o < outFeatures; o++) {
                double sum = bias == null ? 0 : bias[o];
                for (int f = 0; f < in; f++) sum += (double) weight[o * in + f] * x.data()[i * in + f];
                y.data()[i * outFeatures + o] = (float) sum;
            }
        });
        return y;
    }

    @Override
    public List<Activation> backward(Activation dy, Gradients gradients, boolean inputGradients) {
        Activation x = input;
        int in = x.channels();
        float[] weight = parameters.weight();
        double[] weightGradient = parameters.weightGradient(gradients);
        double[] biasGradient = parameters.biasGradient(gradients);
        parallel.forEach(outFeatures, o -> {
            if (biasGradient != null) {
                double sum = 0;
                for (int i = 0; i < x.n(); i++) sum += dy.data()[i * outFeatures + o];
                biasGradient[o] += sum;
            }
            if (weightGradient == null) return;
            for (int f = 0; f < in; f++) {
                double sum = 0;
                for (int i = 0; i < x.n(); i++) sum += (double) dy.data()[i * outFeatures + o] * x.data()[i * in + f];
                weightGradient[o * in + f] += sum;
            }
        });
        if (!inputGradients) return Arrays.asList((Activation) null);
        Activation dx = x.zerosLike();
        parallel.forEach(x.n(), i -> {
            for (int f = 0; f < in; f++) {
                double sum = 0;
                for (int o = 0; o < outFeatures; o++) {
                    sum += (double) dy.data()[i * outFeatures + o] * weight[o * in + f];
                }
                dx.data()[i * in + f] = (float) sum;
            }
        });
        return List.of(dx);
    }
}
