package io.ferbench.backend.dl4j.nn;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The running channel shuffle of {@link ChannelShuffle}. Forward: {@code [N, g·k, H, W] → [N, g, k, H, W]
 * → transpose(1, 2) → [N, k·g, H, W]}; backward applies the inverse permutation to the gradient, the
 * same reshape with {@code g} and {@code k} swapped.
 */
public class ChannelShuffleVertex extends BaseGraphVertex {
    private final int groups;

    public ChannelShuffleVertex(ComputationGraph graph, String name, int vertexIndex, int groups, DataType dataType) {
        super(graph, name, vertexIndex, null, null, dataType);
        this.groups = groups;
    }

    @Override
    public boolean hasLayer() {
        return false;
    }

    @Override
    public Layer getLayer() {
        return null;
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoForward()) throw new IllegalStateException("channel shuffle '" + vertexName + "': input not set");
        return permuteChannels(inputs[0], groups, ArrayType.ACTIVATIONS, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoBackward()) throw new IllegalStateException("channel shuffle '" + vertexName + "': error not set");
        long perGroup = epsilon.size(1) / groups;
        INDArray grad = permuteChannels(epsilon, Math.toIntExact(perGroup), ArrayType.ACTIVATION_GRAD, workspaceMgr);
        return new Pair<>(null, new INDArray[] {grad});
    }

    /** Views channels as {@code (outer, C / outer)}, swaps the two and flattens back, into a new array. */
    private static INDArray permuteChannels(INDArray x, int outer, ArrayType type, LayerWorkspaceMgr workspaceMgr) {
        if (x.rank() != 4) {
            throw new IllegalStateException("channel shuffle expects NCHW activations, got rank " + x.rank());
        }
        long n = x.size(0);
        long c = x.size(1);
        long h = x.size(2);
        long w = x.size(3);
        INDArray swapped = x.reshape('c', n, outer, c / outer, h, w).permute(0, 2, 1, 3, 4);
        INDArray out = workspaceMgr.createUninitialized(type, x.dataType(), new long[] {n, c / outer, outer, h, w}, 'c');
        out.assign(swapped);
        return out.reshape('c', n, c, h, w);
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray backpropGradientsViewArray) {
        if (backpropGradientsViewArray != null) {
            throw new IllegalStateException("channel shuffle has no parameters, hence no gradient view");
        }
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState,
                                                           int minibatchSize) {
        if (maskArrays == null || maskArrays.length == 0) return null;
        return new Pair<>(maskArrays[0], currentMaskState);
    }

    @Override
    public String toString() {
        return "ChannelShuffleVertex(name=\"" + vertexName + "\", groups=" + groups + ")";
    }
}
