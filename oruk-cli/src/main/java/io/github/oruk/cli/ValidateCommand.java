package io.github.oruk.cli;

import io.github.oruk.model.RecordType;
import io.github.oruk.model.Service;
import io.github.oruk.model.document.Layout;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.tabular.TabularFinding;
import io.github.oruk.tabular.TabularPackage;
import io.github.oruk.tabular.TabularRead;
import io.github.oruk.validation.Category;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.ValidationRun;
import io.github.oruk.validation.Validator;
import io.github.oruk.validation.feed.FeedProgress;
import io.github.oruk.validation.feed.FeedValidator;
import io.github.oruk.validation.profile.Profile;
import io.github.oruk.validation.report.ReportFormat;
import io.github.oruk.validation.rule.RuleInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oruk validate}: the compliance verdict and data-quality report for a feed or a file. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
        "Check an ORUK 3.0 feed or file: the official validator's verdict, and far better diagnostics.",
        "",
        "TARGET is a base URL (a live feed), a JSON file (a record or a page; its type is worked out), an "
            + "NDJSON file of services (each line checked) or a tabular data package (a folder or .zip of CSV "
            + "files; each service checked, and what reading the tables found reported at FILE:ROW:COLUMN). The "
            + "verdict is pass, pass-with-warnings or fail; every finding has a code, a JSON pointer and a fix."},
    footer = {"", "Live feeds are checked within --timeout (default: 600 s), each answer within 30 s; what the time "
        + "limit leaves unchecked is listed in the report, and if that includes /, /services or /services/{id} the "
        + "verdict is fail (ORUK-FEED-010). On a terminal, a progress line says what is being checked.",
        "", "Exit codes: 0 pass or pass-with-warnings, 1 fail, 2 the validation could not run."})
final class ValidateCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "TARGET", description = "Base URL, JSON file, NDJSON file or tabular data package.")
  private String target;

  @Option(names = "--profile", paramLabel = "parity|strict|FILE", defaultValue = "strict",
      description = "strict (default), parity (the official validator's verdict), or a policy file (YAML/JSON).")
  private String profile;

  @Option(names = "--format", paramLabel = "text|json|junit|html", defaultValue = "text",
      description = "Report format (default: ${DEFAULT-VALUE}).")
  private String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
  private Path out;

  @Option(names = "--as-of", paramLabel = AsOf.LABEL, converter = AsOf.class,
      description = "Judge freshness as if today were this day (default: today); the report is dated with it.")
  private LocalDate asOf;

  @Option(names = "--max-pages", paramLabel = "N", description = "Live feeds: read at most N pages of each list.")
  private Integer maxPages;

  @Option(names = "--sample", paramLabel = "N", description = "Live feeds: check N ids by id (a seeded sample).")
  private Integer sample;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "" + FeedValidator.DEFAULT_TIMEOUT_SECONDS,
      description = "Live feeds: the time the whole check may take (default: ${DEFAULT-VALUE}); each answer is cut "
          + "off after " + FeedValidator.DEFAULT_REQUEST_TIMEOUT_SECONDS + " s.")
  private int timeout;

  @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "10", hidden = true,
      description = "Seconds between progress lines when stderr is not a terminal.")
  private double progressEvery;

  @Mixin
  private LimitOptions limits = new LimitOptions();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (timeout < 1) {
      throw new ParameterException(spec.commandLine(), "--timeout is the time the whole check may take, in seconds:"
          + " at least 1; got " + timeout);
    }
    if (!(progressEvery > 0)) {
      throw new ParameterException(spec.commandLine(), "--progress-every must be above 0; got " + progressEvery);
    }
    ReportFormat reportFormat;
    Validator validator;
    try {
      reportFormat = ReportFormat.fromName(format);
      validator = Validator.builder().profile(Profile.named(profile)).clock(AsOf.clock(asOf))
          .json(limits.apply(OrukJson.builder()).build()).build();
    } catch (IllegalArgumentException | IOException e) {
      err.println("oruk validate: " + e.getMessage());
      return 2;
    }
    ValidationReport report;
    try {
      if (target.startsWith("http://") || target.startsWith("https://")) {
        Progress progress = new Progress(err, Oruk.isTerminal(err));
        try {
          Duration every = progress.terminal ? Duration.ofSeconds(1) : Duration.ofMillis((long) (progressEvery * 1000));
          report = LiveTargets.validate(validator, target, maxPages, sample, Duration.ofSeconds(timeout), progress,
              every, limits.maxResponseSize);
        } finally {
          progress.end();
        }
      } else {
        report = validateFile(validator, Path.of(target));
      }
    } catch (NoSuchFileException e) {
      err.println("oruk validate: no such file: " + target);
      return 2;
    } catch (IOException | IllegalArgumentException e) {
      err.println("oruk validate: could not validate " + target + ": " + LimitOptions.inCliTerms(e.getMessage()));
      return 2;
    }
    report = LimitOptions.inCliTerms(report);
    try {
      if (out == null) {
        OutputStream stdout = new WriterStream(spec.commandLine().getOut());
        reportFormat.write(report, stdout, reportFormat == ReportFormat.TEXT && System.console() != null
            && System.getenv("NO_COLOR") == null);
      } else {
        try (OutputStream file = Files.newOutputStream(out)) {
          reportFormat.write(report, file);
        }
        err.println(report.verdict().label().toUpperCase(Locale.ROOT) + ": report written to " + out);
      }
    } catch (IOException e) {
      err.println("oruk validate: could not write the report: " + e.getMessage());
      return 2;
    }
    return report.verdict().compliant() ? 0 : 1;
  }

  static ValidationReport validateFile(Validator validator, Path file) throws IOException {
    if (TabularPackage.isPackage(file)) {
      return validatePackage(validator, file);
    }
    String name = file.toString();
    if (Layout.of(name, null, null) == Layout.NDJSON) {
      // NDJSON by its name: read as a stream, line by line, rather than held whole in memory (a 76 MB file cost
      // as much again in memory, and a garbage collection that copied it).
      try (InputStream in = Files.newInputStream(file)) {
        return validator.validateNdjson(in, name);
      }
    }
    byte[] bytes = Files.readAllBytes(file);
    if (Layout.of(name, bytes) == Layout.NDJSON) {
      return validator.validateNdjson(new ByteArrayInputStream(bytes), name);
    }
    return validator.validateDocument(bytes, name);
  }

  /**
   * A tabular data package: what reading the tables found, at FILE:ROW:COLUMN, then every service as the
   * nested record the package describes, checked as a {@code /services/{id}} answer would be and reported as
   * "PACKAGE service ID". Reading findings never fail the parity verdict: the official validator reads no
   * packages, so its verdict is the one it would give the same services as JSON. Extension columns are kept
   * in the records checked, so the report names them as it does extension properties.
   */
  static ValidationReport validatePackage(Validator validator, Path path) throws IOException {
    TabularRead read = TabularPackage.read(path, validator.json());
    ValidationRun run = validator.start(path.toString(), "tabular package");
    for (TabularFinding finding : read.findings()) {
      RuleInfo rule = RuleInfo.registered(finding.code(), Category.CONFORMANCE, Set.of());
      run.add(rule, finding.location(), "", null, finding.message(), null, false);
    }
    OrukJson withExtensions = OrukJson.builder().keepExtensions(true).build();
    for (Service service : read.services()) {
      run.checkDocument(withExtensions.writeTree(service), RecordType.SERVICE, false,
          path + " service " + service.getId(), true);
    }
    if (read.services().isEmpty()) {
      run.notChecked(path.toString(), "its services table has no rows: there were no services to check");
    }
    return run.finish();
  }

  /**
   * Progress of a live check on stderr: on a terminal one line, redrawn in place every second and cleared at
   * the end; otherwise a line now and then (every 10 s), so a long check is never silent.
   */
  static final class Progress implements Consumer<FeedProgress> {
    private final PrintWriter err;
    private final boolean terminal;
    private int drawn;

    Progress(PrintWriter err, boolean terminal) {
      this.err = err;
      this.terminal = terminal;
    }

    @Override
    public synchronized void accept(FeedProgress progress) {
      String text = line(progress);
      if (terminal) {
        err.print("\r" + text + " ".repeat(Math.max(0, drawn - text.length())));
        drawn = text.length();
      } else {
        err.println("oruk validate: " + text);
      }
      err.flush();
    }

    synchronized void end() {
      if (drawn > 0) {
        err.print("\r" + " ".repeat(drawn) + "\r");
        err.flush();
        drawn = 0;
      }
    }

    /** "0:40 of 10:00; checking /services/{id}; 12 requests done, 4 waiting (the longest for 25 s)". */
    static String line(FeedProgress progress) {
      String waiting = progress.waiting() == 0 ? "" : String.format(Locale.ROOT, ", %d waiting (%s for %d s)",
          progress.waiting(), progress.waiting() == 1 ? "one" : "the longest", progress.longestWait().toSeconds());
      return String.format(Locale.ROOT, "%s of %s; checking %s; %,d request%s done%s",
          HarvestCommand.clock(progress.elapsed()), HarvestCommand.clock(progress.timeLimit()), progress.step(),
          progress.requestsDone(), progress.requestsDone() == 1 ? "" : "s", waiting);
    }
  }

  /** Lets report writers write to picocli's PrintWriter. */
  private static final class WriterStream extends OutputStream {
    private final PrintWriter writer;
    private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();

    WriterStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) {
      buffer.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      buffer.write(bytes, offset, length);
    }

    @Override
    public void flush() {
      writer.print(buffer.toString(StandardCharsets.UTF_8));
      writer.flush();
      buffer.reset();
    }
  }
}
