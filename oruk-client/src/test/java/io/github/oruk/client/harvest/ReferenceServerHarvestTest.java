package io.github.oruk.client.harvest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.client.OrukClient;
import io.github.oruk.client.paging.PagedRecords;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.server.memory.InMemoryDirectory;
import io.github.oruk.testkit.generate.DataGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against the project's own reference server (not a fake): every record arrives, unchanged. */
class ReferenceServerHarvestTest {

  private static final OrukJson JSON = OrukJson.lenient();
  private static final List<Service> SERVICES = DataGenerator.builder().seed(21).build().services(600).toList();
  private static OrukHttpServer server;
  private static OrukClient client;

  @BeforeAll
  static void start() throws IOException {
    InMemoryDirectory directory = InMemoryDirectory.builder().addAll(DataGenerator.builder().seed(21).build()
        .services(600)).build();
    server = OrukHttpServer.builder(OrukApi.of(directory)).port(0).start();
    client = OrukClient.builder(server.uri()).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aHarvestDeliversEveryServiceInFullExactlyOnce() throws Exception {
    HarvestTest.Collecting sink = new HarvestTest.Collecting();

    HarvestReport report = new Harvester(client).harvest(HarvestOptions.builder().perPage(45).build(), sink);

    assertEquals(HarvestReport.Outcome.COMPLETE, report.outcome(), report.summaryLine());
    assertEquals(SERVICES.size(), report.delivered());
    assertTrue(report.failedServices().isEmpty(), report.failedServices()::toString);
    Map<String, Service> got = sink.services.stream().collect(Collectors.toMap(Service::getId, Function.identity()));
    assertEquals(SERVICES.size(), got.size(), "no service twice");
    for (Service expected : SERVICES) {
      assertArrayEquals(JSON.write(expected), JSON.write(got.get(expected.getId())), expected.getId());
    }
  }

  @Test
  void pagedStreamsOfEveryListEndWithoutFindings() {
    PagedRecords<Service> services = client.stream(Service.class, Query.builder().perPage(70).build());
    assertEquals(SERVICES.stream().map(Service::getId).toList(), services.stream().map(Service::getId).toList(),
        "every service, in the server's order");
    assertTrue(services.summary().findings().isEmpty(), services.summary().findings()::toString);

    PagedRecords<ServiceAtLocation> links = client.stream(ServiceAtLocation.class, Query.builder().perPage(100).build());
    long expectedLinks = SERVICES.stream().mapToLong(s -> s.getServiceAtLocations().size()).sum();
    assertEquals(expectedLinks, links.stream().count());
    assertTrue(links.summary().findings().isEmpty(), links.summary().findings()::toString);
  }

  @Test
  void filtersSentByTheClientAreAppliedByTheServer() {
    Service first = SERVICES.get(0);
    String organization = first.getOrganizationId();
    List<String> expected = SERVICES.stream().filter(s -> organization.equals(s.getOrganizationId()))
        .map(Service::getId).toList();

    List<String> got = client.stream(Service.class, Query.builder().organizationId(organization).perPage(10).build())
        .stream().map(Service::getId).toList();

    assertEquals(expected, got);
    assertEquals(first.getName(), client.service(first.getId()).value().getName());
  }
}
