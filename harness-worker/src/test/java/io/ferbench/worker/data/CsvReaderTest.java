package io.ferbench.worker.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsQuotedFieldsEscapesLineEndsAndTracksLines() {
        Path file = TestData.text(dir.resolve("a.csv"),
                "\uFEFFa,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n2,\"two\nlines\",z\n3,,\n");
        try (CsvReader reader = new CsvReader(file)) {
            CsvReader.Row header = reader.header();
            assertEquals(List.of("a", "b", "c"), header.fields());
            assertEquals(1, header.line());
            CsvReader.Row first = reader.next();
            assertEquals(List.of("1", "x, y", "say \"hi\""), first.fields());
            assertEquals(2, first.line());
            CsvReader.Row second = reader.next();
            assertEquals(List.of("2", "two\nlines", "z"), second.fields());
            assertEquals(4, second.line(), "the blank line 3 is skipped");
            CsvReader.Row third = reader.next();
            assertEquals(List.of("3", "", ""), third.fields());
            assertEquals(6, third.line(), "a quoted line break counts as a line");
            assertNull(reader.next());
            assertEquals(1, reader.column(header, true, "missing", "B"));
            assertEquals(-1, reader.column(header, false, "missing"));
        }
    }

    @Test
    void unterminatedQuoteNamesTheLineItStartsOn() {
        Path file = TestData.text(dir.resolve("b.csv"), "a,b\n1,2\n3,\"open\n4,5\n");
        try (CsvReader reader = new CsvReader(file)) {
            reader.header();
            reader.next();
            DatasetException e = assertThrows(DatasetException.class, reader::next);
            assertTrue(e.getMessage().contains("b.csv line 3") && e.getMessage().contains("never closed"), e.getMessage());
        }
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() {
        Path file = TestData.text(dir.resolve("c.csv"), "a,b\n\"1\"x,2\n");
        try (CsvReader reader = new CsvReader(file)) {
            reader.header();
            DatasetException e = assertThrows(DatasetException.class, reader::next);
            assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        }
    }

    @Test
    void missingRequiredColumnListsTheHeader() {
        Path file = TestData.text(dir.resolve("d.csv"), "x,y\n");
        try (CsvReader reader = new CsvReader(file)) {
            CsvReader.Row header = reader.header();
            DatasetException e = assertThrows(DatasetException.class, () -> reader.column(header, true, "path", "pth"));
            assertTrue(e.getMessage().contains("no column path or pth") && e.getMessage().contains("found: x, y"),
                    e.getMessage());
        }
    }

    @Test
    void emptyFileHasNoHeader() {
        Path file = TestData.text(dir.resolve("e.csv"), "");
        try (CsvReader reader = new CsvReader(file)) {
            assertThrows(DatasetException.class, reader::header);
        }
    }
}
