package io.ferbench.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/** The IR's parameter-free ops on NCHW arrays, each matching its PyTorch counterpart. */
final class StatelessOps {
    private StatelessOps() {}

    static NDArray relu(NDArray x) {
        return Activation.relu(x);
    }

    /** min(max(x, 0), 6) like {@code torch.nn.ReLU6}. */
    static NDArray relu6(NDArray x) {
        return Activation.relu6(x);
    }

    /** Element-wise sum of all inputs. */
    static NDArray add(List<NDArray> inputs) {
        NDArray sum = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) sum = sum.add(inputs.get(i));
        return sum;
    }

    /** Concatenation along channels (axis 1). */
    static NDArray concat(List<NDArray> inputs) {
        return inputs.size() == 1 ? inputs.get(0) : NDArrays.concat(new NDList(inputs), 1);
    }

    /**
     * The {@code index}-th chunk of {@code torch.chunk(x, parts, dim=1)}: chunks of ceil(C / parts)
     * channels, the last one possibly smaller.
     */
    static NDArray channelSplit(NDArray x, int parts, int index) {
        long channels = x.getShape().get(1);
        long chunk = (channels + parts - 1) / parts;
        long start = index * chunk;
        long end = Math.min(channels, start + chunk);
        if (start >= end) {
            throw new IllegalArgumentException("chunk " + index + " of " + parts + " is empty for " + channels
                    + " channels");
        }
        return x.get(new NDIndex(":, {}:{}", start, end));
    }

    /** ShuffleNet's shuffle: [N, g, C/g, H, W] -> swap g and C/g -> [N, C, H, W]. */
    static NDArray channelShuffle(NDArray x, int groups) {
        Shape s = x.getShape();
        long n = s.get(0), c = s.get(1), h = s.get(2), w = s.get(3);
        return x.reshape(n, groups, c / groups, h, w).swapAxes(1, 2).reshape(n, c, h, w);
    }

    /** {@code torch.nn.MaxPool2d(kernel, stride, padding)}: padding counts as -inf, floor rounding. */
    static NDArray maxPool(NDArray x, int kernel, int stride, int padding) {
        return Pool.maxPool2d(x, new Shape(kernel, kernel), new Shape(stride, stride),
                new Shape(padding, padding), false);
    }

    /** Mean over height and width, keeping [N, C, 1, 1] (torch's adaptive average pooling to 1×1). */
    static NDArray globalAvgPool(NDArray x) {
        Shape s = x.getShape();
        return x.getNDArrayInternal().globalAvgPool().reshape(s.get(0), s.get(1), 1, 1);
    }

    /** [N, ...] -> [N, product of the rest]. */
    static NDArray flatten(NDArray x) {
        return x.reshape(x.getShape().get(0), -1);
    }

    /** Inverted dropout with drop probability {@code p} while training; identity otherwise. */
    static NDArray dropout(NDArray x, double p, boolean training) {
        if (!training || p == 0) return x;
        return x.getNDArrayInternal().dropout(x, (float) p, true).singletonOrThrow();
    }
}
