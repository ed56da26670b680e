package io.github.oruk.hub;

import io.github.oruk.hub.register.Register;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.fault.FaultProxy;
import io.github.oruk.testkit.feed.FakeFeed;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Three local feeds with overlapping services, as a hub meets them: {@code north}, the SDK's server over a
 * directory that changes between refreshes, reached through the test kit's fault proxy (503s and resets that
 * the client retries); {@code legacy}, the fake feed in legacy ORUK v1 mode; {@code charities}, an NDJSON file.
 * North has services 0–59 of the generator, charities 30–79 (the same generator: 30 services in both), legacy
 * 40 services of its own seed.
 */
final class ThreeFeeds implements AutoCloseable {

  /** The generator of north and charities, assured and modified before a fixed day (far from "now"). */
  static final DataGenerator GENERATOR = DataGenerator.builder().seed(7).asOf(LocalDate.of(2026, 1, 15)).build();
  static final OrukJson JSON = OrukJson.lenient();

  final ChangingDirectory north;
  final FaultProxy proxy;
  final FakeFeed legacy;
  final Path charities;

  ThreeFeeds(Path folder) throws Exception {
    north = new ChangingDirectory(IntStream.range(0, 60).mapToObj(GENERATOR::service).toList());
    proxy = FaultProxy.builder(north.uri()).seed(11).rate(FaultProxy.Fault.SERVICE_UNAVAILABLE, 0.1)
        .rate(FaultProxy.Fault.RESET, 0.05).start();
    legacy = FakeFeed.builder().services(40).seed(3).perPage(15).envelope(FakeFeed.Envelope.V1_ONE_BASED).start();
    charities = folder.resolve("data").resolve("charities.ndjson");
    Files.createDirectories(charities.getParent());
    writeCharities(IntStream.range(30, 80).mapToObj(GENERATOR::service).toList());
  }

  /** Rewrites the charities file with these services. */
  void writeCharities(List<Service> services) throws IOException {
    try (OutputStream out = Files.newOutputStream(charities)) {
      for (Service service : services) {
        out.write(JSON.write(service));
        out.write('\n');
      }
    }
  }

  /** The register as a YAML file beside the data (the NDJSON path relative to it), read back. */
  Register register(Path folder) throws IOException {
    Path file = folder.resolve("feeds.yaml");
    Files.writeString(file, "feeds:\n"
        + "  - name: north\n    url: " + proxy.baseUri() + "\n    publisher: North County Council\n    refresh: 6h\n"
        + "  - name: legacy\n    url: " + legacy.baseUri() + "\n    licence: OGL-UK-3.0\n"
        + "  - name: charities\n    url: data/charities.ndjson\n    refresh: 2d\n");
    return Register.load(file);
  }

  /** Canonical JSON of a service, as the store keeps it. */
  static String canonical(Service service) {
    return new String(JSON.write(service), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    proxy.close();
    north.close();
    legacy.close();
  }
}
