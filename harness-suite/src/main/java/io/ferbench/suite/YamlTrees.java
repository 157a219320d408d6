package io.ferbench.suite;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses YAML text into a {@link YamlNode} tree with positions. SnakeYAML composes the node graph (so
 * syntax errors carry the parser's line and column); this class types plain scalars by the YAML 1.2
 * core schema (so {@code 1e-8} is a number and {@code yes} is text, as in editors) and reports
 * duplicate keys, which SnakeYAML's composer lets through.
 */
final class YamlTrees {
    private static final Pattern NULL = Pattern.compile("null|Null|NULL|~|");
    private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
    private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
    private static final Pattern DECIMAL_INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCTAL_INT = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX_INT = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.nan|\\.NaN|\\.NAN");

    private final Problems problems;
    private final Resolver implicitTags = new Resolver();
    /** Nodes being converted, to stop on a recursive alias ({@code &a [*a]}) instead of looping. */
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlTrees(Problems problems) {
        this.problems = problems;
    }

    /** The document's root node, or null (with the reason in {@code problems}) when there is none. */
    static YamlNode parse(String text, Problems problems) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            SourceMark at = SourceMark.of(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark());
            String context = e.getContext() == null ? "" : " (" + e.getContext()
                    + (e.getContextMark() == null ? "" : " at line " + (e.getContextMark().getLine() + 1)) + ")";
            problems.add(at, "", "malformed YAML: " + e.getProblem() + context);
            return null;
        } catch (YAMLException e) {
            problems.add(SourceMark.NONE, "", "malformed YAML: " + e.getMessage());
            return null;
        }
        if (root == null) {
            problems.add(SourceMark.START, "", "the file holds no YAML document; a suite is a mapping with at least "
                    + "the keys name, datasets and matrix");
            return null;
        }
        return new YamlTrees(problems).convert(root, "");
    }

    private YamlNode convert(Node node, String path) {
        SourceMark mark = SourceMark.of(node.getStartMark());
        if (!inProgress.add(node)) {
            problems.add(mark, path, "an alias refers to a node that contains it; suites cannot be recursive");
            return new YamlNode.Scalar(null, "", mark);
        }
        try {
            return switch (node.getNodeId()) {
                case scalar -> scalar((ScalarNode) node, mark);
                case sequence -> sequence((SequenceNode) node, path, mark);
                case mapping -> mapping((MappingNode) node, path, mark);
                default -> throw new IllegalStateException("SnakeYAML resolves aliases before composing: " + node);
            };
        } finally {
            inProgress.remove(node);
        }
    }

    private YamlNode.Sequence sequence(SequenceNode node, String path, SourceMark mark) {
        List<YamlNode> items = new ArrayList<>();
        for (Node item : node.getValue()) {
            items.add(convert(item, path + "[" + items.size() + "]"));
        }
        return new YamlNode.Sequence(List.copyOf(items), mark);
    }

    private YamlNode.Mapping mapping(MappingNode node, String path, SourceMark mark) {
        List<YamlNode.Entry> entries = new ArrayList<>();
        Map<String, SourceMark> seen = new HashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            SourceMark keyMark = SourceMark.of(tuple.getKeyNode().getStartMark());
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problems.add(keyMark, path, "keys must be plain names, not a list or mapping");
                continue;
            }
            String key = keyNode.getValue();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            SourceMark first = seen.putIfAbsent(key, keyMark);
            if (first != null) {
                problems.add(keyMark, keyPath, "duplicate key '" + key + "' (first given at line " + first.line()
                        + "); give each key once");
                continue;
            }
            entries.add(new YamlNode.Entry(key, keyMark, convert(tuple.getValueNode(), keyPath)));
        }
        return new YamlNode.Mapping(List.copyOf(entries), mark);
    }

    private YamlNode.Scalar scalar(ScalarNode node, SourceMark mark) {
        String text = node.getValue();
        boolean explicitTag = !node.getTag().equals(implicitTags.resolve(NodeId.scalar, text, node.isPlain()));
        if (!node.isPlain() || (explicitTag && node.getTag().equals(Tag.STR))) {
            return new YamlNode.Scalar(text, text, mark);
        }
        return new YamlNode.Scalar(coreSchemaValue(text), text, mark);
    }

    /** Types a plain scalar as the YAML 1.2 core schema does. */
    static Object coreSchemaValue(String text) {
        if (NULL.matcher(text).matches()) {
            return null;
        }
        if (TRUE.matcher(text).matches()) {
            return Boolean.TRUE;
        }
        if (FALSE.matcher(text).matches()) {
            return Boolean.FALSE;
        }
        if (DECIMAL_INT.matcher(text).matches()) {
            return integer(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
        }
        if (OCTAL_INT.matcher(text).matches()) {
            return integer(new BigInteger(text.substring(2), 8));
        }
        if (HEX_INT.matcher(text).matches()) {
            return integer(new BigInteger(text.substring(2), 16));
        }
        if (FLOAT.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (INFINITY.matcher(text).matches()) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (NAN.matcher(text).matches()) {
            return Double.NaN;
        }
        return text;
    }

    private static Object integer(BigInteger value) {
        return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
    }
}
