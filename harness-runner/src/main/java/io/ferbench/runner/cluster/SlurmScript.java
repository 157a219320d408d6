package io.ferbench.runner.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The batch script of one Slurm job array: one array task per cell index, each running
 * {@code ferbench worker RUN --index $SLURM_ARRAY_TASK_ID} with its output in the cell's folder
 * ({@code cells/<id>/task.log}; Slurm's own file, for what happens before, in {@code slurm/}).
 *
 * @param runDir        the staged run folder (shared with the nodes)
 * @param suite         the suite's name, for the job name
 * @param indices       the array's task indices
 * @param resources     what each task asks for
 * @param maxParallel   at most this many tasks at once ({@code %P}), null for no limit
 * @param extraOptions  further {@code #SBATCH} options (partition, account, qos); one naming an option ferbench
 *                      sets itself (such as {@code mem}) replaces ferbench's
 * @param ferbench      the command that starts ferbench on a node (java, its options, the main class)
 */
record SlurmScript(Path runDir, String suite, List<Integer> indices, TaskResources resources, Integer maxParallel,
                   List<String> extraOptions, List<String> ferbench) {
    /** The file listing the cell id of each index, one per line, for the script to find its cell's folder. */
    static final String CELL_LIST = "cells.txt";

    String text() {
        List<String> options = new ArrayList<>();
        options.add("--job-name=ferbench-" + suite);
        options.add("--array=" + arraySpec(indices) + (maxParallel == null ? "" : "%" + maxParallel));
        options.add("--cpus-per-task=" + resources.cpus());
        options.add("--mem=" + resources.memoryMib() + "M");
        if (resources.minutes() > 0) options.add("--time=" + resources.minutes());
        if (resources.gpus() > 0) options.add("--gres=gpu:" + resources.gpus());
        options.add("--output=" + runDir.resolve("slurm").resolve("task-%A_%a.out"));
        List<String> extra = extraOptions.stream().map(SlurmScript::normalise).toList();
        options.removeIf(o -> extra.stream().anyMatch(e -> name(e).equals(name(o))));
        options.addAll(extra);
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("# ferbench: the cells of suite '").append(suite).append("', one array task per cell index of\n");
        s.append("# ").append(runDir.resolve(StagedRun.FILE)).append(" (docs/scale-out.md)\n");
        options.forEach(o -> s.append("#SBATCH ").append(o).append('\n'));
        s.append("set -euo pipefail\n");
        s.append("RUN=").append(ShellQuote.word(runDir.toString())).append('\n');
        s.append("CELL=\"$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" \"$RUN/slurm/").append(CELL_LIST)
                .append("\")\"\n");
        s.append("mkdir -p \"$RUN/cells/$CELL\"\n");
        s.append("exec >> \"$RUN/cells/$CELL/task.log\" 2>&1\n");
        s.append("echo \"ferbench: Slurm job ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID} on $(hostname), ")
                .append("cell $CELL\"\n");
        s.append("exec ").append(ShellQuote.words(ferbench))
                .append(" worker \"$RUN\" --index \"$SLURM_ARRAY_TASK_ID\"\n");
        return s.toString();
    }

    /** {@code 0-8}, or {@code 3,17,42}, or {@code 0-2,5}: consecutive indices as ranges. */
    static String arraySpec(List<Integer> indices) {
        List<String> parts = new ArrayList<>();
        Integer start = null, previous = null;
        for (int i : new TreeSet<>(indices)) {
            if (previous != null && i == previous + 1) {
                previous = i;
                continue;
            }
            if (start != null) parts.add(range(start, previous));
            start = i;
            previous = i;
        }
        if (start != null) parts.add(range(start, previous));
        return String.join(",", parts);
    }

    private static String range(int from, int to) {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }

    /** {@code partition=debug} or {@code --partition=debug} or {@code -p debug} as an {@code #SBATCH} option. */
    static String normalise(String option) {
        String o = option.trim();
        if (o.isEmpty() || o.contains("\n")) {
            throw new IllegalArgumentException("--slurm-option '" + option + "' is not one sbatch option; write "
                    + "it as --slurm-option partition=debug (or --partition=debug)");
        }
        return o.startsWith("-") ? o : "--" + o;
    }

    private static String name(String option) {
        String o = option.replaceFirst("^-+", "");
        int end = o.indexOf('=') >= 0 ? o.indexOf('=') : o.indexOf(' ') >= 0 ? o.indexOf(' ') : o.length();
        return o.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
