package io.ferbench.worker.data;

import java.util.SplittableRandom;

/**
 * Everything that determines one synthetic face: its expression geometry, the identity of the person, the pose in
 * the picture and the photographic conditions. Face coordinates: origin at the face centre, x to the right, y down.
 */
record FaceParameters(
        // pose: centre in image coordinates (−1..1), face units per image half-width, in-plane rotation (radians)
        double centreX, double centreY, double scale, double angle,
        // identity
        double faceHalfWidth, double faceHalfHeight, double skin, boolean hair, double hairTone, double hairline,
        double eyeSpacing, double eyeY, double mouthY, double browThickness, double irisTone, double gaze,
        // expression
        double mouthCurve, double mouthOpen, double upperShare, double mouthWidth, double mouthTilt, boolean teeth,
        double browHeight, double browTilt, double browArch, double eyeOpen, double eyeDroop,
        double frownLines, double noseWrinkles, double smileFolds,
        // photography: background level and gradient, contrast, brightness, lighting gradient, noise
        double background, double backgroundSlopeX, double backgroundSlopeY, double contrast, double brightness,
        double lightX, double lightY, double noise, long noiseSeed) {

    /**
     * Draws a face of the expression; all randomness comes from {@code random}.
     *
     * <p>Generator version 2 (the ranges below): the face fills the frame, as FER2013's tightly cropped faces do
     * (scale 0.85–0.98 rather than version 1's 0.62–0.80, which left the mouth of a 48-pixel face 10–13 pixels
     * wide), the expression is at least 90 % of its full strength, and contrast, lighting gradient and pixel noise
     * vary less.
     * Under version 1, MobileNetV2 and ShuffleNetV2 — which reach 6×6 pixels after four blocks — did not pick the
     * expression out of 1,120 training faces in 5–8 epochs (25–52 % test accuracy where ResNet-18 reached 91 % in 5);
     * docs/benchmarks.md has the figures of both versions.
     */
    static FaceParameters sample(Expression e, SplittableRandom random) {
        Expression n = Expression.NEUTRAL;
        // Expression intensity: weak expressions lie between neutral and the full expression.
        double k = uniform(random, 0.9, 1.15);
        double lightDirection = uniform(random, 0, 2 * Math.PI);
        double lightStrength = uniform(random, 0, 0.2);
        double mouthOpen = blend(n.mouthOpen, e.mouthOpen, k);
        if (e == Expression.HAPPY && random.nextDouble() < 0.5) {
            mouthOpen = 0; // a closed-lip smile
        }
        mouthOpen = Math.max(0, mouthOpen * uniform(random, 0.75, 1.25) + gaussian(random, 0.006));
        return new FaceParameters(
                uniform(random, -0.08, 0.08), uniform(random, -0.08, 0.08), uniform(random, 0.85, 0.98),
                clamp(gaussian(random, Math.toRadians(7)), Math.toRadians(-15), Math.toRadians(15)),
                uniform(random, 0.78, 0.92), uniform(random, 1.05, 1.15), uniform(random, 0.45, 0.85),
                random.nextDouble() < 0.85, uniform(random, 0.05, 0.45), uniform(random, -0.9, -0.7),
                uniform(random, 0.33, 0.40), uniform(random, -0.24, -0.16), uniform(random, 0.48, 0.58),
                uniform(random, 0.045, 0.065), uniform(random, 0.1, 0.4), uniform(random, -0.03, 0.03),
                blend(n.mouthCurve, e.mouthCurve, k) + gaussian(random, 0.02),
                mouthOpen,
                e.upperShare,
                blend(n.mouthWidth, e.mouthWidth, k) + gaussian(random, 0.025),
                (random.nextBoolean() ? 1 : -1) * blend(n.mouthTilt, e.mouthTilt, k) + gaussian(random, 0.01),
                random.nextDouble() < e.teethChance,
                blend(n.browHeight, e.browHeight, k) + gaussian(random, 0.02),
                blend(n.browTilt, e.browTilt, k) + gaussian(random, 0.02),
                blend(n.browArch, e.browArch, k) + gaussian(random, 0.015),
                clamp(blend(n.eyeOpen, e.eyeOpen, k) + gaussian(random, 0.07), 0.2, 1.2),
                blend(n.eyeDroop, e.eyeDroop, k) + gaussian(random, 0.03),
                e.frownLines * uniform(random, 0.5, 1.2),
                e.noseWrinkles * uniform(random, 0.5, 1.2),
                e.smileFolds * uniform(random, 0.5, 1.2),
                uniform(random, 0.1, 0.9), uniform(random, -0.15, 0.15), uniform(random, -0.15, 0.15),
                uniform(random, 0.8, 1.2), uniform(random, -0.12, 0.12),
                lightStrength * Math.cos(lightDirection), lightStrength * Math.sin(lightDirection),
                uniform(random, 0.005, 0.03), random.nextLong());
    }

    private static double blend(double neutral, double full, double intensity) {
        return neutral + intensity * (full - neutral);
    }

    private static double uniform(SplittableRandom random, double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    private static double gaussian(SplittableRandom random, double sigma) {
        return sigma * random.nextGaussian();
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
