package io.ferbench.worker.data;

import java.util.SplittableRandom;

/**
 * Draws {@link FaceParameters} as a gray image at any size. Every shape is a signed distance function evaluated at
 * the pixel centre and turned into coverage over the pixel's footprint, so edges are anti-aliased analytically and
 * a face looks the same at 48 and at 224 pixels (only sharper).
 */
final class FaceRenderer {
    private FaceRenderer() {
    }

    /** Row-major intensities 0..255 of a {@code size × size} picture. */
    static float[] render(FaceParameters p, int size) {
        float[] out = new float[size * size];
        double cos = Math.cos(p.angle()), sin = Math.sin(p.angle());
        double pixel = 2.0 / size / p.scale(); // a pixel's width in face units
        SplittableRandom noise = new SplittableRandom(p.noiseSeed());
        for (int y = 0; y < size; y++) {
            double v = (y + 0.5) / size * 2 - 1;
            for (int x = 0; x < size; x++) {
                double u = (x + 0.5) / size * 2 - 1;
                double dx = u - p.centreX(), dy = v - p.centreY();
                double fx = (cos * dx + sin * dy) / p.scale();
                double fy = (-sin * dx + cos * dy) / p.scale();
                double value = p.background() + p.backgroundSlopeX() * u + p.backgroundSlopeY() * v;
                value = shadeFace(p, fx, fy, pixel, value);
                value = (value - 0.5) * p.contrast() + 0.5 + p.brightness() + p.lightX() * u + p.lightY() * v;
                value += p.noise() * noise.nextGaussian();
                out[y * size + x] = (float) (255 * Math.max(0, Math.min(1, value)));
            }
        }
        return out;
    }

    /** Paints head, hair and features over {@code value} at face point (fx, fy), front to back in painter's order. */
    private static double shadeFace(FaceParameters p, double fx, double fy, double pixel, double value) {
        double rx = p.faceHalfWidth(), ry = p.faceHalfHeight();
        if (p.hair()) {
            value = paint(value, p.hairTone(), ellipse(fx, fy + 0.12, rx * 1.12, ry * 1.06), pixel);
        }
        double face = ellipse(fx, fy, rx, ry);
        double faceCoverage = coverage(face, pixel);
        if (faceCoverage <= 0) {
            return value;
        }
        double r2 = (fx / rx) * (fx / rx) + (fy / ry) * (fy / ry);
        double skin = p.skin() * (1 - 0.22 * Math.min(1, r2)); // rounded shading towards the face outline
        value = value + (skin - value) * faceCoverage;
        if (p.hair()) {
            double fringe = Math.max(fy - (p.hairline() + 0.05 * Math.cos(fx * 4)), face);
            value = paint(value, p.hairTone(), fringe, pixel);
        }
        double dark = p.skin() * 0.45;
        value = paintNose(p, fx, fy, pixel, value, dark);
        for (int side = -1; side <= 1; side += 2) {
            value = paintEye(p, side, fx, fy, pixel, value);
            value = paintBrow(p, side, fx, fy, pixel, value);
        }
        value = paintMouth(p, fx, fy, pixel, value);
        return value;
    }

    private static double paintNose(FaceParameters p, double fx, double fy, double pixel, double value, double dark) {
        double noseY = (p.eyeY() + p.mouthY()) * 0.5 + 0.1;
        for (int side = -1; side <= 1; side += 2) {
            value = paint(value, dark, ellipse(fx - side * 0.07, fy - noseY, 0.038, 0.024), pixel, 0.8);
            if (p.smileFolds() > 0) { // from the nose wing down to the mouth corner
                double cornerX = side * (p.mouthWidth() + 0.05);
                double cornerY = p.mouthY() - p.mouthCurve() + 0.02;
                double d = capsule(fx, fy, side * 0.15, noseY - 0.02, cornerX, cornerY, 0.014);
                value = paint(value, dark, d, pixel, 0.35 * Math.min(1, p.smileFolds()));
            }
            if (p.noseWrinkles() > 0) { // short slanted lines across the bridge
                for (int i = 0; i < 2; i++) {
                    double wy = p.eyeY() + 0.1 + 0.07 * i;
                    double d = capsule(fx, fy, side * 0.03, wy, side * 0.13, wy - 0.03, 0.012);
                    value = paint(value, dark, d, pixel, 0.55 * Math.min(1, p.noseWrinkles()));
                }
            }
        }
        if (p.frownLines() > 0) { // vertical lines between the brows
            for (int side = -1; side <= 1; side += 2) {
                double d = capsule(fx, fy, side * 0.045, p.eyeY() - p.browHeight() * 0.85, side * 0.035,
                        p.eyeY() - 0.07, 0.012);
                value = paint(value, dark, d, pixel, 0.55 * Math.min(1, p.frownLines()));
            }
        }
        return value;
    }

    private static double paintEye(FaceParameters p, int side, double fx, double fy, double pixel, double value) {
        double qx = fx - side * p.eyeSpacing(), qy = fy - p.eyeY();
        // droop lowers the outer corner: rotate the eye about its centre
        double tilt = side * p.eyeDroop();
        double c = Math.cos(tilt), s = Math.sin(tilt);
        double ex = c * qx + s * qy, ey = -s * qx + c * qy;
        double halfWidth = 0.16, halfHeight = Math.max(0.02, 0.16 * p.eyeOpen());
        if (Math.abs(ex) > halfWidth + 0.1 || Math.abs(ey) > halfHeight + 0.1) {
            return value;
        }
        double eye = ellipse(ex, ey, halfWidth, halfHeight);
        value = paint(value, Math.min(1, p.skin() + 0.3), eye, pixel);
        double iris = Math.max(Math.hypot(ex - p.gaze(), ey) - 0.075, eye);
        value = paint(value, p.irisTone(), iris, pixel);
        double pupil = Math.max(Math.hypot(ex - p.gaze(), ey) - 0.032, eye);
        value = paint(value, 0.03, pupil, pixel);
        double lid = Math.abs(eye) - (ey < 0 ? 0.024 : 0.012); // upper lid drawn heavier than the lower
        return paint(value, p.skin() * 0.3, lid, pixel);
    }

    private static double paintBrow(FaceParameters p, int side, double fx, double fy, double pixel, double value) {
        double base = p.eyeY() - p.browHeight();
        double innerX = side * (p.eyeSpacing() - 0.17), midX = side * (p.eyeSpacing() + 0.01);
        double outerX = side * (p.eyeSpacing() + 0.19);
        double innerY = base - p.browTilt(), midY = base - p.browArch(), outerY = base + 0.4 * p.browTilt() + 0.02;
        double d = Math.min(capsule(fx, fy, innerX, innerY, midX, midY, p.browThickness()),
                capsule(fx, fy, midX, midY, outerX, outerY, p.browThickness() * 0.8));
        return paint(value, Math.min(p.hairTone(), p.skin() * 0.4), d, pixel);
    }

    /**
     * The mouth: a lip line {@code yc(t) = −curve·t² − tilt·t} over {@code t = x / width ∈ [−1, 1]}, opened by an
     * elliptical profile split between the upper and lower lip, with lips drawn along both edges.
     */
    private static double paintMouth(FaceParameters p, double fx, double fy, double pixel, double value) {
        double width = Math.max(0.08, p.mouthWidth());
        double qx = fx, qy = fy - p.mouthY();
        if (Math.abs(qx) > width + 0.1 || Math.abs(qy) > 0.45) {
            return value;
        }
        double t = Math.max(-1, Math.min(1, qx / width));
        double lipLine = -p.mouthCurve() * t * t - p.mouthTilt() * t;
        double slope = (-2 * p.mouthCurve() * t - p.mouthTilt()) / width;
        double norm = Math.sqrt(1 + slope * slope);
        double profile = 2 * p.mouthOpen() * Math.sqrt(Math.max(0, 1 - t * t));
        double upper = lipLine - profile * p.upperShare();
        double lower = lipLine + profile * (1 - p.upperShare());
        double across = Math.abs(qx) - width;
        double dark = p.skin() * 0.4;
        if (p.mouthOpen() > 0.004) {
            double inside = Math.max(Math.max(upper - qy, qy - lower) / norm, across);
            value = paint(value, 0.06, inside, pixel);
            if (p.teeth() && p.mouthOpen() > 0.02) {
                double teethLow = upper + Math.min(0.05, 0.45 * (lower - upper));
                double teeth = Math.max(Math.max(upper - qy, qy - teethLow) / norm, Math.abs(qx) - width * 0.8);
                value = paint(value, 0.92, teeth, pixel);
            }
        }
        double lips = Math.max(Math.min(Math.abs(qy - upper), Math.abs(qy - lower)) / norm - 0.026, across);
        return paint(value, dark, lips, pixel);
    }

    /** Approximate signed distance to an axis-aligned ellipse (exact on the axes, close elsewhere). */
    static double ellipse(double x, double y, double rx, double ry) {
        double k0 = Math.hypot(x / rx, y / ry);
        double k1 = Math.hypot(x / (rx * rx), y / (ry * ry));
        if (k1 == 0) {
            return -Math.min(rx, ry);
        }
        return k0 * (k0 - 1) / k1;
    }

    /** Signed distance to a segment thickened by {@code radius} (a capsule). */
    static double capsule(double x, double y, double ax, double ay, double bx, double by, double radius) {
        double px = x - ax, py = y - ay, vx = bx - ax, vy = by - ay;
        double h = Math.max(0, Math.min(1, (px * vx + py * vy) / (vx * vx + vy * vy)));
        return Math.hypot(px - vx * h, py - vy * h) - radius;
    }

    /** Share of a pixel of width {@code pixel} inside a shape at signed distance {@code d} from its centre. */
    static double coverage(double d, double pixel) {
        return Math.max(0, Math.min(1, 0.5 - d / pixel));
    }

    private static double paint(double value, double tone, double distance, double pixel) {
        return paint(value, tone, distance, pixel, 1);
    }

    private static double paint(double value, double tone, double distance, double pixel, double opacity) {
        double c = coverage(distance, pixel) * opacity;
        return c <= 0 ? value : value + (tone - value) * c;
    }
}
