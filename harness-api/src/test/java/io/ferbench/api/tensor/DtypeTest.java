package io.ferbench.api.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DtypeTest {

    @Test
    void halfPrecisionDecodesEveryClassOfValue() {
        assertEquals(1f, Dtype.halfToFloat((short) 0x3c00));
        assertEquals(-2f, Dtype.halfToFloat((short) 0xc000));
        assertEquals(0.333251953125f, Dtype.halfToFloat((short) 0x3555));
        assertEquals(65504f, Dtype.halfToFloat((short) 0x7bff), "largest finite");
        assertEquals(0x1p-14f, Dtype.halfToFloat((short) 0x0400), "smallest normal");
        assertEquals(0x1p-24f, Dtype.halfToFloat((short) 0x0001), "smallest subnormal");
        assertEquals(0x3ffp-24f, Dtype.halfToFloat((short) 0x03ff), "largest subnormal");
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(Dtype.halfToFloat((short) 0x8000)));
        assertEquals(Float.POSITIVE_INFINITY, Dtype.halfToFloat((short) 0x7c00));
        assertEquals(Float.NEGATIVE_INFINITY, Dtype.halfToFloat((short) 0xfc00));
        assertTrue(Float.isNaN(Dtype.halfToFloat((short) 0x7e00)));
    }

    @Test
    void everyHalfValueRoundTripsThroughItsFloatBits() {
        // float -> half by truncating an exactly representable value must give back the same bits
        for (int h = 0; h < 0x10000; h++) {
            float f = Dtype.halfToFloat((short) h);
            if (Float.isNaN(f)) continue;
            assertEquals(h, floatToHalfExact(f), "half 0x" + Integer.toHexString(h));
        }
    }

    /** Encodes a float that is exactly representable in binary16. */
    private static int floatToHalfExact(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        float a = Math.abs(f);
        if (Float.isInfinite(a)) return sign | 0x7c00;
        if (a < 0x1p-14f) return sign | Math.round(a * 0x1p24f); // subnormal or zero
        int exponent = Math.getExponent(a);
        int mantissa = Math.round((a / (float) Math.scalb(1.0, exponent) - 1f) * 1024f);
        return sign | ((exponent + 15) << 10) | mantissa;
    }
}
