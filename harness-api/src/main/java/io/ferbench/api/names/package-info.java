/** Helpers for user-facing names: suggesting the valid name a user most likely meant. */
package io.ferbench.api.names;
