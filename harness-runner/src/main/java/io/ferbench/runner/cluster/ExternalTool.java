package io.ferbench.runner.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A cluster's command-line tool (sbatch, squeue, scontrol, kubectl), run to its end with its output. */
final class ExternalTool {
    private static final long TIMEOUT_SECONDS = 120;

    /** What the tool printed, and how it ended. */
    record Outcome(int status, String output) {
        boolean ok() { return status == 0; }
    }

    private ExternalTool() {}

    /**
     * Runs {@code command}; a tool that is not installed is an error naming it and {@code withoutIt} (what to do
     * instead, such as the flag that only writes the files).
     */
    static Outcome run(List<String> command, String withoutIt) {
        Process process;
        try {
            process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + command.get(0) + "' is not installed here (not on the PATH): "
                    + withoutIt);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not answer within "
                        + TIMEOUT_SECONDS + " s");
            }
            return new Outcome(process.exitValue(), output.strip());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the output of " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " was interrupted", e);
        }
    }

    /** Runs {@code command} and returns its output, or fails with what the tool said. */
    static String check(List<String> command, String withoutIt) {
        Outcome outcome = run(command, withoutIt);
        if (!outcome.ok()) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit status " + outcome.status()
                    + "): " + outcome.output());
        }
        return outcome.output();
    }
}
