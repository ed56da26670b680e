/**
 * The provider interface a directory implements, and the servers that publish it: the JDK's built-in
 * HTTP server and a servlet for any servlet container.
 *
 * <p>The servlet API is {@code requires static}: it is needed only by {@code io.github.oruk.server.servlet},
 * and the container that runs the servlet provides it.
 */
module io.github.oruk.server {
  requires transitive io.github.oruk.model;
  requires jdk.httpserver;
  requires static jakarta.servlet;

  exports io.github.oruk.server;
  exports io.github.oruk.server.finder;
  exports io.github.oruk.server.geo;
  exports io.github.oruk.server.jdk;
  exports io.github.oruk.server.memory;
  exports io.github.oruk.server.protocol;
  exports io.github.oruk.server.servlet;
}
