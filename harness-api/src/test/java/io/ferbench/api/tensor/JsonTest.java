package io.ferbench.api.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesEveryValueKindKeepingKeyOrder() {
        Object v = Json.parse(" {\"z\": [1, -2, 0, 1.5, 2e3], \"a\": {\"t\": true, \"f\": false, \"n\": null},"
                + " \"s\": \"q\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"}   ");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("z", List.of(1L, -2L, 0L, 1.5, 2000.0));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("t", true);
        inner.put("f", false);
        inner.put("n", null);
        expected.put("a", inner);
        expected.put("s", "q\"\\/\b\f\n\r\té😀");
        assertEquals(expected, v);
        assertEquals(List.of("z", "a", "s"), List.copyOf(((Map<?, ?>) v).keySet()));
    }

    @Test
    void quoteProducesWhatParseReadsBack() {
        String s = "tab\t quote\" slash\\ nl\n ctrl\u0001 é";
        assertEquals(s, Json.parse(Json.quote(s)));
        assertEquals("\"a\\u0001\"", Json.quote("a\u0001"));
    }

    @Test
    void rejectsWhatRfc8259Rejects() {
        for (String bad : Arrays.asList("{\"a\":1,}", "[1,]", "{\"a\" 1}", "{a:1}", "[01]", "[1.]", "[.5]", "[+1]",
                "[NaN]", "[\"tab\there\"]", "[\"\\x\"]", "[\"\\u12\"]", "[tru]", "{\"a\":1} x", "", "[1", "{\"a\":1,\"a\":2}",
                "[99999999999999999999]", "[1e]")) {
            Json.SyntaxException e = assertThrows(Json.SyntaxException.class, () -> Json.parse(bad), bad);
            assertTrue(e.getMessage().contains("at character"), e.getMessage());
        }
    }

    @Test
    void limitsNestingDepth() {
        String deep = "[".repeat(100) + "]".repeat(100);
        assertTrue(assertThrows(Json.SyntaxException.class, () -> Json.parse(deep)).getMessage().contains("nesting"));
    }
}
