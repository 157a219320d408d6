package io.ferbench.worker.train;

import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Node;
import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.ir.Parameters;
import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Transfer learning with backend-neutral checkpoints: tensors keyed by IR parameter names, which equal torchvision's
 * state_dict keys, so weights move between cells, backends and torchvision itself.
 *
 * <p>Every parameter of the backbone (all nodes but the classifier head) must be in the checkpoint with the cell's
 * shape, with one exception: the first convolution's weights are folded from three input channels to one (summed
 * over the channels: a gray image fed as three equal channels gives the same response) or spread from one to three
 * (each channel a third). The head starts from the IR's seeded initialisation for the cell's class count unless the
 * checkpoint's head is kept. Torchvision's {@code num_batches_tracked} counters are ignored. Anything else that does
 * not fit is an error that names the key.
 */
public final class WeightTransfer {
    private static final String BATCH_COUNTER = ".num_batches_tracked";
    private static final int SHOWN = 10;

    private WeightTransfer() {}

    /**
     * The weights a cell starts from.
     *
     * @param initial     the IR's seeded initialisation of {@code graph}, for the head
     * @param checkpoint  the checkpoint's tensors
     * @param keepHead    take the head from the checkpoint too (its shape must fit)
     * @param source      the checkpoint as messages name it (a file, or a cell's weights)
     * @throws IllegalArgumentException naming the offending key, its shape in the checkpoint and in the cell
     */
    public static NamedTensors startingWeights(ModelGraph graph, NamedTensors initial, NamedTensors checkpoint,
                                               boolean keepHead, String source) {
        Set<String> head = headNodes(graph);
        String firstConv = firstConvolution(graph);
        NamedTensors out = new NamedTensors();
        List<String> missing = new ArrayList<>();
        Set<String> modelKeys = new LinkedHashSet<>();
        for (ParameterDef def : Parameters.of(graph)) {
            modelKeys.add(def.key());
            boolean isHead = head.contains(def.node());
            FloatTensor tensor = checkpoint.get(def.key());
            if (isHead && !keepHead) {
                out.put(def.key(), initial.get(def.key()));
            } else if (tensor == null) {
                missing.add(def.key());
            } else if (Arrays.equals(tensor.shape(), def.shape())) {
                out.put(def.key(), tensor);
            } else if (def.node().equals(firstConv) && def.kind().equals(ParameterDef.WEIGHT)
                    && foldable(tensor.shape(), def.shape())) {
                out.put(def.key(), fold(tensor, def.shape()));
            } else {
                throw new IllegalArgumentException(source + ": '" + def.key() + "' has shape "
                        + Arrays.toString(tensor.shape()) + " but " + graph.architecture() + " here needs "
                        + Arrays.toString(def.shape()) + (isHead ? "; the head depends on the class count: set "
                        + "keep_head: false to start it afresh" : "; is the checkpoint for another architecture or "
                        + "width?"));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(source + " lacks " + missing.size() + " of the tensors "
                    + graph.architecture() + " needs: " + shown(missing)
                    + "; is the checkpoint for another architecture, or keyed by other names?");
        }
        List<String> unexpected = new ArrayList<>();
        for (String key : checkpoint.keys()) {
            boolean headKey = head.stream().anyMatch(h -> key.startsWith(h + "."));
            if (!modelKeys.contains(key) && !headKey && !key.endsWith(BATCH_COUNTER)) unexpected.add(key);
        }
        if (!unexpected.isEmpty()) {
            throw new IllegalArgumentException(source + " has " + unexpected.size() + " tensors that "
                    + graph.architecture() + " does not: " + shown(unexpected) + "; is it for another architecture?");
        }
        return out;
    }

    /** The classifier head: the node that yields the logits. */
    public static Set<String> headNodes(ModelGraph graph) {
        return Set.of(graph.output());
    }

    /** Every node with parameters except the head: what {@code tune: head} freezes. */
    public static List<String> backboneNodes(ModelGraph graph) {
        Set<String> head = headNodes(graph);
        Set<String> nodes = new LinkedHashSet<>();
        for (ParameterDef def : Parameters.of(graph)) {
            if (!head.contains(def.node())) nodes.add(def.node());
        }
        return List.copyOf(nodes);
    }

    /** The convolution that reads the input image, or null when there is none. */
    static String firstConvolution(ModelGraph graph) {
        String input = graph.input().name();
        for (Node node : graph.nodes()) {
            if (node.op() instanceof Op.Conv2d && node.inputs().contains(input)) return node.name();
        }
        return null;
    }

    /** [out, 3, k, k] to [out, 1, k, k] or back, the rest of the shape equal. */
    private static boolean foldable(long[] from, long[] to) {
        if (from.length != 4 || to.length != 4 || from[0] != to[0] || from[2] != to[2] || from[3] != to[3]) {
            return false;
        }
        return (from[1] == 3 && to[1] == 1) || (from[1] == 1 && to[1] == 3);
    }

    private static FloatTensor fold(FloatTensor tensor, long[] shape) {
        long[] from = tensor.shape();
        int out = (int) from[0];
        int kernel = (int) (from[2] * from[3]);
        float[] src = tensor.data();
        float[] dst = new float[(int) (shape[0] * shape[1] * kernel)];
        for (int o = 0; o < out; o++) {
            for (int k = 0; k < kernel; k++) {
                if (from[1] == 3) {
                    // three colour kernels summed: the response to a gray image given as three equal channels
                    dst[o * kernel + k] = src[(o * 3) * kernel + k] + src[(o * 3 + 1) * kernel + k]
                            + src[(o * 3 + 2) * kernel + k];
                } else {
                    for (int c = 0; c < 3; c++) dst[(o * 3 + c) * kernel + k] = src[o * kernel + k] / 3f;
                }
            }
        }
        return new FloatTensor(shape, dst);
    }

    private static String shown(List<String> keys) {
        return String.join(", ", keys.subList(0, Math.min(SHOWN, keys.size()))) + (keys.size() > SHOWN ? ", ..." : "");
    }
}
