package io.github.oruk.cli;

import com.sun.net.httpserver.HttpServer;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A feed on the loopback interface that answers {@code /services} with one page listing every service (id and
 * name) and {@code /services/{id}} with whatever bytes the test gives it, such as a service holding a number
 * the SDK's own server could never serve.
 */
final class RawFeed implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, byte[]> details = new ConcurrentHashMap<>();

  RawFeed(List<Service> services) throws IOException {
    StringBuilder page = new StringBuilder("{\"total_items\":").append(services.size())
        .append(",\"total_pages\":1,\"page_number\":1,\"size\":").append(services.size())
        .append(",\"first_page\":true,\"last_page\":true,\"empty\":false,\"contents\":[");
    for (int i = 0; i < services.size(); i++) {
      Service service = services.get(i);
      page.append(i == 0 ? "" : ",").append("{\"id\":\"").append(service.getId()).append("\",\"name\":\"")
          .append(service.getId()).append("\"}");
      details.put(service.getId(), OrukJson.lenient().write(service));
    }
    byte[] list = page.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      byte[] body = path.equals("/services") ? list
          : path.startsWith("/services/") ? details.get(path.substring("/services/".length())) : null;
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      if (body == null) {
        body = "{\"status\":404,\"error\":\"Not Found\",\"message\":\"no such address\"}"
            .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(404, body.length);
      } else {
        exchange.sendResponseHeaders(200, body.length);
      }
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  /** The feed's base URL, ending in '/'. */
  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** From now on, {@code /services/{id}} answers with {@code json}. */
  void serve(String id, String json) {
    details.put(id, json.getBytes(StandardCharsets.UTF_8));
  }

  /** The canonical JSON of a service whose maximum_age is {@code number}, written as given. */
  static String withMaximumAge(Service service, String number) {
    Service copy = OrukJson.lenient().read(OrukJson.lenient().write(service), Service.class).value();
    copy.setMaximumAge(new BigDecimal("77777.5"));
    String json = OrukJson.lenient().writeString(copy);
    if (!json.contains("\"maximum_age\":77777.5")) {
      throw new IllegalStateException("no maximum_age to replace in " + json);
    }
    return json.replace("\"maximum_age\":77777.5", "\"maximum_age\":" + number);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
