/**
 * The ORUK 3.0 API as types: its eleven {@link io.github.oruk.model.query.Endpoint endpoints}, their
 * {@link io.github.oruk.model.query.Parameter parameters}, and a typed
 * {@link io.github.oruk.model.query.Query} that clients encode and servers parse. Nothing here does any
 * HTTP; the client and server modules do.
 */
@NullMarked
package io.github.oruk.model.query;

import org.jspecify.annotations.NullMarked;
