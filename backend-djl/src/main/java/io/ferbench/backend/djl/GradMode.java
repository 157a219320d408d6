package io.ferbench.backend.djl;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Sets libtorch's autograd mode for a scope and restores it afterwards. The mode is thread-local in
 * PyTorch and DJL only turns it off on the thread that loaded the engine, so a model called from
 * another thread would otherwise record graphs during evaluation.
 */
final class GradMode implements AutoCloseable {
    private final boolean previous;

    private GradMode(boolean enabled) {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(enabled);
    }

    /** No autograd recording until closed. */
    static GradMode off() { return new GradMode(false); }

    @Override public void close() { JniUtils.setGradMode(previous); }
}
