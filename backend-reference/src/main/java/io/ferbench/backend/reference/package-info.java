/**
 * The {@code reference} backend: the model IR evaluated in plain Java, forward and backward, slow but exact. It is
 * the differential reference the engine backends are compared with, and the minimal example of a backend
 * (CONTRIBUTING.md, "Add a backend").
 *
 * <p>Numerics: activations, gradients and weights are stored as float32, as every engine stores them, but every
 * sum (a convolution's or dense layer's dot products, batch-norm statistics, gradient reductions, the loss) is
 * accumulated in double, and Adam's moments are kept in double. The reference's own rounding is then about one
 * float32 ulp per stored value, well below the differences between engines, which is what a reference needs.
 * Each sum runs in a fixed order whatever the thread count (threads split the work by output element, never a
 * sum), so the results are the same on any machine with any {@code threads}.
 *
 * <p>Each op kind is one {@link io.ferbench.backend.reference.Kernel} class with its forward and backward pass;
 * {@link io.ferbench.backend.reference.GraphProgram} runs them in graph order and back.
 */
package io.ferbench.backend.reference;
