package io.github.oruk.server.geo;

import io.github.oruk.model.Address;
import io.github.oruk.model.Location;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An offline {@link PostcodeLocator} that knows the postcodes of a directory's own addresses: each
 * postcode is placed at the average position of the locations that carry it, and its areas are those
 * addresses' city, county ({@code state_province}) and region. A postcode that is not known exactly but
 * whose district is (such as {@code BS1 9ZZ} when other {@code BS1} postcodes are known), or an outward
 * code on its own ({@code BS1}), is placed at the average of that district.
 *
 * <p>It cannot place postcodes in districts the directory has no address in; for that, plug in a full
 * postcode source. Immutable once built; thread-safe.
 */
public final class KnownPostcodes implements PostcodeLocator {

  private final Map<String, PostcodePlace> postcodes;
  private final Map<String, PostcodePlace> districts;

  private KnownPostcodes(Map<String, Sum> postcodes, Map<String, Sum> districts) {
    this.postcodes = new HashMap<>();
    postcodes.forEach((postcode, sum) -> this.postcodes.put(postcode, sum.place(postcode)));
    this.districts = new HashMap<>();
    districts.forEach((district, sum) -> this.districts.put(district, sum.place(district)));
  }

  /** The postcodes of every physical location of these services that has coordinates and a postcode. */
  public static KnownPostcodes of(Collection<Service> services) {
    Builder builder = builder();
    for (Service service : services) {
      if (service.getServiceAtLocations().isEmpty()) {
        continue;
      }
      for (ServiceAtLocation link : service.getServiceAtLocations()) {
        builder.add(link.getLocation());
      }
    }
    return builder.build();
  }

  /** A builder with no postcodes. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Optional<PostcodePlace> locate(String postcode) {
    Optional<String> full = Postcodes.normalize(postcode);
    if (full.isPresent()) {
      PostcodePlace exact = postcodes.get(full.get());
      if (exact != null) {
        return Optional.of(exact);
      }
    }
    return Postcodes.outward(postcode).map(districts::get)
        .map(district -> new PostcodePlace(full.orElse(district.postcode()), district.latitude(),
            district.longitude(), district.areas()));
  }

  /** How many distinct postcodes it knows. */
  public int size() {
    return postcodes.size();
  }

  /** Collects postcodes and positions. */
  public static final class Builder {
    private final Map<String, Sum> postcodes = new HashMap<>();
    private final Map<String, Sum> districts = new HashMap<>();

    private Builder() {
    }

    /** Adds a location's addresses at its position; a location without coordinates is skipped. */
    public Builder add(@Nullable Location location) {
      if (location == null || location.getLatitude() == null || location.getLongitude() == null
          || location.getAddresses().isEmpty()) {
        return this;
      }
      for (Address address : location.getAddresses()) {
        add(address.getPostalCode(), location.getLatitude(), location.getLongitude(),
            address.getCity(), address.getStateProvince(), address.getRegion());
      }
      return this;
    }

    /** Adds one sighting of a postcode at a position, inside the named areas; bad values are skipped. */
    public Builder add(@Nullable String postcode, @Nullable BigDecimal latitude, @Nullable BigDecimal longitude,
        @Nullable String... areas) {
      if (latitude == null || longitude == null) {
        return this;
      }
      double lat = latitude.doubleValue();
      double lon = longitude.doubleValue();
      if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
        return this;
      }
      Optional<String> full = Postcodes.normalize(postcode);
      if (full.isEmpty()) {
        return this;
      }
      postcodes.computeIfAbsent(full.get(), p -> new Sum()).add(lat, lon, areas);
      districts.computeIfAbsent(Postcodes.outward(full.get()).orElseThrow(), d -> new Sum()).add(lat, lon, areas);
      return this;
    }

    public KnownPostcodes build() {
      return new KnownPostcodes(postcodes, districts);
    }
  }

  private static final class Sum {
    private double latitude;
    private double longitude;
    private int count;
    private final Set<String> areas = new LinkedHashSet<>();

    void add(double lat, double lon, @Nullable String... names) {
      latitude += lat;
      longitude += lon;
      count++;
      for (String name : names) {
        if (name != null && !name.isBlank()) {
          areas.add(name);
        }
      }
    }

    PostcodePlace place(String postcode) {
      return new PostcodePlace(postcode, latitude / count, longitude / count, areas);
    }
  }
}
