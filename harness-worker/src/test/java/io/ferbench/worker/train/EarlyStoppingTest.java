package io.ferbench.worker.train;

import static io.ferbench.worker.train.EarlyStopping.Decision.IMPROVED;
import static io.ferbench.worker.train.EarlyStopping.Decision.NO_IMPROVEMENT;
import static io.ferbench.worker.train.EarlyStopping.Decision.STOP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.cell.EarlyStoppingSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    private static List<EarlyStopping.Decision> feedLosses(EarlyStopping es, double... losses) {
        List<EarlyStopping.Decision> d = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) d.add(es.update(i + 1, losses[i], 0));
        return d;
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovement() {
        EarlyStopping es = new EarlyStopping(new EarlyStoppingSpec(true, EarlyStoppingSpec.Monitor.VAL_LOSS, 2, 0, true));
        assertEquals(List.of(IMPROVED, IMPROVED, IMPROVED, NO_IMPROVEMENT, STOP), feedLosses(es, 1.0, 0.9, 0.8, 0.85, 0.81));
        assertEquals(3, es.bestEpoch());
        assertEquals(0.8, es.bestValue());
    }

    @Test
    void anImprovementResetsThePatienceCounter() {
        EarlyStopping es = new EarlyStopping(new EarlyStoppingSpec(true, EarlyStoppingSpec.Monitor.VAL_LOSS, 2, 0, false));
        assertEquals(List.of(IMPROVED, NO_IMPROVEMENT, IMPROVED, NO_IMPROVEMENT, STOP),
                feedLosses(es, 1.0, 1.1, 0.9, 0.95, 0.92));
        assertEquals(3, es.bestEpoch());
    }

    @Test
    void changesSmallerThanMinDeltaAreNotImprovements() {
        EarlyStopping es = new EarlyStopping(new EarlyStoppingSpec(true, EarlyStoppingSpec.Monitor.VAL_LOSS, 2, 0.05, false));
        // 0.97 and 0.96 are better than 1.0, but not by more than 0.05
        assertEquals(List.of(IMPROVED, NO_IMPROVEMENT, STOP), feedLosses(es, 1.0, 0.97, 0.96));
        assertEquals(1, es.bestEpoch());
        EarlyStopping exact = new EarlyStopping(new EarlyStoppingSpec(true, EarlyStoppingSpec.Monitor.VAL_LOSS, 2, 0.05, false));
        assertEquals(List.of(IMPROVED, IMPROVED), feedLosses(exact, 1.0, 0.9));
    }

    @Test
    void accuracyIsMonitoredUpwards() {
        EarlyStopping es = new EarlyStopping(new EarlyStoppingSpec(true, EarlyStoppingSpec.Monitor.VAL_ACCURACY, 1, 0.01, false));
        assertEquals(IMPROVED, es.update(1, 9.9, 0.50));
        assertEquals(IMPROVED, es.update(2, 9.9, 0.60));
        assertEquals(STOP, es.update(3, 0.1, 0.605)); // a far better loss does not matter
        assertEquals(2, es.bestEpoch());
    }

    @Test
    void patienceZeroStopsAtTheFirstEpochThatDoesNotImprove() {
        EarlyStopping es = new EarlyStopping(new EarlyStoppingSpec(true, EarlyStoppingSpec.Monitor.VAL_LOSS, 0, 0, false));
        assertEquals(List.of(IMPROVED, IMPROVED, STOP), feedLosses(es, 1.0, 0.5, 0.5));
    }

    @Test
    void disabledRuleTracksTheBestEpochButNeverStops() {
        EarlyStopping es = new EarlyStopping(EarlyStoppingSpec.off());
        List<EarlyStopping.Decision> d = feedLosses(es, 1.0, 0.5, 0.7, 0.8, 0.9, 1.0);
        assertTrue(d.stream().noneMatch(x -> x == STOP));
        assertEquals(2, es.bestEpoch());
    }

    @Test
    void rejectsUnknownMonitorAndNegativeSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EarlyStoppingSpec.Monitor.of("loss"));
        assertTrue(e.getMessage().contains("'loss'") && e.getMessage().contains("val_loss"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new EarlyStopping(new EarlyStoppingSpec(true, EarlyStoppingSpec.Monitor.VAL_LOSS, -1, 0, false)));
        assertThrows(IllegalArgumentException.class,
                () -> new EarlyStopping(new EarlyStoppingSpec(true, EarlyStoppingSpec.Monitor.VAL_LOSS, 1, -0.1, false)));
    }
}
