package io.ferbench.api.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends nodes in topological order and remembers the last one, so a chain reads top to bottom
 * ({@code b.then("conv1", conv).then("bn1", bn)}) while branches name their inputs explicitly.
 */
public final class GraphBuilder {
    private final List<Node> nodes = new ArrayList<>();
    private String last;

    /** Starts a graph whose input node is called {@code name}. */
    public GraphBuilder(String name, int channels, int height, int width) {
        add(name, new Op.Input(channels, height, width));
    }

    /** Adds a node reading {@code inputs} (the last node when none are given); returns its name. */
    public String add(String name, Op op, String... inputs) {
        List<String> from = inputs.length == 0 ? (last == null ? List.of() : List.of(last)) : List.of(inputs);
        nodes.add(new Node(name, op, from));
        last = name;
        return name;
    }

    /** Adds a node reading the last node; returns this builder for chaining. */
    public GraphBuilder then(String name, Op op) {
        add(name, op);
        return this;
    }

    /** The most recently added node. */
    public String last() { return last; }

    /** The graph so far; {@link ModelGraph}'s constructor checks names and ordering. */
    public ModelGraph build(String architecture, String output, String features) {
        return new ModelGraph(architecture, nodes, output, features);
    }
}
