package io.github.oruk.model.json;

import io.github.oruk.model.Organization;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads documents with the codec and writes them back, and tells in text what came out: findings, bytes,
 * strict mode's verdict. {@link FastPathFallbackTest} runs it in the test's class loader (fast paths) and in
 * one that hides the fast classes (fallback), and compares; so it takes and gives only JDK types.
 */
public final class CodecRun {

  private static final Map<String, Class<?>> TYPES = Map.of(
      "service", Service.class,
      "organization", Organization.class,
      "service_at_location", ServiceAtLocation.class,
      "taxonomy", Taxonomy.class,
      "taxonomy_term", TaxonomyTerm.class);

  private CodecRun() {
  }

  /** Whether this class loader's codec uses the fast paths, and why not. */
  public static String fastPath() {
    return FastPath.ON + " " + FastPath.PROBLEM;
  }

  /**
   * For each document, named by its type as the upstream examples are ({@code service},
   * {@code service_list} for a page of services): the lenient findings and written bytes (plain, with
   * extensions, indented) and strict mode's findings or refusal.
   */
  public static List<String> run(List<String> types, List<byte[]> documents) {
    OrukJson lenient = OrukJson.lenient();
    OrukJson keeping = OrukJson.builder().keepExtensions(true).build();
    OrukJson indented = OrukJson.builder().indent(true).build();
    OrukJson strict = OrukJson.strict();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      String name = types.get(i);
      boolean page = name.endsWith("_list");
      Class<?> type = TYPES.get(name.replaceAll("_(full|list)$", ""));
      byte[] input = documents.get(i);
      for (OrukJson codec : List.of(lenient, keeping, indented)) {
        ReadResult<?> read = page ? codec.readPage(input, type) : codec.read(input, type);
        out.add(name + " " + i + " findings " + read.findings());
        out.add(name + " " + i + " written " + new String(codec.write(read.value()), StandardCharsets.UTF_8));
      }
      try {
        ReadResult<?> read = page ? strict.readPage(input, type) : strict.read(input, type);
        out.add(name + " " + i + " strict " + read.findings());
      } catch (OrukReadException e) {
        out.add(name + " " + i + " strict refused " + e.getMessage());
      }
    }
    return out;
  }
}
