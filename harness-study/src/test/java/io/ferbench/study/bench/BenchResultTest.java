package io.ferbench.study.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.cell.Device;
import io.ferbench.worker.bench.BenchParams;
import io.ferbench.worker.bench.ForkResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scores on numbers worked out by hand: Student-t error, median, min, max, and how forks pool. */
class BenchResultTest {
    @Test
    void theErrorIsTheHalfWidthOfThe999PercentStudentTInterval() {
        Score s = Score.of(new double[] {5, 1, 4, 2, 3});
        assertEquals(5, s.n());
        assertEquals(3.0, s.mean(), 1e-12);
        assertEquals(Math.sqrt(2.5), s.sd(), 1e-12);
        // t(0.9995, 4) = 8.610302 (tables); 8.610302 · √2.5 / √5 = 8.610302 / √2 = 6.088403
        assertEquals(6.088403, s.error(), 1e-5);
        assertEquals(3.0 - 6.088403, s.ciLow(), 1e-5);
        assertEquals(3.0, s.median(), 0);
        assertEquals(1.0, s.min(), 0);
        assertEquals(5.0, s.max(), 0);
        assertEquals(2.5, Score.of(new double[] {4, 1, 2, 3}).median(), 0, "even count: the middle pair's mean");
    }

    @Test
    void oneIterationHasAScoreButNoError() {
        Score s = Score.of(new double[] {7});
        assertEquals(7.0, s.mean(), 0);
        assertTrue(Double.isNaN(s.error()) && Double.isNaN(s.sd()));
        assertThrows(IllegalArgumentException.class, () -> Score.of(new double[0]));
    }

    @Test
    void forksArePooledAndWarmupIsLeftOut() {
        BenchParams p = new BenchParams("djl", "resnet18", 4, 48, 0, Device.CPU, 1, 2, 2, 2, 42);
        // the warm-up iterations are absurdly slow: included, they would change every figure below
        ForkResult first = new ForkResult(p, 1, null, 1, 1, 0.1, List.of(100.0), List.of(0.5, 1.0), 1.0f, null);
        ForkResult second = new ForkResult(p, 2, null, 1, 1, 0.1, List.of(100.0), List.of(0.25), 1.0f, null);
        BenchResult r = BenchResult.of(p, List.of(first, second));
        // 4 images × 2 steps per iteration: 8 / 0.5 = 16, 8 / 1.0 = 8, 8 / 0.25 = 32 img/s
        Score thrpt = r.score(Mode.THRPT);
        assertEquals(3, thrpt.n());
        assertEquals(56.0 / 3, thrpt.mean(), 1e-12);
        assertEquals(16.0, thrpt.median(), 0);
        assertEquals(8.0, thrpt.min(), 0);
        assertEquals(32.0, thrpt.max(), 0);
        // 1000 · seconds / 2 steps: 250, 500, 125 ms/step
        Score avgt = r.score(Mode.AVGT);
        assertEquals(875.0 / 3, avgt.mean(), 1e-9);
        assertEquals(250.0, avgt.median(), 0);
        assertEquals(List.of(Mode.THRPT, Mode.AVGT), List.copyOf(r.scores().keySet()), "in Mode's order");
    }

    @Test
    void theTableHasOneRowPerModeWithTheScoreItsErrorAndTheRowsDecimals() {
        BenchParams p = new BenchParams("tensorflow", "mobilenet_v2", 4, 48, 0, Device.CPU, 0, 2, 2, 1, 42);
        ForkResult fork = new ForkResult(p, 1, null, 1, 1, 0.1, List.of(), List.of(0.5, 1.0), 1.0f, null);
        StringWriter text = new StringWriter();
        new ConsoleTable(new PrintWriter(text, true)).write(List.of(BenchResult.of(p, List.of(fork))));
        List<String> lines = text.toString().lines().toList();
        assertEquals(3, lines.size(), text.toString());
        assertTrue(lines.get(0).matches("Benchmark +\\(backend\\) +\\(architecture\\) .* Mode +Cnt +Score +Error +Units +"
                + "Median +Min +Max"), lines.get(0));
        // 16 and 8 img/s: mean 12.00, t(0.9995, 1) = 636.6 · sd 5.657 / √2 = 2546.5; 500 and 250 ms/step
        assertTrue(lines.get(1).matches("trainStep +tensorflow +mobilenet_v2 +4 +48 +thrpt +2 +12\\.00 +± +2546\\.48 +"
                + "img/s +12\\.00 +8\\.00 +16\\.00"), lines.get(1));
        assertTrue(lines.get(2).matches("trainStep +tensorflow +mobilenet_v2 +4 +48 +avgt +2 +375\\.0 +± +79577\\.4 +"
                + "ms/step +375\\.0 +250\\.0 +500\\.0"), lines.get(2));
    }

    @Test
    void parametersOutOfRangeNameTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BenchParams("djl", "resnet18", 4, 48, 0, Device.CPU, 1, 0, 2, 2, 42));
        assertEquals("--iterations must be at least 1, got 0", e.getMessage());
    }
}
