package io.github.oruk.validation.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A loopback proxy in front of a real (compliant) server that breaks its answers in one chosen way, so
 * each test server differs from the reference by exactly one defect.
 */
final class MutatingProxy implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  /** What the proxy forwards and answers; mutations change any part of it. */
  static final class Exchange {
    String path;
    String query;
    int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    byte[] body;
    /** Fetches another address from the real server (path and query below the base). */
    final Upstream upstream;

    Exchange(Upstream upstream) {
      this.upstream = upstream;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    void json(JsonNode tree) {
      try {
        body = JSON.writeValueAsBytes(tree);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    boolean isPage(String list) {
      return path.equals("/" + list) && status == 200;
    }

    int pageNumber() {
      for (String pair : query == null ? new String[0] : query.split("&")) {
        if (pair.startsWith("page=")) {
          return Integer.parseInt(pair.substring(5));
        }
      }
      return 1;
    }
  }

  /** Fetches from the real server. */
  interface Upstream {
    Exchange get(String path, String query) throws IOException, InterruptedException;
  }

  /** Changes the request before it is forwarded (rewrite path or query), or the answer after. */
  interface Mutation {
    default void request(Exchange exchange) {
    }

    void response(Exchange exchange) throws IOException, InterruptedException;
  }

  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI target;

  MutatingProxy(URI target, Mutation mutation) throws IOException {
    this.target = target;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", exchange -> handle(exchange, mutation));
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private Exchange fetch(String path, String query) throws IOException, InterruptedException {
    URI uri = URI.create(target.toString().replaceFirst("/$", "") + path + (query == null ? "" : "?" + query));
    HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(uri).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    Exchange exchange = new Exchange(this::fetch);
    exchange.path = path;
    exchange.query = query;
    exchange.status = answer.statusCode();
    answer.headers().map().forEach((name, values) -> {
      String lower = name.toLowerCase(java.util.Locale.ROOT);
      if (!lower.equals("content-length") && !lower.equals("etag") && !lower.equals("date")
          && !lower.equals("transfer-encoding") && !lower.startsWith(":")) {
        exchange.headers.put(name, values.get(0));
      }
    });
    exchange.body = answer.body();
    return exchange;
  }

  private void handle(HttpExchange http, Mutation mutation) throws IOException {
    try (http) {
      Exchange request = new Exchange(this::fetch);
      request.path = http.getRequestURI().getRawPath();
      request.query = http.getRequestURI().getRawQuery();
      mutation.request(request);
      Exchange answer = fetch(request.path, request.query);
      answer.path = http.getRequestURI().getRawPath();
      answer.query = http.getRequestURI().getRawQuery();
      mutation.response(answer);
      List<String> names = new ArrayList<>(answer.headers.keySet());
      for (String name : names) {
        http.getResponseHeaders().set(name, answer.headers.get(name));
      }
      http.sendResponseHeaders(answer.status, answer.body.length == 0 ? -1 : answer.body.length);
      if (answer.body.length > 0) {
        http.getResponseBody().write(answer.body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      http.sendResponseHeaders(599, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
