package io.ferbench.backend.reference;

import java.util.Collections;
import java.util.List;

/** Element-wise sum of every input (a residual connection); each input receives the whole gradient. */
final class AddKernel implements Kernel {
    private int arity;

    @Override
    public Activation forward(List<Activation> inputs, boolean training) {
        arity = inputs.size();
        Activation y = inputs.get(0).zerosLike();
        for (int j = 0; j < y.data().length; j++) {
            double sum = 0;
            for (Activation x : inputs) sum += x.data()[j];
            y.data()[j] = (float) sum;
        }
        return y;
    }

    @Override
    public List<Activation> backward(Activation dy, Gradients gradients, boolean inputGradients) {
        return Collections.nCopies(arity, dy);  // shared: gradients are never changed in place
    }
}
