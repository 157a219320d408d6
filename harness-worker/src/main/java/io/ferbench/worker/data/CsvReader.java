package io.ferbench.worker.data;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV reader (comma-separated, double-quoted fields, {@code ""} escapes, LF or CRLF, UTF-8 with an
 * optional byte-order mark) that knows the line each record starts on, so that every error can name it.
 * Blank lines are skipped.
 */
final class CsvReader implements Closeable {
    /** One record and the (1-based) line it starts on. */
    record Row(long line, List<String> fields) {
        String field(int column) {
            return fields.get(column);
        }
    }

    private final Path file;
    private final BufferedReader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private int pushedBack = -2;

    CsvReader(Path file) {
        this.file = file;
        try {
            this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            int first = in.read();
            if (first != '\uFEFF') {
                pushedBack = first;
            }
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The next record, or null at the end of the file. */
    Row next() {
        try {
            while (true) {
                int c = read();
                if (c == -1) {
                    return null;
                }
                if (c == '\n') {
                    line++;
                    continue;
                }
                if (c == '\r') {
                    continue;
                }
                pushedBack = c;
                return record();
            }
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + " near line " + line + ": " + e.getMessage(), e);
        }
    }

    private Row record() throws IOException {
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c == -1) {
                    throw new DatasetException(file + " line " + start + ": a quoted field is never closed");
                }
                if (c == '"') {
                    int next = read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        pushedBack = next;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == -1) {
                fields.add(field.toString());
                if (c == '\n') {
                    line++;
                }
                return new Row(start, fields);
            } else if (c == '\r') {
                // part of a CRLF line end
            } else if (afterQuote) {
                throw new DatasetException(file + " line " + line + ": unexpected '" + (char) c
                        + "' after a closing quote (a quoted field must be followed by ',' or the line end)");
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else {
                field.append((char) c);
            }
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    /**
     * Index of the first header column named (case-insensitively, trimmed) one of {@code names}, or -1 when
     * {@code required} is false and none is present.
     */
    int column(Row header, boolean required, String... names) {
        for (String name : names) {
            for (int i = 0; i < header.fields().size(); i++) {
                if (header.field(i).trim().equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        if (required) {
            throw new DatasetException(file + " line " + header.line() + ": the header has no column "
                    + String.join(" or ", names) + " (found: " + String.join(", ", header.fields()) + ")");
        }
        return -1;
    }

    /** Fails unless {@code row} has at least as many fields as the header. */
    void requireFields(Row row, Row header) {
        if (row.fields().size() < header.fields().size()) {
            throw new DatasetException(file + " line " + row.line() + ": malformed row, expected "
                    + header.fields().size() + " fields (" + String.join(",", header.fields()) + ") but found "
                    + row.fields().size());
        }
    }

    /** The header row; fails on an empty file. */
    Row header() {
        Row header = next();
        if (header == null) {
            throw new DatasetException(file + " is empty; expected a header line");
        }
        return header;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
