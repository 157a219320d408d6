package io.ferbench.api.backend;

/**
 * The engine kernels a backend can compute a square fp32 matrix product with, for the measured peak. An engine's
 * matrix multiply and its convolutions may come from different libraries: PyTorch's CPU {@code matmul} is oneMKL's
 * SGEMM, its convolutions oneDNN's, and on an AMD EPYC the first ran at half the second's speed (docs/benchmarks.md).
 * The peak is the faster of the kernels a backend offers, so that no training step outruns its own yardstick.
 */
public enum GemmKernel {
    /** The engine's matrix multiply: A · B. */
    MATRIX_MULTIPLY("matrix multiply"),
    /**
     * The same product as a 1×1 convolution, the kernel family a CNN's training step runs: A as n filters of n
     * channels, B as an image of n channels and 1 × n pixels (or the engine's layout of it), giving A · B.
     */
    CONVOLUTION_1X1("1x1 convolution");

    private final String description;

    GemmKernel(String description) {
        this.description = description;
    }

    /** For a reader: "matrix multiply", "1x1 convolution". */
    public String description() { return description; }
}
