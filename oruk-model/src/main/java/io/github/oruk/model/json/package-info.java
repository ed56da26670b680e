/**
 * The JSON codec: lenient in, strict out.
 *
 * <p>{@link io.github.oruk.model.json.OrukJson} reads records, pages and API details, returning each value
 * with the {@link io.github.oruk.model.json.ReadFinding}s the reader noticed (each with a stable
 * {@link io.github.oruk.model.json.ReadCode} and a JSON Pointer), and writes canonical JSON.
 */
@NullMarked
package io.github.oruk.model.json;

import org.jspecify.annotations.NullMarked;
