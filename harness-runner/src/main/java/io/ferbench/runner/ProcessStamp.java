package io.ferbench.runner;

import java.time.Instant;
import java.util.Optional;

/**
 * A process as a lock file names it: its pid and, where the system tells it, its start time. The start time tells a
 * live holder from an unrelated process that got the same pid after the holder died.
 */
record ProcessStamp(long pid, Instant started) {

    static ProcessStamp current() {
        return of(ProcessHandle.current());
    }

    static ProcessStamp of(ProcessHandle process) {
        return new ProcessStamp(process.pid(), process.info().startInstant().orElse(null));
    }

    /** The process, while it still runs (on this machine). */
    Optional<ProcessHandle> handle() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> started == null
                || p.info().startInstant().map(started::equals).orElse(true));
    }

    boolean alive() {
        return handle().isPresent();
    }

    /** {@code pid} or {@code pid start-time}, one line. */
    String text() {
        return started == null ? Long.toString(pid) : pid + " " + started;
    }

    /** Reads {@link #text()}; empty for anything else (a file from elsewhere, or cut short). */
    static Optional<ProcessStamp> parse(String text) {
        String[] parts = text.trim().split(" ");
        try {
            long pid = Long.parseLong(parts[0]);
            Instant started = parts.length > 1 ? Instant.parse(parts[1]) : null;
            return Optional.of(new ProcessStamp(pid, started));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
