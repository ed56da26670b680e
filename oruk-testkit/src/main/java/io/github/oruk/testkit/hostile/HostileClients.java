package io.github.oruk.testkit.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Connections to an HTTP server that hold its attention without ever finishing: the "slowloris" client,
 * which sends half a request line and goes quiet, and the slow reader, which asks for a long answer (such
 * as {@code ?format=ndjson} of a large feed) and never reads it. A server that spends a thread on each
 * of them stops answering everyone else once its threads are used up.
 *
 * <pre>{@code
 * try (HostileClients stalled = HostileClients.stalled(server.uri(), 200);
 *     HostileClients readers = HostileClients.slowReaders(server.uri().resolve("services?format=ndjson"), 50)) {
 *   readers.awaitAnswers(Duration.ofSeconds(10));   // the server has started answering each of them
 *   // ... time ordinary requests: they must still be answered promptly
 * }
 * }</pre>
 *
 * <p>Connections are opened in parallel; each one is a plain socket on which nothing more happens until
 * {@link #close()}. Plain {@code http} only.
 */
public final class HostileClients implements AutoCloseable {

  private static final int PARALLEL = 16;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Small enough that a long answer fills it, and the server's send buffer, at once. */
  private static final int READER_RECEIVE_BUFFER = 4 * 1024;

  private final List<Socket> sockets;

  private HostileClients(List<Socket> sockets) {
    this.sockets = sockets;
  }

  /**
   * Opens {@code count} connections to the host and port of {@code server}, each sending the first half of
   * a request line ({@code GET /servi}) and then nothing.
   */
  public static HostileClients stalled(URI server, int count) throws IOException {
    byte[] half = "GET /servi".getBytes(StandardCharsets.US_ASCII);
    return open(server, count, 0, half);
  }

  /**
   * Opens {@code count} connections, each sending a complete {@code GET} for {@code resource} (its path
   * and query) with a small receive buffer, and never reading the answer.
   */
  public static HostileClients slowReaders(URI resource, int count) throws IOException {
    String target = resource.getRawPath() + (resource.getRawQuery() == null ? "" : "?" + resource.getRawQuery());
    byte[] request = ("GET " + target + " HTTP/1.1\r\nHost: " + resource.getHost() + ":" + resource.getPort()
        + "\r\nAccept-Encoding: identity\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    return open(resource, count, READER_RECEIVE_BUFFER, request);
  }

  private static HostileClients open(URI server, int count, int receiveBuffer, byte[] request) throws IOException {
    Objects.requireNonNull(server, "server");
    if (count < 0) {
      throw new IllegalArgumentException("count must be 0 or more; got " + count);
    }
    InetSocketAddress address = new InetSocketAddress(server.getHost(), server.getPort() < 0 ? 80 : server.getPort());
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, runnable -> {
      Thread thread = new Thread(runnable, "hostile-client");
      thread.setDaemon(true);
      return thread;
    });
    List<Future<Socket>> opening = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        opening.add(pool.submit(() -> connect(address, receiveBuffer, request)));
      }
      List<Socket> sockets = new ArrayList<>();
      IOException failure = null;
      for (Future<Socket> future : opening) {
        try {
          sockets.add(future.get());
        } catch (ExecutionException e) {
          failure = failure != null ? failure : e.getCause() instanceof IOException io ? io
              : new IOException(e.getCause());
        }
      }
      HostileClients clients = new HostileClients(sockets);
      if (failure != null) {
        clients.close();
        throw new IOException("could open only " + sockets.size() + " of " + count + " connections to " + address
            + ": " + failure.getMessage(), failure);
      }
      return clients;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while opening connections to " + address, e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Socket connect(InetSocketAddress address, int receiveBuffer, byte[] request) throws IOException {
    Socket socket = new Socket();
    try {
      if (receiveBuffer > 0) {
        socket.setReceiveBufferSize(receiveBuffer);
      }
      socket.connect(address, (int) CONNECT_TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** How many connections were opened. */
  public int size() {
    return sockets.size();
  }

  /**
   * Waits until the server has sent at least one byte on every connection (without reading any), or until
   * {@code timeout} has passed; for slow readers, to know that the server is answering each of them.
   *
   * @return how many connections have bytes waiting
   */
  public int awaitAnswers(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      int answered = 0;
      for (Socket socket : sockets) {
        try {
          if (socket.getInputStream().available() > 0) {
            answered++;
          }
        } catch (IOException closed) {
          // closed by the server: it answered, one way or another
          answered++;
        }
      }
      if (answered == sockets.size() || System.nanoTime() >= deadline) {
        return answered;
      }
      Thread.sleep(20);
    }
  }

  /** Closes every connection. */
  @Override
  public void close() {
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing is all that is left to do
      }
    }
  }
}
