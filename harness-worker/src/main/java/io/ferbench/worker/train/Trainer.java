package io.ferbench.worker.train;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.EpochBatches;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.result.Divergence;
import io.ferbench.api.result.EpochRecord;
import io.ferbench.api.result.TimeToAccuracy;
import io.ferbench.api.result.TrainingSummary;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.worker.augment.Augmenter;
import io.ferbench.worker.data.PreparedDataset;
import io.ferbench.worker.env.MemoryProbe;
import java.util.ArrayList;
import java.util.List;

/**
 * The epoch loop. Each epoch visits the training images in a permutation derived from the cell seed
 * and the epoch number (so every backend sees the same batches), the last partial batch included;
 * then evaluates the validation split, measures the training accuracy on a fixed sample, and asks
 * early stopping whether to go on. With oversampling the permutation covers the training images plus
 * extra draws of the smaller classes ({@link ClassBalance}); with augmentation each training image is
 * transformed as its epoch and position draw ({@link TrainingBatches}) — evaluation passes never augment.
 *
 * <p>Timing: an epoch's time covers its training steps and its validation; the training-accuracy
 * pass and the copy of the best weights are done after the clock stops, since they are bookkeeping
 * of this harness rather than work a user's training would do. Within the training time, the time inside the
 * backend's calls of each step (the learning-rate change, the training step) is told apart from the time the
 * harness spends making the batch, so that a cell records how much of its training time is the harness's own
 * ({@code harness_overhead_share}). Images are decoded once, when the dataset is prepared; a batch is made from the
 * decoded bytes.
 *
 * <p>Time to accuracy: with a target validation accuracy, the first epoch reaching it and the epochs' wall time up to
 * it are recorded; early stopping is not affected.
 *
 * <p>Best weights: with early stopping enabled and {@code restoreBest}, the weights of the best
 * epoch are copied out ({@link TrainableModel#exportWeights()}) whenever it improves and put back
 * ({@link TrainableModel#importWeights}) when training ends on another epoch — whether early
 * stopping ended it or the epoch budget ran out (Keras restores only in the first case; restoring in
 * both means the test metrics always come from the epoch that validation selected).
 *
 * <p>Learning rate: the {@link LearningRateSchedule} sets it before every step when it varies; an epoch's record
 * carries the rate of its first step.
 *
 * <p>Divergence: a NaN or infinite training-step loss (or validation loss) ends training at once;
 * the completed epochs stay in the history.
 */
public final class Trainer {
    private final TrainingPlan plan;
    private final TrainingListener listener;
    private final List<EpochRecord> history = new ArrayList<>();
    private boolean lastBatchJoined;
    private TimeToAccuracy timeToAccuracy;

    public Trainer(TrainingPlan plan, TrainingListener listener) {
        this.plan = plan;
        this.listener = listener;
    }

    /** The completed epochs so far; still readable after {@link #train} threw. */
    public List<EpochRecord> history() { return List.copyOf(history); }

    public TrainingOutcome train(TrainableModel model, PreparedDataset data) {
        return train(model, data, MemoryProbe.processOnly());
    }

    /** Trains, reading {@code memory} at the end of every epoch. */
    public TrainingOutcome train(TrainableModel model, PreparedDataset data, MemoryProbe memory) {
        int n = data.train().size();
        if (n == 0) throw new IllegalArgumentException("dataset '" + data.name() + "' has no training images");
        if (data.validation().size() == 0) {
            throw new IllegalArgumentException("dataset '" + data.name() + "' has no validation images; "
                    + "give it more images per class so the 80/20 split leaves some for validation");
        }
        history.clear();
        Batches train = new Batches(data.train(), data.mean(), data.std());
        TrainingBatches stepBatches = new TrainingBatches(data.train(), data.mean(), data.std(),
                new Augmenter(plan.augmentation(), plan.seed()));
        Batches validation = new Batches(data.validation(), data.mean(), data.std());
        Evaluator evaluator = new Evaluator(model, plan.batchSize());
        int[] accuracySample = SeededOrder.sample(n, plan.trainAccuracySample(), plan.seed(),
                SeededOrder.Stream.TRAIN_ACCURACY_SAMPLE);
        EarlyStopping stopping = new EarlyStopping(plan.earlyStopping());
        boolean keepBest = stopping.enabled() && plan.earlyStopping().restoreBest();
        NamedTensors bestWeights = null;
        boolean stoppedEarly = false;
        double lastValidationSeconds = 0;
        LearningRateSchedule schedule = null;
        long globalStep = 0;
        double secondsSoFar = 0;
        timeToAccuracy = plan.targetAccuracy() == null ? null : new TimeToAccuracy(plan.targetAccuracy(), null, null);

        for (int epoch = 1; epoch <= plan.epochs(); epoch++) {
            int[] order = ClassBalance.epochOrder(data.train().labels(), data.numClasses(), plan.oversample(),
                    plan.seed(), epoch);
            int visits = order.length;  // n, or more when the smaller classes are oversampled (the same every epoch)
            EpochBatches cut = new EpochBatches(visits, plan.batchSize());
            int steps = cut.count();
            lastBatchJoined = cut.lastJoined();
            if (schedule == null) {
                schedule = new LearningRateSchedule(plan.schedule(), plan.learningRate(), plan.epochs(), steps,
                        plan.earlyStopping());
            }
            double epochRate = schedule.rate(globalStep + 1);
            long epochStart = System.nanoTime();
            double lossSum = 0;
            long dataNanos = 0;
            long stepNanos = 0;
            for (int step = 1; step <= steps; step++) {
                globalStep++;
                int from = cut.from(step - 1);
                long made = System.nanoTime();
                Batch batch = stepBatches.make(order, from, cut.to(step - 1), epoch);
                long calling = System.nanoTime();
                if (schedule.varies()) model.setLearningRate(schedule.rate(globalStep));
                float loss = model.trainStep(batch);
                long returned = System.nanoTime();
                dataNanos += calling - made;
                stepNanos += returned - calling;
                if (!Float.isFinite(loss)) {
                    return diverged(stopping, new Divergence(epoch, step, "train_loss", Float.toString(loss)));
                }
                lossSum += (double) loss * batch.size();
                double elapsed = seconds(epochStart);
                listener.onStep(new StepProgress(epoch, plan.epochs(), step, steps, lossSum / (from + batch.size()),
                        eta(elapsed, step, steps, epoch, lastValidationSeconds)));
            }
            double trainSeconds = seconds(epochStart);
            Evaluation val = evaluator.evaluate(validation);
            double epochSeconds = seconds(epochStart);
            if (!Double.isFinite(val.loss())) {
                return diverged(stopping, new Divergence(epoch, 0, "val_loss", Double.toString(val.loss())));
            }
            secondsSoFar += epochSeconds;
            if (timeToAccuracy != null && !timeToAccuracy.reached() && val.accuracy() >= timeToAccuracy.target()) {
                timeToAccuracy = new TimeToAccuracy(timeToAccuracy.target(), epoch, secondsSoFar);
            }
            double trainAccuracy = evaluator.evaluate(train, accuracySample, false, new int[0]).accuracy();
            MemoryProbe.Sample memorySample = memory.sample();
            EpochRecord record = new EpochRecord(epoch, lossSum / visits, trainAccuracy, val.loss(), val.accuracy(),
                    epochSeconds, trainSeconds, epochRate, memorySample.rssMb(), stepNanos / 1e9, dataNanos / 1e9,
                    memorySample.heapMb(), memorySample.nativeMb());
            history.add(record);
            lastValidationSeconds = epochSeconds - trainSeconds;
            EarlyStopping.Decision decision = stopping.update(epoch, val.loss(), val.accuracy());
            schedule.endOfEpoch(epoch, val.loss(), val.accuracy());
            if (decision == EarlyStopping.Decision.IMPROVED && keepBest) bestWeights = model.exportWeights();
            listener.onEpoch(record, plan.epochs(), decision);
            if (decision == EarlyStopping.Decision.STOP) {
                stoppedEarly = true;
                break;
            }
        }
        boolean restored = false;
        if (keepBest && bestWeights != null && stopping.bestEpoch() != history.size()) {
            model.importWeights(bestWeights, true);
            restored = true;
        }
        return new TrainingOutcome(summary(stopping, stoppedEarly, restored), null);
    }

    private TrainingOutcome diverged(EarlyStopping stopping, Divergence divergence) {
        return new TrainingOutcome(summary(stopping, false, false), divergence);
    }

    private TrainingSummary summary(EarlyStopping stopping, boolean stoppedEarly, boolean restored) {
        Integer best = stopping.bestEpoch() > 0 ? stopping.bestEpoch() : null;
        return new TrainingSummary(history.size(), best, stoppedEarly, restored, history, lastBatchJoined,
                timeToAccuracy);
    }

    /**
     * Time left to the end of the epoch budget, at the current epoch's pace: an epoch lasts its steps
     * plus a validation as long as the previous epoch's.
     */
    private double eta(double elapsed, int step, int steps, int epoch, double lastValidationSeconds) {
        double epochLength = elapsed / step * steps + lastValidationSeconds;
        return Math.max(0, epochLength - elapsed) + (plan.epochs() - epoch) * epochLength;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
