package io.github.oruk.cli;

import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jetty.OrukJettyServer;
import java.io.IOException;
import java.net.BindException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Starts the server {@code serve} and {@code demo} publish with, and keeps it running until Ctrl-C (or an
 * interrupt), then stops it gracefully.
 */
final class Serving {

  private static final Duration GRACE = Duration.ofSeconds(2);
  /** Held here: java.util.logging keeps loggers only weakly, and a collected one forgets its level. */
  private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

  private Serving() {
  }

  /**
   * Starts the API on Jetty with its default limits ({@link OrukJettyServer}): unlike the JDK's server, it
   * spends no thread on a client that stalls, so stalled and slow clients cannot keep others waiting (see
   * benchmarks/RESULTS.md, "Server under attack"). Jetty's start and stop lines are left out of the
   * command's output unless a logging configuration file asks for them.
   */
  static OrukJettyServer start(OrukApi api, String host, int port) throws IOException {
    if (System.getProperty("java.util.logging.config.file") == null) {
      JETTY.setLevel(Level.WARNING);
    }
    return OrukJettyServer.builder(api).host(host).port(port).start();
  }

  /**
   * As {@link #start}, for a command: when the address cannot be had, says so on {@code err} (naming the command,
   * and for a port in use what to do) and returns null.
   */
  static @Nullable OrukJettyServer start(OrukApi api, String host, int port, String command, PrintWriter err) {
    try {
      return start(api, host, port);
    } catch (BindException e) {
      err.println(command + ": cannot listen on " + host + ":" + port + " (" + e.getMessage()
          + "); choose another port with --port, or --port 0 for a free one.");
    } catch (IOException e) {
      err.println(command + ": cannot listen on " + host + ":" + port + ": " + e.getMessage());
    }
    return null;
  }

  /**
   * Waits until the process is asked to stop (Ctrl-C, SIGTERM) or the calling thread is interrupted,
   * then stops the server. With {@code wait} false it stops at once (for scripts and tests).
   */
  static void untilStopped(OrukJettyServer server, boolean wait, PrintWriter err) {
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
