/**
 * Named float tensors, the backend-neutral weight format, and their file form:
 * {@link io.ferbench.api.tensor.SafeTensors} reads and writes the safetensors layout (F32 written;
 * F32, F64, F16 and BF16 read) so checkpoints move between backends and converted torchvision
 * weights load by key.
 */
package io.ferbench.api.tensor;
