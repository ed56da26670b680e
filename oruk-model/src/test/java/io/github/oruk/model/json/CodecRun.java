package io.github.oruk.model.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.oruk.model.Location;
import io.github.oruk.model.Organization;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import java.math.BigDecimal;
import java.math.BigInteger;
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
   * extensions, indented), and the findings or refusal of strict mode and of tight limits; then what writing
   * numbers at the edge of the range gives.
   */
  public static List<String> run(List<String> types, List<byte[]> documents) {
    OrukJson lenient = OrukJson.lenient();
    OrukJson keeping = OrukJson.builder().keepExtensions(true).build();
    OrukJson indented = OrukJson.builder().indent(true).build();
    OrukJson strict = OrukJson.strict();
    OrukJson limited = OrukJson.builder().maxStringLength(40).maxNestingDepth(4).build();
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
      for (OrukJson codec : List.of(strict, limited)) {
        try {
          ReadResult<?> read = page ? codec.readPage(input, type) : codec.read(input, type);
          out.add(name + " " + i + " " + codec.mode() + " " + read.findings());
        } catch (OrukReadException e) {
          out.add(name + " " + i + " " + codec.mode() + " refused at " + e.pointer() + ": " + e.getMessage());
        }
      }
    }
    out.addAll(numbersAtTheEdge(lenient, keeping));
    return out;
  }

  /** Numbers that must be refused at their place when written, and a zero that must be written as 0. */
  private static List<String> numbersAtTheEdge(OrukJson lenient, OrukJson keeping) {
    Service extension = new Service().id("s").name("A");
    extension.putExtension("x_big", JsonNodeFactory.instance.arrayNode().add(1)
        .add(new BigInteger("9".repeat(400))));
    List<Map.Entry<OrukJson, Service>> writes = List.of(
        Map.entry(lenient, new Service().id("s").name("A").minimumAge(new BigDecimal("1e400"))),
        Map.entry(lenient, new Service().id("s").name("A").addServiceAtLocationsItem(new ServiceAtLocation().id("a")
            .location(new Location().id("l").latitude(BigDecimal.ONE).longitude(new BigDecimal("-1e-999999"))))),
        Map.entry(keeping, extension),
        Map.entry(lenient, new Service().id("s").name("A").maximumAge(new BigDecimal("0e999999"))));
    List<String> out = new ArrayList<>();
    for (Map.Entry<OrukJson, Service> write : writes) {
      try {
        out.add("wrote " + write.getKey().writeString(write.getValue()));
      } catch (OrukWriteException e) {
        out.add("refused at " + e.pointer() + ": " + e.getMessage());
      }
    }
    return out;
  }
}
