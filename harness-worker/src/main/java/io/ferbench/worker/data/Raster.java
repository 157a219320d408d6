package io.ferbench.worker.data;

/**
 * A decoded image before it is stored: planar channels (CHW) of float intensities on the 0..255 scale.
 * Floats keep the resampling exact until the single rounding to bytes at the end.
 */
public record Raster(int channels, int width, int height, float[] values) {
    /** ITU-R BT.601 luma weights, as PIL's {@code convert("L")} and torchvision's {@code Grayscale} use. */
    static final float LUMA_R = 0.299f, LUMA_G = 0.587f, LUMA_B = 0.114f;

    public Raster {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, not " + channels);
        }
        if ((long) channels * width * height != values.length) {
            throw new IllegalArgumentException("value count does not match " + channels + "x" + height + "x" + width);
        }
    }

    /** Gray (luminance) or RGB (gray replicated) version of this image; itself when it already has {@code target}. */
    Raster withChannels(int target) {
        if (target == channels) {
            return this;
        }
        int plane = width * height;
        if (target == 1) {
            float[] gray = new float[plane];
            for (int i = 0; i < plane; i++) {
                gray[i] = LUMA_R * values[i] + LUMA_G * values[plane + i] + LUMA_B * values[2 * plane + i];
            }
            return new Raster(1, width, height, gray);
        }
        if (target == 3) {
            float[] rgb = new float[3 * plane];
            for (int c = 0; c < 3; c++) {
                System.arraycopy(values, 0, rgb, c * plane, plane);
            }
            return new Raster(3, width, height, rgb);
        }
        throw new IllegalArgumentException("channels must be 1 or 3, not " + target);
    }

    /** Rounds to unsigned bytes, CHW order (the layout of {@link ImageSet}). */
    byte[] toBytes() {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            int v = Math.round(values[i]);
            out[i] = (byte) (v < 0 ? 0 : Math.min(v, 255));
        }
        return out;
    }

    /** A raster of unsigned bytes (CHW), as stored by {@link ImageSet} or the FER2013 CSV. */
    static Raster ofBytes(int channels, int width, int height, byte[] pixels) {
        float[] values = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            values[i] = pixels[i] & 0xFF;
        }
        return new Raster(channels, width, height, values);
    }
}
