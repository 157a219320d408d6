package io.ferbench.backend.dl4j;

import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendInfo;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.GemmKernel;
import io.ferbench.api.backend.Matmul;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OpenModels;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import java.util.Optional;

/** Deeplearning4j on ND4J's native backend (CPU with oneDNN, or CUDA with -Pcuda). */
final class Dl4jBackend implements Backend {
    static final String ID = "dl4j";

    private final Dl4jSettings settings;
    private final String device;
    private final OpenModels<Dl4jTrainableModel> openModels = new OpenModels<>(ID);

    Dl4jBackend(BackendOptions options) {
        this.settings = Dl4jSettings.of(options.settings());
        this.device = Nd4jRuntime.start(options.device(), options.threads());
    }

    @Override
    public BackendInfo info() {
        boolean helpers = settings.onednn() && Nd4jRuntime.oneDnnHelpersAvailable();
        return new BackendInfo(ID, Nd4jRuntime.frameworkVersion(), Nd4jRuntime.nativeVersion(), device,
                Nd4jRuntime.configuration(settings, helpers));
    }

    @Override
    public TrainableModel build(ModelGraph graph, ModelSpec spec) {
        return openModels.add(onClose -> new Dl4jTrainableModel(graph, spec, settings, onClose));
    }

    @Override
    public Optional<Matmul> matmul(float[] a, float[] b, int n, GemmKernel kernel) {
        return Optional.of(new Nd4jMatmul(a, b, n, kernel));
    }

    /** Closes the models still open; ND4J itself stays loaded for the life of the JVM. */
    @Override
    public void close() {
        openModels.closeAll();
    }
}
