package io.ferbench.api.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Suggestions for misspelt suite keys, backend and architecture names. */
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
        assertEquals(Optional.empty(), DidYouMean.suggest("b", KEYS), "no prefix matching unless asked for");
    }

    @Test
    void prefixFirstCompletesAbbreviationsThenFallsBackToTypos() {
        List<String> archs = List.of("resnet18", "mobilenet_v2", "shufflenet_v2_x1_0");
        assertEquals(Optional.of("shufflenet_v2_x1_0"), DidYouMean.suggestPrefixFirst("ShuffleNet", archs));
        assertEquals(Optional.of("resnet18"), DidYouMean.suggestPrefixFirst("resnet-18", archs));
        assertEquals(Optional.of("mobilenet_v2"), DidYouMean.suggestPrefixFirst("mobilenetv2", archs));
        assertEquals(Optional.empty(), DidYouMean.suggestPrefixFirst("vgg16", archs));
        assertEquals(Optional.empty(), DidYouMean.suggestPrefixFirst("", archs));
    }

    @Test
    void hintIsEmptyWithoutASuggestion() {
        assertEquals("; did you mean 'backend'?", DidYouMean.hint("bakcend", KEYS));
        assertEquals("", DidYouMean.hint("momentum", KEYS));
    }
}
