package io.github.oruk.cli;

import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.testkit.generate.Quirk;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code oruk generate}: realistic, deterministic ORUK services as NDJSON. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
        "Write generated ORUK 3.0 services to DIR/services.ndjson.",
        "",
        "One fully nested service per line, in canonical JSON. The same seed always gives byte-identical "
            + "output for the same --as-of date, and the first N services of a larger run are the same N "
            + "services. The services were assured recently (by --as-of, default today), so they validate "
            + "without freshness warnings for a month. Names, places and "
            + "taxonomy terms are realistic but invented (the service types are a sample vocabulary). "
            + "--quirks injects real-world feed defects, for testing readers and validators."},
    footer = {"", "Exit codes: 0 written, 1 the file could not be written, 2 usage error."})
final class GenerateCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--services", paramLabel = "N", required = true, description = "How many services.")
  private int services;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Directory to write services.ndjson into (created if missing).")
  private Path out;

  @Option(names = "--as-of", paramLabel = AsOf.LABEL, converter = AsOf.class,
      description = "The day the data is recent relative to: services were assured and last modified in the two "
          + "months before it (default: today). The same seed and date give byte-identical output.")
  private LocalDate asOf;

  @Option(names = "--quirks", paramLabel = "LIST", completionCandidates = QuirkNames.class,
      description = "Quirks to inject: all, or a comma-separated list of: ${COMPLETION-CANDIDATES}.")
  private String quirks;

  @Option(names = "--quirk-rate", paramLabel = "R", defaultValue = "0.25",
      description = "Share of services that receive the quirks, 0 to 1 (default: ${DEFAULT-VALUE}).")
  private double quirkRate;

  @Override
  public Integer call() throws IOException {
    if (services < 0) {
      throw new ParameterException(spec.commandLine(), "--services must be 0 or more; got " + services);
    }
    if (quirkRate < 0 || quirkRate > 1) {
      throw new ParameterException(spec.commandLine(), "--quirk-rate must be between 0 and 1; got " + quirkRate);
    }
    DataGenerator generator = DataGenerator.builder().seed(seed).asOf(AsOf.orToday(asOf)).quirks(parseQuirks())
        .quirkRate(quirkRate).build();
    PrintWriter err = spec.commandLine().getErr();
    Path file = out.resolve("services.ndjson");
    long started = System.nanoTime();
    try {
      Files.createDirectories(out);
      try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        generator.writeNdjson(services, stream);
      }
    } catch (IOException e) {
      err.println("oruk generate: could not write " + file + ": " + e.getMessage());
      return 1;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    err.printf(Locale.ROOT, "wrote %,d services to %s (%,d KB) in %.1f s; seed %d, as of %s%s%n", services, file,
        Files.size(file) / 1024, seconds, seed, generator.referenceDate(),
        generator.quirks().isEmpty() ? "" : ", quirks " + generator.quirks() + " in about "
            + Math.round(quirkRate * 100) + "% of services");
    return 0;
  }

  private Set<Quirk> parseQuirks() {
    if (quirks == null || quirks.isBlank()) {
      return Set.of();
    }
    if (quirks.strip().equalsIgnoreCase("all")) {
      return EnumSet.allOf(Quirk.class);
    }
    Set<Quirk> chosen = EnumSet.noneOf(Quirk.class);
    for (String name : quirks.split(",")) {
      String wanted = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
      try {
        chosen.add(Quirk.valueOf(wanted));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "unknown quirk '" + name.strip() + "'; expected all or "
            + names());
      }
    }
    return chosen;
  }

  static String names() {
    return String.join(", ", new QuirkNames());
  }

  /** The quirk names as users type them: {@code html-in-description}. */
  static final class QuirkNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(Quirk.values())
          .map(quirk -> quirk.name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .iterator();
    }
  }
}
