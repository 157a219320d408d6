package io.ferbench.worker;

import java.nio.file.Path;

/**
 * What the entry points of forked JVMs (a cell's {@link WorkerMain}, a benchmark fork) share: a command line of a
 * request file and an output path, the request read as JSON, the {@link ParentWatchdog} started. A command line or
 * request that cannot be read ends the JVM with {@value #BAD_REQUEST} before anything runs.
 */
public final class WorkerEntry {
    public static final int BAD_REQUEST = 2;

    private WorkerEntry() {}

    /**
     * @param args      the JVM's arguments: {@code <request.json> <output>}
     * @param main      the entry point, for the usage line
     * @param output    what the second argument names, for the usage line
     * @param type      the request's type
     * @param what      the request in words, for the error ("worker request", "benchmark request")
     */
    public static <T> T readRequest(String[] args, Class<?> main, String output, Class<T> type, String what) {
        if (args.length != 2) {
            System.err.println("usage: java -cp <core and backend jars> " + main.getName() + " <request.json> "
                    + output);
            System.exit(BAD_REQUEST);
        }
        T request = null;
        try {
            request = JsonFiles.read(Path.of(args[0]), type);
        } catch (RuntimeException e) {
            System.err.println("cannot read the " + what + ": " + e.getMessage());
            System.exit(BAD_REQUEST);
        }
        ParentWatchdog.startIfAsked();
        return request;
    }
}
