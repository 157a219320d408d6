package io.ferbench.backend.dl4j.nn;

import java.lang.reflect.Field;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.AlgoMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdDataAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdFilterAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.FwdAlgo;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution layer's oneDNN helper that hands the backward pass of 3×3, stride-1 convolutions with
 * output maps of at most 4×4 back to DL4J's built-in implementation (im2col and two matrix products);
 * the forward pass, and every other backward pass, stay with oneDNN.
 *
 * <p>Why: libnd4j's oneDNN {@code conv2d_bp} asks oneDNN for {@code convolution_auto}, and oneDNN 2.3
 * (inside libnd4j 1.0.0-M2.1) then picks its Winograd F(4×4, 3×3) kernels for 3×3 stride-1 backward
 * passes of all but the smallest batches, whatever the spatial size. When the whole output map fits one
 * 4×4 tile (ResNet-18's last two stages at 48×48: 3×3 and 2×2), the 6×6 transforms of the 256×256 or
 * 512×512 filter bank buy nothing: one backward-weights call took about 40–100× the forward call of the
 * same layer, and these calls were two thirds of the training step (docs/backends/dl4j.md, "Speed: profile and what was tried"). On
 * larger maps Winograd pays off, and oneDNN's backward beats DL4J's built-in one (whose im2col is slow),
 * so those stay. DL4J's built-in backward computes the same gradients (float rounding aside); returning
 * {@code null} from {@link #backpropGradient} is DL4J's own protocol for "no helper result, use the
 * built-in path".
 */
public final class BuiltInBackwardConvolutionHelper implements ConvolutionHelper {
    private static final HelperField HELPER_FIELD = new HelperField();
    private final ConvolutionHelper oneDnn;
    private final boolean hasBias;

    /**
     * @param hasBias whether the layer has a bias: DL4J hands a helper that is not its own oneDNN helper a
     *                zero "dummy" bias for layers without one, which oneDNN would then add (a different
     *                kernel, different rounding); the oneDNN helper is given {@code null} instead, as DL4J
     *                gives it
     */
    public BuiltInBackwardConvolutionHelper(ConvolutionHelper oneDnn, boolean hasBias) {
        this.oneDnn = oneDnn;
        this.hasBias = hasBias;
    }

    /**
     * Wraps the oneDNN helper of every convolution layer of {@code network} that has one (a
     * {@code FrozenLayer} is skipped: it has no backward pass). DL4J offers no way to choose a layer's
     * helper, so the layer's {@code helper} field is set by reflection.
     *
     * @return how many layers were rerouted
     */
    public static int install(ComputationGraph network) {
        int installed = 0;
        for (Layer layer : network.getLayers()) {
            if (!(layer instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer convolution)) continue;
            ConvolutionHelper current = (ConvolutionHelper) HELPER_FIELD.get(convolution);
            if (current == null || current instanceof BuiltInBackwardConvolutionHelper) continue;
            HELPER_FIELD.set(convolution, new BuiltInBackwardConvolutionHelper(current, convolution.hasBias()));
            installed++;
        }
        return installed;
    }

    /** The kernels oneDNN's Winograd implementations accept: 3×3, stride 1, no dilation. */
    public static boolean winogradShape(int[] kernel, int[] strides, int[] dilation) {
        return kernel[0] == 3 && kernel[1] == 3 && strides[0] == 1 && strides[1] == 1
                && (dilation == null || (dilation[0] == 1 && dilation[1] == 1));
    }

    /**
     * Whether the output feature map fits one output tile of oneDNN's Winograd F(4×4, 3×3) kernels, so that
     * the 6×6 transforms of the whole filter bank buy nothing.
     */
    static boolean withinOneWinogradTile(INDArray delta, CNN2DFormat format) {
        long height = format == CNN2DFormat.NHWC ? delta.size(1) : delta.size(2);
        long width = format == CNN2DFormat.NHWC ? delta.size(2) : delta.size(3);
        return height <= 4 && width <= 4;
    }

    @Override
    public boolean checkSupported() {
        return oneDnn.checkSupported();
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return oneDnn.helperMemoryUse();
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray weights, INDArray bias, INDArray delta,
            int[] kernel, int[] strides, int[] pad, INDArray biasGradView, INDArray weightGradView, IActivation afn,
            AlgoMode mode, BwdFilterAlgo bwdFilterAlgo, BwdDataAlgo bwdDataAlgo, ConvolutionMode convolutionMode,
            int[] dilation, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (winogradShape(kernel, strides, dilation) && withinOneWinogradTile(delta, format)) return null;
        return oneDnn.backpropGradient(input, weights, hasBias ? bias : null, delta, kernel, strides, pad,
                hasBias ? biasGradView : null, weightGradView, afn, mode, bwdFilterAlgo, bwdDataAlgo,
                convolutionMode, dilation, format, workspaceMgr);
    }

    @Override
    public INDArray preOutput(INDArray input, INDArray weights, INDArray bias, int[] kernel, int[] strides, int[] pad,
            AlgoMode mode, FwdAlgo fwdAlgo, ConvolutionMode convolutionMode, int[] dilation, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        return oneDnn.preOutput(input, weights, hasBias ? bias : null, kernel, strides, pad, mode, fwdAlgo,
                convolutionMode, dilation, format, workspaceMgr);
    }

    @Override
    public INDArray activate(INDArray z, IActivation afn, boolean training) {
        return oneDnn.activate(z, afn, training);
    }

    /** DL4J's {@code ConvolutionLayer.helper}, protected and without a setter. */
    private static final class HelperField {
        private final Field field;

        HelperField() {
            try {
                field = org.deeplearning4j.nn.layers.convolution.ConvolutionLayer.class.getDeclaredField("helper");
                field.setAccessible(true);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("DL4J's ConvolutionLayer has no 'helper' field (another DL4J version?)", e);
            }
        }

        Object get(Layer layer) {
            try {
                return field.get(layer);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        void set(Layer layer, ConvolutionHelper helper) {
            try {
                field.set(layer, helper);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
