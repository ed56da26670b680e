/**
 * The ORUK 3.0 protocol core, independent of any HTTP server: {@link
 * io.github.oruk.server.protocol.OrukProtocol} turns a {@link io.github.oruk.server.protocol.ProtocolRequest}
 * into a {@link io.github.oruk.server.protocol.ProtocolResponse}. Routing, query checking, the page
 * envelope, errors, CORS, ETags, gzip, HEAD, NDJSON and throttling all live here, so every adapter behaves
 * the same.
 */
@NullMarked
package io.github.oruk.server.protocol;

import org.jspecify.annotations.NullMarked;
