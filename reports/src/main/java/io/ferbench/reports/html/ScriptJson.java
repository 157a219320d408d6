package io.ferbench.reports.html;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The report's data as JSON that can sit inside a {@code <script type="application/json">} element:
 * numbers rounded to {@value #DIGITS} significant digits (more than any chart or table shows, and a
 * third of the size), non-finite numbers as null, and {@code <}, {@code >}, {@code &} and the two
 * JavaScript line terminators written as {@code \\uXXXX} escapes, so that no string from a suite, a
 * folder name or an error can close the element or open a comment. The page reads it with
 * {@code JSON.parse}, which turns the escapes back into the original characters.
 */
final class ScriptJson {
    static final int DIGITS = 5;
    private static final MathContext ROUNDING = new MathContext(DIGITS);

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("rounded-doubles")
                    .addSerializer(Double.class, new RoundedDouble())
                    .addSerializer(double.class, new RoundedDouble())
                    .addSerializer(double[].class, new RoundedDoubles()))
            .build();

    private ScriptJson() {}

    static String write(Object value) {
        String json;
        try {
            json = MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report data cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        return escapeForScript(json);
    }

    /** Characters that mean something to an HTML parser inside a script element, as JSON escapes. */
    static String escapeForScript(String json) {
        StringBuilder b = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                case '\u2028' -> b.append("\\u2028");
                case '\u2029' -> b.append("\\u2029");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static void writeRounded(double v, JsonGenerator gen) throws IOException {
        if (!Double.isFinite(v)) {
            gen.writeNull();
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            gen.writeNumber((long) v);
        } else {
            gen.writeNumber(new BigDecimal(v).round(ROUNDING).stripTrailingZeros());
        }
    }

    private static final class RoundedDouble extends StdSerializer<Double> {
        RoundedDouble() {
            super(Double.class);
        }

        @Override public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            writeRounded(value, gen);
        }
    }

    private static final class RoundedDoubles extends StdSerializer<double[]> {
        RoundedDoubles() {
            super(double[].class);
        }

        @Override public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeStartArray(values, values.length);
            for (double v : values) writeRounded(v, gen);
            gen.writeEndArray();
        }
    }
}
