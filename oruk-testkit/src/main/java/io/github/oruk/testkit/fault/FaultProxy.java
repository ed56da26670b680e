package io.github.oruk.testkit.fault;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.jspecify.annotations.Nullable;

/**
 * A reverse proxy on 127.0.0.1 that passes HTTP/1.1 requests to an upstream server and makes a seeded share
 * of them fail the way a busy feed, or the load balancer in front of it, does: 503, 429 with
 * {@code Retry-After}, connections reset half way through an answer, and answers held back for a while.
 *
 * <pre>{@code
 * try (FakeFeed feed = FakeFeed.builder().services(500).start();
 *     FaultProxy proxy = FaultProxy.builder(feed.baseUri()).seed(7)
 *         .rate(Fault.SERVICE_UNAVAILABLE, 0.08).rate(Fault.TOO_MANY_REQUESTS, 0.04)
 *         .rate(Fault.RESET, 0.04).rate(Fault.STALL, 0.04).start()) {
 *   OrukClient client = OrukClient.create(proxy.baseUri().toString());   // everything goes through the proxy
 *   ...
 *   proxy.injected(Fault.RESET);                                           // how many were reset
 * }
 * }</pre>
 *
 * <p>Which requests fail is decided from the seed, the request target (path and query) and how many times
 * that target was asked for before, never from timing: the n-th request for an address meets the same fault
 * in every run with the same seed, however requests interleave. {@link Builder#always} makes chosen
 * addresses fail every time, for tests of what a client does once its retries are used up.
 *
 * <p>Answers that pass are relayed byte for byte, with the client's {@code Host} header kept (so links the
 * upstream builds from it lead back through the proxy). Each client connection has its own upstream
 * connection, kept alive as long as both sides allow. Plain {@code http} only; request bodies must have a
 * {@code Content-Length}. It uses the JDK's sockets and a thread per connection, and nothing else.
 */
public final class FaultProxy implements AutoCloseable {

  /** What can happen to a request. */
  public enum Fault {
    /** Answered {@code 503 Service Unavailable} with a small JSON body, without asking the upstream. */
    SERVICE_UNAVAILABLE,
    /** Answered {@code 429 Too Many Requests} with {@code Retry-After} (see {@link Builder#retryAfter}). */
    TOO_MANY_REQUESTS,
    /**
     * The upstream's answer is cut half way and the connection reset (TCP RST): a failure the client sees
     * after part of the answer arrived, so it cannot tell it from a network fault.
     */
    RESET,
    /** The upstream's answer is held back for the stall time (see {@link Builder#stallTime}), then sent whole. */
    STALL
  }

  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te",
      "trailer", "upgrade", "http2-settings");
  private static final int MAX_HEAD_BYTES = 64 * 1024;

  private final URI upstream;
  private final long seed;
  private final Duration retryAfter;
  private final Duration stall;
  private final Map<Fault, Double> rates;
  private final Map<String, Fault> always;
  private final String upstreamHost;
  private final int upstreamPort;
  private final ServerSocket listener;
  private final URI baseUri;
  private final ExecutorService threads;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> byPath = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicIntegerArray injected = new AtomicIntegerArray(Fault.values().length);
  private volatile boolean closed;

  private FaultProxy(Builder config) throws IOException {
    this.upstream = config.upstream;
    this.seed = config.seed;
    this.retryAfter = config.retryAfter;
    this.stall = config.stall;
    this.rates = new EnumMap<>(config.rates);
    this.always = Map.copyOf(config.always);
    this.upstreamHost = upstream.getHost();
    this.upstreamPort = upstream.getPort() >= 0 ? upstream.getPort() : 80;
    this.listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port), 256);
    String path = upstream.getRawPath() == null || upstream.getRawPath().isEmpty()
        ? "/" : upstream.getRawPath();
    this.baseUri = URI.create("http://127.0.0.1:" + listener.getLocalPort() + path);
    this.threads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "fault-proxy");
      thread.setDaemon(true);
      return thread;
    });
    threads.execute(this::accept);
  }

  /**
   * A builder for a proxy in front of {@code upstream}, an {@code http} address such as the base of a fake
   * feed; the proxy's {@link #baseUri()} has the same path. No faults until rates are given.
   */
  public static Builder builder(URI upstream) {
    return new Builder(upstream);
  }

  /** The upstream address with the proxy's host and port: where a client should be pointed. */
  public URI baseUri() {
    return baseUri;
  }

  /** The proxy's port. */
  public int port() {
    return listener.getLocalPort();
  }

  /** Requests received so far, faulted or not. */
  public int requests() {
    return requests.get();
  }

  /** Requests received so far for one path below the base, such as {@code "services/ID"} (query left out). */
  public int requestsFor(String path) {
    AtomicInteger count = byPath.get(path.startsWith("/") ? path.substring(1) : path);
    return count == null ? 0 : count.get();
  }

  /** How many requests met {@code fault} so far. */
  public int injected(Fault fault) {
    return injected.get(fault.ordinal());
  }

  /** Stops listening and closes every connection, cutting short any stall. */
  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    open.forEach(FaultProxy::closeQuietly);
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "FaultProxy[" + baseUri + " -> " + upstream + ", " + rates + "]";
  }

  // ------------------------------------------------------------------------------------------- serving

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      open.add(client);
      try {
        threads.execute(() -> serve(client));
      } catch (RuntimeException e) {
        closeQuietly(client); // shutting down
        open.remove(client);
      }
    }
  }

  private void serve(Socket client) {
    Upstream upstream = new Upstream();
    try {
      client.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      while (!closed) {
        Message request = Message.read(in, true);
        if (request == null) {
          return;
        }
        if (request.header("transfer-encoding") != null) {
          out.write(plain(501, "Not Implemented", "the fault proxy needs a Content-Length on request bodies", true));
          return;
        }
        request.readBody(in, false);
        if (!handle(request, client, out, upstream) || request.closesConnection()) {
          return;
        }
      }
    } catch (IOException e) {
      // The client went away, or an upstream answer could not be read: the connection ends here.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      upstream.close();
      closeQuietly(client);
      open.remove(client);
    }
  }

  /** Answers one request; false when the connection must end. */
  private boolean handle(Message request, Socket client, OutputStream out, Upstream upstream)
      throws IOException, InterruptedException {
    requests.incrementAndGet();
    String path = relativePath(request.target());
    byPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    Fault fault = decide(request.target(), path);
    if (fault != null) {
      injected.incrementAndGet(fault.ordinal());
    }
    if (fault == Fault.SERVICE_UNAVAILABLE) {
      out.write(plain(503, "Service Unavailable", "temporarily unavailable (injected by the fault proxy)", false));
      return true;
    }
    if (fault == Fault.TOO_MANY_REQUESTS) {
      out.write(plain(429, "Too Many Requests", "slow down (injected by the fault proxy)", false,
          "Retry-After: " + (retryAfter.toMillis() + 999) / 1000));
      return true;
    }
    Message answer = upstream.exchange(request);
    if (answer == null) {
      out.write(plain(502, "Bad Gateway", "the upstream " + FaultProxy.this.upstream + " did not answer", true));
      return false;
    }
    byte[] bytes = answer.bytes();
    if (fault == Fault.RESET) {
      out.write(bytes, 0, bytes.length / 2);
      out.flush();
      client.setSoLinger(true, 0); // closing now sends RST, not FIN
      return false;
    }
    if (fault == Fault.STALL) {
      Thread.sleep(stall.toMillis());
    }
    out.write(bytes);
    out.flush();
    return !answer.closesConnection();
  }

  private @Nullable Fault decide(String target, String path) {
    Fault fixed = always.get(path);
    if (fixed != null) {
      return fixed;
    }
    if (rates.isEmpty()) {
      return null;
    }
    int occurrence = seen.computeIfAbsent(target, t -> new AtomicInteger()).incrementAndGet();
    double draw = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + target.hashCode() * 0xBF58476D1CE4E5B9L
        + occurrence).nextDouble();
    double bound = 0;
    for (Map.Entry<Fault, Double> rate : rates.entrySet()) {
      bound += rate.getValue();
      if (draw < bound) {
        return rate.getKey();
      }
    }
    return null;
  }

  private String relativePath(String target) {
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    String base = baseUri.getRawPath();
    if (path.startsWith(base)) {
      return path.substring(base.length());
    }
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private static byte[] plain(int status, String reason, String message, boolean close, String... headers) {
    byte[] body = ("{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n")
        .append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    if (close) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = Arrays.copyOf(start, start.length + body.length);
    System.arraycopy(body, 0, all, start.length, body.length);
    return all;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already gone
    }
  }

  /** The upstream connection of one client connection, opened when first needed and kept alive. */
  private final class Upstream {
    private @Nullable Socket socket;
    private @Nullable InputStream in;

    /** Sends the request and reads the whole answer; null when the upstream could not be reached. */
    @SuppressWarnings("NullAway") // in is opened just above when the connection is new
    @Nullable Message exchange(Message request) throws IOException {
      byte[] forwarded = request.forwardedBytes();
      for (int attempt = 0; attempt < 2; attempt++) {
        boolean reused = socket != null;
        try {
          if (socket == null) {
            socket = new Socket();
            socket.connect(new InetSocketAddress(upstreamHost, upstreamPort), 10_000);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(120_000);
            in = new BufferedInputStream(socket.getInputStream());
          }
          socket.getOutputStream().write(forwarded);
          socket.getOutputStream().flush();
          Message answer = Message.read(in, false);
          while (answer != null && answer.status() >= 100 && answer.status() < 200 && answer.status() != 101) {
            answer = Message.read(in, false); // an interim answer: the real one follows
          }
          if (answer == null) {
            throw new EOFException("the upstream closed the connection");
          }
          answer.readBody(in, request.method().equals("HEAD"));
          if (answer.closesConnection()) {
            close();
          }
          return answer;
        } catch (SocketException | EOFException e) {
          close();
          if (!reused) {
            return null; // a fresh connection failed: the upstream is down
          }
          // A kept-alive connection the upstream had closed meanwhile: once more on a new one.
        }
      }
      return null;
    }

    void close() {
      if (socket != null) {
        closeQuietly(socket);
        socket = null;
        in = null;
      }
    }
  }

  /** One HTTP/1.1 request or answer: its head as received, and its body as framed on the wire. */
  private static final class Message {
    private final byte[] head;
    private final String startLine;
    private final List<String[]> headers;
    private byte[] body = new byte[0];
    private boolean readToEnd;

    private Message(byte[] head, String startLine, List<String[]> headers) {
      this.head = head;
      this.startLine = startLine;
      this.headers = headers;
    }

    /** Reads a head (start line and headers); null at a clean end of the stream before it. */
    static @Nullable Message read(InputStream in, boolean request) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
      int last4 = 0;
      while (last4 != 0x0D0A0D0A) { // the blank line after the headers
        int b = in.read();
        if (b < 0) {
          if (bytes.size() == 0) {
            return null;
          }
          throw new EOFException("the connection ended inside a message head");
        }
        if (bytes.size() == 0 && (b == '\r' || b == '\n')) {
          continue; // blank lines before a request are allowed
        }
        bytes.write(b);
        last4 = (last4 << 8) | b;
        if (bytes.size() > MAX_HEAD_BYTES) {
          throw new IOException("a message head longer than " + MAX_HEAD_BYTES + " bytes");
        }
      }
      byte[] head = bytes.toByteArray();
      String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
      List<String[]> headers = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.add(new String[] {lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip()});
        }
      }
      if (request && lines[0].split(" ").length != 3) {
        throw new IOException("not an HTTP request line: " + lines[0]);
      }
      return new Message(head, lines[0], headers);
    }

    @Nullable String header(String name) {
      for (String[] header : headers) {
        if (header[0].equalsIgnoreCase(name)) {
          return header[1];
        }
      }
      return null;
    }

    String method() {
      return startLine.substring(0, startLine.indexOf(' '));
    }

    String target() {
      return startLine.split(" ")[1];
    }

    int status() {
      String[] parts = startLine.split(" ");
      return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    }

    boolean closesConnection() {
      String connection = header("connection");
      return readToEnd || (connection != null && connection.toLowerCase(Locale.ROOT).contains("close"))
          || startLine.endsWith("HTTP/1.0") || startLine.startsWith("HTTP/1.0");
    }

    /** Reads the body as it is framed (length, chunks, or up to the end), keeping the framing bytes. */
    void readBody(InputStream in, boolean noBody) throws IOException {
      boolean answer = startLine.startsWith("HTTP/");
      int status = answer ? status() : 0;
      if (noBody || (answer && (status == 204 || status == 304))) {
        return;
      }
      String chunked = header("transfer-encoding");
      String length = header("content-length");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (chunked != null && chunked.toLowerCase(Locale.ROOT).contains("chunked")) {
        while (true) {
          String sizeLine = line(in, out);
          int semicolon = sizeLine.indexOf(';');
          long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
          if (size == 0) {
            while (!line(in, out).isEmpty()) {
              // trailers
            }
            break;
          }
          copy(in, out, size);
          line(in, out);
        }
      } else if (length != null) {
        copy(in, out, Long.parseLong(length.strip()));
      } else if (answer) {
        in.transferTo(out);
        readToEnd = true;
      }
      body = out.toByteArray();
    }

    /** The request as sent upstream: hop-by-hop headers left out. */
    byte[] forwardedBytes() {
      StringBuilder text = new StringBuilder(startLine).append("\r\n");
      for (String[] header : headers) {
        if (!HOP_BY_HOP.contains(header[0].toLowerCase(Locale.ROOT))) {
          text.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
      }
      text.append("\r\n");
      byte[] start = text.toString().getBytes(StandardCharsets.ISO_8859_1);
      byte[] all = Arrays.copyOf(start, start.length + body.length);
      System.arraycopy(body, 0, all, start.length, body.length);
      return all;
    }

    /** The message as received: head and framed body. */
    byte[] bytes() {
      byte[] all = Arrays.copyOf(head, head.length + body.length);
      System.arraycopy(body, 0, all, head.length, body.length);
      return all;
    }

    private static String line(InputStream in, ByteArrayOutputStream copy) throws IOException {
      StringBuilder line = new StringBuilder();
      int b;
      while ((b = in.read()) >= 0) {
        copy.write(b);
        if (b == '\n') {
          break;
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
      if (b < 0) {
        throw new EOFException("the connection ended inside a chunked body");
      }
      return line.toString();
    }

    private static void copy(InputStream in, ByteArrayOutputStream out, long count) throws IOException {
      byte[] buffer = new byte[8192];
      long left = count;
      while (left > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          throw new EOFException("the connection ended " + left + " bytes before the end of a body");
        }
        out.write(buffer, 0, read);
        left -= read;
      }
    }
  }

  // ------------------------------------------------------------------------------------------- builder

  /** The upstream, the seed and the fault rates of a {@link FaultProxy}. */
  public static final class Builder {
    private final URI upstream;
    private long seed = 1;
    private final Map<Fault, Double> rates = new EnumMap<>(Fault.class);
    private final Map<String, Fault> always = new ConcurrentHashMap<>();
    private Duration retryAfter = Duration.ofSeconds(1);
    private Duration stall = Duration.ofMillis(1500);
    private int port;

    private Builder(URI upstream) {
      Objects.requireNonNull(upstream, "upstream");
      if (!"http".equalsIgnoreCase(upstream.getScheme()) || upstream.getHost() == null) {
        throw new IllegalArgumentException("the upstream must be an http:// address with a host; got " + upstream);
      }
      this.upstream = upstream;
    }

    /** Chooses which requests fail (default 1). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Makes about {@code rate} of requests (0 to 1) meet {@code fault}. The rates of all faults together
     * may not exceed 1; a request meets at most one fault.
     */
    public Builder rate(Fault fault, double rate) {
      Objects.requireNonNull(fault, "fault");
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("a rate is between 0 and 1; got " + rate + " for " + fault);
      }
      double others = rates.entrySet().stream().filter(e -> e.getKey() != fault).mapToDouble(Map.Entry::getValue)
          .sum();
      if (others + rate > 1 + 1e-9) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "the fault rates add up to %.3f; at most 1"
            + " (a request meets one fault at most)", others + rate));
      }
      if (rate == 0) {
        rates.remove(fault);
      } else {
        rates.put(fault, rate);
      }
      return this;
    }

    /**
     * Makes every request for these paths (below the base, such as {@code "services/ID"}; the query does not
     * matter) meet {@code fault}, whatever the rates.
     */
    public Builder always(Fault fault, String... paths) {
      Objects.requireNonNull(fault, "fault");
      for (String path : paths) {
        always.put(path.startsWith("/") ? path.substring(1) : path, fault);
      }
      return this;
    }

    /** The {@code Retry-After} sent with 429, rounded up to whole seconds (default 1 s). */
    public Builder retryAfter(Duration retryAfter) {
      if (retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter cannot be negative; got " + retryAfter);
      }
      this.retryAfter = retryAfter;
      return this;
    }

    /** How long a stalled answer is held back (default 1.5 s). */
    public Builder stallTime(Duration stall) {
      if (stall.isNegative()) {
        throw new IllegalArgumentException("stallTime cannot be negative; got " + stall);
      }
      this.stall = stall;
      return this;
    }

    /** The port to listen on (default 0: a free one). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Starts listening on 127.0.0.1. */
    public FaultProxy start() {
      try {
        return new FaultProxy(this);
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the fault proxy: " + e.getMessage(), e);
      }
    }
  }
}
