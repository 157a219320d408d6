package io.ferbench.runner.cluster;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;

/**
 * The manifest of a Kubernetes Indexed Job for a staged run ({@code kubernetes/job.yaml}): {@code completions} tasks,
 * one per cell index, {@code parallelism} at once, each pod running
 * {@code ferbench worker /runs/<suite> --index $(JOB_COMPLETION_INDEX)} in the ferbench image with the run folder on
 * a PersistentVolumeClaim mounted at {@code /runs}. A failed index is retried {@code backoffLimitPerIndex} times
 * without touching the others. Strings are written JSON-quoted, which YAML reads as they are.
 *
 * @param suite       the suite's name (the run folder's name under the mount)
 * @param completions the number of cells (every index 0..N-1 is a task; finished cells end at once)
 * @param parallelism pods at once
 * @param image       the container image with ferbench (Dockerfile in the repository)
 * @param pvc         the PersistentVolumeClaim that holds the run folder
 * @param resources   what each pod asks for
 */
record KubernetesJob(String suite, int completions, int parallelism, String image, String pvc,
                     TaskResources resources) {
    static final String MOUNT = "/runs";
    static final int RETRIES_PER_INDEX = 1;

    String yaml() {
        String runDir = MOUNT + "/" + suite;
        StringBuilder y = new StringBuilder();
        y.append("# ferbench: one pod per cell index of ").append(runDir).append("/staged.json (docs/scale-out.md)\n");
        y.append("apiVersion: batch/v1\n");
        y.append("kind: Job\n");
        y.append("metadata:\n");
        y.append("  name: ").append(q(jobName())).append('\n');
        y.append("  labels: {app: ferbench, suite: ").append(q(label(suite))).append("}\n");
        y.append("spec:\n");
        y.append("  completionMode: Indexed\n");
        y.append("  completions: ").append(completions).append('\n');
        y.append("  parallelism: ").append(parallelism).append('\n');
        y.append("  backoffLimitPerIndex: ").append(RETRIES_PER_INDEX).append('\n');
        y.append("  maxFailedIndexes: ").append(completions).append('\n');
        y.append("  template:\n");
        y.append("    metadata:\n");
        y.append("      labels: {app: ferbench, suite: ").append(q(label(suite))).append("}\n");
        y.append("    spec:\n");
        y.append("      restartPolicy: Never\n");
        y.append("      containers:\n");
        y.append("        - name: worker\n");
        y.append("          image: ").append(q(image)).append('\n');
        y.append("          args: ").append(list(List.of("worker", runDir, "--index", "$(JOB_COMPLETION_INDEX)")))
                .append('\n');
        y.append("          resources:\n");
        y.append("            requests: {cpu: ").append(q(Integer.toString(resources.cpus()))).append(", memory: ")
                .append(q(resources.memoryMib() + "Mi")).append("}\n");
        y.append("            limits: {memory: ").append(q(resources.memoryMib() + "Mi"))
                .append(resources.gpus() > 0 ? ", nvidia.com/gpu: " + resources.gpus() : "").append("}\n");
        y.append("          volumeMounts:\n");
        y.append("            - {name: runs, mountPath: ").append(q(MOUNT)).append("}\n");
        y.append("      volumes:\n");
        y.append("        - name: runs\n");
        y.append("          persistentVolumeClaim: {claimName: ").append(q(pvc)).append("}\n");
        if (resources.minutes() > 0) {
            y.append("  activeDeadlineSeconds: ").append(resources.minutes() * 60L * Math.max(1,
                    (completions + parallelism - 1) / parallelism)).append('\n');
        }
        return y.toString();
    }

    /** A DNS-1123 name: lower case, digits and '-', at most 63 characters. */
    String jobName() {
        String name = ("ferbench-" + label(suite)).replaceAll("-+$", "");
        return name.length() > 63 ? name.substring(0, 63).replaceAll("-+$", "") : name;
    }

    private static String label(String text) {
        String l = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return l.length() > 50 ? l.substring(0, 50) : l;
    }

    private static String q(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    private static String list(List<String> items) {
        return "[" + String.join(", ", items.stream().map(KubernetesJob::q).toList()) + "]";
    }
}
