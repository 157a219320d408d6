package io.ferbench.worker.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ResamplerTest {
    private static Raster gray(int width, int height, float... values) {
        return new Raster(1, width, height, values);
    }

    @Test
    void shrinkingAveragesAreasSoACheckerboardBecomesFlatGray() {
        float[] board = new float[8 * 8];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                board[y * 8 + x] = (x + y) % 2 == 0 ? 0 : 255;
            }
        }
        Raster small = Resampler.resize(gray(8, 8, board), 4, 4);
        for (float v : small.values()) {
            assertEquals(127.5f, v, 1e-4);
        }
    }

    @Test
    void shrinkingByAFractionalFactorWeighsPartialPixels() {
        // 3 → 2: output 0 covers source 0 fully and half of source 1.
        Raster r = Resampler.resize(gray(3, 1, 0, 90, 180), 2, 1);
        assertArrayEquals(new float[] {30, 150}, r.values(), 1e-4f);
    }

    @Test
    void enlargingInterpolatesBilinearlyBetweenPixelCentres() {
        Raster r = Resampler.resize(gray(2, 1, 0, 100), 4, 1);
        // centres of outputs map to source x = -0.25, 0.25, 0.75, 1.25: clamped at the edges
        assertArrayEquals(new float[] {0, 25, 75, 100}, r.values(), 1e-4f);
    }

    @Test
    void eachAxisUsesItsOwnFilterAndChannelsStaySeparate() {
        float[] rgb = {0, 100, 200, 255, 10, 10, 10, 10, 0, 0, 0, 0}; // 2x2 per channel: R, G, B planes
        Raster r = Resampler.resize(new Raster(3, 2, 2, rgb), 1, 4);
        assertEquals(3, r.channels());
        // width 2 → 1 averages each row; height 2 → 4 interpolates the rows.
        assertArrayEquals(new float[] {50, 50 + 0.25f * (227.5f - 50), 50 + 0.75f * (227.5f - 50), 227.5f,
                10, 10, 10, 10, 0, 0, 0, 0}, r.values(), 1e-3f);
    }

    @Test
    void sameSizeIsUnchanged() {
        Raster r = gray(2, 2, 1, 2, 3, 4);
        assertSame(r, Resampler.resize(r, 2, 2));
    }

    @Test
    void luminanceAndReplicationConvertChannels() {
        Raster rgb = new Raster(3, 1, 1, new float[] {255, 0, 0});
        assertEquals(76.245f, rgb.withChannels(1).values()[0], 1e-3);
        assertArrayEquals(new float[] {7, 7, 7}, gray(1, 1, 7).withChannels(3).values());
        assertArrayEquals(new byte[] {0, (byte) 255, (byte) 128}, gray(3, 1, -3, 300, 127.5f).toBytes());
    }
}
