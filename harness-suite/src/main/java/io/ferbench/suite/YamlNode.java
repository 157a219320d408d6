package io.ferbench.suite;

import java.math.BigInteger;
import java.util.List;

/**
 * A YAML node with its position in the file: the parser's tree, with scalars already typed by the
 * YAML 1.2 core schema (the one editors and the YAML language server use).
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    SourceMark mark();

    /** What the node holds, for "expected …, got …" messages. */
    String describe();

    /**
     * @param value {@code null}, {@link Boolean}, {@link Long}, {@link BigInteger} (integers beyond long),
     *              {@link Double} or {@link String}
     * @param text  the scalar as written
     */
    record Scalar(Object value, String text, SourceMark mark) implements YamlNode {
        @Override
        public String describe() {
            if (value == null) {
                return "nothing (null)";
            }
            if (value instanceof Boolean) {
                return "boolean " + text;
            }
            if (value instanceof Number) {
                return "number " + text;
            }
            return "text '" + text + "'";
        }
    }

    record Entry(String key, SourceMark keyMark, YamlNode value) {
    }

    /**
     * {@code node} without positions, for text that is not from the suite file (a command-line value): problems found
     * in it then name no line of the suite.
     */
    static YamlNode unmarked(YamlNode node) {
        if (node instanceof Scalar s) return new Scalar(s.value(), s.text(), SourceMark.NONE);
        if (node instanceof Sequence s) {
            return new Sequence(s.items().stream().map(YamlNode::unmarked).toList(), SourceMark.NONE);
        }
        Mapping m = (Mapping) node;
        return new Mapping(m.entries().stream().map(e -> new Entry(e.key(), SourceMark.NONE, unmarked(e.value())))
                .toList(), SourceMark.NONE);
    }

    record Mapping(List<Entry> entries, SourceMark mark) implements YamlNode {
        @Override
        public String describe() { return "a mapping"; }
    }

    record Sequence(List<YamlNode> items, SourceMark mark) implements YamlNode {
        @Override
        public String describe() { return "a list"; }
    }
}
