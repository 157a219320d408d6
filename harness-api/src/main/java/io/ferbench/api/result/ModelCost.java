package io.ferbench.api.result;

/**
 * Size and arithmetic cost of the model, computed once from the IR (identical on every backend).
 *
 * @param parameters  trainable and non-trainable parameter count, batch-norm running statistics excluded
 * @param macs        multiply-accumulates of one forward pass of one image at the cell's input size
 */
public record ModelCost(long parameters, long macs) {}
