package io.github.oruk.hub.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.Address;
import io.github.oruk.model.Contact;
import io.github.oruk.model.Location;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What de-duplication compares of one service, normalised once.
 *
 * <p>Phones: ORUK 3.0 gives a service no phone property, but feeds send HSDS's {@code phones} lists (on the
 * service, its locations and its contacts), which the reader keeps as extensions; their {@code number}s are read
 * from all three, so a number held on the service in one feed and on the location in another still compares.
 * The organization's own phone, e-mail and web site are not used: they belong to the organization, which runs
 * many services.
 *
 * @param name the name's words, in order (see {@link Normalizer#words})
 * @param places the physical places, one per location that has an address or coordinates
 */
record Profile(RecordKey key, List<String> name, Set<String> phones, @Nullable String email,
    @Nullable String url, Set<String> domains, List<Place> places) {

  /**
   * One location.
   *
   * @param postcode normalised, or null
   * @param street the first address line's words, or empty
   * @param latitude degrees, or NaN when there are no coordinates
   */
  record Place(@Nullable String postcode, List<String> street, double latitude, double longitude) {
    boolean hasCoordinates() {
      return !Double.isNaN(latitude) && !Double.isNaN(longitude);
    }
  }

  static Profile of(RecordKey key, Service service) {
    Set<String> phones = new LinkedHashSet<>();
    addPhones(phones, service.getExtensions().get("phones"));
    for (Contact contact : service.getContacts()) {
      addPhones(phones, contact.getExtensions().get("phones"));
    }
    List<Place> places = new ArrayList<>();
    for (ServiceAtLocation link : service.getServiceAtLocations()) {
      Location location = link.getLocation();
      if (location == null) {
        continue;
      }
      addPhones(phones, location.getExtensions().get("phones"));
      Address address = location.getAddresses().isEmpty() ? null : location.getAddresses().get(0);
      String postcode = address == null ? null : Normalizer.postcode(address.getPostalCode());
      List<String> street = address == null ? List.of() : Normalizer.words(address.getAddress1());
      double latitude = location.getLatitude() == null ? Double.NaN : location.getLatitude().doubleValue();
      double longitude = location.getLongitude() == null ? Double.NaN : location.getLongitude().doubleValue();
      Place place = new Place(postcode, street, latitude, longitude);
      if (postcode != null || !street.isEmpty() || place.hasCoordinates()) {
        places.add(place);
      }
    }
    String email = Normalizer.email(service.getEmail());
    String url = Normalizer.url(service.getUrl());
    Set<String> domains = new LinkedHashSet<>();
    if (url != null) {
      domains.add(Normalizer.domain(url));
    }
    if (email != null) {
      domains.add(Normalizer.domain(email));
    }
    return new Profile(key, Normalizer.words(service.getName()), phones, email, url, domains, places);
  }

  private static void addPhones(Set<String> phones, @Nullable JsonNode list) {
    if (list == null) {
      return;
    }
    for (JsonNode phone : list.isArray() ? list : List.of(list)) {
      JsonNode number = phone.isObject() ? phone.get("number") : phone;
      if (number != null && number.isValueNode()) {
        String normalised = Normalizer.phone(number.asText());
        if (normalised != null) {
          phones.add(normalised);
        }
      }
    }
  }
}
