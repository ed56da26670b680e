package io.github.oruk.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceStatus;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.Directories;
import io.github.oruk.server.DirectoryProvider;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.PageRequest;
import io.github.oruk.server.PathHandler;
import io.github.oruk.server.Results;
import io.github.oruk.server.Throttle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The protocol core on its own: what no HTTP client can send, and options that need no server. */
class OrukProtocolTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final OrukProtocol REFERENCE = new OrukProtocol(OrukApi.of(Directories.reference()));

  private static ProtocolResponse get(OrukProtocol protocol, String path, String query, Map<String, String> headers) {
    return protocol.handle(new ProtocolRequest("GET", "http", "/oruk", path, query,
        name -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(Map.Entry::getValue).findFirst().orElse(null), "192.0.2.1", "127.0.0.1:9999"));
  }

  private static JsonNode body(ProtocolResponse response) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      response.body().writeTo(out);
      assertEquals(Long.parseLong(response.header("Content-Length")), out.size(), "Content-Length is exact");
      return MAPPER.readTree(out.toByteArray());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aPathHandlerAnswersBesideTheApiWhichKeepsItsOwnPaths() throws IOException {
    OrukProtocol protocol = new OrukProtocol(OrukApi.builder(Directories.reference())
        .path("badge", segments -> segments.equals(List.of("north.svg"))
            ? Optional.of(new PathHandler.Answer("image/svg+xml", Map.of("Cache-Control", "max-age=300"),
                "<svg/>".getBytes(StandardCharsets.UTF_8)))
            : Optional.empty())
        .build());
    ProtocolResponse badge = get(protocol, "/badge/north.svg", null, Map.of());
    assertEquals(200, badge.status());
    assertEquals("image/svg+xml", badge.header("Content-Type"));
    assertEquals("max-age=300", badge.header("Cache-Control"));
    assertEquals("*", badge.header("Access-Control-Allow-Origin"), "the API's common headers too");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    badge.body().writeTo(out);
    assertEquals("<svg/>", out.toString(StandardCharsets.UTF_8));
    ProtocolResponse unknown = get(protocol, "/badge/south.svg", null, Map.of());
    assertEquals(404, unknown.status());
    assertEquals("not_found", body(unknown).path("error").asText(), "the API's JSON 404");
    assertEquals(200, get(protocol, "/services", null, Map.of()).status(), "the API's paths are unchanged");
    assertEquals(body(get(REFERENCE, "/", null, Map.of())), body(get(protocol, "/", null, Map.of())));
    IllegalArgumentException shadow = assertThrows(IllegalArgumentException.class,
        () -> OrukApi.builder(Directories.reference()).path("services", segments -> Optional.empty()));
    assertTrue(shadow.getMessage().contains("'services' is an ORUK endpoint's path"), shadow.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> OrukApi.builder(Directories.reference()).path("a/b", segments -> Optional.empty()));
  }

  @Test
  void aFolderOfPagesIsRedirectedToItsPathWithASlashSoRelativeLinksResolve() {
    PathHandler pages = new PathHandler() {
      @Override
      public Optional<Answer> answer(List<String> segments) {
        return Optional.of(new Answer("text/html", Map.of(), "<p>".getBytes(StandardCharsets.UTF_8)));
      }

      @Override
      public boolean folder() {
        return true;
      }
    };
    OrukProtocol protocol = new OrukProtocol(OrukApi.builder(Directories.reference()).path("dashboard", pages)
        .path("badge", segments -> Optional.of(new PathHandler.Answer("image/svg+xml", Map.of(), new byte[0])))
        .build());
    ProtocolResponse bare = get(protocol, "/dashboard", "sort=name", Map.of());
    assertEquals(308, bare.status());
    assertEquals("dashboard/?sort=name", bare.header("Location"), "relative, with the query kept");
    assertEquals(200, get(protocol, "/dashboard/", null, Map.of()).status());
    assertEquals(200, get(protocol, "/dashboard/north", null, Map.of()).status());
    assertEquals(200, get(protocol, "/badge", null, Map.of()).status(), "not a folder: answered as asked");
  }

  @Test
  void brokenPercentEncodingIsA400NamingWhereItIs() {
    ProtocolResponse query = get(REFERENCE, "/services", "search=%ZZ", Map.of());
    assertEquals(400, query.status());
    assertEquals("search", body(query).path("parameter").asText());
    ProtocolResponse half = get(REFERENCE, "/services", "search=abc%2", Map.of());
    assertEquals(400, half.status());
    ProtocolResponse path = get(REFERENCE, "/services/%E2%82", null, Map.of());
    assertEquals(400, path.status());
    assertEquals("invalid_path", body(path).path("error").asText());
    assertEquals(404, get(REFERENCE, "/services/a%2Fb", null, Map.of()).status(), "%2F stays inside the id");
  }

  @Test
  void rawFuzzOfQueriesAndPathsNeverFails() {
    SplittableRandom random = new SplittableRandom(5);
    String alphabet = "abcdefghijklmnopqrstuvwxyz_=&%+;/.?#0123456789ABCDEF\u00e9\u0000\n\r\t \"'<>\\";
    String[] starts = {"/", "/services", "/services/", "/taxonomy_terms", "/service_at_locations",
        "/organizations/", "/openapi.json", "//", "/services/../"};
    for (int i = 0; i < 10_000; i++) {
      StringBuilder query = new StringBuilder();
      int length = random.nextInt(40);
      for (int c = 0; c < length; c++) {
        query.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      StringBuilder path = new StringBuilder(starts[random.nextInt(starts.length)]);
      if (random.nextInt(3) == 0) {
        path.append(query, 0, Math.min(query.length(), 8));
      }
      ProtocolResponse response = get(REFERENCE, path.toString(), random.nextBoolean() ? query.toString() : null,
          Map.of());
      assertTrue(response.status() < 500, () -> response.status() + " for " + path + "?" + query);
      assertEquals("*", response.header("Access-Control-Allow-Origin"));
      if (response.header("Content-Type") != null && response.header("Content-Type").startsWith("application/json")) {
        body(response);
      }
    }
  }

  @Test
  void theApisOwnAddressComesFromTheRequestConfigurationOrTrustedProxy() {
    JsonNode plain = body(get(REFERENCE, "/", null, Map.of("Host", "directory.example.org:8443")));
    assertEquals("http://directory.example.org:8443/oruk/openapi.json", plain.path("openapi_url").asText());

    JsonNode forged = body(get(REFERENCE, "/", null, Map.of("Host", "evil.example\"><script>")));
    assertEquals("http://127.0.0.1:9999/oruk/openapi.json", forged.path("openapi_url").asText(),
        "a Host that is not a host name is not echoed");

    Map<String, String> proxied = Map.of("Host", "internal:8080", "X-Forwarded-Proto", "https",
        "X-Forwarded-Host", "services.example.gov.uk", "X-Forwarded-Prefix", "/directory");
    assertEquals("http://internal:8080/oruk/openapi.json",
        body(get(REFERENCE, "/", null, proxied)).path("openapi_url").asText(), "forwarded headers are not trusted by default");
    OrukProtocol trusting = new OrukProtocol(OrukApi.builder(Directories.reference()).trustForwardedHeaders(true).build());
    assertEquals("https://services.example.gov.uk/directory/oruk/openapi.json",
        body(get(trusting, "/", null, proxied)).path("openapi_url").asText());

    OrukProtocol fixed = new OrukProtocol(OrukApi.builder(Directories.reference())
        .baseUrl("https://api.example.org/oruk/").profileUrl("https://example.org/profile").build());
    JsonNode details = body(get(fixed, "/", null, Map.of("Host", "ignored")));
    assertEquals("https://api.example.org/oruk/openapi.json", details.path("openapi_url").asText());
    assertEquals("https://example.org/profile", details.path("profile").asText());
    assertEquals("https://api.example.org/oruk",
        body(get(fixed, "/openapi.json", null, Map.of())).path("servers").path(0).path("url").asText());
  }

  @Test
  void extensionsArePublishedOnlyWhenAskedFor() {
    Service service = new Service().id("x1").name("With extras").status(ServiceStatus.ACTIVE);
    service.putExtension("pc_metadata", new TextNode("kept"));
    DirectoryProvider provider = new DirectoryProvider() {
      @Override
      public Results<Service> services(Query query, PageRequest page) {
        return Results.slice(List.of(service), page);
      }

      @Override
      public Optional<Service> service(String id) {
        return Optional.of(service);
      }
    };
    assertFalse(body(get(new OrukProtocol(OrukApi.of(provider)), "/services/x1", null, Map.of())).has("pc_metadata"));
    assertEquals("kept", body(get(new OrukProtocol(OrukApi.builder(provider).publishExtensions(true).build()),
        "/services/x1", null, Map.of())).path("pc_metadata").asText());
  }

  @Test
  void inconsistentProvidersAreCaughtOrCorrected() {
    List<Service> five = Directories.reference().services().subList(0, 5);
    DirectoryProvider tooMany = new DirectoryProvider() {
      @Override
      public Results<Service> services(Query query, PageRequest page) {
        return Results.of(five, 5);
      }

      @Override
      public Optional<Service> service(String id) {
        return Optional.empty();
      }
    };
    OrukProtocol protocol = new OrukProtocol(OrukApi.of(tooMany));
    assertEquals(500, get(protocol, "/services", "per_page=2", Map.of()).status(), "more records than asked for");
    DirectoryProvider lowTotal = new DirectoryProvider() {
      @Override
      public Results<Service> services(Query query, PageRequest page) {
        return Results.of(five.subList(0, 2), 1);
      }

      @Override
      public Optional<Service> service(String id) {
        return Optional.empty();
      }
    };
    JsonNode page = body(get(new OrukProtocol(OrukApi.of(lowTotal)), "/services", "per_page=2&page=3", Map.of()));
    assertEquals(6, page.path("total_items").asInt(), "at least the records before and on this page");
    assertEquals(3, page.path("total_pages").asInt());
    assertTrue(page.path("last_page").asBoolean());
  }

  /**
   * Errors that say the JVM itself is failing are logged and thrown on, not answered; the resource limits a
   * request hits (stack, heap) are answered. Both are checked here, without a server, where what
   * {@code handle} throws can be seen.
   */
  @Test
  void onlyErrorsOfABrokenJvmAreThrownOn() {
    for (Error fatal : List.<Error>of(new InternalError("JIT failure"), new UnknownError("?"))) {
      OrukProtocol protocol = new OrukProtocol(OrukApi.of(throwing(fatal)));
      Error thrown = assertThrows(Error.class, () -> get(protocol, "/services", null, Map.of()));
      assertSame(fatal, thrown);
    }
    for (Error answered : List.<Error>of(new StackOverflowError(), new OutOfMemoryError("Java heap space"),
        new AssertionError("x"), new ExceptionInInitializerError("static"))) {
      ProtocolResponse response = get(new OrukProtocol(OrukApi.of(throwing(answered))), "/services", null, Map.of());
      assertEquals(500, response.status(), answered.toString());
      assertEquals("internal_error", body(response).path("error").asText());
    }
  }

  private static DirectoryProvider throwing(Error error) {
    return new DirectoryProvider() {
      @Override
      public Results<Service> services(Query query, PageRequest page) {
        throw error;
      }

      @Override
      public Optional<Service> service(String id) {
        throw error;
      }
    };
  }

  @Test
  void aBucketThatAlmostNeverRefillsSaysSoInRetryAfter() {
    OrukProtocol protocol = new OrukProtocol(OrukApi.builder(Directories.reference())
        .throttle(Throttle.perClient(1e-300, 1)).build());
    assertEquals(200, get(protocol, "/", null, Map.of()).status());
    ProtocolResponse refused = get(protocol, "/", null, Map.of());
    assertEquals(429, refused.status());
    assertTrue(Long.parseLong(refused.header("Retry-After")) > 1_000_000_000L,
        "not a retry in a second: " + refused.header("Retry-After"));
  }

  @Test
  void headKeepsTheHeadersAndDropsTheBody() {
    ProtocolResponse head = REFERENCE.handle(new ProtocolRequest("HEAD", "http", "", "/services", null,
        name -> null, "", "127.0.0.1:1"));
    ProtocolResponse get = get(REFERENCE, "/services", null, Map.of());
    assertNull(head.body());
    assertEquals(get.header("Content-Length"), head.header("Content-Length"));
    assertEquals(get.header("ETag"), head.header("ETag"));
  }

  @Test
  void preflightEchoesOnlyWellFormedHeaderNames() {
    ProtocolResponse ok = REFERENCE.handle(new ProtocolRequest("OPTIONS", "http", "", "/services", null,
        name -> name.equals("Access-Control-Request-Headers") ? "accept, if-none-match" : null, "", "x:1"));
    assertEquals("accept, if-none-match", ok.header("Access-Control-Allow-Headers"));
    ProtocolResponse bad = REFERENCE.handle(new ProtocolRequest("OPTIONS", "http", "", "/services", null,
        name -> name.equals("Access-Control-Request-Headers") ? "x\r\nSet-Cookie: a=b" : null, "", "x:1"));
    assertNull(bad.header("Access-Control-Allow-Headers"));
    assertEquals(204, bad.status());
  }

  @Test
  void errorResponsesForAdaptersAreJsonWithCors() {
    ProtocolResponse response = REFERENCE.errorResponse(418, "teapot", "I am a teapot.");
    JsonNode error = body(response);
    assertEquals(418, error.path("status").asInt());
    assertEquals("teapot", error.path("error").asText());
    assertEquals("*", response.header("Access-Control-Allow-Origin"));
    assertEquals(503, REFERENCE.unavailable("closing").status());
    byte[] text = "x".getBytes(StandardCharsets.UTF_8);
    assertEquals(1, ProtocolResponse.Body.of(text).length());
  }
}
