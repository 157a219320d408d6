package io.ferbench.worker.data;

import java.util.Locale;

/**
 * The seven FER2013 expressions, contempt, and eight compound expressions as facial geometry, in face units (the
 * face is about 1.7 wide and 2.2 tall).
 * Each value is the class's typical full-intensity expression; a drawn face blends from {@link #NEUTRAL} towards
 * it by a random intensity and adds per-face jitter, so that weak expressions resemble neutral ones as in real data.
 * The cues follow the facial action units usually associated with each emotion (brow lowerer for anger, inner
 * brow raiser for sadness and fear, lip corner puller and cheek raiser for happiness, nose wrinkler and upper lip
 * raiser for disgust, jaw drop and raised brows for surprise, a one-sided lip corner raise for contempt).
 * The compound expressions are those of Du, Tao and Martinez ("Compound facial expressions of emotion", PNAS 2014),
 * drawn as the average geometry of their two components; they exist so that synthetic datasets can have as many
 * classes as the study's largest (13), up to 16.
 *
 * @param mouthCurve   lip corners up (+) or down (−) relative to the mouth centre
 * @param mouthOpen    half of the mouth opening at its centre
 * @param upperShare   share of the opening above the lip line (small for a smile's D shape, large for a raised upper lip)
 * @param mouthWidth   half of the mouth width
 * @param mouthTilt    one corner up and the other down (the unilateral lip raise of disgust)
 * @param teethChance  probability that the upper teeth show when the mouth is open
 * @param browHeight   brow centre above the eye centre
 * @param browTilt     inner brow end raised (+) or lowered (−)
 * @param browArch     brow centre raised above the line between its ends
 * @param eyeOpen      eye height over eye width
 * @param eyeDroop     outer eye corners lowered (+) or raised (−)
 * @param frownLines   strength of vertical lines between the brows
 * @param noseWrinkles strength of lines across the nose bridge
 * @param smileFolds   strength of the folds from the nose wings to the mouth corners
 */
enum Expression {
    ANGRY(-0.050, 0.000, 0.50, 0.27, 0.00, 0.35, 0.130, -0.130, 0.000, 0.45, -0.06, 1.2, 0.2, 0.3),
    DISGUST(-0.070, 0.035, 0.85, 0.30, 0.09, 0.50, 0.170, -0.040, 0.000, 0.32, 0.00, 0.3, 1.2, 0.9),
    FEAR(-0.050, 0.060, 0.40, 0.42, 0.00, 0.60, 0.310, 0.100, 0.000, 1.00, 0.00, 0.3, 0.0, 0.3),
    HAPPY(0.170, 0.050, 0.20, 0.43, 0.00, 0.70, 0.250, 0.000, 0.030, 0.38, 0.00, 0.0, 0.0, 1.0),
    NEUTRAL(0.000, 0.000, 0.50, 0.33, 0.00, 0.00, 0.240, 0.000, 0.030, 0.65, 0.00, 0.0, 0.0, 0.2),
    SAD(-0.130, 0.000, 0.50, 0.30, 0.00, 0.00, 0.220, 0.120, 0.000, 0.45, 0.12, 0.0, 0.0, 0.2),
    SURPRISE(0.000, 0.180, 0.30, 0.18, 0.00, 0.00, 0.380, 0.000, 0.080, 1.05, 0.00, 0.0, 0.0, 0.0),
    CONTEMPT(0.030, 0.000, 0.50, 0.31, 0.11, 0.00, 0.230, -0.020, 0.020, 0.52, 0.00, 0.1, 0.0, 0.4),
    HAPPILY_SURPRISED(HAPPY, SURPRISE),
    HAPPILY_DISGUSTED(HAPPY, DISGUST),
    SADLY_FEARFUL(SAD, FEAR),
    SADLY_ANGRY(SAD, ANGRY),
    SADLY_SURPRISED(SAD, SURPRISE),
    FEARFULLY_SURPRISED(FEAR, SURPRISE),
    ANGRILY_SURPRISED(ANGRY, SURPRISE),
    ANGRILY_DISGUSTED(ANGRY, DISGUST);

    final double mouthCurve, mouthOpen, upperShare, mouthWidth, mouthTilt, teethChance;
    final double browHeight, browTilt, browArch, eyeOpen, eyeDroop, frownLines, noseWrinkles, smileFolds;

    Expression(double mouthCurve, double mouthOpen, double upperShare, double mouthWidth, double mouthTilt,
               double teethChance, double browHeight, double browTilt, double browArch, double eyeOpen,
               double eyeDroop, double frownLines, double noseWrinkles, double smileFolds) {
        this.mouthCurve = mouthCurve;
        this.mouthOpen = mouthOpen;
        this.upperShare = upperShare;
        this.mouthWidth = mouthWidth;
        this.mouthTilt = mouthTilt;
        this.teethChance = teethChance;
        this.browHeight = browHeight;
        this.browTilt = browTilt;
        this.browArch = browArch;
        this.eyeOpen = eyeOpen;
        this.eyeDroop = eyeDroop;
        this.frownLines = frownLines;
        this.noseWrinkles = noseWrinkles;
        this.smileFolds = smileFolds;
    }

    /** A compound expression: the average geometry of its two components. */
    Expression(Expression a, Expression b) {
        this((a.mouthCurve + b.mouthCurve) / 2, (a.mouthOpen + b.mouthOpen) / 2, (a.upperShare + b.upperShare) / 2,
                (a.mouthWidth + b.mouthWidth) / 2, (a.mouthTilt + b.mouthTilt) / 2, (a.teethChance + b.teethChance) / 2,
                (a.browHeight + b.browHeight) / 2, (a.browTilt + b.browTilt) / 2, (a.browArch + b.browArch) / 2,
                (a.eyeOpen + b.eyeOpen) / 2, (a.eyeDroop + b.eyeDroop) / 2, (a.frownLines + b.frownLines) / 2,
                (a.noseWrinkles + b.noseWrinkles) / 2, (a.smileFolds + b.smileFolds) / 2);
    }

    /** The class name, as in FER2013's folders: {@code angry}, {@code happy}, ...; {@code happily_surprised}. */
    String className() {
        return name().toLowerCase(Locale.ROOT);
    }
}
