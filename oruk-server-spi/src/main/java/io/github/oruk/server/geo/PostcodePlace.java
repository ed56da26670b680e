package io.github.oruk.server.geo;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a postcode is: the centre used for {@code proximity} searches, and the names of the areas it lies
 * in (town, county, region, district...), which {@code postcode} without {@code proximity} compares with
 * services' {@code service_area} names.
 *
 * @param postcode the postcode in its standard form, such as {@code BS1 4DJ}
 * @param latitude degrees north (WGS 84)
 * @param longitude degrees east (WGS 84)
 * @param areas names of areas containing the postcode, in lower case; may be empty
 */
public record PostcodePlace(String postcode, double latitude, double longitude, Set<String> areas) {

  public PostcodePlace {
    Objects.requireNonNull(postcode, "postcode");
    if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("not a position on Earth: " + latitude + ", " + longitude);
    }
    areas = areas == null ? Set.of() : areas.stream()
        .filter(Objects::nonNull)
        .map(name -> name.strip().toLowerCase(Locale.ROOT))
        .filter(name -> !name.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The distance from this place to a point, in metres. */
  public double metresTo(double latitude, double longitude) {
    return Distance.metres(this.latitude, this.longitude, latitude, longitude);
  }
}
