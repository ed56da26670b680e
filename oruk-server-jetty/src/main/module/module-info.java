/** Publishes a directory on embedded Jetty 12 through the SDK's servlet. */
module io.github.oruk.server.jetty {
  requires transitive io.github.oruk.server;
  requires transitive org.eclipse.jetty.server;
  requires org.eclipse.jetty.ee10.servlet;
  requires jakarta.servlet;

  exports io.github.oruk.server.jetty;
}
