package io.ferbench.api.backend;

/**
 * Two square fp32 matrices placed on a backend's device, ready to be multiplied through the backend's own engine:
 * the yardstick of the backend's peak (the share of peak a cell reaches is relative to what the same engine, device
 * and thread count do on the friendliest kernel there is). The harness times {@link #run()}; everything that is not
 * the product itself (allocation, copies to the device) happens before.
 */
public interface Matmul extends AutoCloseable {

    /** The matrices' order n: one product costs {@code 2 n³} floating-point operations. */
    int size();

    /** Computes the product once and returns when it is complete (on a GPU: after synchronising). */
    void run();

    /** The last product, row-major, copied to the host; for checking that {@link #run()} multiplies. */
    float[] result();

    @Override void close();
}
