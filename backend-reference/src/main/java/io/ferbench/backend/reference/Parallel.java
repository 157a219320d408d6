package io.ferbench.backend.reference;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs independent pieces of work (one output plane, one weight row) on a pool of the backend's threads. Pieces never
 * share a sum, so the results do not depend on how many threads run them.
 */
final class Parallel implements AutoCloseable {
    private final ForkJoinPool pool;

    /** @param threads  worker threads; 0 for one per available processor */
    Parallel(int threads) {
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        this.pool = new ForkJoinPool(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
    }

    int threads() {
        return pool.getParallelism();
    }

    /** {@code body(i)} for every {@code i} in {@code [0, count)}, in any order and at once. */
    void forEach(int count, IntConsumer body) {
        // a parallel stream started inside a pool's task runs on that pool, not the common one
        pool.submit(() -> IntStream.range(0, count).parallel().forEach(body)).join();
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
