/**
 * Dataset kinds as the suite language sees them: {@link io.ferbench.api.data.DatasetKind} declares a kind's id, the
 * kind-specific keys it takes and the files it expects; {@link io.ferbench.api.data.DatasetKinds} finds every kind on
 * the classpath through {@link java.util.ServiceLoader}. The worker's readers implement these declarations.
 */
package io.ferbench.api.data;
