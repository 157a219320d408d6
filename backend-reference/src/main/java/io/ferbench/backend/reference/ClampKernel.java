package io.ferbench.backend.reference;

import java.util.List;

/**
 * {@code min(max(x, 0), ceiling)}: ReLU with an infinite ceiling, ReLU6 with 6. The gradient passes where
 * {@code 0 < x < ceiling}, as PyTorch's {@code threshold_backward} and {@code hardtanh_backward} let it.
 */
final class ClampKernel implements Kernel {
    private final float ceiling;
    private Activation input;

    ClampKernel(float ceiling) {
        this.ceiling = ceiling;
    }

    static ClampKernel relu() {
        return new ClampKernel(Float.POSITIVE_INFINITY);
    }

    static ClampKernel relu6() {
        return new ClampKernel(6f);
    }

    @Override
    public Activation forward(List<Activation> inputs, boolean training) {
        Activation x = inputs.get(0);
        input = x;
        Activation y = x.zerosLike();
        for (int j = 0; j < y.data().length; j++) y.data()[j] = Math.min(Math.max(x.data()[j], 0f), ceiling);
        return y;
    }

    @Override
    public List<Activation> backward(Activation dy, Gradients gradients, boolean inputGradients) {
        Activation dx = input.zerosLike();
        for (int j = 0; j < dx.data().length; j++) {
            float v = input.data()[j];
            if (v > 0 && v < ceiling) dx.data()[j] = dy.data()[j];
        }
        return List.of(dx);
    }
}
