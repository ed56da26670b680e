package io.github.oruk.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The envelope around already-encoded records gives the codec's bytes for the same page of objects. */
class PageEnvelopeTest {

  private static final OrukJson JSON = OrukJson.lenient();

  private static List<Service> services(int count) {
    List<Service> services = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Service service = new Service();
      service.setId("00000000-0000-4000-8000-00000000000" + i);
      service.setName("Service \"" + i + "\" \u00e9");
      service.setStatus(ServiceStatus.ACTIVE);
      services.add(service);
    }
    return services;
  }

  private static String aroundEncoded(Page<Service> page) {
    return new String(PageEnvelope.write(page.map(JSON::write)), StandardCharsets.UTF_8);
  }

  @Test
  void encodedRecordsGiveTheCodecsBytes() {
    List<Service> three = services(3);
    for (Page<Service> page : List.of(Page.of(three, 1, 3, 7), Page.of(three.subList(0, 1), 3, 3, 7),
        Page.of(List.<Service>of(), 1, 50, 0), Page.of(List.<Service>of(), 9, 3, 7))) {
      assertEquals(JSON.writeString(page), aroundEncoded(page));
    }
  }

  @Test
  void theEnvelopeIsWrittenAsGivenInTheStandardsOrder() {
    // total_items that does not match the records (a feed whose total drifts) is written as given
    Page<byte[]> drifting = new Page<>(12, 2, 2, null, false, true, null,
        List.of("{\"id\":\"a\"}".getBytes(StandardCharsets.UTF_8), "{\"id\":\"b\"}".getBytes(StandardCharsets.UTF_8)),
        Map.of());
    assertEquals("{\"total_items\":12,\"total_pages\":2,\"page_number\":2,\"size\":2,\"first_page\":false,"
        + "\"last_page\":true,\"empty\":false,\"contents\":[{\"id\":\"a\"},{\"id\":\"b\"}]}",
        new String(PageEnvelope.write(drifting), StandardCharsets.UTF_8));
    assertEquals("{\"total_items\":0,\"total_pages\":0,\"page_number\":1,\"size\":0,\"first_page\":true,"
        + "\"last_page\":true,\"empty\":true",
        new String(PageEnvelope.opening(new Page<>(null, null, null, null, null, null, null, null, null)),
            StandardCharsets.UTF_8));
  }
}
