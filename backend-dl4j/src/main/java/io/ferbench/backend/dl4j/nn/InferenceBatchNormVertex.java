package io.ferbench.backend.dl4j.nn;

import java.util.LinkedHashMap;
import java.util.Map;
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
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The running {@link InferenceBatchNorm}: per channel {@code y = x·s + t} with
 * {@code s = gamma/√(var + eps)} and {@code t = beta − mean·s}; the input gradient is {@code dy·s}.
 * Its parameters are views into the network's parameter array, never updated by a gradient.
 */
public class InferenceBatchNormVertex extends BaseGraphVertex {
    private final double eps;
    private final INDArray parameters;
    private final Map<String, INDArray> table = new LinkedHashMap<>();
    private INDArray gradientView;

    public InferenceBatchNormVertex(ComputationGraph graph, String name, int vertexIndex, double eps, long channels,
                                    INDArray paramsView, boolean initializeParams, DataType dataType) {
        super(graph, name, vertexIndex, null, null, dataType);
        this.eps = eps;
        this.parameters = paramsView;
        INDArray flat = paramsView.reshape(paramsView.length());
        for (int i = 0; i < InferenceBatchNorm.PARAMETERS.length; i++) {
            INDArray view = flat.get(NDArrayIndex.interval(i * channels, (i + 1) * channels)).reshape(1, channels);
            table.put(InferenceBatchNorm.PARAMETERS[i], view);
        }
        if (initializeParams) {
            table.get("gamma").assign(1);
            table.get("beta").assign(0);
            table.get("mean").assign(0);
            table.get("var").assign(1);
        }
    }

    @Override
    public boolean hasLayer() {
        return false;
    }

    @Override
    public Layer getLayer() {
        return null;
    }

    /** {@code gamma/√(var + eps)} as a vector. */
    private INDArray scale() {
        INDArray std = Transforms.sqrt(table.get("var").add(eps), false);
        return table.get("gamma").div(std).reshape(std.length());
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoForward()) throw new IllegalStateException("batch norm '" + vertexName + "': input not set");
        INDArray x = inputs[0];
        INDArray scale = scale();
        INDArray shift = table.get("beta").reshape(scale.length()).sub(table.get("mean").reshape(scale.length()).mul(scale));
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape(), 'c');
        Nd4j.getExecutioner().exec(new BroadcastMulOp(x, scale, out, 1));
        Nd4j.getExecutioner().exec(new BroadcastAddOp(out, shift, out, 1));
        return out;
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoBackward()) throw new IllegalStateException("batch norm '" + vertexName + "': error not set");
        INDArray grad = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(),
                epsilon.shape(), 'c');
        Nd4j.getExecutioner().exec(new BroadcastMulOp(epsilon, scale(), grad, 1));
        return new Pair<>(null, new INDArray[] {grad});
    }

    @Override
    public Map<String, INDArray> paramTable(boolean backpropOnly) {
        return table;
    }

    @Override
    public INDArray params() {
        return parameters;
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray backpropGradientsViewArray) {
        this.gradientView = backpropGradientsViewArray;  // stays zero: the parameters are frozen
    }

    @Override
    public INDArray getGradientsViewArray() {
        return gradientView;
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState,
                                                           int minibatchSize) {
        if (maskArrays == null || maskArrays.length == 0) return null;
        return new Pair<>(maskArrays[0], currentMaskState);
    }

    @Override
    public String toString() {
        return "InferenceBatchNormVertex(name=\"" + vertexName + "\", eps=" + eps + ")";
    }
}
