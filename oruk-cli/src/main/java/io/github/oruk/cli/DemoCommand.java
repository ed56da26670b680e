package io.github.oruk.cli;

import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.model.json.ReadResult;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.testkit.generate.Quirk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oruk demo}: the SDK at work on a generated directory. Until the server module lands this shows
 * the model and codec: a feed with real-world defects is read without losing anything, every repair is
 * reported, and the output is canonical.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "See the SDK at work on a generated directory.",
        "",
        "Generates a directory of services, injects the defects real feeds have (dates without offsets, "
            + "numbers as text, unknown statuses, vendor properties, HTML, ...), reads it back as a consumer "
            + "would, and shows what was repaired, what was kept aside, and the canonical result."})
final class DemoCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--services", paramLabel = "N", defaultValue = "200", description = "How many services (default: ${DEFAULT-VALUE}).")
  private int services;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "2026", description = "Seed (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    DataGenerator generator = DataGenerator.builder()
        .seed(seed).quirks(EnumSet.allOf(Quirk.class)).quirkRate(0.3).build();
    out.printf(Locale.ROOT, "1. Generating %d services (seed %d); about 30%% get real-world feed defects.%n",
        services, seed);
    ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
    generator.writeNdjson(services, ndjson);
    String[] lines = new String(ndjson.toByteArray(), StandardCharsets.UTF_8).split("\n");
    out.printf(Locale.ROOT, "   %,d bytes of NDJSON, one fully nested service per line.%n%n", ndjson.size());

    out.println("2. Reading every line back leniently, as a consumer of someone else's feed would.");
    OrukJson lenient = OrukJson.lenient();
    Map<ReadCode, Integer> counts = new EnumMap<>(ReadCode.class);
    int clean = 0;
    int kept = 0;
    ReadResult<Service> example = null;
    for (String line : lines) {
      ReadResult<Service> read = lenient.read(line.getBytes(StandardCharsets.UTF_8), Service.class);
      if (!read.hasFindings()) {
        clean++;
      } else if (example == null || read.findings().size() > example.findings().size()) {
        example = read;
      }
      for (ReadFinding finding : read.findings()) {
        counts.merge(finding.code(), 1, Integer::sum);
        if (finding.code() == ReadCode.EXTENSION_PROPERTY || finding.code() == ReadCode.UNKNOWN_ENUM_VALUE
            || finding.code() == ReadCode.UNMAPPABLE_VALUE) {
          kept++;
        }
      }
    }
    out.printf(Locale.ROOT, "   %d of %d services read without a single finding; the others produced:%n",
        clean, lines.length);
    for (Map.Entry<ReadCode, Integer> count : counts.entrySet()) {
      out.printf(Locale.ROOT, "   %5d x %s  %s%n", count.getValue(), count.getKey().code(), count.getKey().summary());
    }
    out.printf(Locale.ROOT, "   %d values were kept aside as extensions rather than dropped;"
        + " 'oruk normalize --keep-extensions' writes them back.%n%n", kept);

    if (example != null) {
      out.println("3. The service with the most findings, as the reader reported it:");
      List<ReadFinding> findings = example.findings();
      for (ReadFinding finding : findings) {
        out.println("   " + finding.code().code() + "  " + finding.pointer() + "  " + finding.message());
      }
      out.println();
      out.println("   ... and written back as canonical ORUK 3.0 JSON (strict: no nulls, no empty lists):");
      String canonical = OrukJson.builder().indent(true).build().writeString(example.value());
      canonical.lines().limit(25).forEach(line -> out.println("   " + line));
      out.println("   ...");
      out.println();
    }
    out.println("Next:");
    out.println("   ./oruk generate --services 1000 --out /tmp/feed    # a deterministic feed on disk");
    out.println("   ./oruk normalize --pretty FILE.json               # any ORUK document, canonical");
    out.println("   ./oruk help                                       # every command");
    return 0;
  }
}
