package io.github.oruk.testkit.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Same seed and options give the same bytes; a short run is a prefix of a long one. */
class DeterminismTest {

  private static byte[] ndjson(DataGenerator generator, int count) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    generator.writeNdjson(count, out);
    return out.toByteArray();
  }

  @Test
  void theSameSeedGivesByteIdenticalNdjson() throws IOException {
    byte[] first = ndjson(DataGenerator.builder().seed(12345).build(), 300);
    byte[] second = ndjson(DataGenerator.builder().seed(12345).build(), 300);
    assertTrue(first.length > 300 * 500, "expected full services, got " + first.length + " bytes");
    assertArrayEquals(first, second);
  }

  @Test
  void theSameSeedAndQuirksGiveByteIdenticalNdjson() throws IOException {
    DataGenerator.Builder builder = DataGenerator.builder().seed(77).quirks(EnumSet.allOf(Quirk.class))
        .quirkRate(0.4);
    assertArrayEquals(ndjson(builder.build(), 200), ndjson(builder.build(), 200));
  }

  @Test
  void aDifferentSeedGivesDifferentData() throws IOException {
    byte[] one = ndjson(DataGenerator.builder().seed(1).build(), 50);
    byte[] two = ndjson(DataGenerator.builder().seed(2).build(), 50);
    assertFalse(Arrays.equals(one, two));
    List<String> idsOne = DataGenerator.builder().seed(1).build().services(50).map(Service::getId).toList();
    List<String> idsTwo = DataGenerator.builder().seed(2).build().services(50).map(Service::getId).toList();
    assertTrue(idsOne.stream().noneMatch(idsTwo::contains), "no service id should be shared across seeds");
  }

  @Test
  void aShortRunIsAPrefixOfALongRun() throws IOException {
    DataGenerator generator = DataGenerator.builder().seed(31).quirks(EnumSet.of(Quirk.NON_UUID_ID,
        Quirk.BYTE_ORDER_MARK)).build();
    byte[] shortRun = ndjson(generator, 100);
    byte[] longRun = ndjson(generator, 1000);
    assertArrayEquals(shortRun, Arrays.copyOf(longRun, shortRun.length));

    List<Service> hundred = generator.services(100).toList();
    List<Service> firstOfThousand = generator.services(1000).limit(100).toList();
    assertEquals(hundred, firstOfThousand);
  }

  @Test
  void serviceKIsTheSameWhicheverWayItIsAskedFor() {
    DataGenerator generator = DataGenerator.builder().seed(4).build();
    Service direct = generator.service(37);
    Service streamed = generator.services(40).skip(37).findFirst().orElseThrow();
    assertEquals(direct, streamed);
    assertEquals(direct, DataGenerator.builder().seed(4).quirks(EnumSet.allOf(Quirk.class)).quirkRate(1).build()
        .service(37), "quirk options must not change a service's content");
  }

  @Test
  void eachLineIsTheServiceJsonOfItsIndex() throws IOException {
    DataGenerator generator = DataGenerator.builder().seed(9).quirks(EnumSet.of(Quirk.HTML_IN_DESCRIPTION))
        .quirkRate(0.5).build();
    List<byte[]> lines = NdjsonLines.split(ndjson(generator, 40));
    for (int index = 0; index < lines.size(); index++) {
      assertArrayEquals(generator.serviceJson(index), lines.get(index));
      if (generator.quirksFor(index).isEmpty()) {
        assertArrayEquals(OrukJson.lenient().write(generator.service(index)), lines.get(index),
            "a line without quirks is the canonical JSON");
      } else {
        assertFalse(Arrays.equals(OrukJson.lenient().write(generator.service(index)), lines.get(index)));
      }
    }
  }

  @Test
  void theReferenceDateComesFromTheSeed() {
    assertEquals(DataGenerator.builder().seed(5).build().referenceDate(),
        DataGenerator.builder().seed(5).build().referenceDate());
    long distinct = java.util.stream.LongStream.range(0, 20)
        .mapToObj(seed -> DataGenerator.builder().seed(seed).build().referenceDate())
        .collect(Collectors.toSet()).size();
    assertTrue(distinct > 10, "different seeds should mostly give different reference dates");
  }

  @Test
  void theSameSeedAndAsOfDateGiveByteIdenticalNdjsonPlacedAroundThatDate() throws IOException {
    LocalDate asOf = LocalDate.of(2027, 3, 14);
    DataGenerator.Builder builder = DataGenerator.builder().seed(21).asOf(asOf);
    byte[] first = ndjson(builder.build(), 100);
    assertArrayEquals(first, ndjson(builder.build(), 100));
    assertEquals(asOf, builder.build().referenceDate());

    DataGenerator dayLater = builder.asOf(asOf.plusDays(1)).build();
    assertFalse(Arrays.equals(first, ndjson(dayLater, 100)), "another as-of date moves the dates");
    int moved = 0;
    for (int k = 0; k < 20; k++) {
      Service then = DataGenerator.builder().seed(21).asOf(asOf).build().service(k);
      Service later = dayLater.service(k);
      assertEquals(then.getId(), later.getId(), "only the dates move");
      assertEquals(then.getName(), later.getName());
      if (then.getAssuredDate() != null && then.getLastModified() != null) {
        assertEquals(then.getAssuredDate().plusDays(1), later.getAssuredDate());
        assertEquals(then.getLastModified().plusDays(1), later.getLastModified());
        moved++;
      }
    }
    assertTrue(moved > 10, "services with both dates: " + moved);
  }

  @Test
  void servicesAreProducedLazily() {
    DataGenerator generator = DataGenerator.builder().build();
    long start = System.nanoTime();
    List<Service> three = generator.services(Integer.MAX_VALUE).limit(3).toList();
    assertEquals(3, three.size());
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "the stream must not build every service up front");
  }

  @Test
  void theCallersStreamIsFlushedButNotClosed() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    boolean[] closed = {false};
    OutputStream watched = new FilterOutputStream(sink) {
      @Override
      public void close() throws IOException {
        closed[0] = true;
        super.close();
      }
    };
    DataGenerator.builder().build().writeNdjson(5, watched);
    assertFalse(closed[0], "writeNdjson must not close the caller's stream");
    assertEquals(5, NdjsonLines.split(sink.toByteArray()).size(), "everything must be flushed through");
    watched.write('x');
  }

  @Test
  void zeroServicesWriteNothing() throws IOException {
    DataGenerator generator = DataGenerator.builder().quirks(EnumSet.allOf(Quirk.class)).build();
    assertEquals(0, ndjson(generator, 0).length);
    assertEquals(0, generator.services(0).count());
  }

  @Test
  void everyServiceIdIsUniqueInALongRun() {
    DataGenerator generator = DataGenerator.builder().seed(2024).build();
    int count = 2000;
    assertEquals(count, generator.services(count).map(Service::getId).distinct().count());
    assertNotEquals(generator.service(0).getId(), generator.service(1).getId());
  }
}
