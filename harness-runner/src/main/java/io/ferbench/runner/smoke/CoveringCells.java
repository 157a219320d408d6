package io.ferbench.runner.smoke;

import io.ferbench.api.cell.Axis;
import io.ferbench.api.cell.Cell;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small set of cells in which every value of every categorical matrix axis appears (names, switches and class
 * lists: each takes its own code path, a dataset, an architecture, a checkpoint...). Numbers (learning rates, sizes,
 * counts, seeds) do not change the path a cell takes, so one value of each is enough. Chosen greedily: the cell that
 * covers the most values not yet covered (the first in plan order on a tie), until all are covered, at least one
 * cell; then the cells those start from.
 */
final class CoveringCells {
    private CoveringCells() {}

    static Set<String> of(List<Cell> cells) {
        Set<Map.Entry<String, Object>> uncovered = new HashSet<>();
        for (Cell cell : cells) uncovered.addAll(values(cell));
        Set<String> chosen = new LinkedHashSet<>();
        if (!cells.isEmpty()) chosen.add(cells.get(0).id());
        cells.stream().limit(1).forEach(c -> uncovered.removeAll(values(c)));
        while (!uncovered.isEmpty()) {
            Cell best = null;
            int bestGain = 0;
            for (Cell cell : cells) {
                if (chosen.contains(cell.id())) continue;
                int gain = 0;
                for (Map.Entry<String, Object> value : values(cell)) if (uncovered.contains(value)) gain++;
                if (gain > bestGain) {
                    best = cell;
                    bestGain = gain;
                }
            }
            chosen.add(best.id());
            uncovered.removeAll(values(best));
        }
        Map<String, Cell> byId = new HashMap<>();
        cells.forEach(c -> byId.put(c.id(), c));
        for (String id : List.copyOf(chosen)) {
            for (Cell cell = byId.get(id); cell.network().init().sourceCell() != null; cell = byId.get(cell.network().init().sourceCell())) {
                chosen.add(cell.network().init().sourceCell());
            }
        }
        return chosen;
    }

    private static Set<Map.Entry<String, Object>> values(Cell cell) {
        Set<Map.Entry<String, Object>> values = new HashSet<>();
        for (Axis axis : Axis.values()) {
            Object value = axis.read(cell);
            if (!(value instanceof Number)) values.add(new AbstractMap.SimpleImmutableEntry<>(axis.key(), value));
        }
        return values;
    }
}
