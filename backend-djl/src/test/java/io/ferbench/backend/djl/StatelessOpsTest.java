package io.ferbench.backend.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each parameter-free op against values worked out by hand from PyTorch's definitions. */
class StatelessOpsTest {
    private NDManager manager;

    @BeforeEach void open() { manager = Fixtures.manager(); }

    @AfterEach void close() { manager.close(); }

    private NDArray channels(float... values) {
        return manager.create(values, new Shape(1, values.length, 1, 1));
    }

    @Test
    void channelShuffleInterleavesTheGroups() {
        // 6 channels in 2 groups: (0 1 2 | 3 4 5) -> 0 3 1 4 2 5, as torchvision's channel_shuffle
        NDArray out = StatelessOps.channelShuffle(channels(0, 1, 2, 3, 4, 5), 2);
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, out.toFloatArray());
        // 3 groups of 2: (0 1 | 2 3 | 4 5) -> 0 2 4 1 3 5
        assertArrayEquals(new float[] {0, 2, 4, 1, 3, 5},
                StatelessOps.channelShuffle(channels(0, 1, 2, 3, 4, 5), 3).toFloatArray());
        assertEquals(new Shape(1, 6, 1, 1), out.getShape());
    }

    @Test
    void channelShuffleKeepsEachPixelWithItsChannel() {
        // 2 samples, 4 channels, 1x2 pixels: value = 100*n + 10*c + pixel
        float[] v = new float[16];
        for (int n = 0; n < 2; n++) for (int c = 0; c < 4; c++) for (int p = 0; p < 2; p++) {
            v[n * 8 + c * 2 + p] = 100 * n + 10 * c + p;
        }
        float[] out = StatelessOps.channelShuffle(manager.create(v, new Shape(2, 4, 1, 2)), 2).toFloatArray();
        int[] order = {0, 2, 1, 3};
        for (int n = 0; n < 2; n++) for (int c = 0; c < 4; c++) for (int p = 0; p < 2; p++) {
            assertEquals(100 * n + 10 * order[c] + p, out[n * 8 + c * 2 + p], "n=" + n + " c=" + c + " p=" + p);
        }
    }

    @Test
    void channelSplitFollowsTorchChunk() {
        NDArray x = channels(0, 1, 2, 3, 4, 5);
        assertArrayEquals(new float[] {0, 1, 2}, StatelessOps.channelSplit(x, 2, 0).toFloatArray());
        assertArrayEquals(new float[] {3, 4, 5}, StatelessOps.channelSplit(x, 2, 1).toFloatArray());
        // torch.chunk(5 channels, 2) gives sizes 3 and 2
        NDArray odd = channels(0, 1, 2, 3, 4);
        assertArrayEquals(new float[] {0, 1, 2}, StatelessOps.channelSplit(odd, 2, 0).toFloatArray());
        assertArrayEquals(new float[] {3, 4}, StatelessOps.channelSplit(odd, 2, 1).toFloatArray());
    }

    @Test
    void maxPoolPadsWithMinusInfinity() {
        // all values negative: zero padding would return 0 at the borders, -inf padding returns the values
        NDArray x = manager.create(new float[] {-4, -3, -2, -1}, new Shape(1, 1, 2, 2));
        NDArray out = StatelessOps.maxPool(x, 2, 2, 1);
        assertEquals(new Shape(1, 1, 2, 2), out.getShape());
        assertArrayEquals(new float[] {-4, -3, -2, -1}, out.toFloatArray());
    }

    @Test
    void maxPoolUsesFloorRoundingLikeTorch() {
        // 5x5 input 0..24, kernel 3, stride 2, padding 1 -> floor((5 + 2 - 3) / 2) + 1 = 3
        float[] v = new float[25];
        for (int i = 0; i < 25; i++) v[i] = i;
        NDArray out = StatelessOps.maxPool(manager.create(v, new Shape(1, 1, 5, 5)), 3, 2, 1);
        assertEquals(new Shape(1, 1, 3, 3), out.getShape());
        // window centred on (2r, 2c): max is at its bottom-right corner, clipped to the image
        assertArrayEquals(new float[] {6, 8, 9, 16, 18, 19, 21, 23, 24}, out.toFloatArray());
    }

    @Test
    void relu6ClipsToZeroAndSix() {
        assertArrayEquals(new float[] {0, 0, 0.5f, 6, 6},
                StatelessOps.relu6(manager.create(new float[] {-3, 0, 0.5f, 6, 7.5f})).toFloatArray());
        assertArrayEquals(new float[] {0, 0, 0.5f, 7.5f},
                StatelessOps.relu(manager.create(new float[] {-3, 0, 0.5f, 7.5f})).toFloatArray());
    }

    @Test
    void globalAveragePoolKeepsNchw() {
        NDArray x = manager.create(new float[] {1, 2, 3, 4, 10, 20, 30, 40}, new Shape(1, 2, 2, 2));
        NDArray out = StatelessOps.globalAvgPool(x);
        assertEquals(new Shape(1, 2, 1, 1), out.getShape());
        assertArrayEquals(new float[] {2.5f, 25f}, out.toFloatArray());
    }

    @Test
    void flattenKeepsTheBatchAxis() {
        NDArray out = StatelessOps.flatten(manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2, 1, 1)));
        assertEquals(new Shape(2, 2), out.getShape());
        assertArrayEquals(new float[] {1, 2, 3, 4}, out.toFloatArray());
    }

    @Test
    void addSumsEveryInputAndConcatStacksChannelsInOrder() {
        NDArray a = channels(1, 2);
        NDArray b = channels(10, 20);
        NDArray c = channels(100, 200);
        assertArrayEquals(new float[] {111, 222}, StatelessOps.add(List.of(a, b, c)).toFloatArray());
        NDArray cat = StatelessOps.concat(List.of(a, c));
        assertEquals(new Shape(1, 4, 1, 1), cat.getShape());
        assertArrayEquals(new float[] {1, 2, 100, 200}, cat.toFloatArray());
    }

    @Test
    void dropoutIsIdentityInEvaluationAndInvertedWhileTraining() {
        NDArray x = manager.ones(new Shape(1000));
        assertSame(x, StatelessOps.dropout(x, 0.5, false));
        float[] out = StatelessOps.dropout(x, 0.5, true).toFloatArray();
        int kept = 0;
        for (float v : out) {
            assertTrue(v == 0f || v == 2f, "inverted dropout keeps 1/(1-p) = 2 or drops to 0, got " + v);
            if (v != 0) kept++;
        }
        assertTrue(kept > 400 && kept < 600, "about half kept, got " + kept);
    }
}
