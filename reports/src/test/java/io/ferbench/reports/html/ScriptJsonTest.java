package io.ferbench.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void nothingInAStringCanEndTheScriptElementOrOpenACommentYetJsonParseGivesItBack() throws Exception {
        String hostile = "</script><script>alert(1)</script> <!-- & \u2028 <img src=x onerror=alert(1)>";
        String json = ScriptJson.write(Map.of("name", hostile));
        for (String bad : List.of("<", ">", "&", "\u2028")) assertFalse(json.contains(bad), json);
        assertEquals(hostile, JSON.readTree(json).get("name").asText());
    }

    @Test
    void numbersAreRoundedToFiveSignificantDigitsAndNonFiniteOnesAreNull() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pi", Math.PI);
        data.put("small", 1.234567e-9);
        data.put("whole", 42.0);
        data.put("nan", Double.NaN);
        data.put("array", new double[] {0.123456789, Double.POSITIVE_INFINITY});
        data.put("matrix", new double[][] {{1.0 / 3, 2}});
        JsonNode node = JSON.readTree(ScriptJson.write(data));
        assertEquals(3.1416, node.get("pi").asDouble());
        assertEquals(1.2346e-9, node.get("small").asDouble(), 1e-20);
        assertEquals("42", node.get("whole").toString());
        assertTrue(node.get("nan").isNull());
        assertEquals(0.12346, node.get("array").get(0).asDouble());
        assertTrue(node.get("array").get(1).isNull());
        assertEquals("[[0.33333,2]]", node.get("matrix").toString());
    }
}
