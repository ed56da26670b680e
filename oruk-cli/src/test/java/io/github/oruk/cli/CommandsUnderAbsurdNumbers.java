package io.github.oruk.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Runs several {@code oruk} commands one after another in this JVM, which {@link AbsurdNumbersTest} starts with
 * a small heap, and prints one line per command on stdout:
 * {@code RUN<TAB>name<TAB>exit code<TAB>milliseconds<TAB>characters on stdout<TAB>on stderr<TAB>stderr's start
 * <TAB>stdout's start}. Output is counted, and only its start kept, so a command that writes gigabytes shows
 * as a count rather than exhausting the heap; a command that throws shows as exit code -1.
 *
 * <p>Arguments: groups of {@code name}, the command's arguments, and {@code ;}.
 */
final class CommandsUnderAbsurdNumbers {

  private CommandsUnderAbsurdNumbers() {
  }

  public static void main(String[] args) {
    int i = 0;
    while (i < args.length) {
      String name = args[i++];
      int end = i;
      while (!args[end].equals(";")) {
        end++;
      }
      String[] command = java.util.Arrays.copyOfRange(args, i, end);
      i = end + 1;
      Counted out = new Counted();
      Counted err = new Counted();
      long start = System.nanoTime();
      int code;
      try {
        code = Oruk.run(command, new PrintWriter(out, true), new PrintWriter(err, true));
      } catch (Throwable e) {
        code = -1;
        err.write(e.toString());
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.println(String.join("\t", "RUN", name, String.valueOf(code), String.valueOf(millis),
          String.valueOf(out.count), String.valueOf(err.count), err.head(), out.head()));
    }
  }

  /** Counts what is written and keeps the first 4,000 characters. */
  private static final class Counted extends Writer {
    private final StringBuilder head = new StringBuilder();
    long count;

    @Override
    public void write(char[] buffer, int offset, int length) {
      count += length;
      head.append(buffer, offset, (int) Math.max(0, Math.min(length, 4_000L - head.length())));
    }

    @Override
    public void write(String text) {
      write(text.toCharArray(), 0, text.length());
    }

    String head() {
      return head.toString().replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }
}
