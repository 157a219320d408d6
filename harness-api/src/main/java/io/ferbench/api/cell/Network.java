package io.ferbench.api.cell;

import io.ferbench.api.arch.Stem;

/**
 * The network a cell trains.
 *
 * @param architecture     IR architecture name ({@code resnet18}, {@code mobilenet_v2}, ...)
 * @param widthMultiplier  width multiplier (MobileNetV2, ShuffleNetV2), 1.0 otherwise
 * @param stem             torchvision's stem, or the small-input variant
 * @param init             where the initial weights come from and which layers train
 */
public record Network(String architecture, double widthMultiplier, Stem stem, InitSpec init) {
    public Network {
        if (stem == null) stem = Stem.STANDARD;
        if (init == null) init = InitSpec.scratch();
    }

    /** torchvision's network at full width, trained from scratch. */
    public static Network of(String architecture) {
        return new Network(architecture, 1.0, Stem.STANDARD, InitSpec.scratch());
    }
}
