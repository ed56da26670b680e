package io.github.oruk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A command that keeps running (serve, demo) in a background thread, with its output readable live. */
final class LiveCli implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/)");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Thread thread;
  private volatile int exitCode = -1;

  LiveCli(String... args) {
    thread = new Thread(() -> exitCode = Oruk.run(args, new PrintWriter(out, true), new PrintWriter(err, true)),
        "live-cli");
    thread.setDaemon(true);
    thread.start();
  }

  /** The address printed after "listening on", waiting for it up to 30 s. */
  URI awaitListening() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Matcher matcher = LISTENING.matcher(out.toString());
      if (matcher.find()) {
        return URI.create(matcher.group(1));
      }
      if (!thread.isAlive()) {
        throw new AssertionError("the command ended (exit " + exitCode + ") without listening: " + out + err);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("never printed 'listening on': " + out + err);
  }

  /** Stops the command as Ctrl-C would (by interrupting it) and returns its exit code. */
  int stop() throws InterruptedException {
    thread.interrupt();
    thread.join(10_000);
    if (thread.isAlive()) {
      throw new AssertionError("the command did not stop");
    }
    return exitCode;
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  @Override
  public void close() throws InterruptedException {
    if (thread.isAlive()) {
      stop();
    }
  }
}
