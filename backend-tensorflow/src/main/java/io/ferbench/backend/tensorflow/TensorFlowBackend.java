package io.ferbench.backend.tensorflow;

import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendInfo;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.GemmKernel;
import io.ferbench.api.backend.Matmul;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OpenModels;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.tensorflow.TensorFlow;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/**
 * TensorFlow Java on one device: holds the session configuration (threads, device) every model it
 * builds runs with, and what results must record about it.
 */
final class TensorFlowBackend implements Backend {
    private static final String GPU_NATIVE = "org/tensorflow/internal/c_api/linux-x86_64-gpu/";

    private final ConfigProto sessionConfig;
    private final String device;
    private final BackendInfo info;
    private final OpenModels<TfTrainableModel> openModels = new OpenModels<>("tensorflow");

    TensorFlowBackend(BackendOptions options) {
        if (options.threads() < 0) {
            throw new IllegalArgumentException("threads must be 0 (TensorFlow's default) or more, got " + options.threads());
        }
        TfSettings settings = TfSettings.of(options.settings());
        String nativeCache = NativeCache.prepare(); // before the first TensorFlow class loads its library
        int gpus = Devices.visibleGpus();
        boolean gpu = Devices.useGpu(options.device(), gpus);
        int intraOp = options.threads();
        int interOp = settings.interopThreads() > 0 ? settings.interopThreads() : options.threads();
        this.sessionConfig = sessionConfig(intraOp, interOp, gpu);
        this.device = gpu ? "gpu(0)" : "cpu";

        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("device.requested", String.valueOf(options.device()));
        configuration.put("gpus.visible", Integer.toString(gpus));
        configuration.put("native_build", getClass().getClassLoader().getResource(GPU_NATIVE) != null
                ? "linux-x86_64-gpu" : "linux-x86_64");
        configuration.put("threads.intra_op", intraOp == 0 ? "TensorFlow default (all cores)" : Integer.toString(intraOp));
        configuration.put("threads.inter_op", interOp == 0 ? "TensorFlow default (all cores)" : Integer.toString(interOp));
        configuration.put("data_format", "NHWC");
        configuration.put("javacpp.cachedir", String.valueOf(nativeCache));
        configuration.put("onednn", oneDnn(System.getenv("TF_ENABLE_ONEDNN_OPTS")));
        configuration.put("deterministic_ops", String.valueOf(System.getenv("TF_DETERMINISTIC_OPS")));
        configuration.put("execution", "graph mode, resource variables");
        configuration.put("batch_norm", "FusedBatchNormV3");
        configuration.put("optimizer", "torch.optim.Adam semantics on ResourceApplyAdam (per-step epsilon)");
        this.info = new BackendInfo(TensorFlowBackendProvider.ID, "TensorFlow Java " + tensorFlowJavaVersion(),
                "TensorFlow " + TensorFlow.version(), device, configuration);
    }

    /**
     * Threads (0 leaves TensorFlow's default); on the CPU the GPUs are hidden; on a GPU memory grows
     * as needed (instead of TensorFlow reserving it all) and ops without a GPU kernel fall back to
     * the CPU.
     */
    static ConfigProto sessionConfig(int intraOp, int interOp, boolean gpu) {
        ConfigProto.Builder config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intraOp)
                .setInterOpParallelismThreads(interOp);
        if (gpu) {
            config.setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true)).setAllowSoftPlacement(true);
        } else {
            config.putDeviceCount("GPU", 0);
        }
        return config.build();
    }

    /** TF_ENABLE_ONEDNN_OPTS as TensorFlow 2.18 reads it: on unless set to 0 or false (x86-64 Linux). */
    static String oneDnn(String env) {
        if (env == null || env.isBlank()) return "on (default)";
        String v = env.trim();
        return v.equals("0") || v.equalsIgnoreCase("false") ? "off (TF_ENABLE_ONEDNN_OPTS=" + v + ")"
                : "on (TF_ENABLE_ONEDNN_OPTS=" + v + ")";
    }

    private static String tensorFlowJavaVersion() {
        String resource = "/META-INF/maven/org.tensorflow/tensorflow-core-api/pom.properties";
        try (InputStream in = TensorFlow.class.getResourceAsStream(resource)) {
            if (in == null) return "(unknown version)";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    @Override public BackendInfo info() { return info; }

    @Override
    public TrainableModel build(ModelGraph graph, ModelSpec spec) {
        return openModels.add(onClose -> new TfTrainableModel(graph, spec, sessionConfig, onClose));
    }

    @Override
    public Optional<Matmul> matmul(float[] a, float[] b, int n, GemmKernel kernel) {
        return Optional.of(new TfMatmul(a, b, n, kernel, sessionConfig));
    }

    /** Closes every model it built that is still open. */
    @Override
    public void close() {
        openModels.closeAll();
    }
}
