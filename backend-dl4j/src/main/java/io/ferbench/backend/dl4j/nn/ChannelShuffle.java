package io.ferbench.backend.dl4j.nn;

import java.util.Arrays;
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
 * Configuration of ShuffleNet's channel shuffle for NCHW feature maps: view the {@code C} channels as
 * {@code (groups, C / groups)}, transpose to {@code (C / groups, groups)} and flatten back. It has no
 * parameters; {@link ChannelShuffleVertex} does the work. A plain vertex rather than a SameDiff lambda:
 * it needs no graph session per call, prints nothing and survives {@code clone()} (which the stock
 * {@code SameDiffLambdaVertex} implements by dropping every field).
 */
public class ChannelShuffle extends GraphVertex {
    private final int groups;

    public ChannelShuffle(@JsonProperty("groups") int groups) {
        if (groups < 1) throw new IllegalArgumentException("channel shuffle groups must be >= 1, got " + groups);
        this.groups = groups;
    }

    public int getGroups() {
        return groups;
    }

    @Override
    public ChannelShuffle clone() {
        return new ChannelShuffle(groups);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelShuffle s && s.groups == groups;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(groups);
    }

    @Override
    public long numParams(boolean backprop) {
        return 0;
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
        return new ChannelShuffleVertex(graph, name, idx, groups, networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) throws InvalidInputTypeException {
        if (vertexInputs.length != 1 || !(vertexInputs[0] instanceof InputType.InputTypeConvolutional conv)) {
            throw new InvalidInputTypeException("channel shuffle expects one feature map input, got "
                    + Arrays.toString(vertexInputs));
        }
        if (conv.getChannels() % groups != 0) {
            throw new InvalidInputTypeException("channel shuffle with " + groups + " groups cannot split "
                    + conv.getChannels() + " channels");
        }
        return conv;
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        InputType out = getOutputType(-1, inputTypes);
        return new LayerMemoryReport.Builder(null, ChannelShuffle.class, inputTypes[0], out)
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }
}
