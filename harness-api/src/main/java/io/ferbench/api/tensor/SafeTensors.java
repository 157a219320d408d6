package io.ferbench.api.tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format (https://huggingface.co/docs/safetensors): an 8-byte
 * little-endian header length N, N bytes of JSON {@code {key: {"dtype", "shape", "data_offsets":
 * [begin, end]}, "__metadata__": {string: string}}} (padded with spaces), then the little-endian
 * tensor data, offsets relative to its start. Writing produces F32; reading accepts F32, F64, F16
 * and BF16, converted to float32. Reading is strict: the header must be well-formed JSON, every
 * tensor's byte range must match its dtype and shape, and the ranges must tile the data section
 * exactly, as the format requires.
 */
public final class SafeTensors {
    private SafeTensors() {}

    /** The header entry holding free-form string metadata. */
    public static final String METADATA_KEY = "__metadata__";
    /** The reference implementation's limit on the header size. */
    public static final long MAX_HEADER_BYTES = 100_000_000L;
    private static final int IO_CHUNK = 1 << 20;

    /** A file's tensors (in header order) and metadata. */
    public record Contents(NamedTensors tensors, Map<String, String> metadata) {
        public Contents {
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }

    private record Entry(String key, Dtype dtype, long[] shape, int elements, long begin, long end) {}

    private record Header(List<Entry> entries, Map<String, String> metadata, long dataStart) {}

    // ---------------------------------------------------------------------------------- write

    /** Writes {@code tensors} as F32 without metadata; see {@link #write(NamedTensors, Map, Path)}. */
    public static void write(NamedTensors tensors, Path file) {
        write(tensors, Map.of(), file);
    }

    /**
     * Writes {@code tensors} as F32 with {@code metadata}, atomically: the data goes to a temporary
     * file in the same folder, which then replaces {@code file}, so a reader never sees half a file.
     * Missing parent folders are created.
     */
    public static void write(NamedTensors tensors, Map<String, String> metadata, Path file) {
        byte[] header = header(tensors, metadata, file);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                writeFully(ch, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, header.length));
                writeFully(ch, ByteBuffer.wrap(header));
                ByteBuffer chunk = ByteBuffer.allocate(IO_CHUNK).order(ByteOrder.LITTLE_ENDIAN);
                FloatBuffer floats = chunk.asFloatBuffer();
                for (FloatTensor t : tensors.asMap().values()) {
                    float[] data = t.data();
                    for (int from = 0; from < data.length; from += floats.capacity()) {
                        int n = Math.min(floats.capacity(), data.length - from);
                        floats.clear();
                        floats.put(data, from, n);
                        chunk.clear().limit(n * Float.BYTES);
                        writeFully(ch, chunk);
                    }
                }
                ch.force(true);
            }
            moveReplacing(tmp, file);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /** The JSON header, padded with spaces so the data starts 8-byte aligned, as the reference writer does. */
    private static byte[] header(NamedTensors tensors, Map<String, String> metadata, Path file) {
        StringBuilder json = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            json.append(Json.quote(METADATA_KEY)).append(":{");
            String sep = "";
            for (Map.Entry<String, String> m : metadata.entrySet()) {
                if (m.getKey() == null || m.getValue() == null) {
                    throw new SafeTensorsException(file, null, "metadata keys and values must not be null: " + m);
                }
                json.append(sep).append(Json.quote(m.getKey())).append(':').append(Json.quote(m.getValue()));
                sep = ",";
            }
            json.append('}');
        }
        long offset = 0;
        for (Map.Entry<String, FloatTensor> t : tensors.asMap().entrySet()) {
            if (t.getKey().equals(METADATA_KEY)) {
                throw new SafeTensorsException(file, t.getKey(), "the key " + METADATA_KEY + " is reserved for metadata");
            }
            long end = offset + (long) Float.BYTES * t.getValue().size();
            json.append(json.length() > 1 ? "," : "").append(Json.quote(t.getKey()))
                    .append(":{\"dtype\":\"F32\",\"shape\":").append(Arrays.toString(t.getValue().shape()).replace(" ", ""))
                    .append(",\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        json.append('}');
        byte[] utf8 = json.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (utf8.length + 7) / 8 * 8;
        byte[] out = Arrays.copyOf(utf8, padded);
        Arrays.fill(out, utf8.length, padded, (byte) ' ');
        return out;
    }

    private static void moveReplacing(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the original error is the one worth reporting
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }

    // ----------------------------------------------------------------------------------- read

    /** All tensors of {@code file}, converted to float32, in header order. */
    public static NamedTensors read(Path file) {
        return readAll(file).tensors();
    }

    /** The {@code __metadata__} of {@code file} (empty when it has none); reads only the header. */
    public static Map<String, String> readMetadata(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return readHeader(ch, file).metadata();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Tensors and metadata of {@code file}. */
    public static Contents readAll(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Header header = readHeader(ch, file);
            NamedTensors tensors = new NamedTensors();
            for (Entry e : header.entries()) {
                ByteBuffer bytes = readFully(ch, header.dataStart() + e.begin(), (int) (e.end() - e.begin()), file, e.key());
                float[] values = new float[e.elements()];
                for (int i = 0; i < values.length; i++) values[i] = e.dtype().read(bytes);
                tensors.put(e.key(), new FloatTensor(e.shape(), values));
            }
            return new Contents(tensors, header.metadata());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Header readHeader(FileChannel ch, Path file) throws IOException {
        long size = ch.size();
        if (size < 8) {
            throw new SafeTensorsException(file, null, "truncated: the file has " + size
                    + " bytes, but a safetensors file starts with an 8-byte header length");
        }
        long length = readFully(ch, 0, 8, file, null).getLong();
        if (length <= 0 || length > MAX_HEADER_BYTES) {
            throw new SafeTensorsException(file, null, "bad header length " + Long.toUnsignedString(length)
                    + " (must be 1.." + MAX_HEADER_BYTES + "); is this a safetensors file?");
        }
        if (8 + length > size) {
            throw new SafeTensorsException(file, null, "truncated: the header length is " + length
                    + " bytes but only " + (size - 8) + " follow");
        }
        ByteBuffer raw = readFully(ch, 8, (int) length, file, null);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(raw).toString();
        } catch (CharacterCodingException e) {
            throw new SafeTensorsException(file, null, "the header is not valid UTF-8", e);
        }
        if (!text.startsWith("{")) {
            throw new SafeTensorsException(file, null, "the header must be a JSON object starting with '{'");
        }
        Object json;
        try {
            json = Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw new SafeTensorsException(file, null, "bad header JSON: " + e.getMessage(), e);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<?, ?> item : ((Map<?, ?>) json).entrySet()) {
            String key = (String) item.getKey();
            if (key.equals(METADATA_KEY)) metadata = metadata(item.getValue(), file);
            else entries.add(entry(key, item.getValue(), file));
        }
        checkTiling(entries, size - 8 - length, file);
        return new Header(entries, metadata, 8 + length);
    }

    private static Map<String, String> metadata(Object value, Path file) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new SafeTensorsException(file, null, METADATA_KEY + " must be an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (!(v instanceof String s)) {
                throw new SafeTensorsException(file, null, METADATA_KEY + " value of '" + k + "' must be a string, got " + v);
            }
            out.put((String) k, s);
        });
        return out;
    }

    private static Entry entry(String key, Object value, Path file) {
        if (!(value instanceof Map<?, ?> info)) {
            throw new SafeTensorsException(file, key, "header entry must be an object with dtype, shape and data_offsets");
        }
        for (Object field : info.keySet()) {
            if (!List.of("dtype", "shape", "data_offsets").contains(field)) {
                throw new SafeTensorsException(file, key, "unexpected header field '" + field
                        + "' (expected dtype, shape, data_offsets)");
            }
        }
        if (!(info.get("dtype") instanceof String dtypeName)) {
            throw new SafeTensorsException(file, key, "dtype missing or not a string");
        }
        Dtype dtype = Dtype.named(dtypeName).orElseThrow(() -> new SafeTensorsException(file, key,
                "unsupported dtype " + dtypeName + "; ferbench reads " + Arrays.toString(Dtype.values())
                        + " (drop integer buffers such as num_batches_tracked when converting)"));
        long[] shape = longs(info.get("shape"), -1, "shape", file, key);
        long[] offsets = longs(info.get("data_offsets"), 2, "data_offsets", file, key);
        if (offsets[0] > offsets[1]) {
            throw new SafeTensorsException(file, key, "data_offsets " + Arrays.toString(offsets) + " end before they begin");
        }
        long elements = 1;
        try {
            for (long d : shape) elements = Math.multiplyExact(elements, d);
        } catch (ArithmeticException e) {
            throw new SafeTensorsException(file, key, "shape " + Arrays.toString(shape) + " is too large");
        }
        if (elements > Integer.MAX_VALUE - 8) {
            throw new SafeTensorsException(file, key, "shape " + Arrays.toString(shape) + " has " + elements
                    + " elements, more than a Java array holds");
        }
        if (offsets[1] - offsets[0] != elements * dtype.bytes) {
            throw new SafeTensorsException(file, key, "data_offsets " + Arrays.toString(offsets) + " span "
                    + (offsets[1] - offsets[0]) + " bytes but " + dtypeName + Arrays.toString(shape) + " needs "
                    + elements * dtype.bytes);
        }
        return new Entry(key, dtype, shape, (int) elements, offsets[0], offsets[1]);
    }

    /** A JSON array of non-negative integers, of length {@code length} unless it is -1. */
    private static long[] longs(Object value, int length, String field, Path file, String key) {
        String expected = field + " must be an array of " + (length < 0 ? "" : length + " ") + "non-negative integers";
        if (!(value instanceof List<?> list) || (length >= 0 && list.size() != length)) {
            throw new SafeTensorsException(file, key, expected + ", got " + value);
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long v) || v < 0) throw new SafeTensorsException(file, key, expected + ", got " + value);
            out[i] = v;
        }
        return out;
    }

    /** The tensors' byte ranges must cover the data section exactly once, without gaps. */
    private static void checkTiling(List<Entry> entries, long dataLength, Path file) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        String previous = null;
        for (Entry e : sorted) {
            if (e.end() > dataLength) {
                throw new SafeTensorsException(file, e.key(), "data_offsets [" + e.begin() + ", " + e.end()
                        + "] run past the " + dataLength + " data bytes in the file (truncated?)");
            }
            if (e.begin() < expected) {
                throw new SafeTensorsException(file, e.key(), "data_offsets [" + e.begin() + ", " + e.end()
                        + "] overlap tensor '" + previous + "'");
            }
            if (e.begin() > expected) {
                throw new SafeTensorsException(file, e.key(), "data_offsets [" + e.begin() + ", " + e.end()
                        + "] leave a gap after byte " + expected + " of the data section");
            }
            expected = e.end();
            previous = e.key();
        }
        if (expected != dataLength) {
            throw new SafeTensorsException(file, null, "the data section has " + dataLength
                    + " bytes but the tensors cover " + expected);
        }
    }

    private static ByteBuffer readFully(FileChannel ch, long position, int length, Path file, String key)
            throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int n = ch.read(b, position + b.position());
            if (n < 0) throw new SafeTensorsException(file, key, "truncated: the file ended while reading");
        }
        return b.flip();
    }
}
