package io.github.oruk.hub.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizerTest {

  @Test
  void ukPhoneNumbersWrittenEveryWayBecomeTheirNationalDigits() {
    for (String written : List.of("0117 496 0123", "01174960123", "+44 117 496 0123", "+44 (0)117 496 0123",
        "(0117) 4960123", "0044 117 4960123", "0117-496-0123", "441174960123")) {
      assertEquals("01174960123", Normalizer.phone(written), written);
    }
    assertEquals("+33142685300", Normalizer.phone("+33 1 42 68 53 00"), "another country keeps its code");
    assertNull(Normalizer.phone("ext 12"), "too few digits");
  }

  @Test
  void postcodesLoseSpacesAndCaseAndNonPostcodesAreNull() {
    assertEquals("BS153QH", Normalizer.postcode("bs15  3qh"));
    assertEquals("M14RT", Normalizer.postcode("M1 4RT"));
    assertNull(Normalizer.postcode("Bristol"));
    assertNull(Normalizer.postcode("12345"));
  }

  @Test
  void nameWordsTreatAmpersandAbbreviationsAndApostrophesAlike() {
    assertEquals(Normalizer.words("St Mary's Centre & Food Bank"), Normalizer.words("Saint Marys Ctr and Food Bank"));
    assertEquals(List.of("st", "marys", "centre", "food", "bank"), Normalizer.words("ST. MARY'S CENTER, FOOD BANK"));
    assertEquals(List.of("citizens", "advice", "leeds"), Normalizer.words("CAB Leeds"));
    assertEquals(List.of("citizens", "advice", "leeds"), Normalizer.words("Citizens Advice Bureau (Leeds)"));
    assertEquals(List.of("12", "church", "road"), Normalizer.words("12 Church Rd"));
  }

  @Test
  void webAndEmailAddressesKeepWhatIdentifiesThem() {
    assertEquals("example.org/services/food-bank", Normalizer.url("HTTPS://www.Example.org/services/food-bank/?utm=x"));
    assertEquals("example.org", Normalizer.url("http://example.org/"));
    assertEquals("example.org", Normalizer.domain("example.org/services/food-bank"));
    assertEquals("info@example.org", Normalizer.email(" mailto:Info@Example.org "));
    assertEquals("example.org", Normalizer.domain("info@example.org"));
    assertNull(Normalizer.email("not an address"));
  }
}
