package io.ferbench.runner;

import io.ferbench.api.cell.Cell;
import io.ferbench.suite.SuitePlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A part of a plan, for runs that leave cells out (only some backends, a smoke run's covering cells). Cell ids stay
 * those of the whole plan, so results of partial runs line up with a full run's. A cell that starts from the weights
 * of a cell left out is left out too; every left-out cell is counted in {@link #notes()}.
 *
 * @param plan   the plan with the kept cells only
 * @param notes  one line per reason cells were left out
 */
public record PlanSelection(SuitePlan plan, List<String> notes) {
    public PlanSelection {
        notes = List.copyOf(notes);
    }

    /**
     * The cells whose backend is one of {@code backends}.
     *
     * @param why  why the others are left out, for the notes ("not installed (installed: djl)")
     */
    public static PlanSelection backends(SuitePlan plan, Set<String> backends, String why) {
        Map<String, Integer> leftOut = new LinkedHashMap<>();
        plan.cells().stream().filter(c -> !backends.contains(c.backend()))
                .forEach(c -> leftOut.merge(c.backend(), 1, Integer::sum));
        List<String> notes = new ArrayList<>();
        leftOut.forEach((backend, count) -> notes.add("left out " + count + " cell" + (count == 1 ? "" : "s")
                + " of backend " + backend + ": " + why));
        return keep(plan, c -> backends.contains(c.backend()), notes);
    }

    /** The reason for {@link #backends} when only installed backends run. */
    public static String notInstalled(List<String> installed) {
        return "not installed here (installed: " + (installed.isEmpty() ? "none" : String.join(", ", installed)) + ")";
    }

    /**
     * The cells {@code keep} accepts, less those whose checkpoint cell is not kept (noted in {@code notes}).
     * Sources come before the cells that start from them, so one pass in plan order sees every source first.
     */
    public static PlanSelection keep(SuitePlan plan, Predicate<Cell> keep, List<String> notes) {
        Set<String> kept = new HashSet<>();
        List<Cell> cells = new ArrayList<>();
        int orphans = 0;
        for (Cell cell : plan.cells()) {
            if (!keep.test(cell)) continue;
            String source = cell.network().init().sourceCell();
            if (source != null && !kept.contains(source)) {
                orphans++;
                continue;
            }
            kept.add(cell.id());
            cells.add(cell);
        }
        List<String> all = new ArrayList<>(notes);
        if (orphans > 0) {
            all.add("left out " + orphans + " cell" + (orphans == 1 ? "" : "s") + " that start from the weights of a "
                    + "cell left out");
        }
        return new PlanSelection(new SuitePlan(plan.name(), plan.description(), plan.file(), plan.yaml(), cells,
                plan.datasets()), all);
    }
}
