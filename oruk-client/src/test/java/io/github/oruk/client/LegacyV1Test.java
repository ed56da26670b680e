package io.github.oruk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.client.paging.PagedRecords;
import io.github.oruk.client.paging.PagingCode;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.query.Query;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Legacy ORUK v1 feeds: told apart by '/' or by their envelope, and read into the 3.0 model. */
class LegacyV1Test extends WireMockFeed {

  private static final String V1_SERVICE = """
      {"id": "svc-1", "name": "Lunch club", "status": "active",
       "organization": {"id": "org-1", "name": "Age Friendly", "url": "https://example.org"},
       "regular_schedules": [{"id": "rs-1", "weekday": "Tuesday", "opens_at": "12:00", "closes_at": "14:00"}],
       "service_taxonomys": [{"id": "st-1", "taxonomy": {"id": "esdServiceTypes:1", "name": "Meals", "vocabulary": "esdServiceTypes"}}]}
      """;

  private static void serve(String url, String body) {
    wireMock.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(body)));
  }

  @Test
  void theApiDetailsTellAV1FeedFromA3Feed() {
    serve("/api/", "{\"version\": \"HSDS-UK-1.0\"}");
    assertTrue(fastClient().build().apiDetails().legacyV1());

    wireMock.resetAll();
    serve("/api/", "{\"version\": \"HSDS-UK-3.0\", \"profile\": \"https://openreferraluk.org/\"}");
    assertFalse(fastClient().build().apiDetails().legacyV1());
  }

  @Test
  void aV1ServiceIsMappedToTheModel() {
    serve("/api/services/svc-1", V1_SERVICE);

    OrukResponse<Service> response = fastClient().build().service("svc-1");

    assertTrue(response.legacyV1());
    Service service = response.value();
    assertEquals("org-1", service.getOrganizationId());
    assertEquals("https://example.org", service.getOrganization().getWebsite());
    assertEquals(1, service.getSchedules().size());
    assertEquals("TU", service.getSchedules().get(0).getByday());
    assertEquals("esdServiceTypes:1", service.getAttributes().get(0).getTaxonomyTermId());
    assertEquals(1, response.findings(ReadCode.LEGACY_V1_DOCUMENT).size());
  }

  @Test
  void aV1ServiceWhoseOnlyV1TraitIsItsOrganizationUrlIsStillMapped() {
    serve("/api/services/svc-2", "{\"id\": \"svc-2\", \"name\": \"Walk\", \"status\": \"active\","
        + " \"organization\": {\"id\": \"org-2\", \"name\": \"Ramblers\", \"url\": \"https://example.org/r\"}}");
    serve("/api/services/svc-3", "{\"id\": \"svc-3\", \"name\": \"Talk\", \"status\": \"active\","
        + " \"pc_metadata\": {\"language\": \"cy\"}}");
    OrukClient client = fastClient().build();

    OrukResponse<Service> v1 = client.service("svc-2");
    assertTrue(v1.legacyV1());
    assertEquals("https://example.org/r", v1.value().getOrganization().getWebsite());

    OrukResponse<Service> v3 = client.service("svc-3");
    assertFalse(v3.legacyV1(), "a v1 word inside an extension does not make a v1 service");
    assertTrue(v3.value().getExtensions().containsKey("pc_metadata"));
  }

  @Test
  void aV1PageIsReadWithItsNumberCountedFromZero() {
    serve("/api/services", "{\"content\": [" + V1_SERVICE + "], \"totalElements\": 1, \"totalPages\": 1,"
        + " \"number\": 0, \"size\": 20, \"first\": true, \"last\": true}");

    OrukResponse<Page<Service>> response = fastClient().build().services(Query.all());

    assertTrue(response.legacyV1());
    Page<Service> page = response.value();
    assertEquals(1, page.pageNumber(), "ORUK 3.0 counts from 1");
    assertEquals(1, page.totalItems());
    assertTrue(page.lastPage());
    assertEquals("TU", page.contents().get(0).getSchedules().get(0).getByday());
  }

  @Test
  void aV1PageOfOtherRecordsKeepsItsRecordsAndMapsItsEnvelope() {
    serve("/api/taxonomies", "{\"content\": [{\"id\": \"esdServiceTypes\", \"name\": \"Service types\","
        + " \"description\": \"LGA service types\", \"uri\": \"http://id.esd.org.uk/list/serviceTypes\"}],"
        + " \"totalElements\": 1, \"totalPages\": 1, \"number\": 1, \"first\": true, \"last\": true}");

    PagedRecords<Taxonomy> taxonomies = fastClient().build().stream(Taxonomy.class, Query.all());

    List<Taxonomy> read = taxonomies.stream().toList();
    assertEquals(1, read.size());
    assertEquals("Service types", read.get(0).getName());
    assertEquals(1, taxonomies.summary().findings(PagingCode.LEGACY_V1_FEED).size());
    assertTrue(taxonomies.summary().complete());
  }
}
