package io.ferbench.worker.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.result.EpochRecord;
import io.ferbench.api.result.TimeToAccuracy;
import io.ferbench.api.result.TrainingSummary;
import io.ferbench.worker.data.PreparedDataset;
import io.ferbench.worker.env.MemoryProbe;
import io.ferbench.api.cell.EarlyStoppingSpec;
import io.ferbench.api.cell.ScheduleSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final PreparedDataset DATA = TinyData.dataset(10, 6, 4);
    private static final int STEPS = 3; // 10 images in batches of 4: 4, 4, 2

    private static TrainingPlan plan(int epochs, EarlyStoppingSpec es) {
        return new TrainingPlan(epochs, 4, 42, 1e-3, es, 100);
    }

    private static double[] losses(double... v) { return v; }

    @Test
    void earlyStoppingEndsAfterPatienceAndRestoresTheBestEpochsWeights() {
        ScriptedModel model = new ScriptedModel(losses(1.0, 0.8, 0.9, 0.95, 0.5, 0.4), STEPS, 0);
        TrainingOutcome out = new Trainer(plan(6, new EarlyStoppingSpec(true, EarlyStoppingSpec.Monitor.VAL_LOSS, 2, 0, true)),
                TrainingListener.NONE).train(model, DATA);
        TrainingSummary s = out.summary();
        assertFalse(out.diverged());
        assertEquals(4, s.epochsRun());
        assertTrue(s.stoppedEarly());
        assertEquals(2, s.bestEpoch());
        assertTrue(s.restoredBest());
        assertEquals(2f, model.weight(), "the model must hold epoch 2's weights after training");
        assertEquals(1, model.imports);
        double[] valLosses = s.history().stream().mapToDouble(EpochRecord::valLoss).toArray();
        assertArrayEquals(new double[] {1.0, 0.8, 0.9, 0.95}, valLosses, 1e-5);
    }

    @Test
    void minDeltaDecidesWhatCountsAsImprovement() {
        ScriptedModel model = new ScriptedModel(losses(1.0, 0.98, 0.97, 0.5), STEPS, 0);
        TrainingSummary s = new Trainer(plan(4, new EarlyStoppingSpec(true, EarlyStoppingSpec.Monitor.VAL_LOSS, 2, 0.05, true)),
                TrainingListener.NONE).train(model, DATA).summary();
        assertEquals(3, s.epochsRun());
        assertEquals(1, s.bestEpoch());
        assertEquals(1f, model.weight());
    }

    @Test
    void bestWeightsAreRestoredAlsoWhenTheEpochBudgetRunsOut() {
        ScriptedModel model = new ScriptedModel(losses(1.0, 0.7, 0.9), STEPS, 0);
        TrainingSummary s = new Trainer(plan(3, new EarlyStoppingSpec(true, EarlyStoppingSpec.Monitor.VAL_LOSS, 5, 0, true)),
                TrainingListener.NONE).train(model, DATA).summary();
        assertFalse(s.stoppedEarly());
        assertTrue(s.restoredBest());
        assertEquals(2f, model.weight());
    }

    @Test
    void withoutRestoreBestOrWithoutEarlyStoppingTheLastWeightsStay() {
        ScriptedModel noRestore = new ScriptedModel(losses(1.0, 0.7, 0.9, 0.9), STEPS, 0);
        TrainingSummary s = new Trainer(plan(4, new EarlyStoppingSpec(true, EarlyStoppingSpec.Monitor.VAL_LOSS, 2, 0, false)),
                TrainingListener.NONE).train(noRestore, DATA).summary();
        assertTrue(s.stoppedEarly());
        assertFalse(s.restoredBest());
        assertEquals(4f, noRestore.weight());
        assertEquals(0, noRestore.imports);

        ScriptedModel disabled = new ScriptedModel(losses(1.0, 0.7, 0.9, 0.9, 0.9), STEPS, 0);
        TrainingSummary d = new Trainer(plan(5, EarlyStoppingSpec.off()), TrainingListener.NONE)
                .train(disabled, DATA).summary();
        assertEquals(5, d.epochsRun());
        assertEquals(2, d.bestEpoch(), "the best epoch is reported even without early stopping");
        assertEquals(5f, disabled.weight());
    }

    @Test
    void nanLossEndsTrainingAsDivergedWithEpochAndStepAndKeepsTheHistory() {
        ScriptedModel model = new ScriptedModel(losses(1.0, 0.9, 0.8), STEPS, 5); // step 5 = epoch 2, step 2
        TrainingOutcome out = new Trainer(plan(3, EarlyStoppingSpec.off()), TrainingListener.NONE).train(model, DATA);
        assertTrue(out.diverged());
        assertEquals(2, out.divergence().epoch());
        assertEquals(2, out.divergence().step());
        assertEquals("train_loss", out.divergence().quantity());
        assertEquals("NaN", out.divergence().value());
        assertEquals(1, out.summary().epochsRun());
        assertEquals(1, out.summary().history().size());
        assertEquals(5, model.trainBatches.size(), "no step after the NaN");
    }

    @Test
    void aSingleImageLeftOverJoinsTheLastBatchAndTheSummarySaysSo() {
        // 9 training images in batches of 4 would leave one alone: 4, 5 instead of 4, 4, 1
        PreparedDataset nine = TinyData.dataset(9, 6, 4);
        ScriptedModel model = new ScriptedModel(losses(1, 1), 2, 0);
        TrainingSummary s = new Trainer(plan(2, EarlyStoppingSpec.off()), TrainingListener.NONE).train(model, nine)
                .summary();
        assertEquals(List.of(4, 5, 4, 5), model.trainBatches.stream().map(Batch::size).toList());
        assertTrue(s.lastBatchJoined());
        ScriptedModel tenImages = new ScriptedModel(losses(1), STEPS, 0);
        assertFalse(new Trainer(plan(1, EarlyStoppingSpec.off()), TrainingListener.NONE).train(tenImages, DATA)
                .summary().lastBatchJoined(), "10 in batches of 4 leave 2: nothing to join");
    }

    @Test
    void everyEpochVisitsEveryImageOnceInASeededOrderKeepingThePartialBatch() {
        ScriptedModel a = new ScriptedModel(losses(1, 1, 1), STEPS, 0);
        new Trainer(plan(3, EarlyStoppingSpec.off()), TrainingListener.NONE).train(a, DATA);
        assertEquals(9, a.trainBatches.size());
        List<List<Integer>> epochs = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            List<Integer> seen = new ArrayList<>();
            int[] sizes = new int[STEPS];
            for (int s = 0; s < STEPS; s++) {
                Batch b = a.trainBatches.get(e * STEPS + s);
                sizes[s] = b.size();
                for (int k = 0; k < b.size(); k++) seen.add(imageIndex(b, k));
            }
            assertArrayEquals(new int[] {4, 4, 2}, sizes);
            List<Integer> sorted = new ArrayList<>(seen);
            sorted.sort(null);
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), sorted);
            epochs.add(seen);
        }
        assertFalse(epochs.get(0).equals(epochs.get(1)) && epochs.get(1).equals(epochs.get(2)),
                "each epoch must have its own shuffle");

        // another model (another backend) with the same seed sees exactly the same batches
        ScriptedModel b = new ScriptedModel(losses(1, 1, 1), STEPS, 0);
        new Trainer(plan(3, EarlyStoppingSpec.off()), TrainingListener.NONE).train(b, DATA);
        for (int i = 0; i < 9; i++) {
            assertArrayEquals(a.trainBatches.get(i).images(), b.trainBatches.get(i).images());
            assertArrayEquals(a.trainBatches.get(i).labels(), b.trainBatches.get(i).labels());
        }
    }

    @Test
    void batchesAreNormalisedWithTheTrainingMeanAndStd() {
        ScriptedModel m = new ScriptedModel(losses(1), STEPS, 0);
        new Trainer(plan(1, EarlyStoppingSpec.off()), TrainingListener.NONE).train(m, DATA);
        Batch b = m.trainBatches.get(0);
        int index = imageIndex(b, 0);
        int raw = DATA.train().pixels()[index * 16 + 5] & 0xFF;
        assertEquals((raw / 255f - 0.5f) / 0.25f, b.images()[5], 1e-6);
        assertEquals(index % 2, b.labels()[0]);
    }

    @Test
    void historyRecordsLossesAccuraciesTimesAndLearningRate() {
        ScriptedModel m = new ScriptedModel(losses(0.9, 0.3), STEPS, 0);
        List<StepProgress> steps = new ArrayList<>();
        List<EpochRecord> epochs = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override public void onStep(StepProgress p) { steps.add(p); }
            @Override public void onEpoch(EpochRecord r, int n, EarlyStopping.Decision d) { epochs.add(r); }
        };
        TrainingSummary s = new Trainer(plan(2, EarlyStoppingSpec.off()), listener).train(m, DATA).summary();
        EpochRecord first = s.history().get(0);
        // step losses are 1/1, 1/2, 1/3 for batches of 4, 4 and 2 images
        assertEquals((1.0 * 4 + 0.5 * 4 + (1.0 / 3) * 2) / 10, first.trainLoss(), 1e-6);
        // loss 0.9 > log 2 puts the wrong class ahead, 0.3 < log 2 the right one
        assertEquals(0.0, first.valAccuracy());
        assertEquals(0.0, first.trainAccuracy());
        assertEquals(1.0, s.history().get(1).valAccuracy());
        assertEquals(1.0, s.history().get(1).trainAccuracy());
        assertEquals(1e-3, first.learningRate());
        assertTrue(first.seconds() >= first.trainSeconds() && first.trainSeconds() > 0);
        assertEquals(6, steps.size());
        assertEquals(3, steps.get(5).step());
        assertEquals(0.0, steps.get(5).etaSeconds(), 0.05, "nothing left after the last step but validation");
        assertTrue(steps.stream().allMatch(p -> p.etaSeconds() >= 0));
        assertEquals(s.history(), epochs);
    }

    @Test
    void aCosineScheduleWithWarmUpSetsTheRateBeforeEveryStepAndEpochRecordsItsFirstRate() {
        ScriptedModel model = new ScriptedModel(losses(1.0, 0.9, 0.8, 0.7), STEPS, 0);
        TrainingPlan plan = new TrainingPlan(4, 4, 42, 0.01, EarlyStoppingSpec.off(), 100, null, false,
                new ScheduleSpec(ScheduleSpec.Kind.COSINE, 1));
        TrainingSummary s = new Trainer(plan, TrainingListener.NONE).train(model, DATA).summary();
        assertEquals(4 * STEPS, model.learningRates.size(), "one rate per step");
        // warm-up over the 3 steps of epoch 1, then cosine over the remaining 9
        assertEquals(0.01 / 3, model.learningRates.get(0), 1e-12);
        assertEquals(0.01, model.learningRates.get(2), 1e-12);
        assertEquals(0.01, model.learningRates.get(3), 1e-12, "the first step after the warm-up has the full rate");
        assertEquals(0.01 * 0.5 * (1 + Math.cos(Math.PI * 8 / 9)), model.learningRates.get(11), 1e-12);
        for (int i = 4; i < 12; i++) {
            assertTrue(model.learningRates.get(i) < model.learningRates.get(i - 1), "cosine decays at step " + (i + 1));
        }
        assertEquals(0.01 / 3, s.history().get(0).learningRate(), 1e-12);
        assertEquals(model.learningRates.get(STEPS), s.history().get(1).learningRate(), 1e-12);
    }

    @Test
    void theFirstEpochReachingTheTargetAccuracyIsTimedAndTrainingGoesOnUnchanged() {
        // validation accuracy is 1 when the scripted loss is below log 2, else 0: epochs 3 and 4 reach 0.5
        ScriptedModel model = new ScriptedModel(losses(1.0, 0.9, 0.5, 0.4), STEPS, 0);
        TrainingPlan plan = new TrainingPlan(4, 4, 42, 1e-3, EarlyStoppingSpec.off(), 100, null, false, null, 0.5);
        TrainingSummary s = new Trainer(plan, TrainingListener.NONE).train(model, DATA).summary();
        assertEquals(4, s.epochsRun(), "the target does not stop training");
        TimeToAccuracy reached = s.timeToAccuracy();
        assertEquals(0.5, reached.target());
        assertEquals(3, reached.epochs());
        double firstThree = s.history().subList(0, 3).stream().mapToDouble(EpochRecord::seconds).sum();
        assertEquals(firstThree, reached.seconds(), 1e-12, "the wall time of epochs 1 to 3");

        TrainingSummary never = new Trainer(new TrainingPlan(2, 4, 42, 1e-3, EarlyStoppingSpec.off(), 100, null, false,
                null, 1.0), TrainingListener.NONE).train(new ScriptedModel(losses(1.0, 0.9), STEPS, 0), DATA).summary();
        assertFalse(never.timeToAccuracy().reached());
        assertNull(never.timeToAccuracy().seconds());
        assertNull(new Trainer(plan(1, EarlyStoppingSpec.off()), TrainingListener.NONE)
                .train(new ScriptedModel(losses(1.0), STEPS, 0), DATA).summary().timeToAccuracy(), "no target, none");
    }

    @Test
    void everyEpochSplitsItsTrainingTimeIntoBackendStepsAndBatchesAndReadsTheMemory() {
        ScriptedModel model = new ScriptedModel(losses(1.0, 0.9), STEPS, 0);
        TrainingSummary s = new Trainer(plan(2, EarlyStoppingSpec.off()), TrainingListener.NONE)
                .train(model, DATA, MemoryProbe.withNative(() -> OptionalLong.of(3L << 20))).summary();
        for (EpochRecord e : s.history()) {
            assertTrue(e.stepSeconds() > 0 && e.dataSeconds() > 0, e.toString());
            assertTrue(e.stepSeconds() + e.dataSeconds() <= e.trainSeconds(), "both are parts of the training time");
            assertEquals(e.trainSeconds() - e.stepSeconds(), e.harnessSeconds(), 1e-12);
            assertEquals(3.0, e.nativeMb(), 1e-12, "the backend's own count, in MiB");
            assertTrue(e.heapMb() > 0, "the committed heap");
        }
    }

    @Test
    void aConstantScheduleNeverTouchesTheBackendsRate() {
        ScriptedModel model = new ScriptedModel(losses(1.0, 0.9), STEPS, 0);
        new Trainer(plan(2, EarlyStoppingSpec.off()), TrainingListener.NONE).train(model, DATA);
        assertTrue(model.learningRates.isEmpty());
    }

    @Test
    void aPlateauScheduleDividesTheRateByTenAfterTwoEpochsWithoutImprovement() {
        ScriptedModel model = new ScriptedModel(losses(1.0, 0.8, 0.9, 0.85, 0.7, 0.75), STEPS, 0);
        TrainingPlan plan = new TrainingPlan(6, 4, 42, 0.01, new EarlyStoppingSpec(false, EarlyStoppingSpec.Monitor.VAL_LOSS, 5, 0, false),
                100, null, false, new ScheduleSpec(ScheduleSpec.Kind.PLATEAU, 0));
        TrainingSummary s = new Trainer(plan, TrainingListener.NONE).train(model, DATA).summary();
        double[] rates = s.history().stream().mapToDouble(EpochRecord::learningRate).toArray();
        // epochs 3 and 4 do not beat epoch 2's 0.8, so epoch 5 starts at a tenth; epoch 5 improves (0.7)
        assertArrayEquals(new double[] {0.01, 0.01, 0.01, 0.01, 0.001, 0.001}, rates, 1e-12);
    }

    @Test
    void aWarmUpAsLongAsTheEpochBudgetIsAClearError() {
        TrainingPlan plan = new TrainingPlan(2, 4, 42, 0.01, EarlyStoppingSpec.off(), 100, null, false,
                new ScheduleSpec(ScheduleSpec.Kind.COSINE, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(plan, TrainingListener.NONE).train(new ScriptedModel(losses(1, 1), STEPS, 0), DATA));
        assertTrue(e.getMessage().contains("warmup_epochs (2) must be below epochs (2)"), e.getMessage());
    }

    @Test
    void emptyValidationSplitIsAClearError() {
        PreparedDataset noVal = TinyData.dataset(10, 0, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(plan(1, EarlyStoppingSpec.off()), TrainingListener.NONE)
                        .train(new ScriptedModel(losses(1), STEPS, 0), noVal));
        assertTrue(e.getMessage().contains("no validation images"), e.getMessage());
    }

    @Test
    void testEvaluationKeepsFeaturesOfASeededSampleWithTheirLabels() {
        ScriptedModel m = new ScriptedModel(losses(0.3), STEPS, 0);
        new Trainer(plan(1, EarlyStoppingSpec.off()), TrainingListener.NONE).train(m, DATA);
        PreparedDataset data = TinyData.dataset(10, 6, 9);
        TestOutcome out = TestEvaluation.run(m, data, 4, 5, 42);
        assertEquals(9, out.metrics().images());
        assertEquals(1.0, out.metrics().accuracy());
        assertEquals(0.3, out.metrics().loss(), 1e-5);
        assertEquals(5, out.features().size());
        int[] rows = SeededOrder.sample(9, 5, 42, SeededOrder.Stream.FEATURE_SAMPLE);
        for (int k = 0; k < 5; k++) {
            assertEquals(rows[k] % 2, out.features().labels()[k]);
            // the scripted feature is the image's first normalised pixel, which encodes its index
            float expected = ((rows[k] & 0xFF) / 255f - 0.5f) / 0.25f;
            assertEquals(expected, out.features().vectors()[k][0], 1e-6);
        }
        assertEquals(2, out.metrics().confusion().length);
        assertNotNull(out.metrics().perClass());
        assertNull(TestEvaluation.run(m, data, 4, 0, 42).features());
    }

    /** The scripted data stores each image's index in its first pixel. */
    private static int imageIndex(Batch b, int k) {
        float normalised = b.images()[k * b.channels() * b.height() * b.width()];
        return Math.round((normalised * 0.25f + 0.5f) * 255f);
    }

    @Test
    void seededOrderIsAPermutationThatDependsOnSeedAndEpoch() {
        int[] p = SeededOrder.epochPermutation(50, 7, 1);
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) assertEquals(i, sorted[i]);
        assertArrayEquals(p, SeededOrder.epochPermutation(50, 7, 1));
        assertFalse(Arrays.equals(p, SeededOrder.epochPermutation(50, 7, 2)));
        assertFalse(Arrays.equals(p, SeededOrder.epochPermutation(50, 8, 1)));
        int[] sample = SeededOrder.sample(50, 10, 7, SeededOrder.Stream.FEATURE_SAMPLE);
        assertEquals(10, Arrays.stream(sample).distinct().count());
        for (int i = 1; i < sample.length; i++) assertTrue(sample[i - 1] < sample[i]);
        assertEquals(5, SeededOrder.sample(5, 10, 7, SeededOrder.Stream.FEATURE_SAMPLE).length);
    }
}
