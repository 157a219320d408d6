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
 * @param stepSeconds    of {@code trainSeconds}, the time inside the backend's training-step calls (forward, backward,
 *                       update, and the engine's own copy of the batch into its tensors); null where not measured
 * @param dataSeconds    of {@code trainSeconds}, the time the harness spent assembling batches (augmentation,
 *                       normalisation into the batch array); the rest of {@code trainSeconds} is the loop's own
 *                       bookkeeping (progress, learning-rate changes); null where not measured
 * @param heapMb         committed Java heap at the end of the epoch, in MiB (part of {@code rssMb}); null where unknown
 * @param nativeMb       bytes the engine's native allocator holds at the end of the epoch, in MiB, where the backend
 *                       exposes such a count ({@code Backend.nativeBytes}); null elsewhere
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
                          double seconds, double trainSeconds, double learningRate, Double rssMb,
                          Double stepSeconds, Double dataSeconds, Double heapMb, Double nativeMb) {

    /** A record without the step/data split and memory detail (histories written before they were measured). */
    public EpochRecord(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
                       double seconds, double trainSeconds, double learningRate, Double rssMb) {
        this(epoch, trainLoss, trainAccuracy, valLoss, valAccuracy, seconds, trainSeconds, learningRate, rssMb,
                null, null, null, null);
    }

    /** The training time outside the backend's step calls (batches, bookkeeping); null where not measured. */
    public Double harnessSeconds() {
        return stepSeconds == null ? null : Math.max(0, trainSeconds - stepSeconds);
    }
}
