package io.ferbench.runner.cluster;

import io.ferbench.api.cell.Cell;
import io.ferbench.runner.RunOptions;
import io.ferbench.worker.AtomicFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a staged run's Kubernetes Indexed Job ({@code kubernetes/job.yaml}) and, when asked, applies it with
 * {@code kubectl}. Every index is a task, finished ones end at once (the worker keeps a finished result), so a resumed
 * run is the same Job again under the same name once the old one is deleted.
 */
public final class KubernetesExecutor {
    static final String WITHOUT_KUBECTL = "leave out --submit to write the manifest only, and apply it with kubectl "
            + "where the cluster is reachable";

    /**
     * @param image       the container image (see the Dockerfile)
     * @param pvc         the PersistentVolumeClaim holding the run folder, mounted at /runs
     * @param parallelism pods at once, null for one per cell
     */
    public record Settings(String image, String pvc, Integer parallelism) {
        public Settings {
            if (image == null || image.isBlank()) {
                throw new IllegalArgumentException("--executor kubernetes needs --image IMAGE: the container image "
                        + "with ferbench (build it from the Dockerfile, docs/scale-out.md)");
            }
            if (pvc == null || pvc.isBlank()) {
                throw new IllegalArgumentException("--executor kubernetes needs --pvc NAME: the PersistentVolumeClaim "
                        + "that holds the run folder, mounted in every pod at " + KubernetesJob.MOUNT);
            }
        }
    }

    private final Staging.Staged staged;
    private final RunOptions options;
    private final Settings settings;

    public KubernetesExecutor(Staging.Staged staged, RunOptions options, Settings settings) {
        this.staged = staged;
        this.options = options;
        this.settings = settings;
    }

    /** Writes the manifest; returns its file. */
    public Path write() {
        List<Cell> cells = staged.cells();
        int n = cells.size();
        KubernetesJob job = new KubernetesJob(staged.run().suite(), n,
                settings.parallelism() == null ? n : Math.min(n, settings.parallelism()), settings.image(),
                settings.pvc(), TaskResources.of(cells, options));
        Path file = staged.layout().suiteDir().resolve("kubernetes").resolve("job.yaml");
        AtomicFiles.writeString(file, job.yaml());
        return file;
    }

    /** Applies the manifest; returns what kubectl said. */
    public String submit(Path manifest) {
        return ExternalTool.check(List.of("kubectl", "apply", "-f", manifest.toString()), WITHOUT_KUBECTL);
    }
}
