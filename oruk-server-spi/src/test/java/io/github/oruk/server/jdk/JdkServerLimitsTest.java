package io.github.oruk.server.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.oruk.server.OrukApi;
import io.github.oruk.server.memory.InMemoryDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JDK server's limits are system properties that the JDK reads once per JVM, so they are tested in a JVM
 * of their own: loading {@link OrukHttpServer} sets the defaults the README states, keeps a value the
 * application set itself, and the JDK then closes a connection that stalls half-way through its request line.
 */
class JdkServerLimitsTest {

  private static final List<String> PROPERTIES = List.of("sun.net.httpserver.maxReqTime",
      "sun.net.httpserver.maxRspTime", "jdk.httpserver.maxConnections", "sun.net.httpserver.nodelay");

  @Test
  void loadingTheServerSetsItsLimitsAndTheJdkClosesAStalledRequest() throws Exception {
    // maxReqTime is set on the command line, as an application would, to 1 s so the stall ends quickly.
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Dsun.net.httpserver.maxReqTime=1",
        "-cp", System.getProperty("java.class.path"), Serve.class.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      Map<String, String> seen = new LinkedHashMap<>();
      for (String line = out.readLine(); line != null && !line.equals("ready"); line = out.readLine()) {
        int equals = line.indexOf('=');
        seen.put(line.substring(0, equals), line.substring(equals + 1));
      }
      assertEquals("1", seen.get("sun.net.httpserver.maxReqTime"), "the application's own value is kept: " + seen);
      // The defaults the README states.
      assertEquals("60", seen.get("sun.net.httpserver.maxRspTime"), seen::toString);
      assertEquals("1000", seen.get("jdk.httpserver.maxConnections"), seen::toString);
      assertEquals("true", seen.get("sun.net.httpserver.nodelay"), seen::toString);

      try (Socket stalled = new Socket("127.0.0.1", Integer.parseInt(seen.get("port")))) {
        stalled.getOutputStream().write("GET /servi".getBytes(StandardCharsets.US_ASCII));
        stalled.getOutputStream().flush();
        // Without a limit the JDK waits for the rest of the line for ever; with 1 s (checked once a second)
        // it closes the connection within about 2 s. 15 s tells a hang from a slow machine.
        stalled.setSoTimeout(15_000);
        long start = System.nanoTime();
        InputStream in = stalled.getInputStream();
        try {
          int read = in.read();
          assertEquals(-1, read, "the JDK closes the stalled connection without answering");
        } catch (SocketTimeoutException e) {
          fail("the JDK kept a stalled request open for 15 s despite maxReqTime=1");
        } catch (IOException reset) {
          // closed with a reset: closed all the same
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15));
      }
    } finally {
      process.getOutputStream().close();   // the child stops when its stdin closes
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** The child: loads the server, prints the properties and its port, then serves until stdin closes. */
  public static final class Serve {
    public static void main(String[] args) throws Exception {
      try (OrukHttpServer server = OrukHttpServer.builder(OrukApi.of(InMemoryDirectory.builder().build()))
          .port(0).start()) {
        for (String property : PROPERTIES) {
          System.out.println(property + "=" + System.getProperty(property));
        }
        System.out.println("port=" + server.port());
        System.out.println("ready");
        System.out.flush();
        while (System.in.read() >= 0) {
          // serve until the parent closes our stdin
        }
      }
    }
  }
}
