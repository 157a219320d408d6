package io.ferbench.api.ir;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A backend-neutral model: nodes in topological order, one input node, the node that yields the
 * logits ({@code output}) and the node that yields the penultimate features ({@code features},
 * flattened, used for t-SNE).
 */
public final class ModelGraph {
    private final String architecture;
    private final List<Node> nodes;
    private final Map<String, Node> byName;
    private final String output;
    private final String features;

    public ModelGraph(String architecture, List<Node> nodes, String output, String features) {
        this.architecture = architecture;
        this.nodes = List.copyOf(nodes);
        Map<String, Node> map = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Node n : this.nodes) {
            for (String in : n.inputs()) {
                if (!seen.contains(in)) {
                    throw new IllegalArgumentException("node '" + n.name() + "' reads '" + in
                            + "', which is not defined before it");
                }
            }
            if (map.put(n.name(), n) != null) {
                throw new IllegalArgumentException("duplicate node name '" + n.name() + "'");
            }
            seen.add(n.name());
        }
        if (this.nodes.isEmpty() || !(this.nodes.get(0).op() instanceof Op.Input)) {
            throw new IllegalArgumentException("the first node must be the input");
        }
        if (!map.containsKey(output)) throw new IllegalArgumentException("unknown output node '" + output + "'");
        if (!map.containsKey(features)) throw new IllegalArgumentException("unknown features node '" + features + "'");
        this.byName = Collections.unmodifiableMap(map);
        this.output = output;
        this.features = features;
    }

    public String architecture() { return architecture; }
    public List<Node> nodes() { return nodes; }
    public Node node(String name) {
        Node n = byName.get(name);
        if (n == null) throw new IllegalArgumentException("no node named '" + name + "' in " + architecture);
        return n;
    }
    public boolean hasNode(String name) { return byName.containsKey(name); }
    public Node input() { return nodes.get(0); }
    public Op.Input inputOp() { return (Op.Input) nodes.get(0).op(); }
    public String output() { return output; }
    public String features() { return features; }

    /** The architecture name with anything but letters, digits, '.', '_' and '-' replaced: a safe file name. */
    public String fileSafeName() {
        String safe = architecture.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "model" : safe;
    }
}
