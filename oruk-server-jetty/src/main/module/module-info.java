/** Publishes a directory on embedded Jetty 12, serving the protocol on Jetty's core API. */
module io.github.oruk.server.jetty {
  requires transitive io.github.oruk.server;
  requires transitive org.eclipse.jetty.server;

  exports io.github.oruk.server.jetty;
}
