/**
 * The backend SPI: a backend is found with {@link java.util.ServiceLoader} through its
 * {@link io.ferbench.api.backend.BackendProvider}, compiles IR graphs into
 * {@link io.ferbench.api.backend.TrainableModel}s and does nothing else.
 */
package io.ferbench.api.backend;
