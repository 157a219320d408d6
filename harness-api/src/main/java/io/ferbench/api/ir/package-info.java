/**
 * The backend-neutral model IR: a small directed graph of named ops that every backend compiles.
 * Shapes ({@link io.ferbench.api.ir.Shapes}), parameters and buffers
 * ({@link io.ferbench.api.ir.Parameters}), parameter and multiply-accumulate counts
 * ({@link io.ferbench.api.ir.ModelStats}) and seeded initial weights
 * ({@link io.ferbench.api.ir.WeightInitializer}) are computed here once, so they are the same on
 * every backend by construction.
 */
package io.ferbench.api.ir;
