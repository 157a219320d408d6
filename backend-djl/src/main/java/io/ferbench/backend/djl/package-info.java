/**
 * The {@code djl} backend: compiles the ferbench model IR into a Deep Java Library block on the
 * PyTorch engine and trains it with PyTorch's semantics (batch-norm momentum, Adam, cross-entropy).
 *
 * <p>Entry point: {@link io.ferbench.backend.djl.DjlBackendProvider}, found through
 * {@link java.util.ServiceLoader}. Everything else is package-private.
 */
package io.ferbench.backend.djl;
