package io.ferbench.api.ir;

import java.util.List;
import java.util.Objects;

/**
 * A named node of the model graph. The name is stable across backends and, where possible, is the
 * torchvision module path (for example {@code layer2.0.conv1}), so parameter keys read
 * {@code layer2.0.conv1.weight} exactly as in a torchvision state_dict.
 *
 * @param name   unique node name
 * @param op     what the node computes
 * @param inputs names of the nodes it reads, in order (empty only for {@link Op.Input})
 */
public record Node(String name, Op op, List<String> inputs) {
    public Node {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        inputs = List.copyOf(inputs);
    }
}
