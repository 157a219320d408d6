package io.ferbench.backend.djl;

import ai.djl.Device;
import java.util.Locale;

/** Turns the suite's {@code auto|cpu|gpu} into a DJL device, given how many GPUs the engine sees. */
final class DeviceChoice {
    private DeviceChoice() {}

    static Device resolve(String requested, int gpuCount, String nativeLibrary) {
        String choice = requested == null ? "auto" : requested.trim().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "auto" -> gpuCount > 0 ? Device.gpu(0) : Device.cpu();
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpuCount == 0) {
                    throw new IllegalArgumentException("device 'gpu' was requested but the PyTorch engine ("
                            + nativeLibrary + ") sees no GPU: build backend-djl with -Pcuda on a machine with"
                            + " CUDA, or use device 'auto' or 'cpu'");
                }
                yield Device.gpu(0);
            }
            default -> throw new IllegalArgumentException("unknown device '" + requested
                    + "'; valid devices are auto, cpu, gpu");
        };
    }

    /** {@code cpu} or {@code gpu(N)}, as results record it. */
    static String describe(Device device) {
        return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
    }
}
