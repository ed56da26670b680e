package io.github.oruk.cli;

import io.github.oruk.hub.Hub;
import io.github.oruk.hub.Watcher;
import io.github.oruk.hub.register.Register;
import io.github.oruk.hub.store.HubStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code oruk hub watch}: the hub's schedule, every feed refreshed on its interval until stopped. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
        "Refresh each feed of the register on its 'refresh' interval until stopped (Ctrl-C), keeping every run:"
            + " verdicts, counts, availability, response times and top findings.",
        "",
        "A feed is due its interval after its last refresh started (so a restart does not refresh everything at"
            + " once); a feed never refreshed is refreshed at once. After each refresh its summary line, as"
            + " 'oruk hub run' prints it, goes to stdout. When a feed's parity verdict gets worse, it stops"
            + " answering or it recovers, a line 'event: FEED: worse|unreachable|recovered (PREVIOUS -> CURRENT)"
            + " at TIME, URL' goes to stderr and the register's 'webhooks' are sent the event as JSON.",
        "",
        "One process owns the default H2 file: to serve the aggregate at the same time use"
            + " 'oruk hub serve --watch --feeds FEEDS.yaml' instead of two processes."},
    footer = {"", "Exit codes: 0 stopped normally, 1 the store failed, 2 usage error (including a register that"
        + " cannot be read or is wrong)."})
final class HubWatchCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private HubCommand.RegisterOptions options;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Register register = HubCommand.loadRegister(spec, options.feeds);
    try (HubStore store = HubCommand.openStore(spec, options.db);
        Hub hub = HubCommand.watchingHub(register, store, out, err)) {
      Watcher watcher = hub.watch();
      err.println("watching " + register.feeds().size() + " feeds into " + store + "; press Ctrl-C to stop");
      err.flush();
      return untilStopped(watcher, err);
    }
  }

  /**
   * Waits until the process is asked to stop (Ctrl-C, SIGTERM) or the thread is interrupted, then closes the
   * watcher: a refresh under way is interrupted and resumed by the next one. 0, or 1 when the watcher died.
   */
  static int untilStopped(Watcher watcher, PrintWriter err) {
    Thread hook = new Thread(() -> {
      err.println("stopping ...");
      err.flush();
      watcher.close();
    }, "oruk-hub-watch-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      watcher.await();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (IllegalStateException e) {
      err.println("oruk hub watch: " + e.getMessage());
      return 1;
    } finally {
      watcher.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run; nothing to undo
      }
    }
  }
}
