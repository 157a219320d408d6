package io.ferbench.backend.dl4j.nn;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Configuration of a batch norm that always runs in inference mode yet passes gradients to its input:
 * {@code y = (x − mean)/√(var + eps)·gamma + beta} with the stored statistics, whose input gradient is
 * {@code dy·gamma/√(var + eps)}. It is what a frozen batch norm computes (Keras semantics) when a
 * trainable node upstream needs the gradient; DL4J's {@code FrozenLayerWithBackprop} cannot do this for
 * a {@code BatchNormalization} layer (it runs the forward pass in inference mode but backpropagates
 * with the batch-statistics formula). Its parameters use BatchNormalization's names and shapes
 * ({@code gamma}, {@code beta}, {@code mean}, {@code var}, each {@code [1, C]}) and get no gradient.
 */
public class InferenceBatchNorm extends GraphVertex {
    static final String[] PARAMETERS = {"gamma", "beta", "mean", "var"};

    private final double eps;
    private final long channels;

    public InferenceBatchNorm(@JsonProperty("eps") double eps, @JsonProperty("channels") long channels) {
        if (!(eps > 0)) throw new IllegalArgumentException("batch-norm eps must be > 0, got " + eps);
        if (channels < 1) throw new IllegalArgumentException("batch norm needs at least one channel, got " + channels);
        this.eps = eps;
        this.channels = channels;
    }

    public double getEps() {
        return eps;
    }

    public long getChannels() {
        return channels;
    }

    @Override
    public InferenceBatchNorm clone() {
        return new InferenceBatchNorm(eps, channels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InferenceBatchNorm b && b.eps == eps && b.channels == channels;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(eps) + Long.hashCode(channels);
    }

    @Override
    public long numParams(boolean backprop) {
        return PARAMETERS.length * channels;
    }

    @Override
    public int minVertexInputs() {
        return 1;
    }

    @Override
    public int maxVertexInputs() {
        return 1;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
            INDArray paramsView, boolean initializeParams, DataType networkDatatype) {
        return new InferenceBatchNormVertex(graph, name, idx, eps, channels, paramsView, initializeParams,
                networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) throws InvalidInputTypeException {
        if (vertexInputs.length != 1) {
            throw new InvalidInputTypeException("inference batch norm expects one input, got " + vertexInputs.length);
        }
        InputType in = vertexInputs[0];
        long c = in instanceof InputType.InputTypeConvolutional conv ? conv.getChannels() : in.arrayElementsPerExample();
        if (c != channels) {
            throw new InvalidInputTypeException("inference batch norm for " + channels + " channels got input " + in);
        }
        return in;
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        InputType out = getOutputType(-1, inputTypes);
        return new LayerMemoryReport.Builder(null, InferenceBatchNorm.class, inputTypes[0], out)
                .standardMemory(numParams(true), 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }
}
