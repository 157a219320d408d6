package io.ferbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumberTextTest {
    @Test
    void writesShortExactDecimals() {
        assertEquals("32", NumberText.of(32.0));
        assertEquals("0.001", NumberText.of(0.001));
        assertEquals("0.0001", NumberText.of(1e-4));
        assertEquals("1e-5", NumberText.of(1e-5));
        assertEquals("1e-9", NumberText.of(1e-9));
        assertEquals("2.5e-7", NumberText.of(2.5e-7));
        assertEquals("-3.25e-8", NumberText.of(-3.25e-8));
        assertEquals("0.00316227766017", NumberText.of(0.00316227766017));
        assertEquals("1.5e12", NumberText.of(1.5e12));
        assertEquals("42", NumberText.of((Object) 42));
        assertEquals("djl", NumberText.of((Object) "djl"));
    }
}
