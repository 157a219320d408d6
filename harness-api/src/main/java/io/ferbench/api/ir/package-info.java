/**
 * The backend-neutral model IR: a small directed graph of named ops that every backend compiles.
 * Shapes, parameter and multiply-accumulate counts and initial weights are computed here once, so
 * they are the same on every backend by construction.
 */
package io.ferbench.api.ir;
