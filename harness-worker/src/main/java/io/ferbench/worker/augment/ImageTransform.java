package io.ferbench.worker.augment;

import io.ferbench.api.cell.AugmentationSpec;
import java.util.SplittableRandom;

/**
 * One drawn augmentation of one image. Geometry is one affine map from output to source positions (in units of the
 * image side, centred): mirror, shift, rotate, then zoom into the crop; pixels are sampled bilinearly at pixel
 * centres, and positions outside the image take the nearest edge pixel (so no black corners appear). Then brightness
 * and contrast as torchvision's {@code ColorJitter} applies them: {@code x·b}, then {@code (x − mean)·c + mean},
 * each clamped to [0, 1].
 *
 * @param flip        mirror left-right
 * @param degrees     counter-clockwise rotation of the content
 * @param cropSide    side of the zoomed-in square as a fraction of the image (1: no zoom)
 * @param cropX       centre of that square, as a fraction of the image side from the image centre
 * @param cropY       likewise, downwards
 * @param shiftX      shift of the content to the right, as a fraction of the image side
 * @param shiftY      shift of the content downwards
 * @param brightness  brightness factor (1: unchanged)
 * @param contrast    contrast factor (1: unchanged)
 */
public record ImageTransform(boolean flip, double degrees, double cropSide, double cropX, double cropY, double shiftX,
                             double shiftY, double brightness, double contrast) {

    /** The transform that changes nothing. */
    public static final ImageTransform IDENTITY = new ImageTransform(false, 0, 1, 0, 0, 0, 0, 1, 1);

    /** Draws a transform of {@code spec}; only the switched-on transforms draw numbers, always in the same order. */
    public static ImageTransform sample(AugmentationSpec spec, SplittableRandom random) {
        boolean flip = spec.flip() && random.nextBoolean();
        double degrees = spec.rotation() > 0 ? uniform(random, -spec.rotation(), spec.rotation()) : 0;
        double side = 1;
        double cropX = 0;
        double cropY = 0;
        if (spec.crop() < 1) {
            side = uniform(random, spec.crop(), 1);
            double room = (1 - side) / 2;  // the square stays inside the image
            cropX = uniform(random, -room, room);
            cropY = uniform(random, -room, room);
        }
        double shiftX = 0;
        double shiftY = 0;
        if (spec.translate() > 0) {
            shiftX = uniform(random, -spec.translate(), spec.translate());
            shiftY = uniform(random, -spec.translate(), spec.translate());
        }
        double brightness = spec.brightness() > 0 ? uniform(random, 1 - spec.brightness(), 1 + spec.brightness()) : 1;
        double contrast = spec.contrast() > 0 ? uniform(random, 1 - spec.contrast(), 1 + spec.contrast()) : 1;
        return new ImageTransform(flip, degrees, side, cropX, cropY, shiftX, shiftY, brightness, contrast);
    }

    private boolean geometric() {
        return flip || degrees != 0 || cropSide != 1 || shiftX != 0 || shiftY != 0;
    }

    /**
     * Writes the transformed image to {@code out}.
     *
     * @param in   {@code channels × height × width} values on the 0..1 scale, from {@code inOffset}
     * @param out  receives as many values, from {@code outOffset}; must not overlap {@code in}'s image
     */
    public void apply(float[] in, int inOffset, int channels, int height, int width, float[] out, int outOffset) {
        int plane = height * width;
        if (geometric()) {
            resample(in, inOffset, channels, height, width, out, outOffset);
        } else {
            System.arraycopy(in, inOffset, out, outOffset, channels * plane);
        }
        if (brightness != 1) {
            for (int k = 0; k < channels * plane; k++) {
                out[outOffset + k] = clamp((float) (out[outOffset + k] * brightness));
            }
        }
        if (contrast != 1) {
            // torchvision blends with the mean of the grayscale image; for RGB that is the luma mean
            double mean = channels == 3 ? lumaMean(out, outOffset, plane) : mean(out, outOffset, channels * plane);
            for (int k = 0; k < channels * plane; k++) {
                out[outOffset + k] = clamp((float) ((out[outOffset + k] - mean) * contrast + mean));
            }
        }
    }

    private void resample(float[] in, int inOffset, int channels, int height, int width, float[] out, int outOffset) {
        double radians = Math.toRadians(degrees);
        // content rotated by +degrees: a source position is the output position rotated back
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (x + 0.5) / width - 0.5;
                double v = (y + 0.5) / height - 0.5;
                if (flip) {
                    u = -u;
                }
                u -= shiftX;
                v -= shiftY;
                double ru = cos * u - sin * v;
                double rv = sin * u + cos * v;
                double su = cropSide * ru + cropX;
                double sv = cropSide * rv + cropY;
                double sx = (su + 0.5) * width - 0.5;
                double sy = (sv + 0.5) * height - 0.5;
                for (int c = 0; c < channels; c++) {
                    out[outOffset + c * height * width + y * width + x] =
                            bilinear(in, inOffset + c * height * width, height, width, sx, sy);
                }
            }
        }
    }

    /** Bilinear sample at ({@code x}, {@code y}) in pixel-centre coordinates, clamped to the edge. */
    private static float bilinear(float[] plane, int offset, int height, int width, double x, double y) {
        x = Math.max(0, Math.min(width - 1, x));
        y = Math.max(0, Math.min(height - 1, y));
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double fx = x - x0;
        double fy = y - y0;
        double top = plane[offset + y0 * width + x0] * (1 - fx) + plane[offset + y0 * width + x1] * fx;
        double bottom = plane[offset + y1 * width + x0] * (1 - fx) + plane[offset + y1 * width + x1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    private static double mean(float[] values, int offset, int length) {
        double sum = 0;
        for (int k = 0; k < length; k++) {
            sum += values[offset + k];
        }
        return sum / length;
    }

    /** ITU-R 601 luma, as torchvision's rgb_to_grayscale. */
    private static double lumaMean(float[] rgb, int offset, int plane) {
        double sum = 0;
        for (int k = 0; k < plane; k++) {
            sum += 0.299 * rgb[offset + k] + 0.587 * rgb[offset + plane + k] + 0.114 * rgb[offset + 2 * plane + k];
        }
        return sum / plane;
    }

    private static float clamp(float value) {
        return Math.max(0f, Math.min(1f, value));
    }

    private static double uniform(SplittableRandom random, double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }
}
