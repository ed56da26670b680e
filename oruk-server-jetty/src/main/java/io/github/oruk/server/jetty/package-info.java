/**
 * The server {@code oruk serve} uses: an {@link io.github.oruk.server.OrukApi} on embedded Jetty 12, on Jetty's
 * core API (no servlet layer), with limits that hold on the internet (idle time, request size, connections,
 * threads) and the SDK's JSON errors for every request Jetty refuses itself. Start with
 * {@link io.github.oruk.server.jetty.OrukJettyServer#builder(io.github.oruk.server.OrukApi)}.
 */
@NullMarked
package io.github.oruk.server.jetty;

import org.jspecify.annotations.NullMarked;
