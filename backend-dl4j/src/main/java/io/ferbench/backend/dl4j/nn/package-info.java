/**
 * DL4J building blocks that DL4J 1.0.0-M2.1 lacks or gets wrong, written against DL4J's own extension
 * points so that they also live in saved model files: a channel subset with the right output type, a
 * channel shuffle vertex, PyTorch's (weighted) cross-entropy on logits, an inference-mode batch norm for
 * frozen layers, and a convolution helper that keeps oneDNN's Winograd backward off small feature maps.
 */
package io.ferbench.backend.dl4j.nn;
