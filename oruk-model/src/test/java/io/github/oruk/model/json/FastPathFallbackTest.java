package io.github.oruk.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.oruk.model.Upstream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * When the Jackson internals the fast codec builds on are not there, the codec finds out by itself, says so
 * once, and takes stock Jackson, with the same bytes out and the same findings. The codec runs in a class
 * loader of its own that hides the fast parser class, so the real detection meets a real
 * {@link NoClassDefFoundError}, as it would with a Jackson whose parser class changed.
 */
class FastPathFallbackTest {

  /** The class the fast factory cannot link without; hiding it breaks the fast paths and nothing else. */
  private static final String HIDDEN = "io.github.oruk.model.json.TextFastFactory$Parser";

  /** What the codec logs, in any class loader, while these tests run. */
  private static final List<LogRecord> RECORDS = new CopyOnWriteArrayList<>();
  private static final Logger LOGGER = Logger.getLogger("io.github.oruk.model.json");
  private static final Handler HANDLER = new Handler() {
    @Override
    public void publish(LogRecord record) {
      RECORDS.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  /** One loader for all the tests here: each loads Jackson and the codec anew, which takes a second. */
  private static URLClassLoader hiding;

  @BeforeAll
  static void hideTheFastParser() {
    LOGGER.addHandler(HANDLER);
    hiding = hidingLoader();
  }

  @AfterAll
  static void closeTheLoader() throws IOException {
    LOGGER.removeHandler(HANDLER);
    hiding.close();
  }

  @Test
  void withTheFastParserClassMissingTheCodecFallsBackSaysSoOnceAndGivesTheSameResults() throws Exception {
    assumeFastPathsAsked();
    List<String> types = new ArrayList<>();
    List<byte[]> documents = new ArrayList<>();
    types.add("service");
    documents.add(QUIRKY_SERVICE.getBytes(StandardCharsets.UTF_8));
    types.add("service_list");
    documents.add(pageOfTrickyServices());

    List<String> fallback = run(hiding, types, documents);
    // A second round builds the codecs again: the decision, and its message, stay single.
    assertEquals(fallback, run(hiding, types, documents));
    assertTrue(fastPath(hiding).startsWith("false java.lang.NoClassDefFoundError"), fastPath(hiding));

    assertEquals(1, RECORDS.size(), () -> "one message, not " + RECORDS.size() + ": " + RECORDS.stream()
        .map(LogRecord::getMessage).toList());
    LogRecord record = RECORDS.get(0);
    assertEquals(Level.WARNING, record.getLevel());
    assertTrue(record.getMessage().contains("uses stock Jackson")
        && record.getMessage().contains("NoClassDefFoundError")
        && record.getMessage().contains("TextFastFactory$Parser"), record.getMessage());

    assertTrue(FastPath.ON, "the comparison is with the fast paths: " + FastPath.PROBLEM);
    List<String> fast = CodecRun.run(types, documents);
    assertSameLines(fast, fallback);
    // The documents do exercise the reader's checks, which the fast parser's hints shortcut.
    String all = String.join("\n", fast);
    assertTrue(all.contains(ReadCode.NON_UUID_ID.code()) && all.contains(ReadCode.HTML_IN_TEXT.code()), all);
    // And the writer's range check, which the fast generator does itself and the fallback by a decorator.
    assertTrue(all.contains("refused at /service_at_locations/0/location/longitude: ")
        && all.contains("refused at /x_big/1: ") && all.contains("\"maximum_age\":0}"), all);
  }

  @Test
  void theUpstreamExamplesGiveTheSameResultsOnBothPaths() throws Exception {
    assumeFastPathsAsked();
    Path dir = Upstream.require("oruk-standard/3.0/examples");
    List<String> types = new ArrayList<>();
    List<byte[]> documents = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        types.add(file.getFileName().toString().replace(".json", ""));
        documents.add(Files.readAllBytes(file));
      }
    }
    assertFalse(documents.isEmpty(), "no examples in " + dir);
    assertSameLines(CodecRun.run(types, documents), run(hiding, types, documents));
    assertTrue(fastPath(hiding).startsWith("false"), fastPath(hiding));
  }

  @Test
  void theCodecsFactoryPassesTheCheckOnThisJackson() {
    assertNull(FastPath.problem(() -> new TextFastFactory(new JsonFactoryBuilder())));
    assertEquals(!FastPath.turnedOff(System.getProperty(FastPath.PROPERTY)), FastPath.ON, FastPath.PROBLEM);
  }

  @Test
  void aFactoryWhoseParserIsNotTheCodecsIsRefused() {
    // As when Jackson stops calling the overridden _createParser: it still works, but not the codec's way.
    String problem = FastPath.problem(JsonFactory::new);
    assertNotNull(problem);
    assertTrue(problem.contains("not the codec's parser"), problem);
  }

  @Test
  void aMissingMethodIsCaughtAndNamed() {
    String problem = FastPath.problem(() -> {
      throw new NoSuchMethodError("'void com.fasterxml.jackson.core.json.UTF8StreamJsonParser.<init>()'");
    });
    assertTrue(problem != null && problem.startsWith("java.lang.NoSuchMethodError") && problem.contains("<init>"),
        problem);
  }

  @Test
  void onlyFalseTurnsTheFastPathsOff() {
    assertTrue(FastPath.turnedOff("false"));
    assertTrue(FastPath.turnedOff(" FALSE "));
    assertFalse(FastPath.turnedOff(null));
    assertFalse(FastPath.turnedOff("true"));
    assertFalse(FastPath.turnedOff(""));
  }

  // ------------------------------------------------------------------------------------------- helpers

  /** The comparisons are of the fast paths with the fallback; a run with the fast paths turned off has no such pair. */
  private static void assumeFastPathsAsked() {
    assumeFalse(FastPath.turnedOff(System.getProperty(FastPath.PROPERTY)), "the fast paths are turned off in this run");
  }

  /** A service with something for most of the reader's checks: ids, HTML, numbers as text, offsets, extensions. */
  private static final String QUIRKY_SERVICE = """
      {"id":"not-a-uuid","name":"Caf\\u00e9 <b>club</b> & friends","description":"line\\nbreak \\"q\\" \\ud83d\\ude00",
       "status":"retired","email":"club@example.org","url":"https://example.org/?a=1&b=2","minimum_age":"5",
       "maximum_age":12.50,"assured_date":"2024-05-01","last_modified":"2024-05-01T09:30:00",
       "pc_metadata":{"x":[1,2.50,null,"<i>"]},
       "organization":{"id":"3F2504E0-4F89-41D3-9A0C-0305E82C3301","name":"Greengate","description":"fish &amp; chips"},
       "contacts":[{"id":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","name":"\\u00a310 a session","email":"x"}]}
      """;

  /** A page of services named by the tricky strings of {@link TextFastPathTest}, ids alternately UUIDs. */
  private static byte[] pageOfTrickyServices() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator gen = new JsonFactory().createGenerator(out)) {
      int n = TextFastPathTest.TRICKY.length;
      gen.writeStartObject();
      gen.writeNumberField("total_items", n);
      gen.writeNumberField("total_pages", 1);
      gen.writeNumberField("page_number", 1);
      gen.writeNumberField("size", n);
      gen.writeBooleanField("first_page", true);
      gen.writeBooleanField("last_page", true);
      gen.writeBooleanField("empty", false);
      gen.writeArrayFieldStart("contents");
      for (int i = 0; i < n; i++) {
        gen.writeStartObject();
        gen.writeStringField("id", i % 2 == 0 ? String.format("3f2504e0-4f89-41d3-9a0c-%012d", i) : "id-" + i);
        gen.writeStringField("name", TextFastPathTest.TRICKY[i]);
        gen.writeStringField("description", TextFastPathTest.TRICKY[n - 1 - i]);
        gen.writeEndObject();
      }
      gen.writeEndArray();
      gen.writeEndObject();
    }
    return out.toByteArray();
  }

  /**
   * A loader with the codec, these tests and Jackson (whichever version this run has), but not the fast parser
   * class; its parent is the platform loader, so nothing comes from the test's own class path.
   */
  private static URLClassLoader hidingLoader() {
    List<URL> urls = new ArrayList<>();
    for (Class<?> type : List.of(OrukJson.class, CodecRun.class, JsonFactory.class, ObjectMapper.class,
        JsonProperty.class, JavaTimeModule.class, jakarta.validation.Valid.class)) {
      urls.add(type.getProtectionDomain().getCodeSource().getLocation());
    }
    return new URLClassLoader("fast-parser-hidden", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.equals(HIDDEN)) {
          throw new ClassNotFoundException(name + " (hidden by FastPathFallbackTest)");
        }
        return super.loadClass(name, resolve);
      }
    };
  }

  /** Equal lists, or a failure that shows the first line that differs rather than both whole lists. */
  private static void assertSameLines(List<String> fast, List<String> fallback) {
    for (int i = 0; i < Math.min(fast.size(), fallback.size()); i++) {
      assertEquals(fast.get(i), fallback.get(i), "line " + i + ", fast path first, fallback second");
    }
    assertEquals(fast.size(), fallback.size(), "lines");
  }

  @SuppressWarnings("unchecked")
  private static List<String> run(ClassLoader loader, List<String> types, List<byte[]> documents) throws Exception {
    return (List<String>) call(loader, "run", types, documents);
  }

  private static String fastPath(ClassLoader loader) throws Exception {
    return (String) call(loader, "fastPath");
  }

  private static Object call(ClassLoader loader, String method, Object... args) throws Exception {
    Class<?> run = Class.forName(CodecRun.class.getName(), true, loader);
    assertEquals(loader, run.getClassLoader(), "the codec must come from the hiding loader");
    Class<?>[] parameters = args.length == 0 ? new Class<?>[0] : new Class<?>[] {List.class, List.class};
    try {
      return run.getMethod(method, parameters).invoke(null, args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
