package io.ferbench.backend.reference;

import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendDescriptor;
import io.ferbench.api.backend.BackendInfo;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.BackendSettings;
import io.ferbench.api.backend.GemmKernel;
import io.ferbench.api.backend.Matmul;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OpenModels;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A pool of CPU threads that builds {@link ReferenceModel}s; there is no engine to start. */
final class ReferenceBackend implements Backend {
    private final Parallel parallel;
    private final BackendInfo info;
    private final OpenModels<ReferenceModel> openModels = new OpenModels<>(ReferenceBackendProvider.ID);

    ReferenceBackend(BackendOptions options) {
        String device = String.valueOf(options.device()).toLowerCase(Locale.ROOT);
        if (!device.equals("cpu") && !device.equals("auto")) {
            throw new IllegalArgumentException("the " + ReferenceBackendProvider.ID + " backend runs on the cpu only;"
                    + " device '" + options.device() + "' is not available (use cpu or auto)");
        }
        // no settings are declared: this refuses any a suite gives, naming it
        BackendSettings.of(BackendDescriptor.of(ReferenceBackendProvider.class), options.settings());
        this.parallel = new Parallel(options.threads());
        this.info = new BackendInfo(ReferenceBackendProvider.ID, "ferbench reference (pure Java)",
                "none (Java " + Runtime.version().feature() + ")", "cpu",
                Map.of("device.requested", String.valueOf(options.device()),
                        "threads", Integer.toString(parallel.threads()),
                        "precision", "float32 values, double accumulation",
                        "optimizer", "torch.optim.Adam, written out in Java"));
    }

    @Override public BackendInfo info() { return info; }

    @Override
    public TrainableModel build(ModelGraph graph, ModelSpec spec) {
        return openModels.add(onClose -> new ReferenceModel(graph, spec, parallel, onClose));
    }

    @Override
    public Optional<Matmul> matmul(float[] a, float[] b, int n, GemmKernel kernel) {
        // its convolutions are im2col + this same product: one kernel
        return kernel == GemmKernel.MATRIX_MULTIPLY ? Optional.of(new ReferenceMatmul(a, b, n, parallel))
                : Optional.empty();
    }

    /** Closes every model it built that is still open, then its threads. */
    @Override
    public void close() {
        openModels.closeAll();
        parallel.close();
    }
}
