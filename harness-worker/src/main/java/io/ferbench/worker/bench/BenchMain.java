package io.ferbench.worker.bench;

import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.ParentWatchdog;
import java.nio.file.Path;

/**
 * Entry point of a benchmark fork: {@code BenchMain <request.json> <result.json>}, on a worker's classpath (core and
 * one backend). Reads a {@link ForkRequest}, runs it, writes the {@link ForkResult} atomically and prints a line per
 * iteration on standard output. Exit status 0 once the result is written, 1 when the benchmark failed (the reason on
 * standard error), 2 when the request cannot be read, {@value ParentWatchdog#EXIT_STATUS} when the coordinator is gone.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java -cp <core and backend jars> " + BenchMain.class.getName()
                    + " <request.json> <result.json>");
            System.exit(2);
        }
        ForkRequest request;
        try {
            request = JsonFiles.read(Path.of(args[0]), ForkRequest.class);
        } catch (RuntimeException e) {
            System.err.println("cannot read the benchmark request: " + e.getMessage());
            System.exit(2);
            return;
        }
        ParentWatchdog.startIfAsked();
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
