package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OrukCommandTest {

  @Test
  void withoutACommandPrintsHelp() {
    CliRun run = CliRun.of();
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("Usage: oruk"), run.out());
    assertTrue(run.out().contains("normalize"), run.out());
  }

  @Test
  void helpAndVersion() {
    CliRun help = CliRun.of("help", "normalize");
    CliRun version = CliRun.of("--version");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("--keep-extensions"), help.out());
    assertEquals(0, version.exitCode());
    assertTrue(version.out().startsWith("oruk 0."), version.out());
  }
}
