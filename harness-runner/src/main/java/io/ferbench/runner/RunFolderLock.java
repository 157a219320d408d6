package io.ferbench.runner;

import io.ferbench.worker.env.EnvironmentProbe;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * One run per results folder at a time. The lock is a small file ({@code run.lock}: pid, process start time, host,
 * start of the run, command) made atomically — written aside, then hard-linked into place, which fails when the file
 * exists — so two runs into one folder cannot both start. A lock whose process is gone (same host, pid not running,
 * or running but started at another time) is stale: it is set aside and taken over. A lock of another host is never
 * judged stale, since its process cannot be seen from here; the message says how to remove it by hand.
 */
public final class RunFolderLock implements AutoCloseable {
    private final Path file;
    private final String content;

    private RunFolderLock(Path file, String content) {
        this.file = file;
        this.content = content;
    }

    /**
     * Takes the lock {@code file} for {@code command}.
     *
     * @throws RunRefusedException naming the holder when another live run holds it
     */
    public static RunFolderLock acquire(Path file, String command) {
        String content = describe(command);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            for (int attempt = 0; attempt < 3; attempt++) {
                if (tryCreate(file, content)) return new RunFolderLock(file, content);
                Optional<Holder> holder = Holder.read(file);
                if (holder.isEmpty()) continue;  // released meanwhile, or being written: try again
                if (!holder.get().staleHere()) throw new RunRefusedException(busy(file, holder.get()));
                setAside(file, holder.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
        throw new RunRefusedException(file + " is being taken by another run at this moment; try again");
    }

    /** Removes the lock, if it is still this run's. */
    @Override
    public void close() {
        try {
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            System.err.println("warning: could not remove the lock " + file + ": " + e.getMessage());
        }
    }

    private static boolean tryCreate(Path file, String content) throws IOException {
        Path aside = Files.createTempFile(file.toAbsolutePath().getParent(), ".run.lock.", ".tmp");
        try {
            Files.writeString(aside, content, StandardCharsets.UTF_8);
            Files.createLink(file, aside);
            return true;
        } catch (FileAlreadyExistsException held) {
            return false;
        } catch (UnsupportedOperationException noLinks) {
            // a file system without hard links: create-new is atomic too, only the content appears a moment later
            try {
                Files.writeString(file, content, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException held) {
                return false;
            }
        } finally {
            Files.deleteIfExists(aside);
        }
    }

    private static void setAside(Path file, Holder stale) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".stale-" + stale.process().pid());
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            System.err.println("note: took over the lock of an earlier run that is gone (" + stale.summary()
                    + "); its lock file is kept as " + aside);
        } catch (NoSuchFileException takenMeanwhile) {
            // another run set it aside first; the next attempt sees that run's lock
        }
    }

    private static String busy(Path file, Holder holder) {
        return file.getParent() + " is in use by another ferbench run: " + holder.summary() + ". Wait for it to "
                + "finish, or choose another --out."
                + (holder.localHost() ? "" : " If that run is gone (its machine cannot be asked from here), delete "
                + file + " and try again.");
    }

    private static String describe(String command) {
        ProcessStamp me = ProcessStamp.current();
        return "pid=" + me.pid() + "\n"
                + "process_start=" + (me.started() == null ? "" : me.started()) + "\n"
                + "host=" + EnvironmentProbe.hostName() + "\n"
                + "since=" + Instant.now() + "\n"
                + "command=" + command.replace('\n', ' ') + "\n";
    }

    /** Who holds a lock, as its file says. */
    record Holder(ProcessStamp process, String host, String since, String command) {
        static Optional<Holder> read(Path file) throws IOException {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException released) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(new StringReader(text));
            Optional<ProcessStamp> stamp = ProcessStamp.parse(p.getProperty("pid", "") + " "
                    + p.getProperty("process_start", ""));
            if (stamp.isEmpty() || p.getProperty("host") == null) {
                // cut short or not ours: judge it by age rather than wait for a writer that may never finish
                return Optional.of(new Holder(new ProcessStamp(-1, null), "", "",
                        "an unreadable lock file, cut short or being written"));
            }
            return Optional.of(new Holder(stamp.get(), p.getProperty("host"), p.getProperty("since", "?"),
                    p.getProperty("command", "?")));
        }

        boolean localHost() {
            return host.equals(EnvironmentProbe.hostName());
        }

        boolean staleHere() {
            return localHost() && !process.alive();
        }

        String summary() {
            return process.pid() < 0 ? command : "pid " + process.pid() + " on " + host + " since " + since
                    + " (" + command + ")";
        }
    }
}
