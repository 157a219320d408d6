package io.ferbench.suite;

import io.ferbench.api.cell.Axis;
import io.ferbench.api.cell.Cell;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Command-line changes to a suite's matrix, Hydra style: {@code --only KEY=V1[,V2]} keeps the cells whose KEY is one
 * of the values (and the cells they start from), {@code --set KEY=VALUE} gives every cell that value of KEY. Keys are
 * matrix keys; values are read by the rules and with the messages of the suite's own matrix, so a mistake gets the
 * same "expected ..., did you mean ..." as in the file. Cells that {@code --only} keeps keep the ids they have in the
 * whole suite, so their results line up with a full run's.
 */
public final class MatrixOverrides {
    /** No override: the suite as written. */
    public static final MatrixOverrides NONE = new MatrixOverrides(List.of(), List.of());

    static final String ONLY = "--only";
    static final String SET = "--set";

    /**
     * One {@code KEY=VALUE} argument.
     *
     * @param flag   {@code --only} or {@code --set}
     * @param key    the matrix key as typed
     * @param value  the value text after {@code =}
     */
    record Override(String flag, String key, String value) {
        /** {@code --set epochs}, the key path problems name. */
        String path() { return flag + " " + key; }

        String argument() { return flag + " " + key + "=" + value; }
    }

    private final List<Override> only;
    private final List<Override> set;

    private MatrixOverrides(List<Override> only, List<Override> set) {
        this.only = List.copyOf(only);
        this.set = List.copyOf(set);
    }

    /**
     * The overrides of {@code --only} and {@code --set} arguments, each {@code KEY=VALUE}.
     *
     * @throws IllegalArgumentException for an argument without {@code =}, naming it and the form expected
     */
    public static MatrixOverrides of(List<String> only, List<String> set) {
        return new MatrixOverrides(parse(ONLY, only), parse(SET, set));
    }

    private static List<Override> parse(String flag, List<String> arguments) {
        List<Override> overrides = new ArrayList<>();
        for (String argument : arguments == null ? List.<String>of() : arguments) {
            int equals = argument.indexOf('=');
            if (equals <= 0 || argument.substring(equals + 1).isBlank()) {
                throw new IllegalArgumentException(flag + " '" + argument + "': expected KEY=VALUE with a matrix key, "
                        + "such as " + (flag.equals(ONLY) ? "architecture=resnet18,mobilenetv2" : "epochs=1"));
            }
            overrides.add(new Override(flag, argument.substring(0, equals).strip(),
                    argument.substring(equals + 1).strip()));
        }
        return overrides;
    }

    public boolean isEmpty() {
        return only.isEmpty() && set.isEmpty();
    }

    /** The overrides as arguments ({@code --only architecture=resnet18}), to record with the results. */
    public List<String> arguments() {
        return Stream.concat(only.stream(), set.stream()).map(Override::argument).toList();
    }

    /** The overrides read against a suite: values checked by {@code reader}, problems in its {@link Problems}. */
    Resolved resolve(SuiteReader reader, Problems problems) {
        Map<MatrixAxis, Set<Object>> onlyValues = new EnumMap<>(MatrixAxis.class);
        for (Override o : only) {
            // a bare list: V1,V2 is the flow sequence [V1,V2]; a value already in brackets is one YAML value
            String text = o.value().startsWith("[") ? o.value() : "[" + o.value() + "]";
            MatrixAxis axis = reader.overrideAxis(o);
            if (axis == null) continue;
            List<Object> values = reader.overrideValues(axis, o, text);
            onlyValues.computeIfAbsent(axis, a -> new LinkedHashSet<>()).addAll(values);
        }
        Map<MatrixAxis, Object> setValues = new EnumMap<>(MatrixAxis.class);
        Map<MatrixAxis, Override> setBy = new LinkedHashMap<>();
        for (Override o : set) {
            MatrixAxis axis = reader.overrideAxis(o);
            if (axis == null) continue;
            List<Object> values = reader.overrideValues(axis, o, o.value());
            Override earlier = setBy.putIfAbsent(axis, o);
            if (earlier != null) {
                problems.add(SourceMark.NONE, o.path(), "set twice (also " + earlier.argument() + "); give one value");
            } else if (values.size() > 1) {
                problems.add(SourceMark.NONE, o.path(), "--set gives every cell one value, got " + values.size()
                        + "; to run several, write them in the suite's matrix (or keep some with --only)");
            } else if (values.size() == 1) {
                setValues.put(axis, values.get(0));
            }
        }
        return new Resolved(onlyValues, setValues, only);
    }

    /**
     * The overrides as values of the suite's axes.
     *
     * @param only the values each {@code --only} key keeps
     * @param set  the value each {@code --set} key gives every cell
     */
    record Resolved(Map<MatrixAxis, Set<Object>> only, Map<MatrixAxis, Object> set, List<Override> onlyArguments) {
        /** The combinations with the {@code --set} values; combinations that become equal are one. */
        List<Map<MatrixAxis, Object>> apply(List<Map<MatrixAxis, Object>> combinations) {
            if (set.isEmpty()) return combinations;
            Set<Map<MatrixAxis, Object>> distinct = new LinkedHashSet<>();
            for (Map<MatrixAxis, Object> combination : combinations) {
                Map<MatrixAxis, Object> changed = new EnumMap<>(combination);
                changed.putAll(set);
                distinct.add(changed);
            }
            return new ArrayList<>(distinct);
        }

        /**
         * The cells whose value of every {@code --only} key is one of its values, with the cells they start from,
         * in plan order. A value no cell has, or keys that no cell matches together, is a problem.
         */
        List<Cell> keep(List<Cell> cells, Problems problems) {
            if (only.isEmpty()) return cells;
            for (Override o : onlyArguments) {
                MatrixAxis axis = MatrixAxis.byKey(o.key());
                Set<String> present = new LinkedHashSet<>();
                cells.forEach(c -> present.add(c.axes().get(axis.key())));
                for (Object value : only.get(axis)) {
                    if (!present.contains(Axis.render(value))) {
                        problems.add(SourceMark.NONE, o.path(), "no cell of the suite has " + axis.key() + " "
                                + Axis.render(value) + " (its cells have: " + String.join(", ", present) + ")");
                    }
                }
            }
            Map<String, Cell> byId = new LinkedHashMap<>();
            cells.forEach(c -> byId.put(c.id(), c));
            Set<String> kept = new LinkedHashSet<>();
            for (Cell cell : cells) {
                if (!matches(cell)) continue;
                // the cells it starts from run first, so they are kept with it
                for (Cell c = cell; c != null && kept.add(c.id()); ) {
                    String source = c.network().init().sourceCell();
                    c = source == null ? null : byId.get(source);
                }
            }
            if (kept.isEmpty() && problems.isEmpty()) {
                problems.add(SourceMark.NONE, ONLY, "no cell of the suite has all of "
                        + String.join(" and ", onlyArguments.stream().map(o -> o.key() + "=" + o.value()).toList()));
            }
            return cells.stream().filter(c -> kept.contains(c.id())).toList();
        }

        private boolean matches(Cell cell) {
            return only.entrySet().stream().allMatch(e -> e.getValue().stream().map(Axis::render)
                    .anyMatch(v -> v.equals(cell.axes().get(e.getKey().key()))));
        }
    }
}
