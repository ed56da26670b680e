package io.github.oruk.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.oruk.hub.dedup.DedupResult;
import io.github.oruk.hub.dedup.Deduplicator;
import io.github.oruk.hub.dedup.Pair;
import io.github.oruk.hub.dedup.RecordKey;
import io.github.oruk.hub.dedup.Source;
import io.github.oruk.server.memory.ServiceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oruk dedup}: services that describe the same real-world service, across files and within one. */
@Command(
    name = "dedup",
    mixinStandardHelpOptions = true,
    description = {
        "Find services that describe the same real-world service, across files and within one.",
        "",
        "Each FILE is a source, named in the output by its path as given: NDJSON (one service a line), or a JSON "
            + "array or page of services. Pairs are scored from 0 to 1 on names, places (postcode, coordinates, "
            + "street), phones, e-mail and web addresses; a pair at or above the match threshold is a match, one at "
            + "or above the review threshold is for a person to review, the rest are not written. JSON is "
            + "{\"matches\": [{\"a\": {\"source\": FILE, \"id\": ID}, \"b\": {...}, \"score\": S, \"decision\": "
            + "\"match\"|\"review\"}]}; CSV has the columns a_source,a_id,b_source,b_id,score,decision. Reading "
            + "findings go to stderr (CODE<TAB>FILE:LINE:POINTER<TAB>message), then a summary."},
    footer = {"", "Exit codes: 0 it ran, 1 an input could not be read (or the output not written), 2 usage error."})
final class DedupCommand implements Callable<Integer> {

  private static final List<String> FORMATS = List.of("json", "csv");

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Services: NDJSON or JSON; each file is a source.")
  private List<Path> files;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json", description = "json (default) or csv.")
  private String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write; stdout when absent.")
  private Path out;

  @Option(names = "--match-threshold", paramLabel = "S",
      description = "The score from which a pair is a match, 0 to 1 (default: ${DEFAULT-VALUE}).")
  private double matchThreshold = Deduplicator.DEFAULT_MATCH_THRESHOLD;

  @Option(names = "--review-threshold", paramLabel = "S",
      description = "The score from which a pair is written for review, 0 to 1, not above the match threshold "
          + "(default: ${DEFAULT-VALUE}).")
  private double reviewThreshold = Deduplicator.DEFAULT_REVIEW_THRESHOLD;

  @Override
  public Integer call() {
    String chosen = format.toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(chosen)) {
      throw new ParameterException(spec.commandLine(), "--format must be one of " + FORMATS + "; got '" + format + "'");
    }
    Deduplicator deduplicator;
    try {
      deduplicator = Deduplicator.builder().matchThreshold(matchThreshold).reviewThreshold(reviewThreshold).build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--match-threshold and --review-threshold: " + e.getMessage());
    }
    if (new LinkedHashSet<>(files.stream().map(Path::toString).toList()).size() != files.size()) {
      throw new ParameterException(spec.commandLine(), "a FILE is given twice; give each source once: " + files);
    }
    PrintWriter err = spec.commandLine().getErr();
    List<Source> sources = new ArrayList<>();
    int services = 0;
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        err.println("oruk dedup: no such file: " + file);
        return 1;
      }
      try {
        ServiceFile read = ServiceFile.read(file);
        ConvertCommand.printFindings(read, file.toString(), err);
        sources.add(new Source(file.toString(), read.services()));
        services += read.services().size();
      } catch (IOException e) {
        err.println("oruk dedup: could not read " + file + ": " + LimitOptions.inCliTerms(e.getMessage()));
        return 1;
      }
    }
    DedupResult result = deduplicator.run(sources);
    try {
      if (out == null) {
        write(result, chosen, spec.commandLine().getOut());
      } else {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        try (Writer file = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          write(result, chosen, file);
        }
      }
    } catch (IOException e) {
      err.println("oruk dedup: could not write " + (out == null ? "the output" : out) + ": " + e.getMessage());
      return 1;
    }
    err.printf(Locale.ROOT, "oruk dedup: %,d service(s) in %d source(s): %,d match pair(s) in %,d cluster(s), "
        + "%,d pair(s) to review%n", services, sources.size(), result.matches().size(), result.clusters().size(),
        result.pairs().size() - result.matches().size());
    err.flush();
    return 0;
  }

  private static void write(DedupResult result, String format, Writer writer) throws IOException {
    if (format.equals("csv")) {
      writer.write("a_source,a_id,b_source,b_id,score,decision\n");
      for (Pair pair : result.pairs()) {
        writer.write(csv(pair.a().source()) + ',' + csv(pair.a().id()) + ',' + csv(pair.b().source()) + ','
            + csv(pair.b().id()) + ',' + score(pair) + ',' + pair.decision().label() + '\n');
      }
    } else {
      try (JsonGenerator json = new JsonFactory().createGenerator(writer)) {
        json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        json.writeStartObject();
        json.writeArrayFieldStart("matches");
        for (Pair pair : result.pairs()) {
          json.writeStartObject();
          record(json, "a", pair.a());
          record(json, "b", pair.b());
          json.writeFieldName("score");
          json.writeNumber(new BigDecimal(score(pair)));
          json.writeStringField("decision", pair.decision().label());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      writer.write('\n');
    }
    writer.flush();
  }

  private static void record(JsonGenerator json, String name, RecordKey key) throws IOException {
    json.writeObjectFieldStart(name);
    json.writeStringField("source", key.source());
    json.writeStringField("id", key.id());
    json.writeEndObject();
  }

  /** The score as written: plain decimals, at most four places ({@code 0.8125}, {@code 1}). */
  private static String score(Pair pair) {
    return BigDecimal.valueOf(pair.score()).stripTrailingZeros().toPlainString();
  }

  /** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. */
  private static String csv(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
