package io.ferbench.core.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    private static final List<String> KEYS = List.of("learning_rate", "batch_size", "backend", "beta1", "beta2");

    @Test
    void distanceCountsEditsAndAdjacentSwapsOnce() {
        assertEquals(0, DidYouMean.distance("epochs", "epochs"));
        assertEquals(1, DidYouMean.distance("learnng_rate", "learning_rate"));
        assertEquals(1, DidYouMean.distance("bakcend", "backend"));
        assertEquals(3, DidYouMean.distance("kitten", "sitting"));
    }

    @Test
    void suggestsOnlyPlausibleTypos() {
        assertEquals(Optional.of("learning_rate"), DidYouMean.suggest("learnng_rate", KEYS));
        assertEquals(Optional.of("learning_rate"), DidYouMean.suggest("Learning_Rate", KEYS));
        assertEquals(Optional.of("batch_size"), DidYouMean.suggest("batchsize", KEYS));
        assertEquals(Optional.of("beta1"), DidYouMean.suggest("beta", KEYS), "ties go to the earlier candidate");
        assertEquals(Optional.empty(), DidYouMean.suggest("momentum", KEYS));
    }
}
