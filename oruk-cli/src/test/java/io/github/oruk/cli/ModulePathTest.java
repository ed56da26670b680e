package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.oruk.model.Service;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.server.memory.InMemoryDirectory;
import jakarta.validation.constraints.NotNull;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published jars as a user's build sees them: each is a named Java module, and a small program that uses
 * the client, and one that publishes a directory, compile and run against the jars alone, on the module path
 * and on the class path. The programs use Jackson's and {@code java.net.http}'s types without requiring them,
 * so a module that forgot to require them transitively fails here as it would in a user's build. Run from
 * the whole build: the jars, with their module descriptors, are made in the modules' package phase.
 */
class ModulePathTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final String SERVICES = "META-INF/services/";

  /** The module each published jar declares, by artifact. */
  static final Map<String, String> MODULES = Map.of(
      "oruk-model", "io.github.oruk.model",
      "oruk-client", "io.github.oruk.client",
      "oruk-server-spi", "io.github.oruk.server",
      "oruk-server-jetty", "io.github.oruk.server.jetty",
      "oruk-validation", "io.github.oruk.validation",
      "oruk-taxonomy", "io.github.oruk.taxonomy",
      "oruk-tabular", "io.github.oruk.tabular",
      "oruk-hub", "io.github.oruk.hub",
      "oruk-testkit", "io.github.oruk.testkit");

  private static final String CLIENT_MODULE = """
      module consumer.client {
        requires io.github.oruk.client;
      }
      """;

  /** Uses Jackson (an extension's value) and java.net.http (the headers) with only the client required. */
  private static final String CLIENT_MAIN = """
      package consumer.client;

      import com.fasterxml.jackson.databind.JsonNode;
      import com.fasterxml.jackson.databind.node.TextNode;
      import io.github.oruk.client.OrukClient;
      import io.github.oruk.model.Page;
      import io.github.oruk.model.Service;
      import io.github.oruk.model.query.Query;
      import java.net.URI;
      import java.net.http.HttpHeaders;

      public class Main {
        public static void main(String[] args) throws Exception {
          OrukClient client = OrukClient.builder(args[0]).build();
          Page<Service> page = client.services(Query.all()).value();
          Service first = client.service(page.contents().get(0).getId()).value();
          first.putExtension("x_colour", TextNode.valueOf("green"));
          JsonNode colour = first.getExtensions().get("x_colour");
          HttpHeaders headers = client.fetch(URI.create(args[0]).resolve("services")).headers();
          System.out.println(page.totalItems() + " " + first.getName() + " " + colour.asText() + " "
              + headers.firstValue("content-type").orElse("?"));
        }
      }
      """;

  private static final String SERVER_MODULE = """
      module consumer.server {
        requires io.github.oruk.server;
        requires java.net.http;
      }
      """;

  /** Publishes one service on the JDK's server and asks it for that service. */
  private static final String SERVER_MAIN = """
      package consumer.server;

      import io.github.oruk.model.Service;
      import io.github.oruk.server.OrukApi;
      import io.github.oruk.server.jdk.OrukHttpServer;
      import io.github.oruk.server.memory.InMemoryDirectory;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.util.List;

      public class Main {
        public static void main(String[] args) throws Exception {
          Service service = new Service().id("s1").name("Library");
          InMemoryDirectory directory = InMemoryDirectory.of(List.of(service));
          try (OrukHttpServer server = OrukHttpServer.builder(OrukApi.of(directory))
              .port(0).start()) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.uri().resolve("services/s1")).build(),
                HttpResponse.BodyHandlers.ofString());
            System.out.println(answer.statusCode() + " " + answer.body());
          }
        }
      }
      """;

  @Test
  void everyPublishedJarIsANamedModuleThatExportsItsPackagesAndProvidesItsServices() throws IOException {
    for (Map.Entry<String, String> published : MODULES.entrySet()) {
      Path jar = jar(published.getKey());
      Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
      assertEquals(1, found.size(), jar.toString());
      ModuleDescriptor descriptor = found.iterator().next().descriptor();
      assertEquals(published.getValue(), descriptor.name(), jar + " declares its module");
      assertTrue(!descriptor.isAutomatic(), jar + " has a module-info.class, not only a name");
      Set<String> exported = descriptor.exports().stream().map(ModuleDescriptor.Exports::source)
          .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(new TreeSet<>(descriptor.packages()), exported,
          jar + " exports every package it holds (none is internal today)");
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        Map<String, List<String>> onClassPath = new TreeMap<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
          if (entry.getName().startsWith(SERVICES) && !entry.isDirectory()) {
            onClassPath.put(entry.getName().substring(SERVICES.length()), new String(
                zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList());
          }
        }
        Map<String, List<String>> onModulePath = new TreeMap<>();
        descriptor.provides().forEach(provides -> onModulePath.put(provides.service(), provides.providers()));
        assertEquals(onClassPath, onModulePath,
            jar + " provides the same services on the module path (module-info) as on the class path");
      }
    }
  }

  @Test
  void theSpringBootStarterIsAnAutomaticModuleWithAStableName() throws IOException {
    // Spring Boot 3's own jars are automatic modules, and Tomcat's embedded jar carries the servlet API's
    // packages, so a descriptor could not resolve in a Boot application on the module path (see its README).
    Path jar = jar("oruk-spring-boot-starter");
    ModuleDescriptor descriptor = ModuleFinder.of(jar).findAll().iterator().next().descriptor();
    assertTrue(descriptor.isAutomatic(), jar + " is an automatic module, as Spring Boot's are");
    assertEquals("io.github.oruk.spring.boot", descriptor.name(), "its name comes from Automatic-Module-Name");
  }

  @Test
  void aClientConsumerRunsOnTheModulePathAndOnTheClassPath(@TempDir Path dir) throws Exception {
    Service service = new Service().id("s1").name("Library");
    try (OrukHttpServer server = OrukHttpServer.builder(OrukApi.of(InMemoryDirectory.of(List.of(service))))
        .port(0).start()) {
      List<Path> jars = jars("oruk-model", "oruk-client");
      String expected = "1 Library green application/json; charset=utf-8";
      assertEquals(expected, runOnModulePath(dir.resolve("module"), jars, "consumer.client", CLIENT_MODULE,
          CLIENT_MAIN, server.uri().toString()));
      assertEquals(expected, runOnClassPath(dir.resolve("class"), jars, "consumer.client", CLIENT_MAIN,
          server.uri().toString()));
    }
  }

  @Test
  void aServerConsumerRunsOnTheModulePathAndOnTheClassPath(@TempDir Path dir) throws Exception {
    List<Path> jars = jars("oruk-model", "oruk-server-spi");
    String onModulePath = runOnModulePath(dir.resolve("module"), jars, "consumer.server", SERVER_MODULE,
        SERVER_MAIN);
    assertTrue(onModulePath.startsWith("200 {") && onModulePath.contains("\"name\":\"Library\""), onModulePath);
    assertEquals(onModulePath, runOnClassPath(dir.resolve("class"), jars, "consumer.server", SERVER_MAIN));
  }

  private static final String HUB_MODULE = """
      module consumer.hub {
        requires io.github.oruk.hub;
      }
      """;

  private static final String HUB_MAIN = """
      package consumer.hub;

      import io.github.oruk.hub.store.HubStore;
      import java.nio.file.Path;

      public class Main {
        public static void main(String[] args) {
          try (HubStore store = HubStore.openFolder(Path.of(args[0]))) {
            System.out.println(store.records().size() + " records, " + store.refreshes("north").size() + " refreshes");
          }
        }
      }
      """;

  /**
   * The hub's store is migrated by Flyway from resources in the hub's jar: on the module path Flyway (an automatic
   * module) must still find them, and H2 must be found as a JDBC driver.
   */
  @Test
  void aHubConsumerMigratesItsStoreOnTheModulePathAndOnTheClassPath(@TempDir Path dir) throws Exception {
    List<Path> jars = new ArrayList<>();
    for (String module : List.of("oruk-model", "oruk-client", "oruk-validation", "oruk-server-spi", "oruk-tabular",
        "oruk-hub")) {
      jars.add(jar(module));
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (name.endsWith(".jar") && List.of("jackson-", "jakarta.validation-api-", "jspecify-",
          "json-schema-validator-", "itu-", "slf4j-api-", "snakeyaml-", "flyway-", "h2-", "postgresql-").stream()
          .anyMatch(name::startsWith)) {
        jars.add(Path.of(entry));
      }
    }
    String expected = "0 records, 0 refreshes";
    assertEquals(expected, lastLine(runOnModulePath(dir.resolve("module"), jars, "consumer.hub", HUB_MODULE,
        HUB_MAIN, dir.resolve("module-store").toString())));
    assertEquals(expected, lastLine(runOnClassPath(dir.resolve("class"), jars, "consumer.hub", HUB_MAIN,
        dir.resolve("class-store").toString())));
  }

  /** Flyway logs its migration through java.util.logging on stderr, which {@link #run} merges with stdout. */
  private static String lastLine(String output) {
    String[] lines = output.split("\n");
    return lines[lines.length - 1].strip();
  }

  private static String runOnModulePath(Path dir, List<Path> jars, String module, String descriptor,
      String main, String... args) throws Exception {
    Path sources = write(dir.resolve("src"), module, main);
    Files.writeString(sources.resolve("module-info.java"), descriptor);
    Path classes = dir.resolve("classes");
    compile(List.of("--module-path", path(jars), "-d", classes.toString(),
        sources.resolve("module-info.java").toString(), mainSource(sources, module).toString()));
    List<Path> modulePath = new ArrayList<>(jars);
    modulePath.add(0, classes);
    List<String> command = new ArrayList<>(List.of(java(), "--module-path", path(modulePath),
        "--module", module + "/" + module + ".Main"));
    command.addAll(List.of(args));
    return run(command);
  }

  private static String runOnClassPath(Path dir, List<Path> jars, String module, String main, String... args)
      throws Exception {
    Path sources = write(dir.resolve("src"), module, main);
    Path classes = dir.resolve("classes");
    compile(List.of("--class-path", path(jars), "-d", classes.toString(), mainSource(sources, module).toString()));
    List<Path> classPath = new ArrayList<>(jars);
    classPath.add(0, classes);
    List<String> command = new ArrayList<>(List.of(java(), "--class-path", path(classPath), module + ".Main"));
    command.addAll(List.of(args));
    return run(command);
  }

  private static Path write(Path sources, String module, String main) throws IOException {
    Path file = mainSource(sources, module);
    Files.createDirectories(file.getParent());
    Files.writeString(file, main);
    return sources;
  }

  private static Path mainSource(Path sources, String module) {
    return sources.resolve(module.replace('.', '/')).resolve("Main.java");
  }

  private static void compile(List<String> arguments) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = javac.run(null, errors, errors, arguments.toArray(String[]::new));
    assertEquals(0, status, () -> "javac " + arguments + "\n" + errors.toString(StandardCharsets.UTF_8));
  }

  private static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the consumer ended");
    String text = new String(output, StandardCharsets.UTF_8).strip();
    assertEquals(0, process.exitValue(), () -> String.join(" ", command) + "\n" + text);
    return text;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String path(List<Path> entries) {
    return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * The given published jars, as built by this build, and the third-party jars they need at run time, as Maven
   * resolved them for this test.
   */
  private static List<Path> jars(String... modules) throws IOException {
    List<Path> jars = new ArrayList<>();
    for (String module : modules) {
      jars.add(jar(module));
    }
    for (Class<?> type : List.of(JsonNode.class, JsonParser.class, JsonInclude.class, JavaTimeModule.class,
        NotNull.class, NullMarked.class)) {
      jars.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath()));
    }
    return jars;
  }

  static Path jar(String module) throws IOException {
    String version = Files.readString(ROOT.resolve("oruk-cli/target/classes/io/github/oruk/cli/version.properties"))
        .lines().filter(line -> line.startsWith("version=")).map(line -> line.substring("version=".length()))
        .findFirst().orElseThrow();
    Path jar = ROOT.resolve(module).resolve("target/" + module + "-" + version + ".jar");
    assertTrue(Files.isRegularFile(jar), () -> jar + " was not built; run ./mvnw verify from the root");
    return jar;
  }
}
