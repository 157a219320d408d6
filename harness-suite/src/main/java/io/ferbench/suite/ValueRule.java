package io.ferbench.suite;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferbench.api.names.DidYouMean;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one scalar value of a suite key may be. The same rule converts and checks a value while parsing
 * and describes it in the JSON Schema, so the two agree by construction.
 */
sealed interface ValueRule permits ValueRule.Text, ValueRule.Int, ValueRule.Real, ValueRule.Bool, ValueRule.Switch {

    /** The value as Java sees it, or null after reporting why {@code scalar} is not valid. */
    Object read(YamlNode.Scalar scalar, String key, Problems problems);

    /** This rule as a JSON Schema (draft 2020-12) fragment. */
    ObjectNode schema();

    /** What a valid value looks like, for messages: "an integer from 1 to 100". */
    String expectation();

    /** Reports a value of the wrong YAML type. */
    default Object wrongType(YamlNode.Scalar scalar, String key, Problems problems) {
        boolean quotedNonText = scalar.value() instanceof String text
                && !(YamlTrees.coreSchemaValue(text) instanceof String);
        problems.add(scalar.mark(), key, "expected " + expectation() + ", got " + scalar.describe()
                + (quotedNonText ? "; write it without quotes" : ""));
        return null;
    }

    /**
     * Text, optionally restricted to a set of choices or to a pattern.
     *
     * @param noun        what the value names, for messages ("backend")
     * @param regex       the whole value must match this, or null
     * @param regexHint   the pattern in words
     * @param choices     the valid values, or empty for any
     * @param minLength   shortest valid text
     */
    record Text(String noun, String regex, String regexHint, List<String> choices, int minLength) implements ValueRule {
        /** Names become folder and file names (with more around them): bounded well below file systems' 255. */
        static final int NAME_MAX = 64;
        static final String NAME_REGEX = "[A-Za-z0-9._-]{1," + NAME_MAX + "}";
        static final String NAME_HINT = "letters, digits, '.', '_' and '-' only, at most " + NAME_MAX + " characters";

        static Text name(String noun) {
            return new Text(noun, NAME_REGEX, NAME_HINT, List.of(), 1);
        }

        static Text choice(String noun, List<String> choices) {
            return new Text(noun, null, null, List.copyOf(choices), 1);
        }

        static Text free(String noun, int minLength) {
            return new Text(noun, null, null, List.of(), minLength);
        }

        @Override
        public Object read(YamlNode.Scalar scalar, String key, Problems problems) {
            if (!(scalar.value() instanceof String text)) {
                return wrongType(scalar, key, problems);
            }
            if (!choices.isEmpty() && !choices.contains(text)) {
                problems.add(scalar.mark(), key, "unknown " + noun + " '" + text + "'" + DidYouMean.hint(text, choices)
                        + " (valid: " + String.join(", ", choices) + ")");
                return null;
            }
            if (regex != null && !Pattern.matches(regex, text)) {
                problems.add(scalar.mark(), key, "'" + text + "' is not a valid " + noun + "; use " + regexHint);
                return null;
            }
            if (text.length() < minLength) {
                problems.add(scalar.mark(), key, "expected " + expectation() + ", got empty text");
                return null;
            }
            return text;
        }

        @Override
        public ObjectNode schema() {
            ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "string");
            if (!choices.isEmpty()) {
                choices.forEach(schema.putArray("enum")::add);
            } else if (regex != null) {
                schema.put("pattern", "^" + regex + "$");
            } else if (minLength > 0) {
                schema.put("minLength", minLength);
            }
            return schema;
        }

        @Override
        public String expectation() {
            if (!choices.isEmpty()) {
                return "a " + noun + ": one of " + String.join(", ", choices);
            }
            if (regex != null) {
                return "a " + noun + " (" + regexHint + ")";
            }
            return minLength > 0 ? "non-empty text" : "text";
        }
    }

    /** A whole number in [min, max]; read as an {@link Integer} when max fits one, else a {@link Long}. */
    record Int(long min, long max) implements ValueRule {
        @Override
        public Object read(YamlNode.Scalar scalar, String key, Problems problems) {
            Object value = scalar.value();
            BigInteger whole;
            if (value instanceof Long l) {
                whole = BigInteger.valueOf(l);
            } else if (value instanceof BigInteger b) {
                whole = b;
            } else if (value instanceof Double d && Double.isFinite(d) && d == Math.rint(d)) {
                whole = BigInteger.valueOf(d.longValue());  // 5.0 is an integer in JSON Schema, so here too
            } else {
                return wrongType(scalar, key, problems);
            }
            if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
                problems.add(scalar.mark(), key, scalar.text() + " is out of range; expected " + expectation());
                return null;
            }
            return max <= Integer.MAX_VALUE && min >= Integer.MIN_VALUE ? (Object) whole.intValue() : whole.longValue();
        }

        @Override
        public ObjectNode schema() {
            return JsonNodeFactory.instance.objectNode().put("type", "integer").put("minimum", min).put("maximum", max);
        }

        @Override
        public String expectation() {
            return "an integer from " + min + " to " + max;
        }
    }

    /** A finite number with optional bounds (an infinite bound means none); read as a {@link Double}. */
    record Real(double min, boolean minInclusive, double max, boolean maxInclusive) implements ValueRule {
        static Real atLeast(double min) {
            return new Real(min, true, Double.POSITIVE_INFINITY, false);
        }

        static Real above(double min) {
            return new Real(min, false, Double.POSITIVE_INFINITY, false);
        }

        @Override
        public Object read(YamlNode.Scalar scalar, String key, Problems problems) {
            if (!(scalar.value() instanceof Number number)) {
                return wrongType(scalar, key, problems);
            }
            double value = number.doubleValue();
            boolean aboveMin = minInclusive ? value >= min : value > min;
            boolean belowMax = maxInclusive ? value <= max : value < max;
            if (!Double.isFinite(value) || !aboveMin || !belowMax) {
                problems.add(scalar.mark(), key, scalar.text() + (Double.isFinite(value) ? " is out of range"
                        : " is not a finite number") + "; expected " + expectation());
                return null;
            }
            return value;
        }

        @Override
        public ObjectNode schema() {
            ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "number");
            if (Double.isFinite(min)) {
                schema.put(minInclusive ? "minimum" : "exclusiveMinimum", min);
            }
            if (Double.isFinite(max)) {
                schema.put(maxInclusive ? "maximum" : "exclusiveMaximum", max);
            }
            return schema;
        }

        @Override
        public String expectation() {
            StringBuilder text = new StringBuilder("a number");
            if (Double.isFinite(min)) {
                text.append(minInclusive ? " >= " : " > ").append(NumberText.of(min));
            }
            if (Double.isFinite(max)) {
                text.append(Double.isFinite(min) ? " and" : "").append(maxInclusive ? " <= " : " < ")
                        .append(NumberText.of(max));
            }
            return text.toString();
        }
    }

    /** {@code true} or {@code false}. */
    record Bool() implements ValueRule {
        @Override
        public Object read(YamlNode.Scalar scalar, String key, Problems problems) {
            return scalar.value() instanceof Boolean b ? b : wrongType(scalar, key, problems);
        }

        @Override
        public ObjectNode schema() {
            return JsonNodeFactory.instance.objectNode().put("type", "boolean");
        }

        @Override
        public String expectation() {
            return "true or false";
        }
    }

    /** A backend switch: any text, number or boolean, kept as written (the backend interprets it). */
    record Switch() implements ValueRule {
        @Override
        public Object read(YamlNode.Scalar scalar, String key, Problems problems) {
            return scalar.value() == null ? wrongType(scalar, key, problems) : scalar.text();
        }

        @Override
        public ObjectNode schema() {
            ObjectNode schema = JsonNodeFactory.instance.objectNode();
            schema.putArray("type").add("string").add("number").add("boolean");
            return schema;
        }

        @Override
        public String expectation() {
            return "text, a number or a boolean";
        }
    }
}
