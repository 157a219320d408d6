package io.ferbench.reports.html;

import io.ferbench.reports.Html;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Properties;

/**
 * The page around the report's data: inline styles, the data block, the Apache ECharts library (from
 * its WebJar on the classpath) and the page script, all in one file that opens offline. A
 * Content-Security-Policy allows exactly these two scripts (by hash), styles, and {@code data:}
 * images, and nothing else: no request ever leaves the page, and an event handler smuggled into the
 * page by some string could not run even if it were ever parsed as HTML.
 */
final class HtmlPage {
    private static final String WEBJAR = "META-INF/resources/webjars/echarts/";
    private static final String ECHARTS_VERSION = webJarVersion();
    private static final String ECHARTS = inlineScript(resource(WEBJAR + ECHARTS_VERSION + "/dist/echarts.min.js"),
            "echarts.min.js");
    private static final String CSS = resource("io/ferbench/reports/html/report.css");
    private static final String SCRIPT = inlineScript(resource("io/ferbench/reports/html/report.js"), "report.js");
    private static final String POLICY = "default-src 'none'; script-src " + hash(ECHARTS) + " " + hash(SCRIPT)
            + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private HtmlPage() {}

    /**
     * @param title   the report's title (suite names), escaped here
     * @param summary the one-line count of cells by status, escaped here
     * @param json    the data, already safe inside a script element ({@link ScriptJson})
     */
    static String render(String title, String summary, String json) {
        StringBuilder h = new StringBuilder(ECHARTS.length() + json.length() + 16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"ferbench, charts by Apache ECharts ")
                .append(ECHARTS_VERSION).append("\">\n")
                .append("<title>ferbench: ").append(Html.escape(title)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<header class=\"top\" id=\"top\">\n<h1>ferbench report: ").append(Html.escape(title))
                .append("</h1>\n<p class=\"summary\">").append(Html.escape(summary)).append("</p>\n</header>\n")
                .append("<noscript><p>This report draws its tables and charts with JavaScript, which is off. Every "
                        + "figure is also in results.csv beside it.</p></noscript>\n")
                .append("<main id=\"app\"></main>\n")
                .append(CONVENTIONS)
                .append("<script type=\"application/json\" id=\"ferbench-data\">").append(json).append("</script>\n")
                .append("<script>").append(ECHARTS).append("</script>\n")
                .append("<script>").append(SCRIPT).append("</script>\n")
                .append("</body>\n</html>\n");
        return h.toString();
    }

    /** The version of the ECharts WebJar on the classpath, from its Maven metadata. */
    private static String webJarVersion() {
        Properties p = new Properties();
        try (InputStream in = open("META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ECharts WebJar's metadata: " + e.getMessage(), e);
        }
        return p.getProperty("version");
    }

    private static String resource(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = HtmlPage.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath: the reports module needs the "
                    + "org.webjars.npm:echarts jar and its own resources");
        }
        return in;
    }

    /** A script's text, checked to be safe inside a script element (it cannot end it early). */
    static String inlineScript(String text, String name) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<!--")) {
            throw new IllegalStateException(name + " contains </script or <!-- and cannot be inlined as it is");
        }
        return text;
    }

    /** The CSP source expression of an inline script: its SHA-256, base64. */
    private static String hash(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static final String CONVENTIONS = """
            <section id="conventions" hidden>
            <h2>How to read the figures</h2>
            <ul>
            <li>Every cell trains the same network (the model IR: same layers, parameter count and initial weights) on
            the same data, batch order and hyperparameters, so differences between backends are differences between
            frameworks.</li>
            <li>Test metrics come from the test split in evaluation mode (softmax probabilities); with early stopping's
            restore-best, from the epoch with the best validation value. Macro figures average the classes equally;
            AUC is one class against the rest.</li>
            <li>Time per epoch is the median of the epochs after the first, which is warm-up (JIT, native start-up); it
            covers the training steps and the validation pass. Training throughput is measured over the same epochs.</li>
            <li>Inference is timed after training: warm-up calls, then timed calls at the training batch size
            (throughput) and with one image (latency percentiles, nearest rank).</li>
            <li>FLOPs: 2 × MACs per image forward, 6 × MACs per image trained (forward and two backward products); MACs
            come from the model IR and count convolutions and dense layers. % peak is relative to the backend's own fp32
            matrix product through the faster of its engine's matrix multiply and 1x1 convolution, measured on the same
            device and thread count before the backend's first cell (cached per machine;
            <code>ferbench run --recalibrate</code> measures again), or to the peak given with
            <code>--peak-gflops</code>. The overhead is the share of training time spent outside the backend's step
            calls (making batches, the loop's bookkeeping).</li>
            <li>Time to target is the wall time of the epochs (training and validation) until the validation accuracy
            first reached the cell's <code>target_accuracy</code>, MLPerf's time-to-quality: what a usable model
            costs, which images per second alone do not tell.</li>
            <li>Peak memory is the worker JVM's resident-memory high-water mark (heap and native memory).</li>
            <li>Repeats are cells that differ only in their seed; comparison charts show their mean and one standard
            deviation.</li>
            <li>The verdict shows the mean of the repeats ± half its 95 % confidence interval (Student's t,
            mean ± t(0.975, n − 1) · sd / √n); the verdict lines compare the best backend with the runner-up by
            Welch's t-test (significant below p = 0.05) where both were repeated. Where the suite varies other
            settings, each architecture and backend is shown in its configuration with the best mean validation
            accuracy, so the test figure it shows was not used to choose it.</li>
            <li>t-SNE (exact, perplexity 30 or a third of the points for small samples, 1,000 iterations, seeded by the
            cell's seed) places test images with similar penultimate features close together; distances between
            clusters and the axes carry no meaning.</li>
            </ul>
            </section>
            """;
}
