package io.ferbench.study.bench;

import java.util.List;

/** Where benchmark results go (JMH's result formats): the console table, {@code bench.csv}, {@code bench.json}. */
public interface BenchOutput {
    void write(List<BenchResult> results);
}
