/**
 * Publish a directory as an ORUK 3.0 API: implement {@link io.github.oruk.server.DirectoryProvider} (a
 * few find methods over your own data), declare its {@link io.github.oruk.server.Capabilities}, and serve
 * an {@link io.github.oruk.server.OrukApi} with an adapter ({@code jdk.OrukHttpServer} or
 * {@code servlet.OrukServlet}); the adapters that listen themselves take their common options through
 * {@link io.github.oruk.server.ServerBuilder}. The SDK does the protocol; see the module README.
 */
@NullMarked
package io.github.oruk.server;

import org.jspecify.annotations.NullMarked;
