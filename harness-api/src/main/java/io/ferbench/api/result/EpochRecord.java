package io.ferbench.api.result;

/**
 * One row of a cell's training history. Epochs are numbered from 1.
 *
 * @param trainLoss      mean of the training-mode step losses over the epoch (weighted by batch size)
 * @param trainAccuracy  evaluation-mode accuracy at the end of the epoch on a fixed, seeded sample of
 *                       the training split (see the training loop's documentation)
 * @param valLoss        evaluation-mode cross-entropy on the validation split
 * @param valAccuracy    evaluation-mode accuracy on the validation split
 * @param seconds        wall time of the whole epoch: training steps and validation
 * @param trainSeconds   wall time of the training steps alone (the basis of training throughput)
 * @param learningRate   the learning rate of the epoch's first step (a schedule may change it step by step)
 * @param rssMb          resident memory of the worker process at the end of the epoch, in MiB
 *                       (a per-epoch trace shows native memory creeping up), or null where unknown
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
                          double seconds, double trainSeconds, double learningRate, Double rssMb) {}
