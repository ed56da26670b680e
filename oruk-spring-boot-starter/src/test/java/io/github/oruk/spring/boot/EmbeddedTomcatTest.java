package io.github.oruk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.server.DirectoryProvider;
import io.github.oruk.server.RawHttp;
import io.github.oruk.server.memory.InMemoryDirectory;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The starter in a real Spring Boot application on embedded Tomcat (127.0.0.1, a random port), with a
 * controller of its own and Spring MVC's CORS switched on for every path: the API answers at the root, the
 * controller keeps its path, and what Spring or Tomcat refuses comes back as the SDK's JSON error with one
 * CORS header.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = EmbeddedTomcatTest.Application.class,
    properties = {"server.address=127.0.0.1", "spring.main.banner-mode=off"})
class EmbeddedTomcatTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Application implements WebMvcConfigurer {
    @Bean
    DirectoryProvider directory() {
      return InMemoryDirectory.builder().addAll(DataGenerator.builder().seed(15).build().services(5)).build();
    }

    @Bean
    Hello hello() {
      return new Hello();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
      registry.addMapping("/**").allowedOrigins("*");
    }
  }

  @RestController
  static class Hello {
    @GetMapping("/hello")
    String hello() {
      return "hello";
    }
  }

  @Value("${local.server.port}")
  private int port;

  private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
        .header("Origin", "https://finder.example").method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode error(HttpResponse<String> response, int status, String code) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(mediaType(response.headers().firstValue("Content-Type").orElse(""))).isEqualTo("application/json;charset=utf-8");
    assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("error").asText()).isEqualTo(code);
    assertThat(body.get("message").asText()).isNotBlank();
    return body;
  }

  /** Tomcat writes the SDK's {@code application/json; charset=utf-8} without the space. */
  private static String mediaType(String header) {
    return header.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
  }

  @Test
  void theApiAnswersAtTheRootWithOneCorsHeader() throws Exception {
    HttpResponse<String> details = send("GET", "/");
    assertThat(details.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(details.body()).get("version").asText()).isEqualTo("HSDS-UK-3.0");
    assertThat(details.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");

    JsonNode page = JSON.readTree(send("GET", "/services?per_page=2").body());
    assertThat(page.get("total_items").asInt()).isEqualTo(5);
    assertThat(page.get("contents")).hasSize(2);
    String id = page.get("contents").get(0).get("id").asText();
    HttpResponse<String> one = send("GET", "/services/" + id);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(one.body()).get("id").asText()).isEqualTo(id);
    assertThat(JSON.readTree(send("GET", "/openapi.json").body()).has("openapi")).isTrue();
    error(send("GET", "/services/no-such-id"), 404, "not_found");
    error(send("DELETE", "/services"), 405, "method_not_allowed");
  }

  @Test
  void theApplicationKeepsItsOtherPaths() throws Exception {
    HttpResponse<String> hello = send("GET", "/hello");
    assertThat(hello.statusCode()).isEqualTo(200);
    assertThat(hello.body()).isEqualTo("hello");
  }

  @Test
  void whatSpringRefusesIsTheSdksJsonError() throws Exception {
    JsonNode unknown = error(send("GET", "/nowhere"), 404, "not_found");
    assertThat(unknown.get("message").asText()).contains("/services");
    error(send("POST", "/hello"), 405, "method_not_allowed");
  }

  @Test
  void whatTomcatRefusesIsTheSdksJsonErrorToo() throws Exception {
    // Tomcat cannot decode %G1 and refuses the request before any servlet sees it.
    RawHttp.Answer answer = RawHttp.exchange(URI.create("http://127.0.0.1:" + port + "/"),
        "GET /services/%G1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
        Duration.ofSeconds(30));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(mediaType(answer.header("Content-Type"))).as(answer.toString()).isEqualTo("application/json;charset=utf-8");
    assertThat(answer.json().get("error").asText()).isEqualTo("bad_request");
    assertThat(List.of(answer.header("Access-Control-Allow-Origin"))).containsExactly("*");
  }
}
