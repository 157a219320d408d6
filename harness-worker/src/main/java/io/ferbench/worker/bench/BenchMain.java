package io.ferbench.worker.bench;

import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.ParentWatchdog;
import io.ferbench.worker.WorkerEntry;
import java.nio.file.Path;

/**
 * Entry point of a benchmark fork: {@code BenchMain <request.json> <result.json>}, on a worker's classpath (core and
 * one backend). Reads a {@link ForkRequest}, runs it, writes the {@link ForkResult} atomically and prints a line per
 * iteration on standard output. Exit status 0 once the result is written, 1 when the benchmark failed (the reason on
 * standard error), {@value WorkerEntry#BAD_REQUEST} when the request cannot be read,
 * {@value ParentWatchdog#EXIT_STATUS} when the coordinator is gone.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) {
        ForkRequest request = WorkerEntry.readRequest(args, BenchMain.class, "<result.json>", ForkRequest.class,
                "benchmark request");
        try {
            ForkResult result = TrainStepBenchmark.run(request, line -> {
                System.out.println(line);
                System.out.flush();
            });
            JsonFiles.write(Path.of(args[1]), result, true);
        } catch (Throwable t) {
            // bad input explains itself; anything else keeps its stack trace
            if (t instanceof IllegalArgumentException) System.err.println("benchmark failed: " + t.getMessage());
            else t.printStackTrace();
            System.exit(1);
        }
        // native engines may leave non-daemon threads behind; the result is written, so leave now
        System.exit(0);
    }
}
