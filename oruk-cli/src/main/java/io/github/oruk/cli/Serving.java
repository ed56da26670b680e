package io.github.oruk.cli;

import io.github.oruk.server.jdk.OrukHttpServer;
import java.io.PrintWriter;
import java.time.Duration;

/** Keeps a started server running until Ctrl-C (or an interrupt), then stops it gracefully. */
final class Serving {

  private static final Duration GRACE = Duration.ofSeconds(2);

  private Serving() {
  }

  /**
   * Waits until the process is asked to stop (Ctrl-C, SIGTERM) or the calling thread is interrupted,
   * then stops the server. With {@code wait} false it stops at once (for scripts and tests).
   */
  static void untilStopped(OrukHttpServer server, boolean wait, PrintWriter err) {
    if (!wait) {
      server.stop(Duration.ZERO);
      return;
    }
    Thread hook = new Thread(() -> {
      err.println("stopping ...");
      server.stop(GRACE);
    }, "oruk-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      server.awaitStop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.stop(GRACE);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run; nothing to undo
      }
    }
  }
}
