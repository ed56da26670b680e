package io.github.oruk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.ReadResult;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The codec against the plain Jackson baseline, on the same bytes, in the same run:
 * decoding a full service and a 50-item page into the typed model (lenient, with findings), parsing the
 * same bytes into a {@code JsonNode} tree (the baseline), and encoding the typed values back.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class CodecBenchmark {

  /** Size in bytes of the published {@code service_full.json} example, which the fixture imitates. */
  static final int UPSTREAM_FULL_SERVICE_BYTES = 5_697;

  private final OrukJson codec = OrukJson.lenient();
  private final ObjectMapper plain = new ObjectMapper();

  byte[] serviceBytes;
  byte[] pageBytes;
  Service service;
  Page<Service> page;

  @Setup
  public void setUp() {
    List<Service> candidates = DataGenerator.builder().seed(2026).build().services(400).toList();
    service = candidates.stream()
        .min(Comparator.comparingInt(s -> Math.abs(codec.write(s).length - UPSTREAM_FULL_SERVICE_BYTES)))
        .orElseThrow();
    serviceBytes = codec.write(service);
    List<Service> items = candidates.subList(0, 50).stream().map(CodecBenchmark::listItem).toList();
    page = Page.of(items, 1, 50, 5_000);
    pageBytes = codec.write(page);
  }

  /** What a list endpoint sends for a service: its own properties and its organization, no lists. */
  static Service listItem(Service full) {
    Service item = new Service().id(full.getId()).organizationId(full.getOrganizationId()).name(full.getName())
        .description(full.getDescription()).url(full.getUrl()).email(full.getEmail()).status(full.getStatus())
        .fees(full.getFees()).accreditations(full.getAccreditations()).minimumAge(full.getMinimumAge())
        .maximumAge(full.getMaximumAge()).assuredDate(full.getAssuredDate()).assurerEmail(full.getAssurerEmail())
        .alert(full.getAlert()).lastModified(full.getLastModified());
    if (full.getOrganization() != null) {
      item.organization(new io.github.oruk.model.Organization().id(full.getOrganization().getId())
          .name(full.getOrganization().getName()).description(full.getOrganization().getDescription())
          .email(full.getOrganization().getEmail()).website(full.getOrganization().getWebsite()));
    }
    return item;
  }

  @Benchmark
  public ReadResult<Service> decodeService() {
    return codec.read(serviceBytes, Service.class);
  }

  @Benchmark
  public JsonNode treeParseService() throws IOException {
    return plain.readTree(serviceBytes);
  }

  @Benchmark
  public byte[] encodeService() {
    return codec.write(service);
  }

  @Benchmark
  public ReadResult<Page<Service>> decodePage() {
    return codec.readPage(pageBytes, Service.class);
  }

  @Benchmark
  public JsonNode treeParsePage() throws IOException {
    return plain.readTree(pageBytes);
  }

  @Benchmark
  public byte[] encodePage() {
    return codec.write(page);
  }
}
