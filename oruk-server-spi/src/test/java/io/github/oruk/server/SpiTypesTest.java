package io.github.oruk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.model.query.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The value types of the SPI: capabilities, page requests, results and record views. */
class SpiTypesTest {

  @Test
  void capabilitiesAlwaysOfferTheRequiredEndpointsAndTheSdksOwnParameters() {
    Capabilities none = Capabilities.requiredOnly();
    assertTrue(none.offers(Endpoint.API_DETAILS) && none.offers(Endpoint.SERVICES) && none.offers(Endpoint.SERVICE));
    assertFalse(none.offers(Endpoint.ORGANIZATIONS));
    assertTrue(none.supports(Endpoint.SERVICES, Parameter.PAGE));
    assertTrue(none.supports(Endpoint.SERVICES, Parameter.MINIMAL));
    assertFalse(none.supports(Endpoint.SERVICES, Parameter.SEARCH));

    Capabilities some = Capabilities.builder().services(Parameter.SEARCH)
        .organizations(Parameter.SEARCH, Parameter.FULL_SERVICE).build();
    assertTrue(some.supports(Endpoint.SERVICES, Parameter.SEARCH));
    assertTrue(some.offers(Endpoint.ORGANIZATION));
    assertTrue(some.supports(Endpoint.ORGANIZATION, Parameter.FULL_SERVICE), "full_service applies to both");
    assertFalse(some.offers(Endpoint.TAXONOMIES));
    assertFalse(some.supports(Endpoint.ORGANIZATIONS, Parameter.MINIMAL), "/organizations takes no minimal");

    IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
        () -> Capabilities.builder().taxonomies(Parameter.POSTCODE).build());
    assertTrue(wrong.getMessage().contains("postcode"), wrong.getMessage());
    assertThrows(UnsupportedOperationException.class,
        () -> some.endpoints().put(Endpoint.TAXONOMIES, java.util.Set.of()));

    Capabilities all = Capabilities.everything();
    for (Endpoint endpoint : Endpoint.values()) {
      assertEquals(endpoint.parameters(), all.parameters(endpoint), endpoint.path());
    }
  }

  @Test
  void pageRequestsCountFromOneWithoutOverflow() {
    assertEquals(0, PageRequest.of(1, 50).offset());
    assertEquals(100, PageRequest.of(3, 50).offset());
    assertEquals((long) (Integer.MAX_VALUE - 1) * 100, PageRequest.of(Integer.MAX_VALUE, 100).offset());
    assertThrows(IllegalArgumentException.class, () -> PageRequest.of(0, 10));
    assertThrows(IllegalArgumentException.class, () -> PageRequest.of(1, 0));
    assertEquals(PageRequest.of(2, 10), PageRequest.of(1, 10).next());
  }

  @Test
  void resultsSliceAndStreamEveryPage() {
    List<Integer> all = IntStream.range(0, 23).boxed().toList();
    assertEquals(List.of(10, 11, 12, 13, 14), Results.slice(all, PageRequest.of(3, 5)).items());
    assertEquals(23, Results.slice(all, PageRequest.of(3, 5)).totalItems());
    assertEquals(List.of(20, 21, 22), Results.slice(all, PageRequest.of(5, 5)).items());
    assertEquals(List.of(), Results.slice(all, PageRequest.of(6, 5)).items());
    assertEquals(List.of(), Results.slice(all, PageRequest.of(Integer.MAX_VALUE, 100)).items());
    assertThrows(IllegalArgumentException.class, () -> Results.of(List.of(), -1));

    AtomicInteger fetches = new AtomicInteger();
    List<Integer> streamed = Results.streamAll(page -> {
      fetches.incrementAndGet();
      return Results.slice(all, page);
    }, 5).toList();
    assertEquals(all, streamed);
    assertEquals(5, fetches.get(), "stops at the short page");
    fetches.set(0);
    List<Integer> twenty = all.subList(0, 20);
    assertEquals(twenty, Results.streamAll(page -> {
      fetches.incrementAndGet();
      return Results.slice(twenty, page);
    }, 5).toList());
    assertEquals(4, fetches.get(), "stops when the total is reached");
    assertEquals(List.of(), Results.streamAll(page -> Results.<Integer>empty(), 5).toList());
    assertEquals(List.of("0", "1"), Results.of(List.of(0, 1), 2).map(String::valueOf).items());
  }

  @Test
  void viewsTrimWithoutChangingTheRecord() {
    Service full = Directories.generatedServices().get(0);
    full.putExtension("pc_metadata", new TextNode("vendor"));
    String before = full.toString();
    Service item = Views.listItem(full);
    assertEquals(before, full.toString(), "the argument is unchanged");
    assertEquals(full.getId(), item.getId());
    assertEquals(full.getDescription(), item.getDescription());
    assertNotNull(item.getOrganization(), "one-to-one records stay");
    assertTrue(item.getSchedules().isEmpty());
    assertTrue(item.getServiceAtLocations().isEmpty());
    assertTrue(item.getOrganization().getOrganizationIdentifiers().isEmpty(), "lists are left out at every depth");
    assertEquals("vendor", item.getExtensions().get("pc_metadata").asText(), "extensions are kept");

    Service minimal = Views.minimal(full);
    assertEquals(full.getId(), minimal.getId());
    assertEquals(full.getStatus(), minimal.getStatus());
    assertNull(minimal.getDescription());
    assertNull(minimal.getOrganization());

    ServiceAtLocation link = full.getServiceAtLocations().get(0);
    ServiceAtLocation nested = Views.serviceAtLocation(link, full);
    assertEquals(link.getLocation(), nested.getLocation());
    assertEquals(full.getSchedules(), nested.getService().getSchedules());
    assertTrue(nested.getService().getServiceAtLocations().isEmpty(), "no loop back");
    assertFalse(full.getServiceAtLocations().isEmpty(), "the service itself keeps its links");

    Service copy = Views.copy(full);
    assertEquals(full, copy);
    copy.setName("changed");
    assertFalse(full.getName().equals("changed"));
    List<Service> none = new ArrayList<>();
    assertThrows(NullPointerException.class, () -> Views.listItem(none.isEmpty() ? null : none.get(0)));
  }

  @Test
  void apiOptionsAreCheckedWhenSet() {
    DirectoryProvider provider = Directories.reference();
    assertThrows(IllegalArgumentException.class, () -> OrukApi.builder(provider).maxPerPage(0));
    assertThrows(IllegalArgumentException.class, () -> OrukApi.builder(provider).notOfferedStatus(500));
    assertThrows(IllegalArgumentException.class, () -> OrukApi.builder(provider).baseUrl("ftp://x/"));
    assertThrows(IllegalArgumentException.class, () -> OrukApi.builder(provider).baseUrl("/relative"));
    assertThrows(IllegalArgumentException.class,
        () -> OrukApi.builder(provider).defaultPerPage(200).maxPerPage(100).build());
    OrukApi api = OrukApi.builder(provider).baseUrl("https://example.org/api/").build();
    assertEquals("https://example.org/api", api.baseUrl().orElseThrow().toString());
    assertEquals(Capabilities.everything(), api.capabilities());
  }
}
