package io.github.oruk.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.oruk.model.Service;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 2,000 generated services (shared organizations and terms, every nested list) through a package and back. */
class GeneratedRoundTripTest {

  @Test
  void twoThousandServicesComeBackEqualAndInOrder(@TempDir Path dir) throws IOException {
    List<Service> services = DataGenerator.builder().seed(16).asOf(LocalDate.of(2026, 12, 1)).build()
        .services(2_000).toList();

    assertEquals(List.of(), TabularPackage.write(services, dir.resolve("package.zip")));
    TabularRead read = TabularPackage.read(dir.resolve("package.zip"));

    assertEquals(List.of(), read.findings());
    assertEquals(List.of(), read.unlinked());
    assertEquals(services.size(), read.services().size());
    for (int i = 0; i < services.size(); i++) {
      assertEquals(services.get(i), read.services().get(i), "service " + i);
    }
  }
}
