package io.ferbench.backend.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendInfo;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.GemmKernel;
import io.ferbench.api.backend.Matmul;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OpenModels;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The started PyTorch engine on one device; compiles graphs into {@link DjlTrainableModel}s. */
final class DjlBackend implements Backend {
    private final Engine engine;
    private final Device device;
    private final BackendInfo info;
    private final boolean channelsLast;
    private final OpenModels<DjlTrainableModel> openModels = new OpenModels<>("djl");

    DjlBackend(BackendOptions options) {
        DjlSettings settings = DjlSettings.of(options.settings());
        this.channelsLast = settings.channelsLast();
        this.engine = EngineSetup.start(options.threads(), settings);
        String nativeLibrary = EngineSetup.ENGINE_NAME + " " + engine.getVersion();
        this.device = DeviceChoice.resolve(options.device(), engine.getGpuCount(), nativeLibrary);

        Map<String, String> configuration = new LinkedHashMap<>(EngineSetup.configuration());
        configuration.put("device.requested", String.valueOf(options.device()));
        configuration.put("gpus.visible", Integer.toString(engine.getGpuCount()));
        configuration.put("threads.requested", Integer.toString(options.threads()));
        configuration.put(DjlSettings.CUDNN_BENCHMARK, Boolean.toString(settings.cudnnBenchmark()));
        configuration.put(DjlSettings.CHANNELS_LAST, Boolean.toString(settings.channelsLast()));
        configuration.put("optimizer", "torch.optim.Adam semantics on DJL's fused Adam kernel");
        this.info = new BackendInfo(DjlBackendProvider.ID, "DJL " + Engine.getDjlVersion(), nativeLibrary,
                DeviceChoice.describe(device), configuration);
    }

    @Override public BackendInfo info() { return info; }

    @Override
    public TrainableModel build(ModelGraph graph, ModelSpec spec) {
        return openModels.add(onClose -> new DjlTrainableModel(graph, spec, engine, device, channelsLast, onClose));
    }

    @Override
    public Optional<Matmul> matmul(float[] a, float[] b, int n, GemmKernel kernel) {
        return Optional.of(new DjlMatmul(a, b, n, kernel, engine, device));
    }

    /** Closes every model it built that is still open; the engine itself lives as long as the JVM. */
    @Override
    public void close() {
        openModels.closeAll();
    }
}
