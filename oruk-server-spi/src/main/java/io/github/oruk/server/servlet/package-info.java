/**
 * Serves an ORUK API from a Jakarta Servlet 6 container: {@link io.github.oruk.server.servlet.OrukServlet}.
 * The servlet API is a {@code provided} dependency: the container supplies it.
 */
@NullMarked
package io.github.oruk.server.servlet;

import org.jspecify.annotations.NullMarked;
