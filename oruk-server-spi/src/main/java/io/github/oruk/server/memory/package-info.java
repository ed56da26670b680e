/**
 * The reference in-memory directory: {@link io.github.oruk.server.memory.InMemoryDirectory} serves any set
 * of fully nested services with every endpoint and filter, from indexes; {@link
 * io.github.oruk.server.memory.ServiceFile} reads services from JSON or NDJSON files.
 */
@NullMarked
package io.github.oruk.server.memory;

import org.jspecify.annotations.NullMarked;
