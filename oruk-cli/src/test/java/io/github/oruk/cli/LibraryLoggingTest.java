package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * networknt's SLF4J log lines reach java.util.logging (where System.Logger writes), rather than SLF4J's
 * "No SLF4J providers were found" warning or nothing at all. Runs the command in a JVM of its own: SLF4J
 * picks its provider once per JVM, so only a fresh one shows what a user's run prints.
 */
class LibraryLoggingTest {

  @TempDir
  Path dir;

  @Test
  void networkntLogLinesAreRoutedToJavaUtilLoggingWithoutAnSlf4jWarning() throws Exception {
    // An invalid date-time: networknt logs it at debug level, which the logging file below lets through.
    Path service = Files.writeString(dir.resolve("service.json"),
        "{\"id\":\"x\",\"name\":\"A\",\"status\":\"active\",\"last_modified\":\"yesterday\"}");
    Path logging = Files.writeString(dir.resolve("logging.properties"), String.join("\n",
        "handlers=java.util.logging.ConsoleHandler",
        "java.util.logging.ConsoleHandler.level=ALL",
        "com.networknt.level=FINE", ""));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(List.of(java.toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-Djava.util.logging.config.file=" + logging, "-cp", System.getProperty("java.class.path"),
        Oruk.class.getName(), "validate", service.toString()))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("the command did not end within 60 s");
    }
    String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);

    assertEquals(1, process.exitValue(), err);
    assertFalse(err.contains("SLF4J"), "SLF4J found a provider:\n" + err);
    assertTrue(err.contains("com.networknt.schema.format.DateTimeFormat") && err.contains("yesterday"),
        "networknt's debug line about the bad date reached java.util.logging:\n" + err);
  }
}
