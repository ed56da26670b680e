package io.github.oruk.benchmarks;

import io.github.oruk.client.harvest.NdjsonSink;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.server.memory.ServiceFile;
import io.github.oruk.tabular.TabularPackage;
import io.github.oruk.tabular.TabularRead;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A whole-process benchmark of the Tabular Data Package ({@code oruk-tabular}) against NDJSON: the same generated
 * services written to disk and read back in each form, in the same run.
 *
 * <pre>
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar io.github.oruk.benchmarks.TabularBenchmark \
 *      [--services 20000] [--seed 1] [--as-of 2026-12-01] [--rounds 5] [--dir /tmp/oruk-tabular-bench]
 * </pre>
 *
 * <p>Forms: {@code ndjson} (one service a line through {@code NdjsonSink}, read back with {@code ServiceFile},
 * which {@code oruk serve --data} and {@code oruk convert} use), {@code folder} (a package in a folder) and
 * {@code zip} (the same package zipped), both through {@code TabularPackage}. One warm-up round comes first, and
 * checks that every form gives back the services it was given (equal, in order, without findings); then each
 * round writes and reads every form once, starting with a different form each round, so that load that comes
 * and goes falls on all of them alike. Reported: the median write, read and write-plus-read time per form, its
 * ratio to NDJSON's, the bytes written, and the bytes the thread allocated per write and per read (the
 * {@code com.sun.management} counter; single-threaded code, so it is the whole cost in garbage).
 */
public final class TabularBenchmark {

  private static final List<String> FORMS = List.of("ndjson", "folder", "zip");

  /** What to run. */
  record Settings(int services, long seed, LocalDate asOf, int rounds, Path dir) {

    private static final List<String> OPTIONS = List.of("--services", "--seed", "--as-of", "--rounds", "--dir");

    static Settings parse(String... args) {
      Map<String, String> given = new HashMap<>();
      for (int i = 0; i < args.length; i += 2) {
        if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
          throw new IllegalArgumentException("expected an option and its value (" + String.join(", ", OPTIONS)
              + "), found " + String.join(" ", Arrays.asList(args).subList(i, Math.min(i + 2, args.length))));
        }
        given.put(args[i], args[i + 1]);
      }
      int services = Integer.parseInt(given.getOrDefault("--services", "20000"));
      long seed = Long.parseLong(given.getOrDefault("--seed", "1"));
      LocalDate asOf = LocalDate.parse(given.getOrDefault("--as-of", "2026-12-01"));
      int rounds = Integer.parseInt(given.getOrDefault("--rounds", "5"));
      Path dir = Path.of(given.getOrDefault("--dir", Path.of(System.getProperty("java.io.tmpdir"),
          "oruk-tabular-bench").toString()));
      if (services < 1 || rounds < 1) {
        throw new IllegalArgumentException("services and rounds must be at least 1");
      }
      return new Settings(services, seed, asOf, rounds, dir);
    }
  }

  /** One write and read of one form: wall times in milliseconds, bytes allocated by this thread, bytes on disk. */
  record Run(String form, double writeMillis, double readMillis, long writeAllocated, long readAllocated,
      long bytes) {
  }

  private TabularBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    System.out.printf(Locale.ROOT, "tabular benchmark: %,d services (seed %d, as of %s), %d rounds; max heap %,d MB;"
        + " %d processors; Java %s%n", settings.services(), settings.seed(), settings.asOf(), settings.rounds(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    List<Service> services = DataGenerator.builder().seed(settings.seed()).asOf(settings.asOf()).build()
        .services(settings.services()).toList();
    Files.createDirectories(settings.dir());
    for (String form : FORMS) {
      Run warmUp = run(form, services, settings.dir(), true);
      System.out.printf(Locale.ROOT, "warm-up %-6s write %8.1f ms, read %8.1f ms (checked: equal, in order)%n", form,
          warmUp.writeMillis(), warmUp.readMillis());
    }
    List<Run> runs = new ArrayList<>();
    for (int round = 0; round < settings.rounds(); round++) {
      for (int k = 0; k < FORMS.size(); k++) {
        String form = FORMS.get((round + k) % FORMS.size());
        Run run = run(form, services, settings.dir(), false);
        runs.add(run);
        System.out.printf(Locale.ROOT, "round %d %-6s write %8.1f ms, read %8.1f ms%n", round + 1, form,
            run.writeMillis(), run.readMillis());
      }
    }
    System.out.print(table(runs));
    for (String form : FORMS) {
      delete(target(form, settings.dir()));
    }
  }

  /** Where a form is written in the benchmark's folder (only these are ever deleted). */
  private static Path target(String form, Path dir) {
    return dir.resolve(switch (form) {
      case "ndjson" -> "services.ndjson";
      case "folder" -> "package";
      default -> "package.zip";
    });
  }

  /** Writes the services in one form and reads them back; with {@code check}, fails unless they come back equal. */
  static Run run(String form, List<Service> services, Path dir, boolean check) throws IOException {
    Path target = target(form, dir);
    delete(target);
    System.gc();
    long allocated = allocated();
    long started = System.nanoTime();
    if (form.equals("ndjson")) {
      try (NdjsonSink sink = NdjsonSink.toFile(target, OrukJson.builder().keepExtensions(true).build())) {
        for (Service service : services) {
          sink.accept(service);
        }
      }
    } else {
      List<?> findings = TabularPackage.write(services, target);
      if (!findings.isEmpty()) {
        throw new IllegalStateException("the writer reported " + findings);
      }
    }
    long written = System.nanoTime();
    long writeAllocated = allocated() - allocated;
    System.gc();
    allocated = allocated();
    long reading = System.nanoTime();
    List<Service> read;
    int findings;
    if (form.equals("ndjson")) {
      ServiceFile file = ServiceFile.read(target);
      read = file.services();
      findings = file.findings().size();
    } else {
      TabularRead file = TabularPackage.read(target);
      read = file.services();
      findings = file.findings().size() + file.unlinked().size();
    }
    long done = System.nanoTime();
    long readAllocated = allocated() - allocated;
    if (read.size() != services.size() || check && (findings != 0 || !read.equals(services))) {
      throw new IllegalStateException(form + ": " + read.size() + " services and " + findings
          + " findings came back from " + services.size() + (read.equals(services) ? "" : ", not equal"));
    }
    return new Run(form, (written - started) / 1e6, (done - reading) / 1e6, writeAllocated, readAllocated,
        size(target));
  }

  /** Medians per form and their ratios to NDJSON's, as a Markdown table. */
  static String table(List<Run> runs) {
    Map<String, double[]> medians = new LinkedHashMap<>();
    for (String form : FORMS) {
      List<Run> mine = runs.stream().filter(run -> run.form().equals(form)).toList();
      medians.put(form, new double[] {
          Summarize.median(mine.stream().map(Run::writeMillis).toList()),
          Summarize.median(mine.stream().map(Run::readMillis).toList()),
          Summarize.median(mine.stream().map(run -> run.writeMillis() + run.readMillis()).toList()),
          Summarize.median(mine.stream().map(run -> (double) run.writeAllocated()).toList()),
          Summarize.median(mine.stream().map(run -> (double) run.readAllocated()).toList()),
          mine.isEmpty() ? 0 : mine.get(0).bytes()});
    }
    double[] ndjson = medians.get("ndjson");
    StringBuilder table = new StringBuilder("| form | write (ms) | read (ms) | write + read (ms) | vs NDJSON: write"
        + " / read / both | allocated write / read (MB) | on disk (MB) |\n| --- | --- | --- | --- | --- | --- | --- |\n");
    medians.forEach((form, m) -> table.append(String.format(Locale.ROOT,
        "| %s | %.0f | %.0f | %.0f | %.2f / %.2f / %.2f | %.0f / %.0f | %.1f |%n", form, m[0], m[1], m[2],
        m[0] / ndjson[0], m[1] / ndjson[1], m[2] / ndjson[2], m[3] / 1e6, m[4] / 1e6, m[5] / 1e6)));
    return table.toString();
  }

  /** Bytes allocated so far by this thread. */
  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  private static long size(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return Files.size(path);
    }
    try (Stream<Path> files = Files.walk(path)) {
      long total = 0;
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        total += Files.size(file);
      }
      return total;
    }
  }

  private static void delete(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
