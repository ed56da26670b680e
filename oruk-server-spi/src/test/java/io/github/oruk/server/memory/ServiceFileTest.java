package io.github.oruk.server.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.ReadCode;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.testkit.generate.Quirk;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Services from files: NDJSON, arrays, one service, pages; repairs reported with their line. */
class ServiceFileTest {

  private static final DataGenerator GENERATOR = DataGenerator.builder().seed(3).build();

  private static ServiceFile read(String text) throws IOException {
    return ServiceFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
  }

  @Test
  void readsNdjsonWithFindingsByLine(@TempDir Path dir) throws IOException {
    DataGenerator quirky = GENERATOR.toBuilder().quirks(EnumSet.of(Quirk.BYTE_ORDER_MARK,
        Quirk.MINIMUM_AGE_AS_STRING)).quirkRate(1).build();
    Path file = dir.resolve("services.ndjson");
    try (var out = Files.newOutputStream(file)) {
      quirky.writeNdjson(12, out);
    }
    ServiceFile read = ServiceFile.read(file);
    assertEquals(GENERATOR.services(12).map(Service::getId).toList(),
        read.services().stream().map(Service::getId).toList());
    assertTrue(read.findings().stream().anyMatch(f -> f.finding().code() == ReadCode.NUMBER_AS_STRING
        && f.line() == 1), read.findings()::toString);
    assertTrue(read.findings().get(0).toLine().startsWith("line "), read.findings().get(0).toLine());
    assertEquals(12, InMemoryDirectory.builder().addFile(file).build().size());
  }

  @Test
  void readsArraysSingleServicesAndPages() throws IOException {
    List<Service> three = GENERATOR.services(3).toList();
    OrukJson pretty = OrukJson.builder().indent(true).build();
    StringBuilder array = new StringBuilder("[\n");
    for (int i = 0; i < three.size(); i++) {
      array.append(pretty.writeString(three.get(i))).append(i < 2 ? ",\n" : "\n");
    }
    array.append("]");
    assertEquals(json(three), json(read(array.toString()).services()));
    assertEquals(json(three.subList(0, 1)), json(read(pretty.writeString(three.get(0))).services()),
        "one pretty-printed service");
    assertEquals(json(three), json(read(OrukJson.lenient().writeString(Page.of(three, 1, 3, 3))).services()));
    assertEquals(List.of(), read("\n\n").services());
  }

  /** Which document a file is, the model's detector says: a legacy v1 page is a page of services too. */
  @Test
  void readsALegacyV1PageAsItsServices() throws IOException {
    ServiceFile read = read("{\"content\":[{\"id\":\"a\",\"name\":\"A\"},{\"id\":\"b\",\"name\":\"B\"}],"
        + "\"totalElements\":2,\"number\":0}");
    assertEquals(List.of("a", "b"), read.services().stream().map(Service::getId).toList());
  }

  private static List<String> json(List<Service> services) {
    return services.stream().map(OrukJson.lenient()::writeString).toList();
  }

  @Test
  void aBrokenLineIsReportedWithItsNumber() {
    String good = OrukJson.lenient().writeString(GENERATOR.service(0));
    IOException broken = assertThrows(IOException.class, () -> read(good + "\n{\"id\": \n" + good));
    assertTrue(broken.getMessage().contains("line 2"), broken.getMessage());
    IOException array = assertThrows(IOException.class, () -> read("[1, 2]"));
    assertTrue(array.getMessage().contains("item 0"), array.getMessage());
    assertThrows(IOException.class, () -> read("\"just text\""));
    ByteArrayOutputStream html = new ByteArrayOutputStream();
    html.writeBytes("<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8));
    IOException page = assertThrows(IOException.class,
        () -> ServiceFile.read(new ByteArrayInputStream(html.toByteArray()), "error.html"));
    assertTrue(page.getMessage().startsWith("error.html"), page.getMessage());
  }
}
