package io.github.oruk.server.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Address;
import io.github.oruk.model.Location;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Postcode tidying, the offline locator and distances. */
class GeoTest {

  @Test
  void postcodesAreTidiedOrRefused() {
    assertEquals(Optional.of("BS1 4DJ"), Postcodes.normalize(" bs14dj "));
    assertEquals(Optional.of("SW1A 1AA"), Postcodes.normalize("sw1a 1aa"));
    assertEquals(Optional.of("M1 1AE"), Postcodes.normalize("M11AE"));
    assertEquals(Optional.of("EC1A 1BB"), Postcodes.normalize("EC1A\t1BB"));
    assertEquals(Optional.empty(), Postcodes.normalize("BS1"));
    assertEquals(Optional.empty(), Postcodes.normalize("12345"));
    assertEquals(Optional.empty(), Postcodes.normalize("'; DROP TABLE x"));
    assertEquals(Optional.empty(), Postcodes.normalize("B" + "S".repeat(5000)));
    assertEquals(Optional.empty(), Postcodes.normalize(null));
    assertEquals(Optional.of("BS1"), Postcodes.outward("bs1"));
    assertEquals(Optional.of("SW1A"), Postcodes.outward("SW1A 1AA"));
    assertEquals(Optional.empty(), Postcodes.outward("1AA"));
  }

  @Test
  void distancesMatchKnownOnes() {
    // London (Charing Cross) to Bristol Temple Meads: about 171 km as the crow flies.
    double metres = Distance.metres(51.5073, -0.1276, 51.4491, -2.5813);
    assertTrue(Math.abs(metres - 170_500) < 2_000, "got " + metres);
    assertEquals(0, Distance.metres(52, -1, 52, -1), 1e-9);
    assertEquals(111_195, Distance.metres(0, 0, 1, 0), 100);
  }

  @Test
  void knownPostcodesAverageTheirSightingsAndFallBackToTheDistrict() {
    KnownPostcodes postcodes = KnownPostcodes.builder()
        .add(location("BS1 4DJ", "51.45", "-2.59", "Bristol"))
        .add(location("bs14dj", "51.47", "-2.61", "Bristol"))
        .add(location("BS1 6AA", "51.46", "-2.60", "Bristol"))
        .add(location("not a postcode", "50", "0", "Nowhere"))
        .add(location("BS2 0AA", "100", "0", "Impossible"))
        .build();
    assertEquals(2, postcodes.size());
    PostcodePlace exact = postcodes.locate("BS1 4DJ").orElseThrow();
    assertEquals(51.46, exact.latitude(), 1e-9);
    assertEquals(-2.60, exact.longitude(), 1e-9);
    assertEquals(Set.of("bristol", "city of bristol"), exact.areas());
    PostcodePlace district = postcodes.locate("bs1 9zz").orElseThrow();
    assertEquals("BS1 9ZZ", district.postcode());
    assertEquals((51.45 + 51.47 + 51.46) / 3, district.latitude(), 1e-9);
    assertEquals("BS1", postcodes.locate("BS1").orElseThrow().postcode());
    assertTrue(postcodes.locate("LS1 1AA").isEmpty());
    assertTrue(postcodes.locate("BS2 0AA").isEmpty(), "an impossible position was skipped");
    assertThrows(IllegalArgumentException.class, () -> new PostcodePlace("X", 91, 0, Set.of()));
  }

  private static Location location(String postcode, String latitude, String longitude, String city) {
    return new Location().id("l").latitude(new BigDecimal(latitude)).longitude(new BigDecimal(longitude))
        .addAddressesItem(new Address().id("a").postalCode(postcode).city(city).stateProvince("City of Bristol"));
  }
}
