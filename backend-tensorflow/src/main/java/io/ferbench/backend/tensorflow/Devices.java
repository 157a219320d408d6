package io.ferbench.backend.tensorflow;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteDeviceList;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListCount;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListType;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SessionListDevices;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetConfig;

import java.util.Locale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.tensorflow.TensorFlow;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/**
 * Which devices TensorFlow sees, and the suite's {@code auto|cpu|gpu} resolved against them.
 * TensorFlow Java has no device listing, so this opens a throw-away session through the C API and
 * lists its devices (with GPU memory growth on, so the probe does not reserve the whole GPU).
 */
final class Devices {
    private static Integer gpuCount;

    private Devices() {}

    /** GPUs the native library can use: 0 with the CPU build or on a machine without one. */
    static synchronized int visibleGpus() {
        if (gpuCount == null) gpuCount = probeGpus();
        return gpuCount;
    }

    private static int probeGpus() {
        TensorFlow.version(); // loads the native library
        byte[] config = ConfigProto.newBuilder()
                .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true))
                .build().toByteArray();
        try (PointerScope scope = new PointerScope()) {
            TF_Status status = TF_Status.newStatus();
            TF_SessionOptions options = TF_SessionOptions.newSessionOptions();
            TF_SetConfig(options, new BytePointer(config), config.length, status);
            status.throwExceptionIfNotOK();
            TF_Session session = TF_Session.newSession(TF_Graph.newGraph(), options, status);
            status.throwExceptionIfNotOK();
            TF_DeviceList devices = TF_SessionListDevices(session, status);
            status.throwExceptionIfNotOK();
            try {
                int gpus = 0;
                for (int i = 0; i < TF_DeviceListCount(devices); i++) {
                    BytePointer type = TF_DeviceListType(devices, i, status);
                    status.throwExceptionIfNotOK();
                    if ("GPU".equals(type.getString())) gpus++;
                }
                return gpus;
            } finally {
                TF_DeleteDeviceList(devices);
            }
        }
    }

    /** {@code true} to run on GPU 0, {@code false} for the CPU. */
    static boolean useGpu(String requested, int gpus) {
        String choice = requested == null ? "auto" : requested.trim().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "auto" -> gpus > 0;
            case "cpu" -> false;
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalArgumentException("device 'gpu' was requested but TensorFlow "
                            + TensorFlow.version() + " sees no GPU: build backend-tensorflow with -Pgpu (the"
                            + " linux-x86_64-gpu native library, which needs CUDA matching TF 2.18) on a machine"
                            + " with a GPU, or use device 'auto' or 'cpu'");
                }
                yield true;
            }
            default -> throw new IllegalArgumentException("unknown device '" + requested
                    + "'; valid devices are auto, cpu, gpu");
        };
    }
}
