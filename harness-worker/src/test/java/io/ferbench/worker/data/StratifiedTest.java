package io.ferbench.worker.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedTest {
    @Test
    void holdOutIsTwentyPercentRounded() {
        assertEquals(0, Stratified.holdOutCount(2));
        assertEquals(1, Stratified.holdOutCount(3));
        assertEquals(5, Stratified.holdOutCount(25));
        assertEquals(4, Stratified.holdOutCount(20));
        // FER2013 Kaggle train/angry: 3995 images → 799 validation
        assertEquals(799, Stratified.holdOutCount(3995));
    }

    @Test
    void allocationKeepsProportionsAndNeverExceedsAGroup() {
        assertArrayEquals(new int[] {8, 0, 2}, Stratified.allocate(10, new int[] {40, 0, 10}));
        assertArrayEquals(new int[] {3, 1, 1}, Stratified.allocate(5, new int[] {6, 2, 2}));
        assertArrayEquals(new int[] {4, 2, 1}, Stratified.allocate(100, new int[] {4, 2, 1}));
        int[] quota = Stratified.allocate(7, new int[] {1, 100, 1});
        assertEquals(7, IntStream.of(quota).sum());
    }

    @Test
    void shuffleIsAPermutationDeterminedBySeedAndLabels() {
        List<Integer> items = IntStream.range(0, 50).boxed().toList();
        List<Integer> a = Stratified.shuffled(items, 1, "choose", "happy");
        assertEquals(a, Stratified.shuffled(items, 1, "choose", "happy"));
        assertEquals(items, a.stream().sorted().toList());
        assertNotEquals(a, Stratified.shuffled(items, 2, "choose", "happy"));
        assertNotEquals(a, Stratified.shuffled(items, 1, "choose", "sad"));
        assertNotEquals(Stratified.mix(0, "ab", "c"), Stratified.mix(0, "a", "bc"));
    }
}
