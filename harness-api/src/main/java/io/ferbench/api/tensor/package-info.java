/** Named float tensors: the backend-neutral weight format (safetensors on disk). */
package io.ferbench.api.tensor;
