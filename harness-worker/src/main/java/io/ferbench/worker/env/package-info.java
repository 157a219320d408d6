/**
 * Facts about the machine and process a cell runs in: CPU, memory, JVM, OS, thread settings,
 * resident memory of the worker, and ferbench's cache folder.
 */
package io.ferbench.worker.env;
