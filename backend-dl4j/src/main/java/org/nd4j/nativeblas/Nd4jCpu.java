package org.nd4j.nativeblas;

import java.lang.reflect.Method;

/**
 * Compatibility shim, not part of ND4J: in 1.0.0-M2.1 DL4J's oneDNN layer helpers
 * ({@code org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper.mklDnnEnabled()}) look up
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment} by reflection, but the generated bindings moved to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu}, where the method is now called
 * {@code isUseONEDNN()}. The lookup fails, the helper concludes that
 * oneDNN is unavailable and every convolution, pooling and batch-norm layer silently falls back to
 * DL4J's slower built-in path. This class restores the old name and answers with the real native
 * environment's setting, so the helpers are used exactly when libnd4j itself uses oneDNN: true only
 * when libnd4j was built with oneDNN ({@code HAVE_ONEDNN} in its build information; the plain
 * {@code linux-x86_64} build lacks it although its switch reads true) and that switch is on.
 *
 * <p>It only delegates: with no CPU backend on the classpath (the CUDA build) it reports false.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {}

    /** Stands in for the moved {@code Nd4jCpu.Environment} class; only the two methods DL4J calls. */
    public static final class Environment {
        private static final String MOVED_CLASS = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";
        private static final Environment INSTANCE = new Environment();
        private static final boolean BUILT_WITH_ONEDNN = builtWithOneDnn();

        private Environment() {}

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** libnd4j's own switch for its oneDNN platform implementations ({@code isUseONEDNN()} there). */
        public boolean isUseMKLDNN() {
            if (!BUILT_WITH_ONEDNN) return false;
            try {
                Class<?> moved = Class.forName(MOVED_CLASS, true, Nd4jCpu.class.getClassLoader());
                Object environment = moved.getMethod("getInstance").invoke(null);
                Method isUseOneDnn = moved.getMethod("isUseONEDNN");
                return (boolean) isUseOneDnn.invoke(environment);
            } catch (ReflectiveOperationException | LinkageError e) {
                return false;
            }
        }

        private static boolean builtWithOneDnn() {
            try {
                String info = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
                return info != null && info.contains("HAVE_ONEDNN");
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
    }
}
