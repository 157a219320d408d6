package io.ferbench.api.cell;

/**
 * Random transforms applied to training images only, drawn from the cell seed, so every backend sees the same
 * augmented pixels. Geometric transforms first (one affine map: flip, rotation, crop, translation), then
 * brightness and contrast as torchvision's {@code ColorJitter} defines them.
 *
 * @param name        the profile's name under {@code augmentations:}; {@value #NONE} for no augmentation
 * @param flip        mirror left-right with probability 1/2
 * @param rotation    rotate by an angle drawn uniformly from [-rotation, rotation] degrees
 * @param translate   shift by up to this fraction of the image side, horizontally and vertically
 * @param crop        zoom into a square whose side is a uniform fraction in [crop, 1] of the image, at a random
 *                    position inside it (1 for none)
 * @param brightness  multiply pixel values by a factor drawn from [1 - brightness, 1 + brightness]
 * @param contrast    blend with the image's mean by a factor drawn from [1 - contrast, 1 + contrast]
 */
public record AugmentationSpec(String name, boolean flip, double rotation, double translate, double crop,
                               double brightness, double contrast) {
    public static final String NONE = "none";

    public AugmentationSpec {
        if (name == null) name = NONE;
        if (!(rotation >= 0 && rotation <= 180)) throw bad("rotation", rotation, "0 to 180 degrees");
        if (!(translate >= 0 && translate <= 0.5)) throw bad("translate", translate, "0 to 0.5");
        if (!(crop > 0 && crop <= 1)) throw bad("crop", crop, "above 0 and at most 1");
        if (!(brightness >= 0 && brightness <= 1)) throw bad("brightness", brightness, "0 to 1");
        if (!(contrast >= 0 && contrast <= 1)) throw bad("contrast", contrast, "0 to 1");
    }

    public static AugmentationSpec none() {
        return new AugmentationSpec(NONE, false, 0, 0, 1, 0, 0);
    }

    /** True when no transform changes anything (the training images are used as they are). */
    public boolean isIdentity() {
        return !flip && rotation == 0 && translate == 0 && crop == 1 && brightness == 0 && contrast == 0;
    }

    /** True when some geometric transform is on (so pixels are resampled). */
    public boolean isGeometric() {
        return flip || rotation != 0 || translate != 0 || crop != 1;
    }

    private static IllegalArgumentException bad(String key, double value, String range) {
        return new IllegalArgumentException("augmentation: " + key + " " + value + " is out of range; expected "
                + range);
    }
}
