/**
 * The architectures of the study (ResNet-18, MobileNetV2, ShuffleNetV2) as IR graphs, each a short
 * table read by a small builder, with torchvision's module paths as node names so converted
 * torchvision weights load by key. {@link io.ferbench.api.arch.Architectures} is the entry point.
 */
package io.ferbench.api.arch;
