/**
 * The backend SPI: a backend is found with {@link java.util.ServiceLoader} through its
 * {@link io.ferbench.api.backend.BackendProvider}, compiles IR graphs into
 * {@link io.ferbench.api.backend.TrainableModel}s and does nothing else. Helpers every backend shares live here too:
 * settings parsing ({@link io.ferbench.api.backend.BackendSettings}), the native cache folder
 * ({@link io.ferbench.api.backend.CacheDirs}), PyTorch's Adam scalars ({@link io.ferbench.api.backend.AdamSchedule}),
 * the pre-load weight check ({@link io.ferbench.api.backend.WeightImport}) and the open-model registry
 * ({@link io.ferbench.api.backend.OpenModels}).
 */
package io.ferbench.api.backend;
