/**
 * Test fixtures shared by the backends' test suites (published as harness-api's test-jar): backends found through
 * ServiceLoader, a tiny graph exercising every IR op, seeded noise batches.
 */
package io.ferbench.api.testing;
