/**
 * The {@code tensorflow} backend: compiles the model IR into one TensorFlow Java graph (graph mode,
 * NHWC inside, resource variables) and trains it with PyTorch's semantics for batch norm, cross
 * entropy and Adam. {@link io.ferbench.backend.tensorflow.TensorFlowBackendProvider} is the
 * {@link java.util.ServiceLoader} entry point; everything else is package-private.
 */
package io.ferbench.backend.tensorflow;
