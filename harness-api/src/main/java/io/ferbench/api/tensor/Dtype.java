package io.ferbench.api.tensor;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/** The safetensors element types ferbench reads, each converted to float32. */
enum Dtype {
    F32(4) {
        @Override float read(ByteBuffer b) { return b.getFloat(); }
    },
    F64(8) {
        @Override float read(ByteBuffer b) { return (float) b.getDouble(); }
    },
    /** IEEE 754 binary16. */
    F16(2) {
        @Override float read(ByteBuffer b) { return halfToFloat(b.getShort()); }
    },
    /** bfloat16: the upper half of a float32. */
    BF16(2) {
        @Override float read(ByteBuffer b) { return Float.intBitsToFloat((b.getShort() & 0xffff) << 16); }
    };

    final int bytes;

    Dtype(int bytes) {
        this.bytes = bytes;
    }

    /** Reads one little-endian element ({@code b} must be little-endian) as float. */
    abstract float read(ByteBuffer b);

    static Optional<Dtype> named(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }

    /** binary16 to float32, exact for every value including subnormals, infinities and NaN. */
    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) { // infinity or NaN: keep the payload
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) { // zero or subnormal: mantissa × 2^-24
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }
}
