package io.ferbench.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The backends' libraries log through SLF4J: a worker has a provider, so their warnings reach the cell's log. */
class WorkerLoggingTest {
    @Test
    void libraryLoggingHasAProviderThatKeepsWarningsAndDropsEngineChatter() {
        assertEquals("org.slf4j.simple.SimpleLoggerFactory", LoggerFactory.getILoggerFactory().getClass().getName(),
                "without a provider SLF4J prints 'No SLF4J providers were found' and drops every message");
        Logger library = LoggerFactory.getLogger("ai.djl.pytorch.engine.PtEngine");
        assertTrue(library.isWarnEnabled());
        assertFalse(library.isInfoEnabled(), "simplelogger.properties: warnings and errors only");
    }
}
