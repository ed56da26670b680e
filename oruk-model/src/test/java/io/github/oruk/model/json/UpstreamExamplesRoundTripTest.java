package io.github.oruk.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.model.Organization;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.model.Upstream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every published ORUK 3.0 example reads without findings and writes back to the same JSON. */
class UpstreamExamplesRoundTripTest {

  private static final Map<String, Class<?>> RECORD_TYPES = Map.of(
      "service", Service.class,
      "organization", Organization.class,
      "service_at_location", ServiceAtLocation.class,
      "taxonomy", Taxonomy.class,
      "taxonomy_term", TaxonomyTerm.class);

  static Stream<Path> examples() throws IOException {
    Path dir = Upstream.require("oruk-standard/3.0/examples");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void readsWithoutFindingsAndWritesTheSameJson(Path example) throws IOException {
    String name = example.getFileName().toString().replace(".json", "");
    boolean page = name.endsWith("_list");
    Class<?> type = RECORD_TYPES.get(name.replaceAll("_(full|list)$", ""));
    byte[] input = Files.readAllBytes(example);

    ReadResult<?> read = page ? OrukJson.lenient().readPage(input, type) : OrukJson.lenient().read(input, type);

    assertEquals(List.of(), read.findings(), "an upstream example should need no repairs");
    JsonNode expected = new ObjectMapper().readTree(input);
    JsonNode written = OrukJson.lenient().writeTree(read.value());
    assertEquals(0, JsonComparison.compare(expected, written), () -> "round trip changed " + name + ":\n"
        + JsonComparison.differences(expected, written));
  }

  @Test
  void strictReadingAcceptsEveryExample() throws IOException {
    for (Path example : examples().toList()) {
      String name = example.getFileName().toString().replace(".json", "");
      Class<?> type = RECORD_TYPES.get(name.replaceAll("_(full|list)$", ""));
      byte[] input = Files.readAllBytes(example);
      ReadResult<?> read = name.endsWith("_list")
          ? OrukJson.strict().readPage(input, type)
          : OrukJson.strict().read(input, type);
      assertTrue(read.findings().isEmpty(), name + ": " + read.findings());
    }
  }
}
