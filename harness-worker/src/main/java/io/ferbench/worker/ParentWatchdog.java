package io.ferbench.worker;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ends a worker whose coordinator is gone, so that no worker trains on, re-parented to init, after its coordinator
 * was killed (its timings would skew the next run's, and a resumed run would start the cell a second time).
 *
 * <p>The coordinator passes its pid in {@value #PROPERTY} and keeps the worker's standard input open without
 * writing to it. Either sign ends the worker with status {@value #EXIT_STATUS}: standard input reaches its end (the
 * system closes the pipe when the coordinator dies, however it dies), or the worker's parent is no longer that pid.
 * A worker started by hand, without the property, is not watched.
 */
public final class ParentWatchdog {
    /** The coordinator's pid, set by the coordinator on the worker's command line. */
    public static final String PROPERTY = "ferbench.worker.parent";
    /** Not 3: the JVM ends with 3 on {@code -XX:+ExitOnOutOfMemoryError}, which the coordinator reports as such. */
    public static final int EXIT_STATUS = 4;
    private static final long POLL_MILLIS = 500;

    private ParentWatchdog() {}

    /** Starts watching when the coordinator asked for it. */
    public static void startIfAsked() {
        String parent = System.getProperty(PROPERTY);
        if (parent == null || parent.isBlank()) return;
        long pid;
        try {
            pid = Long.parseLong(parent.trim());
        } catch (NumberFormatException e) {
            System.err.println("warning: -D" + PROPERTY + "=" + parent + " is not a pid; the worker is not watched");
            return;
        }
        daemon("ferbench-stdin-watch", () -> {
            try (InputStream in = System.in) {
                byte[] sink = new byte[64];
                while (in.read(sink) >= 0) {
                    // the coordinator writes nothing; whatever arrives is ignored
                }
            } catch (IOException e) {
                // a broken pipe ends the input as well
            }
            stop("its standard input closed");
        });
        daemon("ferbench-parent-watch", () -> {
            while (true) {
                if (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) != pid) {
                    stop("its parent is no longer pid " + pid);
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private static void stop(String why) {
        System.err.println("ferbench worker: the coordinator is gone (" + why + "); stopping without a result");
        System.err.flush();
        // halt, not exit: shutdown hooks of native engines may wait on the training thread
        Runtime.getRuntime().halt(EXIT_STATUS);
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }
}
