package io.ferbench.reports;

import io.ferbench.api.result.CellResult;
import java.util.function.Function;

/**
 * One column of a results table: its header and how a cell's result fills it (null leaves it
 * empty, for figures a failed or diverged cell does not have).
 */
public record Column<T>(String name, Function<T, Object> value) {
    public Object of(T row) {
        return value.apply(row);
    }

    static Column<CellResult> of(String name, Function<CellResult, Object> value) {
        return new Column<>(name, value);
    }
}
