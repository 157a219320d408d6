package io.ferbench.backend.reference;

import java.util.List;

/**
 * One node's op, forward and backward. A kernel keeps what its last forward pass saw (inputs, masks, statistics)
 * for the backward pass that follows it; a model runs one pass at a time.
 */
interface Kernel {
    /**
     * The node's output.
     *
     * @param inputs    the outputs of the node's inputs, in order
     * @param training  a training pass (batch statistics, dropout) rather than an evaluation
     */
    Activation forward(List<Activation> inputs, boolean training);

    /**
     * The gradients of the loss with respect to the last forward pass's inputs, in order; parameter gradients are
     * added to {@code gradients} for the parameters it trains.
     *
     * @param output          the gradient with respect to this node's output
     * @param inputGradients  whether the caller needs the inputs' gradients; when false a kernel may return
     *                        {@code null} entries and skip that work (a frozen stem needs none)
     */
    List<Activation> backward(Activation output, Gradients gradients, boolean inputGradients);
}
