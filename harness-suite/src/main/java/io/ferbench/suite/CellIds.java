package io.ferbench.suite;

import io.ferbench.api.cell.Cell;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cell ids such as {@code 003-djl-resnet18-synthetic-48-lr0.001-r0}: the plan position, backend,
 * architecture and dataset, the values of the other axes that vary across the suite (in canonical axis
 * order), and the repeat. Deterministic for a given suite file, unique within it, and safe as a file name.
 */
final class CellIds {
    /** Named in every id, in this order, whether they vary or not. */
    private static final List<MatrixAxis> ALWAYS = List.of(MatrixAxis.BACKEND, MatrixAxis.ARCHITECTURE, MatrixAxis.DATASET);

    private CellIds() {
    }

    /**
     * @param width   digits of the position, the same for every cell of a plan so ids sort in plan order
     * @param varying the axes that take more than one value in the plan
     */
    static String of(int index, int width, Map<MatrixAxis, Object> combination, Set<MatrixAxis> varying, int repeat) {
        StringBuilder id = new StringBuilder(String.format("%0" + width + "d", index));
        for (MatrixAxis axis : ALWAYS) {
            id.append('-').append(fileSafe(String.valueOf(combination.get(axis))));
        }
        for (MatrixAxis axis : MatrixAxis.values()) {
            if (varying.contains(axis) && !ALWAYS.contains(axis)) {
                id.append('-').append(fileSafe(axis.idPart(combination.get(axis))));
            }
        }
        return id.append("-r").append(repeat).toString();
    }

    /** Digits needed for the largest position, at least three. */
    static int width(int cellCount) {
        return Math.max(3, String.valueOf(Math.max(0, cellCount - 1)).length());
    }

    private static String fileSafe(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
