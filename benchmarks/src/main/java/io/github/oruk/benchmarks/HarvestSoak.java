package io.github.oruk.benchmarks;

import io.github.oruk.client.OrukClient;
import io.github.oruk.client.harvest.HarvestOptions;
import io.github.oruk.client.harvest.HarvestReport;
import io.github.oruk.client.harvest.Harvester;
import io.github.oruk.client.harvest.NdjsonSink;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.fault.FaultProxy;
import io.github.oruk.testkit.fault.FaultProxy.Fault;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A soak of harvests through faults: does a harvest with the client's default retry budget, back-off and
 * timeouts lose anything when the feed, or what stands in front of it, misbehaves? Each round harvests the
 * whole feed twice, with the defaults and concurrency 8 (as {@code oruk harvest} does): once through a
 * {@link FaultProxy} that injects nothing (the baseline) and once through one that answers 8% of requests
 * with 503, 4% with 429 and {@code Retry-After: 1}, resets 4% of connections half way through the answer
 * and holds 4% back for 1.5 s (the mix of issue #12), seeded with the round's number.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.oruk.benchmarks.HarvestSoak \
 *      [--services 3000] [--latency-ms 5] [--rounds 10] [--max-attempts N]
 * </pre>
 *
 * <p>{@code --max-attempts} replaces the client's default attempt count (for comparison with other budgets);
 * everything else stays at its default.
 *
 * <p>The feed is a {@code FakeFeed} in a child JVM (as in {@link HarvestBenchmark}); the proxies run in this
 * JVM. Reported: for each round both wall times, whether the faulted harvest was complete (every listed
 * service delivered, nothing failed) and what the proxy injected; then how many of the faulted harvests were
 * complete, the median wall times and the ratio of the medians. Unlike the other benchmarks it does not stop
 * at a harvest that loses services: counting those is its point.
 */
public final class HarvestSoak {

  /** What to run. */
  record Settings(int services, int latencyMillis, int rounds, Integer maxAttempts) {

    static Settings parse(String... args) {
      int services = 3_000;
      int latency = 5;
      int rounds = 10;
      Integer maxAttempts = null;
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        int value = Integer.parseInt(args[i + 1]);
        switch (args[i]) {
          case "--services" -> services = value;
          case "--latency-ms" -> latency = value;
          case "--rounds" -> rounds = value;
          case "--max-attempts" -> maxAttempts = value;
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + "; options: --services, --latency-ms, --rounds, --max-attempts");
        }
      }
      if (services < 1 || latency < 0 || rounds < 1 || (maxAttempts != null && maxAttempts < 1)) {
        throw new IllegalArgumentException("services, rounds and max-attempts must be at least 1; latency at least 0");
      }
      return new Settings(services, latency, rounds, maxAttempts);
    }
  }

  /**
   * One round.
   *
   * @param baseline the fault-free harvest's wall time
   * @param faulted the faulted harvest's wall time
   * @param listed services the faulted harvest listed
   * @param fetched services it delivered
   * @param failed failures it reported (services and list pages)
   * @param complete whether its outcome was complete with every service delivered
   * @param injected 503s, 429s, resets and stalls the proxy injected, in {@link Fault} order
   */
  record Round(int round, Duration baseline, Duration faulted, long listed, long fetched, int failed,
      boolean complete, List<Integer> injected) {
  }

  private HarvestSoak() {
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    System.out.printf(Locale.ROOT, "harvest soak: %,d services, %d ms latency per request, %d rounds, concurrency"
        + " %d and the client's defaults%s; %d processors; Java %s%n", settings.services(), settings.latencyMillis(),
        settings.rounds(), HarvestOptions.DEFAULT_CONCURRENCY,
        settings.maxAttempts() == null ? "" : " but " + settings.maxAttempts() + " attempts", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    try (HarvestBenchmark.FeedProcess feed = HarvestBenchmark.FeedProcess.start(settings.services(),
        settings.latencyMillis())) {
      List<Round> rounds = soak(feed.baseUri(), settings);
      System.out.print(table(rounds, settings.services()));
    }
  }

  /** The proxy mix of issue #12. */
  static FaultProxy.Builder faults(URI feed, long seed) {
    return FaultProxy.builder(feed).seed(seed)
        .rate(Fault.SERVICE_UNAVAILABLE, 0.08)
        .rate(Fault.TOO_MANY_REQUESTS, 0.04)
        .rate(Fault.RESET, 0.04)
        .rate(Fault.STALL, 0.04)
        .retryAfter(Duration.ofSeconds(1))
        .stallTime(Duration.ofMillis(1500));
  }

  /** Every round, against the feed at {@code base}. */
  static List<Round> soak(URI base, Settings settings) throws IOException {
    List<Round> rounds = new ArrayList<>();
    for (int round = 1; round <= settings.rounds(); round++) {
      Duration baseline;
      try (FaultProxy clean = FaultProxy.builder(base).start()) {
        HarvestReport report = harvest(clean.baseUri(), settings);
        if (report.outcome() != HarvestReport.Outcome.COMPLETE || report.fetched() != settings.services()) {
          throw new IllegalStateException("the fault-free harvest of round " + round + " was not complete: "
              + report.summaryLine());
        }
        baseline = report.elapsed();
      }
      try (FaultProxy faulty = faults(base, round).start()) {
        HarvestReport report = harvest(faulty.baseUri(), settings);
        List<Integer> injected = new ArrayList<>();
        for (Fault fault : Fault.values()) {
          injected.add(faulty.injected(fault));
        }
        boolean complete = report.outcome() == HarvestReport.Outcome.COMPLETE && report.failed().isEmpty()
            && report.fetched() == settings.services();
        Round result = new Round(round, baseline, report.elapsed(), report.listed(), report.fetched(),
            report.failed().size(), complete, injected);
        rounds.add(result);
        System.out.printf(Locale.ROOT, "round %2d: fault-free %6.2f s, faulted %6.2f s, %s; %,d of %,d fetched,"
            + " %d failed; injected 503 x%d, 429 x%d, reset x%d, stall x%d%n", round, seconds(baseline),
            seconds(report.elapsed()), complete ? "complete" : "NOT COMPLETE", report.fetched(), report.listed(),
            report.failed().size(), injected.get(0), injected.get(1), injected.get(2), injected.get(3));
        report.failed().forEach(failure -> System.out.println("  " + failure.toLine()));
      }
    }
    return rounds;
  }

  private static HarvestReport harvest(URI base, Settings settings) throws IOException {
    OrukClient.Builder builder = OrukClient.builder(base);
    if (settings.maxAttempts() != null) {
      builder.maxAttempts(settings.maxAttempts());
    }
    OrukClient client = builder.build();
    try (NdjsonSink sink = NdjsonSink.to(OutputStream.nullOutputStream(), OrukJson.lenient())) {
      return new Harvester(client).harvest(HarvestOptions.defaults(), sink);
    }
  }

  /** Complete runs out of all, the medians of both wall times and their ratio, and the rounds. */
  static String table(List<Round> rounds, int services) {
    long complete = rounds.stream().filter(Round::complete).count();
    double baseline = Summarize.median(rounds.stream().map(r -> seconds(r.baseline())).toList());
    double faulted = Summarize.median(rounds.stream().map(r -> seconds(r.faulted())).toList());
    long lost = rounds.stream().mapToLong(r -> r.listed() - r.fetched()).sum();
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, "| services | complete runs | median, faulted | median, fault-free |"
        + " ratio | services not fetched, all runs |%n| ---: | ---: | ---: | ---: | ---: | ---: |%n"));
    table.append(String.format(Locale.ROOT, "| %,d | %d of %d | %.2f s | %.2f s | %.2f× | %,d |%n", services,
        complete, rounds.size(), faulted, baseline, faulted / baseline, lost));
    table.append(String.format(Locale.ROOT, "%n| round | fault-free | faulted | complete | fetched | failed |"
        + " 503 | 429 | reset | stall |%n| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |%n"));
    for (Round round : rounds) {
      table.append(String.format(Locale.ROOT, "| %d | %.2f s | %.2f s | %s | %,d | %d | %d | %d | %d | %d |%n",
          round.round(), seconds(round.baseline()), seconds(round.faulted()), round.complete() ? "yes" : "**no**",
          round.fetched(), round.failed(), round.injected().get(0), round.injected().get(1),
          round.injected().get(2), round.injected().get(3)));
    }
    return table.toString();
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
