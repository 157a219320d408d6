/**
 * DL4J building blocks that DL4J 1.0.0-M2.1 lacks or gets wrong, written against DL4J's own extension
 * points so that they also live in saved model files: a channel subset with the right output type, a
 * channel shuffle vertex, and PyTorch's (weighted) cross-entropy on logits.
 */
package io.ferbench.backend.dl4j.nn;
