package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's training run: every command in it still runs (a renamed option would fail it here first). */
class StartupTrainingTest {

  @TempDir
  Path folder;

  @Test
  void everyTrainingCommandRunsAndTheFolderIsCleanedUp() throws Exception {
    Path training = Files.createDirectory(folder.resolve("training"));
    assertEquals(0, StartupTraining.run(training), "commands that failed");
    assertFalse(Files.exists(training), "the training folder is deleted");
  }
}
