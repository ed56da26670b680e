/**
 * Serves an ORUK API with the JDK's built-in HTTP server ({@code com.sun.net.httpserver}): {@link
 * io.github.oruk.server.jdk.OrukHttpServer}. The embedded default: no dependency beyond the JDK.
 */
@NullMarked
package io.github.oruk.server.jdk;

import org.jspecify.annotations.NullMarked;
