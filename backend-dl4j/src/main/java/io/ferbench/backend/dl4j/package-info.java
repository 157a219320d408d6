/**
 * The {@code dl4j} backend: compiles the model IR to a Deeplearning4j {@code ComputationGraph}
 * ({@link io.ferbench.backend.dl4j.GraphCompiler}), trains it with PyTorch's Adam and batch-norm rules
 * ({@link io.ferbench.backend.dl4j.Dl4jTrainableModel}, {@link io.ferbench.backend.dl4j.TorchAdam}) and
 * exchanges weights in the IR's PyTorch layout ({@link io.ferbench.backend.dl4j.ParameterLayout}).
 */
package io.ferbench.backend.dl4j;
