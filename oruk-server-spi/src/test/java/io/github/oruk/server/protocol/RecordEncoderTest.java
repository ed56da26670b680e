package io.github.oruk.server.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.node.TextNode;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.server.Directories;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pages written around cached record JSON are exactly what the codec writes for the same page. */
class RecordEncoderTest {

  private static final OrukJson JSON = OrukJson.lenient();

  @Test
  void pagesAreByteForByteTheCodecsPages() {
    List<Service> services = Directories.reference().services();
    RecordEncoder encoder = new RecordEncoder(JSON, 1 << 20);
    int[][] shapes = {{1, 50, 120}, {3, 50, 120}, {4, 50, 120}, {1, 7, 0}, {2, 1, 2}, {2, 1, 3}, {1, 50, 121}};
    java.util.Set<String> tags = new java.util.HashSet<>();
    for (int[] shape : shapes) {
      int from = Math.min((shape[0] - 1) * shape[1], shape[2]);
      List<Service> items = services.subList(from, Math.min(from + shape[1], shape[2]));
      byte[] expected = JSON.write(Page.of(items, shape[0], shape[1], shape[2]));
      RecordEncoder.Tagged first = encoder.page(items, shape[0], shape[1], shape[2], true);
      assertArrayEquals(expected, first.body());
      RecordEncoder.Tagged again = encoder.page(items, shape[0], shape[1], shape[2], true);
      assertArrayEquals(expected, again.body(), "again, from the cache");
      assertEquals(first.tag(), again.tag());
      RecordEncoder.Tagged fresh = new RecordEncoder(JSON, 0).page(items, shape[0], shape[1], shape[2], true);
      assertArrayEquals(expected, fresh.body());
      assertEquals(first.tag(), fresh.tag(), "the tag depends on the content, not on the cache");
      tags.add(first.tag());
    }
    assertEquals(shapes.length, tags.size(), "different pages, different tags (even where only a total differs)");
    Service extended = new Service().id("x").name("Unicode \u00e9\u2603 \"quoted\"").status(
        io.github.oruk.model.ServiceStatus.ACTIVE);
    extended.putExtension("vendor", new TextNode("kept"));
    OrukJson keeping = OrukJson.builder().keepExtensions(true).build();
    assertArrayEquals(keeping.write(Page.of(List.of(extended), 1, 10, 1)),
        new RecordEncoder(keeping, 1 << 20).page(List.of(extended), 1, 10, 1, true).body());
  }

  @Test
  void recordsAreReusedByIdentityWithinTheBudget() {
    Service service = Directories.reference().services().get(0);
    RecordEncoder encoder = new RecordEncoder(JSON, 1 << 20);
    assertSame(encoder.record(service).body(), encoder.record(service).body(), "the same object, the same bytes");
    Service equalButOther = Directories.generatedServices().get(0);
    assertArrayEquals(encoder.record(service).body(), encoder.record(equalButOther).body());
    assertEquals(encoder.record(service).tag(), EntityTags.of(JSON.write(service)));
    RecordEncoder nothingKept = new RecordEncoder(JSON, 0);
    assertNotSame(nothingKept.record(service).body(), nothingKept.record(service).body());
    RecordEncoder tiny = new RecordEncoder(JSON, 100);
    for (Service each : Directories.reference().services()) {
      assertArrayEquals(JSON.write(each), tiny.record(each).body(), "correct when the budget is spent over and over");
    }
  }
}
