package io.ferbench.api.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.ir.WeightInitializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

    @TempDir Path dir;

    @Test
    void roundTripIsBitExactIncludingSpecialValues() {
        float nanWithPayload = Float.intBitsToFloat(0x7fc12345);
        NamedTensors t = new NamedTensors()
                .put("special", new FloatTensor(new long[] {2, 4}, new float[] {
                        0f, -0f, Float.MIN_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY,
                        Float.NEGATIVE_INFINITY, nanWithPayload, 1.1f}))
                .put("scalar", new FloatTensor(new long[] {}, new float[] {3.25f}))
                .put("empty", new FloatTensor(new long[] {0, 3}, new float[0]))
                .put("unicode κλειδί \"quoted\"", new FloatTensor(new long[] {1}, new float[] {-7f}));
        Path file = dir.resolve("weights.safetensors");
        SafeTensors.write(t, file);
        NamedTensors back = SafeTensors.read(file);
        assertEquals(List.copyOf(t.keys()), List.copyOf(back.keys()));
        for (String key : t.keys()) {
            assertArrayEquals(t.get(key).shape(), back.get(key).shape(), key);
            assertArrayEquals(rawBits(t.get(key).data()), rawBits(back.get(key).data()), key);
        }
        assertEquals(Map.of(), SafeTensors.readMetadata(file));
    }

    @Test
    void roundTripsAWholeModelAndItsMetadata() {
        NamedTensors weights = WeightInitializer.initialise(Architectures.build("shufflenet_v2_x1_0", 1, 48, 7, 1.0), 9);
        Map<String, String> metadata = Map.of("architecture", "shufflenet_v2_x1_0", "note", "line\nbreak \\ \"q\"");
        Path file = dir.resolve("nested/folder/model.safetensors");
        SafeTensors.write(weights, metadata, file);
        SafeTensors.Contents back = SafeTensors.readAll(file);
        assertEquals(weights.asMap(), back.tensors().asMap());
        assertEquals(metadata, back.metadata());
        assertEquals(metadata, SafeTensors.readMetadata(file));
    }

    @Test
    void writesTheLayoutTheSpecificationDescribes() throws IOException {
        Path file = dir.resolve("layout.safetensors");
        SafeTensors.write(new NamedTensors().put("w", new FloatTensor(new long[] {2}, new float[] {1f, -2f})),
                Map.of("k", "v"), file);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = b.getLong();
        assertEquals(0, headerLength % 8, "data starts 8-byte aligned");
        byte[] header = new byte[(int) headerLength];
        b.get(header);
        assertEquals("{\"__metadata__\":{\"k\":\"v\"},\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}",
                new String(header, StandardCharsets.UTF_8).stripTrailing());
        assertEquals(1f, b.getFloat());
        assertEquals(-2f, b.getFloat());
        assertEquals(0, b.remaining());
    }

    @Test
    void writeReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("w.safetensors");
        SafeTensors.write(new NamedTensors().put("a", new FloatTensor(new long[] {1}, new float[] {1f})), file);
        SafeTensors.write(new NamedTensors().put("b", new FloatTensor(new long[] {1}, new float[] {2f})), file);
        assertEquals(List.of("b"), List.copyOf(SafeTensors.read(file).keys()));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void writeRejectsTheReservedMetadataKey() {
        Path file = dir.resolve("bad.safetensors");
        NamedTensors t = new NamedTensors().put("__metadata__", new FloatTensor(new long[] {1}, new float[] {1f}));
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.write(t, file));
        assertEquals("__metadata__", e.key());
        assertTrue(Files.notExists(file));
    }

    /** Assembled byte by byte from the published format, header order differing from data order. */
    @Test
    void readsAHandAssembledFileWithEveryFloatDtype() throws IOException {
        String header = "{\"scalar\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[20,24]},"
                + "\"__metadata__\":{\"format\":\"pt\"},"
                + "\"bf\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"half\":{\"dtype\":\"F16\",\"shape\":[2,2],\"data_offsets\":[4,12]},"
                + "\"double\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[12,20]}}";
        ByteBuffer data = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        data.putShort((short) 0x3f80).putShort((short) 0xc020);               // BF16 1.0, -2.5
        data.putShort((short) 0x3c00).putShort((short) 0xc000)                // F16 1.0, -2.0,
                .putShort((short) 0x7bff).putShort((short) 0x0001);           //     65504, 2^-24
        data.putDouble(0.1);                                                  // F64
        data.putFloat(3.5f);                                                  // F32
        Path file = write("hand.safetensors", header, data.array());

        SafeTensors.Contents c = SafeTensors.readAll(file);
        assertEquals(List.of("scalar", "bf", "half", "double"), List.copyOf(c.tensors().keys()), "header order");
        assertEquals(Map.of("format", "pt"), c.metadata());
        assertArrayEquals(new float[] {3.5f}, c.tensors().get("scalar").data());
        assertArrayEquals(new long[] {}, c.tensors().get("scalar").shape());
        assertArrayEquals(new float[] {1f, -2.5f}, c.tensors().get("bf").data());
        assertArrayEquals(new float[] {1f, -2f, 65504f, 0x1p-24f}, c.tensors().get("half").data());
        assertArrayEquals(new long[] {2, 2}, c.tensors().get("half").shape());
        assertArrayEquals(new float[] {0.1f}, c.tensors().get("double").data());
    }

    @Test
    void truncatedFilesAreReported() throws IOException {
        Path tiny = dir.resolve("tiny.safetensors");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertProblem(tiny, null, "truncated");

        Path shortHeader = dir.resolve("short-header.safetensors");
        byte[] full = bytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]);
        Files.write(shortHeader, java.util.Arrays.copyOf(full, 20));
        assertProblem(shortHeader, null, "truncated");

        Path shortData = write("short-data.safetensors",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", new byte[8]);
        assertProblem(shortData, "a", "run past the 8 data bytes");
    }

    @Test
    void malformedHeadersAreReportedWithFileAndKey() throws IOException {
        assertProblem(write("json.safetensors", "{\"a\":{\"dtype\":\"F32\",}}", new byte[0]), null, "bad header JSON");
        assertProblem(write("array.safetensors", "[1]", new byte[0]), null, "JSON object");
        assertProblem(write("dtype.safetensors",
                "{\"bn.num_batches_tracked\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]}}", new byte[8]),
                "bn.num_batches_tracked", "unsupported dtype I64");
        assertProblem(write("size.safetensors",
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]), "w", "needs 12");
        assertProblem(write("shape.safetensors",
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", new byte[4]), "w", "shape");
        assertProblem(write("reversed.safetensors",
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[4,0]}}", new byte[4]), "w", "end before");
        assertProblem(write("overlap.safetensors",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]), "b", "overlap");
        assertProblem(write("gap.safetensors",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]), "a", "gap");
        assertProblem(write("trailing.safetensors",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[12]), null, "cover 4");
        assertProblem(write("field.safetensors",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":1}}", new byte[4]), "a", "'x'");
        assertProblem(write("meta.safetensors", "{\"__metadata__\":{\"n\":1}}", new byte[0]), null, "must be a string");
        assertProblem(write("dup.safetensors",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                        + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]), null, "duplicate");
    }

    @Test
    void anAbsurdHeaderLengthIsReported() throws IOException {
        Path file = dir.resolve("length.safetensors");
        Files.write(file, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-5).array());
        assertProblem(file, null, "bad header length");
    }

    private void assertProblem(Path file, String key, String fragment) {
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertEquals(file, e.file());
        if (key == null) assertNull(e.key(), e.getMessage());
        else {
            assertEquals(key, e.key());
            assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
        }
    }

    private Path write(String name, String header, byte[] data) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes(header, data));
        return file;
    }

    private static byte[] bytes(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
        out.writeBytes(h);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static int[] rawBits(float[] v) {
        int[] bits = new int[v.length];
        for (int i = 0; i < v.length; i++) bits[i] = Float.floatToRawIntBits(v[i]);
        return bits;
    }
}
