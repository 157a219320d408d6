package io.ferbench.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferbench.api.result.CellResult;
import io.ferbench.reports.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page as a file: self-contained, its scripts allowed by its own policy, its data intact and inert. */
class ComparisonReportTest {
    private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL);

    @TempDir Path dir;

    private String render(List<CellResult> results, String suite) {
        RunFolder run = new RunFolder(new io.ferbench.worker.RunLayout(dir), suite, "<b>bold</b> claims",
                "name: x\n# </script> in a comment\n", results, List.of("003-never-ran"));
        return ComparisonReport.render(List.of(run), new TsneEmbeddings(), Instant.parse("2025-01-01T12:00:00Z"));
    }

    @Test
    void oneFileWithItsDataEChartsAndThePageScriptEachAllowedByHashAndNothingFetched() throws Exception {
        String html = render(List.of(TestCells.ok("c0", 0, TestCells.axes(), 0.75, 2, 0.7)), "demo");
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        List<String[]> scripts = new ArrayList<>();
        Matcher m = SCRIPT.matcher(html);
        while (m.find()) scripts.add(new String[] {m.group(1), m.group(2)});
        assertEquals(3, scripts.size(), "the data block, ECharts, the page script");
        assertEquals(" type=\"application/json\" id=\"ferbench-data\"", scripts.get(0)[0]);
        assertTrue(scripts.get(1)[1].contains("Apache") && scripts.get(1)[1].length() > 500_000, "ECharts inlined");

        Matcher policy = Pattern.compile("Content-Security-Policy\" content=\"([^\"]+)\"").matcher(html);
        assertTrue(policy.find());
        assertTrue(policy.group(1).startsWith("default-src 'none'; "), policy.group(1));
        for (String[] script : scripts.subList(1, 3)) {
            String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(script[1].getBytes(StandardCharsets.UTF_8)));
            assertTrue(policy.group(1).contains("'sha256-" + hash + "'"), "the policy allows each script as inlined");
        }
        // nothing outside the file: no external scripts, styles, images, frames or links
        assertFalse(Pattern.compile("<(link|iframe|img|object|embed)\\b|\\ssrc=|\\shref=").matcher(
                html.replace(scripts.get(1)[1], "").replace(scripts.get(2)[1], "")).find());
    }

    @Test
    void everyStringReachesThePageAsDataNeverAsMarkup() throws Exception {
        String hostile = "<img src=x onerror=alert(1)>";
        CellResult failed = Fixtures.failed("c1", "faces", "cannot read " + hostile + "\n</script><script>alert(2)");
        String html = render(List.of(failed), "demo");
        assertFalse(html.contains(hostile));
        assertFalse(html.contains("alert(2)</script>") || html.contains("<script>alert"));
        assertFalse(html.contains("<b>bold</b>"));
        assertTrue(html.contains("<title>ferbench: demo</title>"));
        assertTrue(html.contains("1 cell: 0 ok, 0 diverged, 1 failed; 1 not finished"), "the summary line");

        JsonNode data = data(html);
        assertEquals("<b>bold</b> claims", data.at("/header/runs/0/description").asText(), "the text itself");
        assertEquals(failed.error(), data.at("/leaderboard/rows/0/error").asText());
        assertEquals("name: x\n# </script> in a comment\n", data.at("/header/runs/0/yaml").asText());
        assertEquals("003-never-ran", data.at("/header/runs/0/unfinished/0").asText());
    }

    @Test
    void aCellWithFeaturesHasItsTsnePointsSplitByTrueClass() throws Exception {
        CellResult cell = TestCells.withFeatures(TestCells.ok("c0", 0, TestCells.axes(), 0.75, 2, 0.7),
                TestCells.features(40, 2, 3));
        JsonNode tsne = data(render(List.of(cell, Fixtures.failed("c1", "faces", "x")), "demo")).at("/cells/0/tsne");
        assertEquals(2, tsne.size());
        assertEquals("happy", tsne.get(0).get("name").asText());
        assertEquals(20, tsne.get(0).get("points").size());
        assertEquals(2, tsne.get(0).get("points").get(0).size());
        assertTrue(data(render(List.of(Fixtures.failed("c1", "faces", "x")), "demo")).at("/cells/0/tsne").isNull());
    }

    @Test
    void aReportNeedsARunFolder() {
        assertThrows(IllegalArgumentException.class,
                () -> ComparisonReport.render(List.of(), new TsneEmbeddings(), Instant.now()));
    }

    static JsonNode data(String html) throws Exception {
        Matcher m = SCRIPT.matcher(html);
        assertTrue(m.find());
        return new ObjectMapper().readTree(m.group(2));
    }
}
