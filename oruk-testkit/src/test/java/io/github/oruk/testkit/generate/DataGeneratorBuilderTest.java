package io.github.oruk.testkit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Defaults, validation and immutability of the generator's settings. */
class DataGeneratorBuilderTest {

  @Test
  void hasTheDocumentedDefaults() {
    DataGenerator generator = DataGenerator.builder().build();
    assertEquals(1, generator.seed());
    assertEquals(Set.of(), generator.quirks());
    assertEquals(0.25, generator.quirkRate());
  }

  @Test
  void theDefaultSeedIsSeedOne() {
    assertEquals(DataGenerator.builder().seed(1).build().service(0), DataGenerator.builder().build().service(0));
  }

  @Test
  void refusesRatesOutsideZeroToOne() {
    DataGenerator.Builder builder = DataGenerator.builder();
    assertThrows(IllegalArgumentException.class, () -> builder.quirkRate(-0.01));
    assertThrows(IllegalArgumentException.class, () -> builder.quirkRate(1.01));
    assertThrows(IllegalArgumentException.class, () -> builder.quirkRate(Double.NaN));
    builder.quirkRate(0).quirkRate(1);
  }

  @Test
  void refusesNegativeCountsAndIndexes() {
    DataGenerator generator = DataGenerator.builder().build();
    assertThrows(IllegalArgumentException.class, () -> generator.services(-1));
    assertThrows(IllegalArgumentException.class, () -> generator.service(-1));
    assertThrows(IllegalArgumentException.class, () -> generator.quirksFor(-1));
    assertThrows(IllegalArgumentException.class, () -> generator.writeNdjson(-1, new ByteArrayOutputStream()));
    assertThrows(NullPointerException.class, () -> generator.writeNdjson(1, null));
  }

  @Test
  void copiesTheQuirksItIsGiven() {
    EnumSet<Quirk> quirks = EnumSet.of(Quirk.NON_UUID_ID);
    DataGenerator generator = DataGenerator.builder().quirks(quirks).build();
    quirks.add(Quirk.UNKNOWN_STATUS);
    assertEquals(Set.of(Quirk.NON_UUID_ID), generator.quirks());
    assertThrows(UnsupportedOperationException.class, () -> generator.quirks().add(Quirk.UK_DATE_FORMAT));
  }

  @Test
  void toBuilderKeepsEverySetting() {
    DataGenerator original = DataGenerator.builder().seed(-3).quirks(EnumSet.of(Quirk.VENDOR_EXTENSION))
        .quirkRate(0.7).asOf(LocalDate.of(2031, 2, 3)).build();
    DataGenerator copy = original.toBuilder().build();
    assertEquals(original.seed(), copy.seed());
    assertEquals(original.quirks(), copy.quirks());
    assertEquals(original.quirkRate(), copy.quirkRate());
    assertEquals(LocalDate.of(2031, 2, 3), copy.referenceDate());
    assertEquals(original.service(5), copy.service(5));
  }

  @Test
  void withoutAnAsOfDateTheReferenceDateFollowsTheSeed() {
    DataGenerator derived = DataGenerator.builder().seed(-3).build();
    assertEquals(derived.referenceDate(), derived.toBuilder().build().referenceDate());
    assertEquals(DataGenerator.builder().seed(8).build().referenceDate(),
        derived.toBuilder().seed(8).build().referenceDate(), "a copy with another seed derives its own date");
    assertEquals(derived.referenceDate(), DataGenerator.builder().seed(-3).asOf(LocalDate.of(2030, 1, 1)).asOf(null)
        .build().referenceDate(), "asOf(null) restores the derived date");
  }
}
