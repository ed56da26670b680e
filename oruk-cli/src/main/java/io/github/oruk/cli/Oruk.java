package io.github.oruk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code oruk} command: a toolbox for Open Referral UK 3.0 feeds. */
@Command(
    name = "oruk",
    mixinStandardHelpOptions = true,
    versionProvider = Oruk.Version.class,
    description = {
        "Tools for Open Referral UK (ORUK 3.0) directories of local services.",
        "Run 'oruk help COMMAND' for the options of one command."},
    subcommands = {
        ConvertCommand.class,
        DedupCommand.class,
        DemoCommand.class,
        GenerateCommand.class,
        HarvestCommand.class,
        HubCommand.class,
        NormalizeCommand.class,
        ReportCommand.class,
        ServeCommand.class,
        TaxonomyCommand.class,
        ValidateCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 success, 1 the work could not be done (the reason is printed), 2 usage error."})
public final class Oruk implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new StandardError()));
  }

  /** The process's own stderr, as {@link #main} passes it: the only one that can be a terminal. */
  static final class StandardError extends PrintWriter {
    StandardError() {
      super(System.err, true);
    }
  }

  /**
   * Whether {@code err} is the process's stderr and that is a terminal, so that a live progress bar
   * ({@code \r} redraws) is wanted. Java 17 cannot ask about stderr itself ({@code System.console()} looks at
   * stdin and stdout), so on Linux the answer comes from where file descriptor 2 points; elsewhere from
   * {@code System.console()}.
   */
  static boolean isTerminal(PrintWriter err) {
    if (!(err instanceof StandardError)) {
      return false;
    }
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.isSymbolicLink(fd)) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        return System.console() != null;
      }
    }
    return System.console() != null;
  }

  /** Runs the command line with the given output streams and returns the exit code (for tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Oruk());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
      line.getErr().println("oruk " + line.getCommandName() + ": " + describe(exception));
      return 1;
    });
    return commandLine.execute(args);
  }

  /** With no command, show the help. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static String describe(Exception exception) {
    String message = exception.getMessage();
    return message == null || message.isBlank() ? exception.getClass().getSimpleName() : message;
  }

  /** The version baked into the jar at build time. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Oruk.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {
          "oruk " + properties.getProperty("version", "unknown") + " (oruk-java, ORUK 3.0)",
          "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")};
    }
  }
}
